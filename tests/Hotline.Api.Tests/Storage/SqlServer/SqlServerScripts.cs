using System.Reflection;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Hotline.Api.Tests.Storage.SqlServer;

/// <summary>The embedded SQL of Hotline.Api as the SQL Server parser sees it.</summary>
internal static class SqlServerScripts
{
    private static readonly Assembly Api = typeof(SqlStatements).Assembly;

    public static IReadOnlyList<(string Name, string Sql)> Statements()
    {
        var statements = SqlStatements.For(DatabaseProvider.SqlServer);
        return statements.Names.Order(StringComparer.Ordinal).Select(n => (n, statements[n])).ToList();
    }

    /// <summary>The migrations of one dialect in the order DbUp applies them, named without the resource prefix.</summary>
    public static IReadOnlyList<(string Name, string Sql)> Migrations(DatabaseProvider dialect)
    {
        var prefix = $"{DatabaseMigrator.MigrationsRoot}{dialect}.";
        return Api.GetManifestResourceNames()
            .Where(r => r.StartsWith(prefix, StringComparison.Ordinal) && r.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(r => (r[prefix.Length..^".sql".Length], Read(r)))
            .ToList();
    }

    // Quoted identifiers on: that is the SET option SqlClient connections run with.
    public static TSqlFragment Parse(string sql, out IList<ParseError> errors) =>
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out errors);

    public static TSqlFragment ParseValid(string name, string sql)
    {
        var fragment = Parse(sql, out var errors);
        return errors.Count == 0 ? fragment : throw new InvalidOperationException(Describe(name, errors));
    }

    public static string Describe(string name, IEnumerable<ParseError> errors) =>
        $"{name}: " + string.Join("; ", errors.Select(e => $"line {e.Line}: {e.Message}"));

    private static string Read(string resource)
    {
        using var stream = Api.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
