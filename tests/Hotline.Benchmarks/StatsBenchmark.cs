using System.Net.Http.Json;
using Hotline.Api.Users;
using Microsoft.AspNetCore.Identity;

namespace Hotline.Benchmarks;

/// <summary>
/// The statistics page over a million cases: the real Hotline.Api (Release, its own process, SQLite),
/// two years of seeded history, the projection left to count it all, then the page's requests timed end
/// to end over HTTP with a signed-in session: the JSON, and the JSON with every chart as a browser loads them.
/// </summary>
internal static class StatsBenchmark
{
    public const string Name = "stats";
    public const string Usage = "stats [cases=1000000]";

    private const int DefaultCases = 1_000_000;
    private const int WarmUp = 5;
    private const int Measured = 30;
    private const double TargetMilliseconds = 500;
    private const string Password = "benchmark password 1";

    public static async Task<int> RunAsync(string[] args, BenchmarkTargets targets)
    {
        if (!BenchmarkArguments.TryParse(args, 0, DefaultCases, 10_000, 10_000_000, out var cases))
        {
            return BenchmarkArguments.Refuse(Usage);
        }

        if (BenchmarkApi.FindBuild() is not { } dll)
        {
            return BenchmarkArguments.NoReleaseBuild();
        }

        Console.WriteLine($"Statistics page over {cases:N0} cases on SQLite: Hotline.Api in its own process ({dll}).");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores. Per request kind: {WarmUp} untimed, then {Measured} timed, one at a time.");
        Console.WriteLine();

        await using var api = await BenchmarkApi.StartAsync();
        var database = Open(api.DatabasePath);
        var guids = await GuidSpelling.OfAppAsync(database);
        var adminId = await AddAdminAsync(database);

        var seeding = Stopwatch.StartNew();
        var (first, last) = StatsSeeder.Seed(database.ConnectionString, cases, guids, adminId, written =>
        {
            if (written % 200_000 == 0)
            {
                Console.WriteLine($"[seed] {written:N0} cases with conversations, events, replies and referrals, {seeding.Elapsed.TotalSeconds:F1} s");
            }
        });
        Console.WriteLine($"[seed] done in {seeding.Elapsed.TotalSeconds:F1} s: {Count(database, "Cases"):N0} cases, {Count(database, "Messages"):N0} replies, "
            + $"{Count(database, "Referrals"):N0} referrals, {Count(database, "CaseEvents"):N0} case events");

        var counting = Stopwatch.StartNew();
        await WaitForProjectionAsync(database, counting);
        Console.WriteLine($"[projection] the API's background projection counted every case in {counting.Elapsed.TotalSeconds:F1} s "
            + $"(about {cases / counting.Elapsed.TotalSeconds:N0} cases/s, seeding included where they overlapped); "
            + $"{Count(database, "StatisticsCounts"):N0} counters");
        PrintPlan(database);

        using var client = await SignInAsync(api.BaseAddress);
        var range = $"from={first:yyyy-MM}&to={last:yyyy-MM}";
        Console.WriteLine($"[page] range {range.Replace('&', ' ')} (every seeded case)");
        // Fresh: one new case event before each request (untimed), as on a working hotline, so the endpoint counts it
        // and rebuilds the report. Repeat: nothing changed since the last request, so the report built then is reused.
        var touched = 0;
        Task Touch() => TouchAsync(database, ++touched, cases);
        var charts = await ChartUrlsAsync(client, range);
        var json = await TimeAsync("fresh GET /api/statistics", () => GetAsync(client, $"/api/statistics?{range}"), Touch);
        var page = await TimeAsync($"fresh page: JSON, then its {charts.Count} charts in parallel", async () =>
        {
            await GetAsync(client, $"/api/statistics?{range}");
            await Task.WhenAll(charts.Select(url => GetAsync(client, url)));
        }, Touch);
        var csv = await TimeAsync("fresh GET /api/statistics/csv (every table)", () => GetAsync(client, $"/api/statistics/csv?{range}"), Touch);
        var repeat = await TimeAsync("repeat page (nothing new counted)", async () =>
        {
            await GetAsync(client, $"/api/statistics?{range}");
            await Task.WhenAll(charts.Select(url => GetAsync(client, url)));
        }, null);

        Console.WriteLine();
        Console.WriteLine("request                                   |   p50 ms |   p99 ms |   max ms");
        foreach (var (name, stats) in new[] { ("statistics JSON, fresh", json), ("whole page (JSON + charts), fresh", page), ("CSV export, fresh", csv),
            ("whole page, repeated", repeat) })
        {
            Console.WriteLine($"{name,-41} | {stats.P50,8:F1} | {stats.P99,8:F1} | {stats.Max,8:F1}");
        }

        Console.WriteLine();
        Console.WriteLine($"ratio fresh page p50 / fresh JSON p50 = {page.P50 / json.P50:F2}; fresh page p50 / repeated page p50 = {page.P50 / repeat.P50:F2}");
        targets.Check(Name, $"the statistics page (JSON and every chart, fresh) loads in under {TargetMilliseconds} ms over {cases:N0} cases, p50",
            page.P50 < TargetMilliseconds, $"p50 {page.P50:F1} ms, p99 {page.P99:F1} ms");
        foreach (var (category, (count, example)) in api.Problems)
        {
            Console.WriteLine($"API logged {count} warning(s) in {category}: {example}");
        }

        return BenchmarkTargets.Completed;
    }

