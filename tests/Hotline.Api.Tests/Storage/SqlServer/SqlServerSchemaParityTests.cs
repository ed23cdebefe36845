namespace Hotline.Api.Tests.Storage.SqlServer;

/// <summary>After every migration, a real migrated SQLite file and the DacFx model of SQL Server's schema agree.</summary>
public sealed class SqlServerSchemaParityTests
{
    private static readonly Lazy<SchemaShape> SqlServer = new(() => SchemaShape.FromModel(SqlServerModel.FromMigrations()).WithoutSqlServerOnlyTables());

    [Fact]
    public async Task Both_engines_have_the_same_tables() =>
        Assert.Equal((await SqliteAsync()).Tables.Keys, SqlServer.Value.Tables.Keys, StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void Each_SqlServer_only_table_exists_in_the_SqlServer_model() =>
        Assert.All(SchemaShape.SqlServerOnlyTables.Keys, t => Assert.Contains(t, SchemaShape.FromModel(SqlServerModel.FromMigrations()).Tables.Keys));

    [Fact]
    public async Task Both_engines_give_each_table_the_same_columns_nullability_and_compatible_types()
    {
        var sqlite = await SqliteAsync();
        var differences = sqlite.Tables.Keys.Intersect(SqlServer.Value.Tables.Keys, StringComparer.OrdinalIgnoreCase)
            .SelectMany(t => Differences(t, sqlite.Tables[t], SqlServer.Value.Tables[t]))
            .ToList();

        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
    }

    [Fact]
    public async Task Both_engines_have_the_same_primary_keys() =>
        Assert.Equal((await SqliteAsync()).PrimaryKeys, SqlServer.Value.PrimaryKeys);

    [Fact]
    public async Task Both_engines_have_the_same_unique_and_filtered_indexes() =>
        Assert.Equal((await SqliteAsync()).Keys.Select(k => k.ToString()), SqlServer.Value.Keys.Select(k => k.ToString()));

    [Fact]
    public void The_SqlServer_shape_includes_the_one_open_case_per_conversation_index() =>
        Assert.Contains("Cases (ConversationId) unique where STATUS IN 'QUEUED', 'CLAIMED'", SqlServer.Value.Keys.Select(k => k.ToString()));

    [Fact]
    public void A_type_without_a_mapping_shows_as_a_difference()
    {
        var differences = Differences("T", [new ColumnShape("A", "INTEGER", false)], [new ColumnShape("A", "unmapped xml", false)]);

        Assert.Equal(["T.A: SQLite INTEGER not null, SQL Server unmapped xml not null"], differences);
    }

    [Fact]
    public async Task A_column_added_only_to_SqlServer_shows_as_a_difference()
    {
        var altered = Altered("ALTER TABLE dbo.Cases ADD Extra INT NULL;");
        var sqlite = await SqliteAsync();

        Assert.Contains("Cases.Extra: only on SQL Server", Differences("Cases", sqlite.Tables["Cases"], altered.Tables["Cases"]));
    }

    [Fact]
    public async Task A_unique_filtered_index_dropped_only_on_SqlServer_shows_as_a_difference()
    {
        var altered = Altered("DROP INDEX UX_Cases_OpenPerConversation ON dbo.Cases;");

        Assert.NotEqual((await SqliteAsync()).Keys.Select(k => k.ToString()), altered.Keys.Select(k => k.ToString()));
    }

    private static SchemaShape Altered(string migration) =>
        SchemaShape.FromModel(SqlServerModel.Build(SqlServerModel.Replay(
            SqlServerScripts.Migrations(Hotline.Api.Storage.DatabaseProvider.SqlServer).Append(("9999_Broken", migration))))).WithoutSqlServerOnlyTables();

    private static IEnumerable<string> Differences(string table, IReadOnlyList<ColumnShape> sqlite, IReadOnlyList<ColumnShape> sqlServer)
    {
        var byName = sqlServer.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var column in sqlite)
        {
            if (!byName.Remove(column.Name, out var other))
            {
                yield return $"{table}.{column.Name}: only on SQLite";
            }
            else if (column.StorageClass != other.StorageClass || column.Nullable != other.Nullable)
            {
                yield return $"{table}.{column.Name}: SQLite {Describe(column)}, SQL Server {Describe(other)}";
            }
        }

        foreach (var name in byName.Keys)
        {
            yield return $"{table}.{name}: only on SQL Server";
        }
    }

    private static string Describe(ColumnShape column) => $"{column.StorageClass} {(column.Nullable ? "null" : "not null")}";

    private static async Task<SchemaShape> SqliteAsync()
    {
        await using var database = await TestDatabase.CreateAsync();
        return SchemaShape.FromSqlite(database.SqliteFile);
    }
}
