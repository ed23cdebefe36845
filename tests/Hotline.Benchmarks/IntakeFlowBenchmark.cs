namespace Hotline.Benchmarks;

/// <summary>
/// Time to a human: simulated people play the intake through the signed `/twilio/sms` webhook of the real
/// Hotline.Api (Twilio disabled: replies are recorded Failed at once), one message at a time, and after every
/// message the SQLite file is read for their case. Printed: how many exchanges and seconds from the first message
/// until the case is queued, and from a message with an urgent word until the case is Critical.
/// </summary>
internal static class IntakeFlowBenchmark
{
    public const string Name = "intake-flow";
    public const string Usage = "intake-flow [people=1000]";

    private const int DefaultPeople = 1_000;
    private const int Seed = 2_212;
    private const int MaxExchangesAfterLanguage = 3;

    // A person takes 10 to 30 s to read a reply and type the next answer on a cheap phone.
    private const double MinThinkSeconds = 10;
    private const double MaxThinkSeconds = 30;

    public static async Task<int> RunAsync(string[] args, BenchmarkTargets targets)
    {
        if (!BenchmarkArguments.TryParse(args, 0, DefaultPeople, 10, 100_000, out var people))
        {
            return BenchmarkArguments.Refuse(Usage);
        }

        if (BenchmarkApi.FindBuild() is not { } dll)
        {
            return BenchmarkArguments.NoReleaseBuild();
        }

        Console.WriteLine($"Intake flow: {people:N0} simulated people, one message at a time, through the signed /twilio/sms webhook of "
            + "Hotline.Api on 127.0.0.1 (Twilio disabled: replies recorded Failed at once, nothing sent); the SQLite file read after every message.");
        Console.WriteLine($"Seconds are the person's time: {MinThinkSeconds:F0} to {MaxThinkSeconds:F0} s to read and answer each reply "
            + "(seeded), plus the webhooks' measured time.");
        Console.WriteLine($"Product: {dll} (built {File.GetLastWriteTime(dll):yyyy-MM-dd HH:mm:ss}).");
        Console.WriteLine();

        await using var api = await BenchmarkApi.StartAsync();
        var webhooks = new SignedSmsWebhooks(api.AuthToken, BenchmarkApi.PublicBaseUrl, people, Seed);
        using var client = WebhookLoad.CreateClient(api.BaseAddress, 1, TimeSpan.FromSeconds(30));
        await using var reader = new SqliteConnection($"Data Source={api.DatabasePath};Mode=ReadOnly");
        await reader.OpenAsync();
        var target = new Uri(api.BaseAddress, SignedSmsWebhooks.Path);
        var random = new Random(Seed);
        var outcomes = new List<PersonOutcome>(people);
        var clock = Stopwatch.StartNew();
        foreach (var sender in webhooks.Senders)
        {
            var person = SimulatedPerson.Draw(random);
            outcomes.Add(await PlayAsync(person, sender, webhooks, client, target, reader, random));
        }

        Console.WriteLine($"played {outcomes.Sum(o => o.Messages):N0} messages in {clock.Elapsed.TotalSeconds:F1} s; failed posts: "
            + $"{outcomes.Sum(o => o.FailedPosts)}; went quiet (not safe to write): {outcomes.Count(o => o.Person.NotSafe)}");
        Report(outcomes, targets);
        return BenchmarkTargets.Completed;
    }

    private static async Task<PersonOutcome> PlayAsync(SimulatedPerson person, string sender, SignedSmsWebhooks webhooks, HttpClient client,
        Uri target, SqliteConnection reader, Random random)
    {
        var casesBefore = await CountCasesAsync(reader);
        var outcome = new PersonOutcome(person);
        var personSeconds = 0.0;
        for (var index = 0; index < person.Messages.Count; index++)
        {
            if (index > 0)
            {
                personSeconds += MinThinkSeconds + random.NextDouble() * (MaxThinkSeconds - MinThinkSeconds);
            }

            var posted = Stopwatch.StartNew();
            var status = await WebhookLoad.PostAsync(client, target, webhooks.From(sender, person.Messages[index], random));
            personSeconds += posted.Elapsed.TotalSeconds;
            outcome.Messages++;
            if (status is < 200 or >= 300)
            {
                outcome.FailedPosts++;
            }

            // Sequential people: a case opened since this person's first message is theirs.
            if (await CountCasesAsync(reader) > casesBefore && await ReadNewestPriorityAsync(reader) is var priority)
            {
                outcome.QueuedAtMessage ??= index + 1;
                outcome.QueuedAtSeconds ??= personSeconds;
                if (priority == CriticalBand && person.UrgentAtMessage is { } urgent && index + 1 >= urgent)
                {
                    outcome.CriticalAtMessage ??= index + 1;
                }
            }
        }

        return outcome;
    }

