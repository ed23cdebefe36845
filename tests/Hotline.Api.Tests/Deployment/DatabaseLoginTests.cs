using Hotline.Api.Tests.Storage.SqlServer;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Hotline.Api.Tests.Deployment;

/// <summary>
/// Who the deployment logs in as, read from infra/compose.yaml and the T-SQL of infra/sqlserver as SQL Server's
/// parser reads it: the API instances use a login that reads and writes rows and may only append to the audit
/// trail; only the one-shot migrate service logs in as the database's owner.
/// </summary>
public sealed partial class DatabaseLoginTests
{
    private static readonly ComposeFile Compose = ComposeFile.Read(Path.Combine(PublishedImage.Infra, "compose.yaml"));

    [Theory]
    [InlineData("api1")]
    [InlineData("api2")]
    [InlineData("api3")]
    public void An_api_instance_logs_in_as_hotline_with_its_own_password(string api)
    {
        Assert.Contains(";User Id=hotline;", Compose.Environment(api)["Hotline__Database__ConnectionString"]);
        Assert.Contains(("hotline_db_password", "Hotline__Database__Password"), Compose.Secrets(api));
    }

    [Fact]
    public void Only_the_migrate_service_logs_in_as_the_migrator()
    {
        Assert.Equal(["database", "migrate"], Compose.Strings("migrate", "command"));
        Assert.Contains(";User Id=hotline_migrator;", Compose.Environment("migrate")["Hotline__Database__ConnectionString"]);
        Assert.Contains(("hotline_migrator_password", "Hotline__Database__Password"), Compose.Secrets("migrate"));
    }

    [Fact]
    public void The_application_user_is_never_made_an_owner_and_an_earlier_ownership_is_taken_back()
    {
        var changes = RoleChanges("create-database.sql", "grant-application.sql");

        Assert.DoesNotContain(("add", "db_owner", "hotline"), changes);
        Assert.Contains(("drop", "db_owner", "hotline"), changes);
        Assert.Contains(("add", "db_owner", "hotline_migrator"), changes);
    }

    [Fact]
    public void The_application_user_reads_and_writes_rows_and_is_held_to_appending_audit_rows()
    {
        var changes = RoleChanges("create-database.sql", "grant-application.sql");

        Assert.Contains(("add", "db_datareader", "hotline"), changes);
        Assert.Contains(("add", "db_datawriter", "hotline"), changes);
        Assert.Contains(("add", "hotline_audit_append", "hotline"), changes);
    }

    [Fact]
    public void Both_backup_kinds_are_encrypted_with_AES_256_under_the_backup_certificate()
    {
        var backups = Statements<BackupStatement>("backup-database.sql");
        var encrypted = backups
            .Select(b => b.Options.OfType<BackupEncryptionOption>().SingleOrDefault())
            .Where(e => e is { Algorithm: EncryptionAlgorithm.Aes256, Encryptor.CryptoMechanismType: CryptoMechanismType.Certificate }
                && e.Encryptor.Identifier.Value == "hotline_backup")
            .ToList();

        Assert.Equal(2, encrypted.Count);
        Assert.Contains(backups, b => b is BackupDatabaseStatement && b.Options.OfType<BackupEncryptionOption>().Any());
        Assert.Contains(backups, b => b is BackupTransactionLogStatement && b.Options.OfType<BackupEncryptionOption>().Any());
    }

    [Fact]
    public void The_backup_certificate_is_made_once_and_backed_up_with_its_private_key()
    {
        var certificate = Assert.Single(Statements<CreateCertificateStatement>("create-backup-certificate.sql"));
        var backup = Assert.Single(Statements<BackupCertificateStatement>("create-backup-certificate.sql"));

        Assert.Equal("hotline_backup", certificate.Name.Value);
        Assert.Equal("hotline_backup", backup.Name.Value);
        Assert.NotNull(backup.PrivateKeyPath);
    }

    private static List<(string Change, string Role, string Member)> RoleChanges(params string[] scripts) =>
        scripts.SelectMany(Statements<AlterRoleStatement>)
            .Select(s => s.Action switch
            {
                AddMemberAlterRoleAction add => ("add", s.Name.Value, add.Member.Value),
                DropMemberAlterRoleAction drop => ("drop", s.Name.Value, drop.Member.Value),
                _ => ("other", s.Name.Value, ""),
            })
            .ToList();

    private static List<T> Statements<T>(string script) where T : TSqlFragment
    {
        var sql = SqlcmdVariable().Replace(File.ReadAllText(Path.Combine(PublishedImage.Infra, "sqlserver", script)), "sqlcmd-variable");
        var fragment = SqlServerScripts.ParseValid(script, sql);
        var collector = new Collector<T>();
        fragment.Accept(collector);
        return collector.Found;
    }

    private sealed class Collector<T> : TSqlFragmentVisitor where T : TSqlFragment
    {
        public List<T> Found { get; } = [];

        public override void Visit(TSqlFragment fragment)
        {
            if (fragment is T found)
            {
                Found.Add(found);
            }
        }
    }

    [GeneratedRegex(@"\$\([A-Za-z_][A-Za-z0-9_]*\)")]
    private static partial Regex SqlcmdVariable();
}
