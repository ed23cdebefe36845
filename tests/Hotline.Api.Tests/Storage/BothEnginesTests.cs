using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Hotline.Api.Tests.Storage;

/// <summary>
/// The storage areas' tests run on both engines (<c>[Theory, DatabaseData]</c>), so a run with a SQL Server
/// covers what production runs on. A test there that starts the system on SQLite only must be listed below
/// with the reason SQLite is the point of it; no new one slips in unnoticed.
/// </summary>
public sealed class BothEnginesTests
{
    /// <summary>The repositories, queue, outbox, SIM registry, statistics, retention and erasure, with their endpoints.</summary>
    private static readonly string[] Areas = ["CaseStore", "Erasure", "Messages", "Outbox", "Referrals", "Retention", "SimCards", "Statistics"];

    private static readonly Dictionary<string, string> SqliteOnly = new()
    {
        ["ProcessClaimRaceTests.Two_processes_claiming_from_one_SQLite_file_take_each_case_exactly_once"] =
            "SQLite's file locking between two processes; ConcurrentClaimTests races the claim on both engines",
        ["ProcessClaimRaceTests.Claims_until_the_queue_is_empty_when_started_by_the_race"] = "one process of the race above, on its SQLite file",
        ["OutboxRepositoryTests.A_backlog_of_due_messages_is_read_along_its_indexes_not_sorted_whole"] = "reads SQLite's EXPLAIN QUERY PLAN",
        ["OutboxRepositoryTests.A_pass_claims_its_rows_by_their_ids_not_along_the_due_indexes"] = "reads SQLite's EXPLAIN QUERY PLAN",
        ["OutboxRepositoryTests.Whether_an_earlier_reply_is_in_the_way_is_read_from_the_persons_unsent_rows"] = "reads SQLite's EXPLAIN QUERY PLAN",
        ["OutboxFencingTests.A_reply_claimed_by_another_dispatcher_while_this_one_waited_for_the_send_rate_is_not_sent_by_this_one"] =
            "takes the lease over by writing its expiry by hand, in SQLite's stored text form",
        ["OutboxFencingTests.A_reply_whose_lease_renewal_waits_for_the_writer_while_the_person_sends_stop_is_not_sent"] =
            "holds SQLite's single writer, as a burst of webhooks does, so that the renewal waits behind it",
        ["OutcomeRecordingTests.A_send_whose_outcome_cannot_be_recorded_leaves_the_other_outcomes_of_its_pass_recorded"] =
            "the database refuses the record through a trigger written in SQLite's dialect (RAISE(ABORT)); the recording itself is the same on both",
        ["SimRegistryTests.The_registry_file_holds_no_phone_number"] = "reads the bytes of the SQLite file",
        ["ErasureCanaryTests.After_erasure_no_table_column_or_byte_of_the_database_files_holds_the_person_and_statistics_still_count_the_case"] =
            "reads every table of sqlite_master and the bytes of the SQLite file and its write-ahead log",
        ["ReferralRegionTests.A_shared_region_reaches_the_partner_but_not_the_database_file_in_the_clear"] = "reads the bytes of the SQLite file",
        ["StatisticsCsvInjectionTests.A_partner_name_that_starts_like_a_formula_is_escaped_in_the_csv"] =
            "the escaping is the endpoint's; the expected order of names starting with punctuation is SQLite's binary collation",
    };

    /// <summary>Calls that stand the system up, by the class that offers them.</summary>
    private static readonly string[] Starters = ["HotlineApp", "TwilioHarness", "ReferralHarness", "TestDatabase", "ApiProcess", "ApiFleet"];

    [Fact]
    public void Every_test_in_the_storage_areas_that_starts_the_system_takes_both_engines_or_says_why_not()
    {
        var sqliteOnly = SqliteOnlyTests();
        var unlisted = string.Join(", ", sqliteOnly.Where(test => !SqliteOnly.ContainsKey(test)).Order(StringComparer.Ordinal));
        var stale = string.Join(", ", SqliteOnly.Keys.Where(test => !sqliteOnly.Contains(test)));

        Assert.True(unlisted.Length == 0, $"Start these on [Theory, DatabaseData], or list them here with the reason SQLite is their point: {unlisted}");
        Assert.True(stale.Length == 0, $"Listed as SQLite-only but no longer are (take them off the list): {stale}");
    }

