using System.Collections.Frozen;
using System.Reflection;

namespace Hotline.Api.Storage;

/// <summary>
/// The named SQL statements of one dialect, read from the embedded <c>Storage/Sql</c> files. A statement
/// both engines accept lives once in <c>Sql/{Name}.sql</c>; a statement they disagree on lives in
/// <c>Sql/Sqlite/{Name}.sql</c> and <c>Sql/SqlServer/{Name}.sql</c>.
/// </summary>
public sealed class SqlStatements
{
    private const string Root = "Hotline.Api.Storage.Sql.";

    // Which statements this process has run, per dialect: the test suite's statement coverage reads it so that
    // no statement stays checked only statically. A set of at most every statement name; adding a known name
    // is a lookup.
    private static readonly ConcurrentDictionary<(DatabaseProvider Provider, string Name), byte> RunInThisProcess = new();

    // Which statements ran through this instance (one per Database): the test suite attributes them to the
    // test that made the database, to know which statements the tests that take both engines run.
    private readonly ConcurrentDictionary<string, byte> _runThroughThisInstance = new(StringComparer.Ordinal);

    private readonly FrozenDictionary<string, string> _statements;

    private SqlStatements(DatabaseProvider provider, FrozenDictionary<string, string> statements)
    {
        Provider = provider;
        _statements = statements;
    }

    public DatabaseProvider Provider { get; }

    public IEnumerable<string> Names => _statements.Keys;

    public string this[string name] =>
        _statements.TryGetValue(name, out var sql)
            ? sql
            : throw new KeyNotFoundException($"No SQL statement named '{name}' for {Provider}.");

    /// <summary>The text of a statement about to run, noted as run by this process.</summary>
    internal string ToRun(string name)
    {
        var sql = this[name];
        if (_runThroughThisInstance.TryAdd(name, 0))
        {
            RunInThisProcess.TryAdd((Provider, name), 0);
        }

        return sql;
    }

    /// <summary>The names of the statements run through this instance so far.</summary>
    internal IReadOnlyCollection<string> RunThroughThisInstance => [.. _runThroughThisInstance.Keys];

    /// <summary>The names of the statements of one dialect this process has run so far.</summary>
    public static IReadOnlySet<string> RunSoFar(DatabaseProvider provider) =>
        RunInThisProcess.Keys.Where(k => k.Provider == provider).Select(k => k.Name).ToHashSet(StringComparer.Ordinal);

    public static SqlStatements For(DatabaseProvider provider)
    {
        var assembly = typeof(SqlStatements).Assembly;
        var dialectPrefix = $"{Root}{provider}.";
        var statements = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(Root, StringComparison.Ordinal)))
        {
            var rest = resource[Root.Length..^".sql".Length];
            var isDialectFile = Enum.GetNames<DatabaseProvider>().Any(p => rest.StartsWith(p + ".", StringComparison.Ordinal));
            if (isDialectFile && !resource.StartsWith(dialectPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var name = isDialectFile ? rest[(provider.ToString().Length + 1)..] : rest;
            statements[name] = Read(assembly, resource);
        }

        return new SqlStatements(provider, statements.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>Names of the files of one folder: the shared folder (null) or one dialect's.</summary>
    public static IReadOnlyList<string> FileNames(DatabaseProvider? dialect)
    {
        var prefix = dialect is null ? Root : $"{Root}{dialect}.";
        return typeof(SqlStatements).Assembly.GetManifestResourceNames()
            .Where(r => r.StartsWith(prefix, StringComparison.Ordinal))
            .Select(r => r[prefix.Length..^".sql".Length])
            .Where(n => dialect is not null || !Enum.GetNames<DatabaseProvider>().Any(p => n.StartsWith(p + ".", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
