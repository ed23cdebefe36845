namespace Hotline.Api.Tests.Storage.SqlServer;

public sealed partial class SqlServerDialectParityTests
{
    [Fact]
    public void SqlServer_and_Sqlite_define_the_same_statement_names()
    {
        var sqlite = SqlStatements.For(DatabaseProvider.Sqlite).Names.Order(StringComparer.Ordinal);
        var sqlServer = SqlStatements.For(DatabaseProvider.SqlServer).Names.Order(StringComparer.Ordinal);

        Assert.Equal(sqlite, sqlServer);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.SqlServer)]
    public void No_dialect_file_shadows_a_shared_file(DatabaseProvider dialect) =>
        Assert.Empty(SqlStatements.FileNames(dialect).Intersect(SqlStatements.FileNames(null), StringComparer.Ordinal));

    [Fact]
    public void Every_SqlServer_dialect_file_has_its_twin_in_the_Sqlite_folder() =>
        Assert.Equal(SqlStatements.FileNames(DatabaseProvider.Sqlite), SqlStatements.FileNames(DatabaseProvider.SqlServer));

    [Fact]
    public void SqlServer_and_Sqlite_carry_the_same_numbered_migrations()
    {
        var sqlite = SqlServerScripts.Migrations(DatabaseProvider.Sqlite).Select(m => m.Name);
        var sqlServer = SqlServerScripts.Migrations(DatabaseProvider.SqlServer).Select(m => m.Name);

        Assert.Equal(sqlite, sqlServer);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.SqlServer)]
    public void Migrations_are_named_NNNN_Name_and_numbered_consecutively_from_0001(DatabaseProvider dialect)
    {
        var names = SqlServerScripts.Migrations(dialect).Select(m => m.Name).ToList();

        Assert.NotEmpty(names);
        Assert.All(names, n => Assert.Matches(MigrationName(), n));
        Assert.Equal(Enumerable.Range(1, names.Count), names.Select(n => int.Parse(n[..4], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [GeneratedRegex("^[0-9]{4}_[A-Za-z0-9]+$")]
    private static partial Regex MigrationName();
}
