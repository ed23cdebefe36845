using Hotline.Api.Referrals;

namespace Hotline.Api.Tests.Referrals;

/// <summary>
/// What a partner reads beside a priority that no intake answer backs. A case queued High because the hotline failed the person
/// (a reply that could not be sent, an engine fault) is no finding about danger: before, a partner read "High" with its
/// reasons "not shared", an assessment nobody made.
/// </summary>
public sealed class PartnerDangerTests
{
    [Theory]
    [InlineData("[\"reply_failed\"]", "unknown")]
    [InlineData("[\"engine_fault\"]", "unknown")]
    [InlineData("[\"discreet_word\",\"wrote_while_not_safe\"]", "unknown")]
    [InlineData("[]", "unknown")]
    [InlineData("[\"urgent_word\"]", null)]
    [InlineData("[\"reply_failed\",\"documents_retained\"]", null)]
    public void A_priority_with_no_answer_behind_it_reads_danger_unknown(string reasons, string? expected)
    {
        Assert.Equal(expected, PartnerDanger.Of(reasons, [], answersDeclined: false));
    }

    [Fact]
    public void With_the_answers_declined_it_reads_not_on_record()
    {
        Assert.Equal("not_on_record", PartnerDanger.Of("[\"reply_failed\"]", [], answersDeclined: true));
    }
}
