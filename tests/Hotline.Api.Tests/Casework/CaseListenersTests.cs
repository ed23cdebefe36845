namespace Hotline.Api.Tests.Casework;

/// <summary>Who on this instance could be told of a case's messages.</summary>
public sealed class CaseListenersTests
{
    private static readonly Guid Amina = Guid.NewGuid();
    private static readonly Guid Bilal = Guid.NewGuid();
    private static readonly Guid Case = Guid.NewGuid();
    private static readonly Guid NextCase = Guid.NewGuid();

    [Fact]
    public void Nobody_hears_a_case_that_no_console_has_open_and_whose_assignee_is_not_connected()
    {
        var listeners = new CaseListeners();
        listeners.Connected("c1", Amina);

        Assert.False(listeners.AnyoneHears(Case, Bilal));
    }

    [Fact]
    public void A_console_that_opened_the_case_hears_it()
    {
        var listeners = new CaseListeners();
        listeners.Connected("c1", Amina);

        listeners.Opened("c1", Case);

        Assert.True(listeners.AnyoneHears(Case, null));
    }

    [Fact]
    public void The_connected_assignee_hears_the_case_without_having_it_open()
    {
        var listeners = new CaseListeners();

        listeners.Connected("c1", Bilal);

        Assert.True(listeners.AnyoneHears(Case, Bilal));
    }

    [Fact]
    public void The_case_is_still_heard_while_another_console_keeps_it_open()
    {
        var listeners = new CaseListeners();
        listeners.Connected("c1", Amina);
        listeners.Connected("c2", Bilal);
        listeners.Opened("c1", Case);
        listeners.Opened("c2", Case);

        listeners.Left("c1", Case);

        Assert.True(listeners.AnyoneHears(Case, null));
    }

    [Fact]
    public void Opening_the_same_case_twice_on_one_console_is_undone_by_one_leave()
    {
        var listeners = new CaseListeners();
        listeners.Connected("c1", Amina);
        listeners.Opened("c1", Case);
        listeners.Opened("c1", Case);

        listeners.Left("c1", Case);

        Assert.False(listeners.AnyoneHears(Case, null));
    }

    [Fact]
    public void A_console_that_opens_another_case_leaves_the_one_it_showed_before_and_is_told_which()
    {
        var listeners = new CaseListeners();
        listeners.Connected("c1", Amina);
        listeners.Opened("c1", Case);
        listeners.Opened("c1", NextCase);

        var left = listeners.LeaveAllBut("c1", NextCase);

        Assert.Equal([Case], left);
        Assert.Equal((false, true), (listeners.AnyoneHears(Case, null), listeners.AnyoneHears(NextCase, null)));
    }

    [Fact]
    public void A_disconnected_console_no_longer_hears_its_open_cases_nor_as_the_assignee()
    {
        var listeners = new CaseListeners();
        listeners.Connected("c1", Amina);
        listeners.Opened("c1", Case);

        listeners.Disconnected("c1");

        Assert.False(listeners.AnyoneHears(Case, Amina));
    }

    [Fact]
    public void A_user_with_two_consoles_still_hears_after_closing_one()
    {
        var listeners = new CaseListeners();
        listeners.Connected("c1", Amina);
        listeners.Connected("c2", Amina);

        listeners.Disconnected("c1");

        Assert.True(listeners.AnyoneHears(Case, Amina));
    }

    [Fact]
    public void Someone_is_connected_from_the_first_console_until_the_last_leaves()
    {
        var listeners = new CaseListeners();
        var before = listeners.AnyoneConnected;
        listeners.Connected("c1", Amina);
        var during = listeners.AnyoneConnected;

        listeners.Disconnected("c1");

        Assert.Equal((false, true, false), (before, during, listeners.AnyoneConnected));
    }
}
