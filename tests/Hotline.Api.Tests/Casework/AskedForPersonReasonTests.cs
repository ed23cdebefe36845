namespace Hotline.Api.Tests.Casework;

/// <summary>
/// A person who asks for a person ("0") while the intake still asks: the queue, the case and the supervisor's overview carry
/// the reason <c>asked_for_person</c>, so nobody reads the case as one with nothing recorded.
/// </summary>
public sealed class AskedForPersonReasonTests
{
    private const string Worker = "+971500000707";

    /// <summary>
    /// Found by a caseworker: safe to write, not in danger, answers may be kept, then "0" at the first question; the case
    /// reached the queue with no reason, and the case view said "No triage reasons recorded."
    /// </summary>
    [Fact]
    public async Task A_person_who_asked_for_a_person_mid_intake_is_queued_with_that_reason_everywhere_reasons_are_read()
    {
        await using var harness = await TwilioHarness.StartAsync();
        await harness.TextAsync(Worker, "hello", "1", "2", "1", "0");
        var supervisor = await SignedInClient.SignInAsync(harness.App,
            await SignedInClient.AddUserAsync(harness.App, "sofia", UserRole.Supervisor, "en"));

        var queue = (await supervisor.Http.GetFromJsonAsync<QueueView>("/api/queue", Ct))!;
        var detail = (await supervisor.Http.GetFromJsonAsync<CaseDetail>($"/api/cases/{Assert.Single(queue.Cases).Id}", Ct))!;
        var overview = (await supervisor.Http.GetFromJsonAsync<CaseworkEndpoints.SupervisorOverview>("/api/supervisor/overview", Ct))!;

        Assert.Equal(["asked_for_person"], Assert.Single(queue.Cases).Reasons);
        Assert.Equal(("Low", 0), (detail.Case.Priority, detail.Case.TriageScore));
        Assert.Equal(["asked_for_person"], detail.Case.Reasons);
        Assert.Equal(["consent: yes"], detail.Answers.Select(a => $"{a.StepId}: {a.AnswerCode}"));
        Assert.Equal(["asked_for_person"], Assert.Single(overview.Queue.Cases).Reasons);
    }

    [Fact]
    public async Task A_person_who_asked_for_a_person_at_the_safety_question_is_queued_with_that_reason()
    {
        await using var harness = await TwilioHarness.StartAsync();
        await harness.TextAsync(Worker, "hello", "0");

        Assert.Equal("[\"asked_for_person\"]", await harness.ScalarAsync("SELECT TriageReasons FROM Cases"));
    }
}
