using Hotline.Bot.Tests.Intake.Support;

namespace Hotline.Api.Tests.Twilio;

/// <summary>
/// A sample of the intake corpus (one reply of each reading per language) sent as signed Twilio webhooks, judged
/// by what reaches the phone: the Twilio stand-in's messages.
/// </summary>
public sealed class CorpusWebhookTests
{
    private const string EmergencyNumber = "999";
    private const int WaitMinutes = 20;
    private static readonly IntakeScript Script = IntakeScript.LoadDefault();

    public static TheoryData<string> Languages() => new(Script.Languages.Select(l => l.Tag));

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task A_sample_of_the_corpus_reaches_the_phone_as_its_reading_says(string language)
    {
        await using var harness = await TwilioHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Hotline:Intake:EmergencyNumber"] = EmergencyNumber,
            ["Hotline:Intake:ExpectedWaitMinutes"] = WaitMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var sample = Sample(language);
        Assert.Equal(6, sample.Count);

        for (var i = 0; i < sample.Count; i++)
        {
            var line = sample[i];
            var worker = $"+97798000025{i:D2}";
            await harness.TextAsync(worker, [Script.FindLanguage(language)!.EnglishName, .. PathTo(line.Step)]);
            await harness.DispatchAllAsync();
            var before = harness.Twilio.Created.Count(m => m.To == worker);
            var optedOut = await harness.CountAsync("SELECT COUNT(*) FROM Conversations WHERE Status = 'OptedOut'");
            var quiet = await harness.CountAsync("SELECT COUNT(*) FROM Conversations WHERE Status = 'Quiet'");

            await harness.TextAsync(worker, line.Text);
            await harness.DispatchAllAsync();

            var received = harness.Twilio.Created.Where(m => m.To == worker).Skip(before).Select(m => m.Body).FirstOrDefault();
            var stopped = await harness.CountAsync("SELECT COUNT(*) FROM Conversations WHERE Status = 'OptedOut'") > optedOut;
            var wentQuiet = await harness.CountAsync("SELECT COUNT(*) FROM Conversations WHERE Status = 'Quiet'") > quiet;
            var read = Read(language, line.Step, received, stopped, wentQuiet);
            Assert.True(read == line.Reading, $"{language}.tsv:{line.Line}: '{line.Text}' at {line.Step} should reach the phone as {line.Reading}, but did as {read}");
        }
    }

    /// <summary>Per reading, the first line of the language's corpus at a question whose answers the phone can tell apart.</summary>
    private static List<CorpusLine> Sample(string language) =>
        IntakeCorpus.Lines
            .Where(l => l.Language == language && (l.Reading is not ("yes" or "no" or "unclear") || l.Step is "safe_now" or "danger"))
            .GroupBy(l => l.Reading)
            .Select(g => g.First())
            .ToList();

    private static string[] PathTo(string step) => step switch
    {
        "safe_now" => [],
        "danger" => ["1"],
        _ => ["1", "2", "1"],
    };

    private static string Read(string language, string step, string? received, bool stopped, bool wentQuiet)
    {
        var question = Script.FindStep(step)!;
        if (wentQuiet && (received is null || received == Text(language, question.Target(AnswerCodes.No)!)))
        {
            // Not safe to write: the conversation goes quiet; whether its one acknowledgement is delivered is the host's delivery rule.
            return "no";
        }

        if (received is null)
        {
            return stopped ? "stop" : "nothing";
        }

        var readings = new (string Reading, string TextId)[]
        {
            ("distress", MessageIds.Distress), ("person", MessageIds.Person), ("unclear", MessageIds.Reask),
            ("yes", question.Target(AnswerCodes.Yes)!), ("no", question.Target(AnswerCodes.No)!),
        };
        return readings.FirstOrDefault(r => received == Text(language, r.TextId)).Reading ?? $"something else: {received}";
    }

    private static string Text(string language, string id) => Placeholders.Fill(Script.Text(language, id), EmergencyNumber, WaitMinutes);
}