    private const long CriticalBand = 4;

    private static async Task<long> CountCasesAsync(SqliteConnection reader)
    {
        await using var command = reader.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Cases";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<long> ReadNewestPriorityAsync(SqliteConnection reader)
    {
        await using var command = reader.CreateCommand();
        command.CommandText = "SELECT Priority FROM Cases ORDER BY rowid DESC LIMIT 1";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static void Report(List<PersonOutcome> outcomes, BenchmarkTargets targets)
    {
        var expected = outcomes.Where(o => !o.Person.NotSafe).ToList();
        var exchanges = expected.Select(o => o.QueuedAtMessage is { } at ? at - o.Person.LanguageKnownAtMessage : double.PositiveInfinity).ToList();
        var seconds = expected.Select(o => o.QueuedAtSeconds ?? double.PositiveInfinity).ToList();
        Console.WriteLine();
        Console.WriteLine($"first message to case queued, {expected.Count:N0} people who did not say it is unsafe to write:");
        Console.WriteLine($"  exchanges after the language was known: {Distribution(exchanges)}");
        Console.WriteLine($"  exchanges from the first message:       {Distribution(expected.Select(o => (double?)o.QueuedAtMessage ?? double.PositiveInfinity).ToList())}");
        Console.WriteLine($"  seconds from the first message:         {Distribution(seconds)}");
        Console.WriteLine($"  never queued while the intake ran:      {expected.Count(o => o.QueuedAtMessage is null)}");

        var urgent = outcomes.Where(o => o.Person.UrgentAtMessage is not null).ToList();
        var lag = urgent.Select(o => o.CriticalAtMessage is { } at ? at - o.Person.UrgentAtMessage!.Value : double.PositiveInfinity).ToList();
        Console.WriteLine($"urgent word to Critical, {urgent.Count:N0} people who wrote one (the first message or a later one):");
        Console.WriteLine($"  exchanges after the urgent message:     {Distribution(lag)} (0 = the same exchange)");
        Console.WriteLine($"  never Critical:                         {urgent.Count(o => o.CriticalAtMessage is null)}");
        Console.WriteLine();

        var worst = exchanges.Count == 0 ? 0 : exchanges.Max();
        targets.Check(Name, $"every person who can write is queued within {MaxExchangesAfterLanguage} exchanges of the language being known",
            worst <= MaxExchangesAfterLanguage, $"worst {Format(worst)} exchanges");
        var worstLag = lag.Count == 0 ? 0 : lag.Max();
        targets.Check(Name, "an urgent word makes the case Critical in the same exchange", worstLag == 0, $"worst {Format(worstLag)} exchanges later");
    }

    private static string Distribution(List<double> values)
    {
        if (values.Count == 0)
        {
            return "none";
        }

        var sorted = values.Order().ToList();
        double At(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        return $"p50 {Format(At(0.50))}, p90 {Format(At(0.90))}, p99 {Format(At(0.99))}, max {Format(sorted[^1])}";
    }

    private static string Format(double value) =>
        double.IsPositiveInfinity(value) ? "never" : value.ToString(value % 1 == 0 ? "F0" : "F1", CultureInfo.InvariantCulture);

    private sealed class PersonOutcome(SimulatedPerson person)
    {
        public SimulatedPerson Person { get; } = person;
        public int Messages { get; set; }
        public int FailedPosts { get; set; }
        public int? QueuedAtMessage { get; set; }
        public double? QueuedAtSeconds { get; set; }
        public int? CriticalAtMessage { get; set; }
    }
}
