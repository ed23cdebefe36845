namespace Hotline.Api.Tests.CaseStore;

/// <summary>
/// The claim race with nothing in-process to serialise it: two OS processes, each with its own app and
/// so its own <see cref="Database"/> (and its own writer gate), claim from one SQLite file at once. Only SQLite's own
/// locking and the claim's SQL stand between them and a case claimed twice. Each process is this test
/// assembly run again for the one explicit test that claims, started together on a signal file.
/// </summary>
public sealed class ProcessClaimRaceTests
{
    private const string DatabaseVariable = "HOTLINE_CLAIM_RACE_DATABASE";
    private const string UserVariable = "HOTLINE_CLAIM_RACE_USER";
    private const string WarmUpUserVariable = "HOTLINE_CLAIM_RACE_WARM_UP_USER";
    private const string OutputVariable = "HOTLINE_CLAIM_RACE_OUTPUT";
    private const int CaseCount = 1000;
    private const int ClaimersPerProcess = 4;

    [Fact]
    public async Task Two_processes_claiming_from_one_SQLite_file_take_each_case_exactly_once()
    {
        await using var hotline = await HotlineApp.StartPartsAsync();
        var queued = await QueueAsync(hotline);
        var outputs = new[] { Path.Combine(hotline.Folder, "claimed-1.txt"), Path.Combine(hotline.Folder, "claimed-2.txt") };
        var warmUpUser = await hotline.AddUserAsync(UserRole.Caseworker, "fr");
        var claimers = new List<Claimer>();
        try
        {
            foreach (var output in outputs)
            {
                claimers.Add(Claimer.Start(hotline.DatabaseFile, (await hotline.AddUserAsync(UserRole.Caseworker, "en")).Id, warmUpUser.Id, output));
            }

            await WaitForAsync(() => outputs.All(o => File.Exists(o + ".ready")), claimers);
            await File.WriteAllTextAsync(Path.Combine(hotline.Folder, "go"), "", Ct);
            foreach (var claimer in claimers)
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
                timeout.CancelAfter(TimeSpan.FromMinutes(3));
                await claimer.Process.WaitForExitAsync(timeout.Token);
                Assert.True(claimer.Process.ExitCode == 0, await claimer.OutputAsync());
            }
        }
        finally
        {
            foreach (var claimer in claimers)
            {
                claimer.Dispose();
            }
        }

        var claimed = outputs.Select(o => File.ReadAllLines(o).Select(Guid.Parse).ToList()).ToList();
        Assert.All(claimed, Assert.NotEmpty);
        Assert.Equal(queued.Order(), claimed.SelectMany(c => c).Order());
    }

    /// <summary>One racing process's part: run only by the test above, in a process of its own.</summary>
    [Fact(Explicit = true)]
    public async Task Claims_until_the_queue_is_empty_when_started_by_the_race()
    {
        var file = Environment.GetEnvironmentVariable(DatabaseVariable) ?? throw new InvalidOperationException($"{DatabaseVariable} is not set.");
        var output = Environment.GetEnvironmentVariable(OutputVariable)!;
        var userId = Guid.Parse(Environment.GetEnvironmentVariable(UserVariable)!);
        var warmUpUserId = Guid.Parse(Environment.GetEnvironmentVariable(WarmUpUserVariable)!);
        var folder = Path.GetDirectoryName(file)!;
        await using var hotline = await HotlineApp.StartPartsAsync(settings: new Dictionary<string, string?> { ["Hotline:Database:ConnectionString"] = $"Data Source={file}" });
        var queue = hotline.Get<CaseQueue>();
        // A process whose claim path is still cold when the race starts can lose every case to the warm one (seen under
        // a full test run), and a race one side never joined proves nothing: claim first as a caseworker with no cases.
        Assert.Null(await queue.ClaimNextAsync(warmUpUserId, TimeSpan.FromMinutes(10), Ct));
        await File.WriteAllTextAsync(output + ".ready", "", Ct);
        await WaitForAsync(() => File.Exists(Path.Combine(folder, "go")));

        var claimed = new ConcurrentBag<Guid>();
        await Task.WhenAll(Enumerable.Range(0, ClaimersPerProcess).Select(_ => Task.Run(async () =>
        {
            while (await queue.ClaimNextAsync(userId, TimeSpan.FromMinutes(10), Ct) is { } lease)
            {
                claimed.Add(lease.Case.Id);
            }
        }, Ct)));

        await File.WriteAllLinesAsync(output, claimed.Select(id => id.ToString()), Ct);
    }

    /// <summary>
    /// Waits for <paramref name="condition"/>; a claimer that exits meanwhile failed before it was ready, and its output
    /// says why (the test fails at once instead of waiting out the timeout).
    /// </summary>
    private static async Task WaitForAsync(Func<bool> condition, IReadOnlyList<Claimer>? claimers = null)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        while (!condition())
        {
            if (claimers?.FirstOrDefault(c => c.Process.HasExited) is { } exited)
            {
                Assert.Fail($"A claimer exited (code {exited.Process.ExitCode}) before it was ready:\n{await exited.OutputAsync()}");
            }

            await Task.Delay(20, timeout.Token);
        }
    }

    /// <summary>One racing process: this test assembly run again for the explicit test above, with the parent's keys.</summary>
    private sealed class Claimer : IDisposable
    {
        private readonly Task<string> _standardOutput;
        private readonly Task<string> _standardError;

        private Claimer(Process process)
        {
            Process = process;
            // Read from the start: a child whose output fills the pipe would otherwise block on its own log.
            _standardOutput = process.StandardOutput.ReadToEndAsync(Ct);
            _standardError = process.StandardError.ReadToEndAsync(Ct);
        }

        public Process Process { get; }

        public static Claimer Start(string databaseFile, Guid userId, Guid warmUpUserId, string output)
        {
            var start = new ProcessStartInfo("dotnet",
                [typeof(ProcessClaimRaceTests).Assembly.Location, "-method", $"{typeof(ProcessClaimRaceTests).FullName}.{nameof(Claims_until_the_queue_is_empty_when_started_by_the_race)}", "-explicit", "only"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment[DatabaseVariable] = databaseFile;
            start.Environment[UserVariable] = userId.ToString();
            start.Environment[WarmUpUserVariable] = warmUpUserId.ToString();
            start.Environment[OutputVariable] = output;
            TestKeys.PassTo(start);
            return new Claimer(Process.Start(start)!);
        }

        public async Task<string> OutputAsync() => await _standardOutput + await _standardError;

        /// <summary>A claimer still running when the test ends (it failed part way) is stopped, not left waiting for the signal.</summary>
        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
            }

            Process.Dispose();
        }
    }

    /// <summary>Cases in English in all four bands, written in one transaction to keep the setup quick.</summary>
    private static async Task<List<Guid>> QueueAsync(HotlineApp hotline)
    {
        var ids = new List<Guid>();
        await using var session = await hotline.Database.BeginWriteAsync(Ct);
        for (var i = 0; i < CaseCount; i++)
        {
            var conversation = await hotline.Get<ConversationRepository>().CreateAsync(session, hotline.NextPhone(), "en", Ct);
            ids.Add((await hotline.Get<CaseQueue>().EnqueueAsync(session, new NewCase(conversation.Id, "en", (PriorityBand)(i % 4 + 1), 0, []), Ct)).Id);
        }

        await session.CommitAsync(Ct);
        return ids;
    }
}
