namespace Hotline.Api.Tests.Casework;

/// <summary>What a person answered in the intake reaches their case, whichever path the intake took.</summary>
public sealed class IntakeAnswerTests
{
    private const string Worker = "+9779800000808";
    private const string Place = "Al Quoz camp 7, room 12";

    // Safe to write, not in danger, consent, nine indicator answers, then the place.
    private static readonly string[] WholeIntakeWithoutDanger = ["hello", "1", "2", "1", "1", "2", "1", "2", "2", "1", "1", "2", "2", Place];

    [Fact]
    public async Task Every_answer_of_an_intake_without_danger_is_on_the_case_and_the_place_as_written()
    {
        await using var harness = await TwilioHarness.StartAsync();
        await harness.TextAsync(Worker, WholeIntakeWithoutDanger);

        var detail = await ReadTheCaseAsync(harness);

        Assert.Equal(
            [
                "consent: yes", "documents: yes", "wages: no", "free_to_leave: yes", "debt: no", "threats: no",
                "deceived: yes", "hours: yes", "isolation: no", "living: no", "location: text Al Quoz camp 7, room 12",
            ],
            detail.Answers.Select(a => $"{a.StepId}: {a.AnswerCode}{(a.Text is null ? "" : " " + a.Text)}"));
    }

    [Fact]
    public async Task The_place_a_person_writes_is_stored_only_encrypted()
    {
        await using var harness = await TwilioHarness.StartAsync();
        await harness.TextAsync(Worker, WholeIntakeWithoutDanger);

        Assert.Equal(0, await harness.CountAsync("SELECT COUNT(*) FROM CaseEvents WHERE Data LIKE '%Quoz%'"));
        Assert.Equal(1, await harness.CountAsync("SELECT COUNT(*) FROM CaseEvents WHERE Type = 'AnswerRecorded' AND Data LIKE '%\"TextCipher\":\"%'"));
    }

    private static async Task<CaseDetail> ReadTheCaseAsync(TwilioHarness harness)
    {
        var caseworker = await SignedInClient.SignInAsync(harness.App,
            await SignedInClient.AddUserAsync(harness.App, "amina", UserRole.Caseworker, "en"));
        var queue = await caseworker.Http.GetFromJsonAsync<QueueView>("/api/queue", Ct);
        return (await caseworker.Http.GetFromJsonAsync<CaseDetail>($"/api/cases/{Assert.Single(queue!.Cases).Id}", Ct))!;
    }
}