    private static Database Open(string path) => new(
        Options.Create(new DatabaseOptions { ConnectionString = new SqliteConnectionStringBuilder { DataSource = path }.ToString() }),
        new HostingEnvironment { ContentRootPath = Path.GetDirectoryName(path)!, EnvironmentName = "Benchmark" });

    private static async Task<Guid> AddAdminAsync(Database database)
    {
        var user = new User
        {
            Id = Guid.CreateVersion7(), UserName = "bench-admin", DisplayName = "Benchmark admin", Role = UserRole.Admin,
            CreatedAt = DateTimeOffset.UtcNow, Languages = ["en"],
        };
        user = user with { PasswordHash = new PasswordHasher<User>().HashPassword(user, Password) };
        await using var session = await database.BeginWriteAsync(CancellationToken.None);
        await new UserRepository().AddAsync(session, user, CancellationToken.None);
        await session.CommitAsync(CancellationToken.None);
        return user.Id;
    }

    private static async Task WaitForProjectionAsync(Database database, Stopwatch counting)
    {
        var reported = TimeSpan.Zero;
        while (true)
        {
            await using var session = await database.OpenAsync(CancellationToken.None);
            var counted = await session.QuerySingleAsync<long>("StatisticsCheckpoints_Read", new { Name = "Statistics" }, CancellationToken.None);
            var lastSequence = await session.QuerySingleAsync<long>("CaseEvents_ReadLastSequence", null, CancellationToken.None);
            if (counted >= lastSequence)
            {
                return;
            }

            if (counting.Elapsed - reported >= TimeSpan.FromSeconds(20))
            {
                reported = counting.Elapsed;
                Console.WriteLine($"[projection] {counted:N0} of {lastSequence:N0} events counted, {counting.Elapsed.TotalSeconds:F0} s");
            }

            await Task.Delay(1_000);
        }
    }

    private static void PrintPlan(Database database)
    {
        var sql = SqlStatements.For(DatabaseProvider.Sqlite)["Cases_ReadStatisticsFacts"];
        Console.WriteLine("[projection] EXPLAIN QUERY PLAN of Cases_ReadStatisticsFacts (one batch):");
        foreach (var line in SqliteQueryPlan.Explain(database.ConnectionString, sql, new Dictionary<string, object> { ["@After"] = 0L, ["@Until"] = 1_000L }))
        {
            Console.WriteLine($"[projection] {line}");
        }
    }

    private static async Task<HttpClient> SignInAsync(Uri baseAddress)
    {
        var client = new HttpClient(new ProxiedBrowserCookies(new SocketsHttpHandler { UseCookies = false, UseProxy = false, AllowAutoRedirect = false }))
        {
            BaseAddress = baseAddress,
        };
        var token = (await client.GetFromJsonAsync<JsonElement>("/api/antiforgery")).GetProperty("token").GetString()!;
        using var response = await client.PostAsync("/console/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "bench-admin",
            ["password"] = Password,
            ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.ToString().Contains("error", StringComparison.Ordinal) != false)
        {
            throw new InvalidOperationException($"Sign-in failed: {(int)response.StatusCode} {response.Headers.Location}");
        }

        return client;
    }

    private static async Task<List<string>> ChartUrlsAsync(HttpClient client, string range)
    {
        var view = await client.GetFromJsonAsync<JsonElement>($"/api/statistics?{range}");
        var urls = new List<string>();
        foreach (var table in view.GetProperty("tables").EnumerateArray())
        {
            var id = table.GetProperty("id").GetString();
            urls.Add($"/api/statistics/charts/{id}.svg?{range}");
            if (table.GetProperty("totals").ValueKind != JsonValueKind.Null)
            {
                urls.Add($"/api/statistics/charts/{id}.svg?by=months&{range}");
            }
        }

        return urls;
    }

    private static async Task GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task<LatencyStats> TimeAsync(string label, Func<Task> request, Func<Task>? before)
    {
        for (var i = 0; i < WarmUp; i++)
        {
            await (before?.Invoke() ?? Task.CompletedTask);
            await request();
        }

        var samples = new double[Measured];
        for (var i = 0; i < Measured; i++)
        {
            await (before?.Invoke() ?? Task.CompletedTask);
            var started = Stopwatch.GetTimestamp();
            await request();
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        var stats = LatencyStats.From(samples);
        Console.WriteLine($"[page] {label}: p50 {stats.P50:F1} ms, p99 {stats.P99:F1} ms, max {stats.Max:F1} ms");
        return stats;
    }

    /// <summary>Appends a case event for an existing case, as any change to a case would.</summary>
    private static async Task TouchAsync(Database database, int n, int cases)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO CaseEvents (CaseId, Type, Data, ActorUserId, OccurredAt)
            SELECT Id, 'NoteAdded', '{}', NULL, $at FROM Cases WHERE rowid = $row
            """;
        command.Parameters.AddWithValue("$at", DapperTypeHandlers.ToSqliteText(DateTimeOffset.UtcNow));
        command.Parameters.AddWithValue("$row", 1 + (long)n * 7_919 % cases);
        await command.ExecuteNonQueryAsync();
    }

    private static long Count(Database database, string table)
    {
        using var connection = new SqliteConnection(database.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }
}