    [Fact]
    public void A_fact_that_starts_the_parts_is_found_through_a_helper_of_its_class()
    {
        var tests = SqliteOnlyTests(CSharpSyntaxTree.ParseText("""
            public sealed class Example
            {
                [Fact]
                public async Task On_sqlite_only() { await using var hotline = await StartAsync(); }

                [Theory, DatabaseData]
                public async Task On_both(DatabaseProvider engine) { await using var hotline = await HotlineApp.StartPartsAsync(engine); }

                [Fact]
                public async Task Without_a_database() { await using var hub = Hub(); await hub.StartAsync(Ct); }

                private static Task<HotlineApp> StartAsync() => HotlineApp.StartPartsAsync();
            }
            """, cancellationToken: Ct).GetCompilationUnitRoot(Ct));

        Assert.Equal(["Example.On_sqlite_only"], tests);
    }

    private static HashSet<string> SqliteOnlyTests() =>
        Areas.SelectMany(area => Directory.GetFiles(Path.Combine(PublishedImage.RepositoryRoot, "tests", "Hotline.Api.Tests", area), "*.cs"))
            .SelectMany(file => SqliteOnlyTests(CSharpSyntaxTree.ParseText(File.ReadAllText(file), cancellationToken: Ct).GetCompilationUnitRoot(Ct)))
            .ToHashSet();

    /// <summary>"Class.Method" of each test that starts the system, itself or through a method of its class, without DatabaseData.</summary>
    private static IEnumerable<string> SqliteOnlyTests(CompilationUnitSyntax unit)
    {
        foreach (var type in unit.DescendantNodes().OfType<ClassDeclarationSyntax>())
        {
            var methods = type.Members.OfType<MethodDeclarationSyntax>().ToList();
            var starting = methods.Where(StartsDirectly).Select(m => m.Identifier.Text).ToHashSet();
            while (methods.FirstOrDefault(m => !starting.Contains(m.Identifier.Text) && Calls(m).Any(starting.Contains)) is { } caller)
            {
                starting.Add(caller.Identifier.Text);
            }

            foreach (var method in methods.Where(m => IsTest(m) && starting.Contains(m.Identifier.Text) && !HasAttribute(m, "DatabaseData")))
            {
                yield return $"{type.Identifier.Text}.{method.Identifier.Text}";
            }
        }
    }

    private static bool IsTest(MethodDeclarationSyntax method) => HasAttribute(method, "Fact") || HasAttribute(method, "Theory");

    private static bool HasAttribute(MethodDeclarationSyntax method, string name) =>
        method.AttributeLists.SelectMany(list => list.Attributes).Any(attribute => attribute.Name.ToString() == name);

    private static bool StartsDirectly(MethodDeclarationSyntax method) =>
        method.DescendantNodes().OfType<ObjectCreationExpressionSyntax>().Any(creation => creation.Type.ToString() == "HotlineApp")
        || method.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(call => call.Expression switch
        {
            MemberAccessExpressionSyntax member => Starters.Contains(member.Expression.ToString())
                && member.Name.Identifier.Text is "StartPartsAsync" or "CreateAsync" or "StartAsync" or "RunAsync",
            // ReferralHarness's StartAsync, imported with "using static".
            IdentifierNameSyntax name => name.Identifier.Text is "StartAsync" or "StartPartsAsync"
                && !method.Ancestors().OfType<ClassDeclarationSyntax>().First().Members.OfType<MethodDeclarationSyntax>()
                    .Any(m => m.Identifier.Text == name.Identifier.Text),
            _ => false,
        });

    private static IEnumerable<string> Calls(MethodDeclarationSyntax method) =>
        method.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Select(call => call.Expression as IdentifierNameSyntax)
            .OfType<IdentifierNameSyntax>()
            .Select(name => name.Identifier.Text);
}
