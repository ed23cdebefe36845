using Hotline.Api.Privacy;
using Hotline.Api.SimCards;
using Hotline.Bot.ConversationContract;
using Hotline.Bot.Intake.Engine;
using Hotline.Bot.Intake.Scripts;

namespace Hotline.Benchmarks;

/// <summary>
/// The issued-SIM import (100,000 rows through the real importer into a real SQLite file) and the intake
/// engine's speed on one thread (a full intake, turn after turn, in several languages).
/// </summary>
internal static class SimsBenchmark
{
    public const string Name = "sims";
    public const string Usage = "sims [rows=100000] [turns=400000]";

    private const int DefaultRows = 100_000;
    private const int DefaultTurns = 400_000;

    // The target is 100,000 rows in under 10 s; a shorter run is held to the same pace.
    private const double MinRowsPerSecond = 10_000;
    private const double MinTurnsPerSecond = 20_000;
    private static readonly string[] Languages = ["ne", "ar", "hi", "bn", "fil", "id", "ur", "sw"];

    public static async Task<int> RunAsync(string[] args, BenchmarkTargets targets)
    {
        if (!BenchmarkArguments.TryParse(args, 0, DefaultRows, 1_000, 10_000_000, out var rows)
            || !BenchmarkArguments.TryParse(args, 1, DefaultTurns, 10_000, 100_000_000, out var turns))
        {
            return BenchmarkArguments.Refuse(Usage);
        }

        var importSeconds = await MeasureImportAsync(rows);
        var turnsPerSecond = MeasureEngine(turns);
        Console.WriteLine();
        var allowedSeconds = rows / MinRowsPerSecond;
        targets.Check(Name, $"import of {rows:N0} rows under {allowedSeconds:N1} s (100,000 under 10 s)", importSeconds < allowedSeconds,
            $"{importSeconds:F2} s, {rows / importSeconds:N0} rows/s");
        targets.Check(Name, $"intake engine at least {MinTurnsPerSecond:N0} turns/s on one thread", turnsPerSecond >= MinTurnsPerSecond,
            $"{turnsPerSecond:N0} turns/s");
        return BenchmarkTargets.Completed;
    }

    private static async Task<double> MeasureImportAsync(int rows)
    {
        await using var temp = await TempSqliteDatabase.CreateAsync();
        var keys = Options.Create(new PrivacyOptions
        {
            CurrentKeyId = "bench",
            Keys = new Dictionary<string, string> { ["bench"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) },
            LookupKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        });
        var registry = new SimRegistry(temp.Database, new AddressHasher(keys), IntakeScript.LoadDefault(), Options.Create(new SimRegistryOptions()), TimeProvider.System);
        var file = BuildCsv(rows);
        Console.WriteLine($"SIM import: {rows:N0} rows, {file.Length / 1024:N0} KB of CSV, into a SQLite file with the production settings");

        var parsing = Stopwatch.StartNew();
        SimCsvReader.Read(file, null, IntakeScript.LoadDefault());
        Console.WriteLine($"  of which reading and checking the CSV alone: {parsing.Elapsed.TotalSeconds:F2} s");

        var clock = Stopwatch.StartNew();
        var report = await registry.ImportAsync(file, CancellationToken.None);
        clock.Stop();

        Console.WriteLine($"  imported {report.Imported:N0}, rejected {report.Rejected.Count:N0} in {clock.Elapsed.TotalSeconds:F2} s ({report.Imported / clock.Elapsed.TotalSeconds:N0} rows/s)");
        return clock.Elapsed.TotalSeconds;
    }

    private static byte[] BuildCsv(int rows)
    {
        var csv = new StringBuilder(SimCsvReader.Header).Append('\n');
        for (var i = 0; i < rows; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"+97798{i:D8},{Languages[i % Languages.Length]},2026-03-{i % 28 + 1:D2},Arrivals {i % 12}\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    /// <summary>Plays intakes end to end (menu, safety, danger, consent, questions, place, hand-off) and times every turn.</summary>
    private static double MeasureEngine(int turns)
    {
        var engine = IntakeEngine.CreateDefault();
        string[] script = ["hello", "1", "yes", "no", "yes", "yes", "no", "yes", "no", "yes", "no", "yes", "no", "yes", "near the port", "ok"];
        var warmUp = Play(engine, script, 50_000);
        var clock = Stopwatch.StartNew();
        var played = Play(engine, script, turns);
        clock.Stop();
        var perSecond = played / clock.Elapsed.TotalSeconds;
        Console.WriteLine($"Intake engine: {played:N0} turns on one thread in {clock.Elapsed.TotalSeconds:F2} s after {warmUp:N0} warm-up turns: {perSecond:N0} turns/s");
        return perSecond;
    }

    private static int Play(IntakeEngine engine, string[] script, int turns)
    {
        var played = 0;
        var start = new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
        while (played < turns)
        {
            string? state = null;
            string? language = null;
            var hasCase = false;
            foreach (var text in script)
            {
                var turn = engine.Handle(new ConversationSnapshot(language, state, false, hasCase, null, start),
                    new InboundMessage(text, 0, null, start.AddSeconds(played)));
                state = turn.State;
                language = turn.Language ?? language;
                hasCase |= turn.Events.OfType<CaseRequested>().Any();
                played++;
            }
        }

        return played;
    }
}
