namespace Hotline.Api.Tests.Deployment;

/// <summary>
/// infra/backup.sh run with the real `age` against a stand-in `docker` whose "SQL Server" writes a backup
/// file into HOTLINE_BACKUP_DIR, as the mounted folder receives it.
/// </summary>
public sealed class BackupScriptTests : IDisposable
{
    private const string Age = "/usr/bin/age";
    private const string BackupName = "hotline-20261203T020000Z-full.bak";

    private const string FakeDocker = """
        #!/bin/sh
        echo "$*" >> "$DOCKER_CALLS"
        printf 'database pages' > "$BACKUP_DIR/hotline-20261203T020000Z-full.bak"
        echo "hotline-20261203T020000Z-full.bak"
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("hotline-backup-").FullName;

    private string Infra => Path.Combine(_folder, "infra");

    private string Backups => Path.Combine(_folder, "backups");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_backup_leaves_an_encrypted_copy_that_only_the_private_key_opens()
    {
        var outcome = await BackupAsync();

        Assert.True(outcome.ExitCode == 0, outcome.Output);
        var decrypted = await RunAsync(Age, "-d", "-i", Path.Combine(_folder, "key.txt"), Path.Combine(Backups, "encrypted", BackupName + ".age"));
        Assert.Equal("database pages", decrypted.Output);
        Assert.DoesNotContain("database pages", File.ReadAllText(Path.Combine(Backups, "encrypted", BackupName + ".age")));
    }

    [Fact]
    public async Task Backups_older_than_their_keeping_time_are_deleted_and_newer_ones_kept()
    {
        Directory.CreateDirectory(Path.Combine(Backups, "encrypted"));
        var plainOld = Aged(Path.Combine(Backups, "hotline-20261130T020000Z-full.bak"), days: 3);
        var plainRecent = Aged(Path.Combine(Backups, "hotline-20261202T020000Z-full.bak"), days: 1);
        var encryptedOld = Aged(Path.Combine(Backups, "encrypted", "hotline-20261117T020000Z-full.bak.age"), days: 16);
        var encryptedRecent = Aged(Path.Combine(Backups, "encrypted", "hotline-20261123T020000Z-full.bak.age"), days: 10);

        await BackupAsync();

        Assert.False(File.Exists(plainOld), "An unencrypted backup older than 2 days is still on the host.");
        Assert.True(File.Exists(plainRecent));
        Assert.False(File.Exists(encryptedOld), "An encrypted backup older than 14 days is still kept.");
        Assert.True(File.Exists(encryptedRecent));
    }

    [Fact]
    public async Task Without_a_recipient_it_refuses_before_any_backup_is_taken()
    {
        var outcome = await BackupAsync(withRecipient: false);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("infra/backup-recipients.txt is missing", outcome.Output);
        Assert.False(File.Exists(Path.Combine(_folder, "calls")), "docker was called.");
    }

    private static string Aged(string path, int days)
    {
        File.WriteAllText(path, "older backup");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddDays(-days).AddHours(-1));
        return path;
    }

    private async Task<(int ExitCode, string Output)> BackupAsync(bool withRecipient = true)
    {
        Assert.SkipUnless(File.Exists(Age), $"{Age} is not installed (test.sh installs Debian's age).");
        var bin = Path.Combine(_folder, "bin");
        Directory.CreateDirectory(Infra);
        Directory.CreateDirectory(bin);
        Directory.CreateDirectory(Backups);
        File.Copy(Path.Combine(PublishedImage.Infra, "backup.sh"), Path.Combine(Infra, "backup.sh"));
        File.WriteAllText(Path.Combine(Infra, ".env"), $"HOTLINE_BACKUP_DIR={Backups}\n");
        File.WriteAllText(Path.Combine(bin, "docker"), FakeDocker.ReplaceLineEndings("\n") + "\n");
        PublishedImage.SetMode(Path.Combine(bin, "docker"), (UnixFileMode)0b111_101_101);
        var key = Path.Combine(_folder, "key.txt");
        Assert.Equal(0, (await RunAsync("/usr/bin/age-keygen", "-o", key)).ExitCode);
        if (withRecipient)
        {
            File.WriteAllText(Path.Combine(Infra, "backup-recipients.txt"), (await RunAsync("/usr/bin/age-keygen", "-y", key)).Output);
        }

        var start = new ProcessStartInfo("/bin/bash", [Path.Combine(Infra, "backup.sh"), "full"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PATH"] = $"{bin}:/usr/bin:/bin";
        start.Environment["DOCKER_CALLS"] = Path.Combine(_folder, "calls");
        start.Environment["BACKUP_DIR"] = Backups;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output + await error);
    }

    private static Task<(int ExitCode, string Output)> RunAsync(string file, params string[] arguments) => NginxSite.RunAsync(file, arguments);
}
