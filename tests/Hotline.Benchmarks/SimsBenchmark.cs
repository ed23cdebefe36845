using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hotline.Api.Privacy;
using Hotline.Api.Sims;
using Hotline.Bot.Conversations;
using Hotline.Bot.Intake.Engine;
using Microsoft.Extensions.Options;

namespace Hotline.Benchmarks;

/// <summary>
/// The issued-SIM import (100,000 rows through the real importer into a real SQLite file) and the intake
/// engine's speed on one thread (a full intake, turn after turn, in several languages).
/// </summary>
internal static class SimsBenchmark
{
    private const int Rows = 100_000;
    private const int Turns = 400_000;
    private static readonly string[] Languages = ["ne", "ar", "hi", "bn", "fil", "id", "ur", "sw"];

    public static async Task<int> RunAsync()
    {
        var importSeconds = await MeasureImportAsync();
        var turnsPerSecond = MeasureEngine();
        Console.WriteLine();
        Console.WriteLine($"target import of {Rows:N0} rows under 10 s: {(importSeconds < 10 ? "holds" : "misses")} ({importSeconds:F2} s)");
        Console.WriteLine($"target engine at least 20,000 turns per second on one thread: {(turnsPerSecond >= 20_000 ? "holds" : "misses")} ({turnsPerSecond:N0})");
        return 0;
    }

    private static async Task<double> MeasureImportAsync()
    {
        await using var temp = await TempSqliteDatabase.CreateAsync();
        var keys = Options.Create(new PrivacyOptions
        {
            CurrentKeyId = "bench",
            Keys = new Dictionary<string, string> { ["bench"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) },
            LookupKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        });
        var registry = new SimRegistry(temp.Database, new AddressHasher(keys), Options.Create(new SimRegistryOptions()), TimeProvider.System);
        var file = BuildCsv();
        Console.WriteLine($"SIM import: {Rows:N0} rows, {file.Length / 1024:N0} KB of CSV, into a SQLite file with the production settings");

        var parsing = Stopwatch.StartNew();
        SimCsvReader.Read(file, null);
        Console.WriteLine($"  of which reading and checking the CSV alone: {parsing.Elapsed.TotalSeconds:F2} s");

        var clock = Stopwatch.StartNew();
        var report = await registry.ImportAsync(file, CancellationToken.None);
        clock.Stop();

        Console.WriteLine($"  imported {report.Imported:N0}, rejected {report.Rejected.Count:N0} in {clock.Elapsed.TotalSeconds:F2} s ({report.Imported / clock.Elapsed.TotalSeconds:N0} rows/s)");
        return clock.Elapsed.TotalSeconds;
    }

    private static byte[] BuildCsv()
    {
        var csv = new StringBuilder(SimCsvReader.Header).Append('\n');
        for (var i = 0; i < Rows; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"+97798{i:D8},{Languages[i % Languages.Length]},2026-03-{i % 28 + 1:D2},Arrivals {i % 12}\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    /// <summary>Plays intakes end to end (menu, safety, danger, consent, questions, place, hand-off) and times every turn.</summary>
    private static double MeasureEngine()
    {
        var engine = IntakeEngine.CreateDefault();
        string[] script = ["hello", "1", "yes", "no", "yes", "yes", "no", "yes", "no", "yes", "no", "yes", "no", "yes", "near the port", "ok"];
        var warmUp = Play(engine, script, 50_000);
        var clock = Stopwatch.StartNew();
        var turns = Play(engine, script, Turns);
        clock.Stop();
        var perSecond = turns / clock.Elapsed.TotalSeconds;
        Console.WriteLine($"Intake engine: {turns:N0} turns on one thread in {clock.Elapsed.TotalSeconds:F2} s after {warmUp:N0} warm-up turns: {perSecond:N0} turns/s");
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
