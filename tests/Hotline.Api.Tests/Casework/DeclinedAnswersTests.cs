namespace Hotline.Api.Tests.Casework;

/// <summary>
/// A person who does not agree to have their intake answers saved: the case says so, beside a priority and a reason that
/// stay as the intake triaged them, so a caseworker can tell "declined" from "answered nothing".
/// </summary>
public sealed class DeclinedAnswersTests
{
    private const string Worker = "+639170000808";

    // Filipino by its greeting; safe to write (1), in danger ("oo", yes), then "2": do not save my answers.
    private static readonly string[] InDangerThenDeclines = ["kumusta", "1", "oo", "2"];

    [Fact]
    public async Task A_person_in_danger_who_declines_keeps_a_critical_case_with_its_reason_and_the_case_says_they_declined()
    {
        await using var harness = await TwilioHarness.StartAsync();
        await harness.TextAsync(Worker, InDangerThenDeclines);
        await harness.DispatchAllAsync();

        var detail = await ReadTheCaseAsync(harness);

        Assert.StartsWith("Sige, hindi namin ise-save ang mga sagot mo.", harness.Twilio.Created[^1].Body, StringComparison.Ordinal);
        Assert.Equal("fil", detail.Case.Language);
        Assert.Equal("Critical", detail.Case.Priority);
        Assert.Equal(["immediate_danger"], detail.Case.Reasons);
        Assert.Empty(detail.Answers);
        Assert.True(detail.AnswersDeclined);
    }

    [Fact]
    public async Task A_person_who_asked_for_a_person_before_the_consent_question_did_not_decline()
    {
        await using var harness = await TwilioHarness.StartAsync();
        await harness.TextAsync(Worker, "kumusta", "0");

        var detail = await ReadTheCaseAsync(harness);

        Assert.Empty(detail.Answers);
        Assert.False(detail.AnswersDeclined);
    }

    [Fact]
    public async Task A_person_who_agreed_did_not_decline()
    {
        await using var harness = await TwilioHarness.StartAsync();
        await harness.TextAsync(Worker, "kumusta", "1", "2", "1");

        var detail = await ReadTheCaseAsync(harness);

        Assert.Equal(["consent: yes"], detail.Answers.Select(a => $"{a.StepId}: {a.AnswerCode}"));
        Assert.False(detail.AnswersDeclined);
    }

    private static async Task<CaseDetail> ReadTheCaseAsync(TwilioHarness harness)
    {
        var caseworker = await SignedInClient.SignInAsync(harness.App,
            await SignedInClient.AddUserAsync(harness.App, "maria", UserRole.Caseworker, "fil", "en"));
        var queue = await caseworker.Http.GetFromJsonAsync<QueueView>("/api/queue", Ct);
        return (await caseworker.Http.GetFromJsonAsync<CaseDetail>($"/api/cases/{Assert.Single(queue!.Cases).Id}", Ct))!;
    }
}
