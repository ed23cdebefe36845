using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Hotline.Api.Tests.Storage.SqlServer;

/// <summary>
/// The database-level security statements of a script (users, roles, role members, GRANT, DENY, REVOKE),
/// wherever they sit (inside IF ... ELSE or BEGIN ... END, as a setup script that looks before it acts has
/// them), added to the DacFx model of the migrated schema so that a permission on a missing table or a
/// member of a missing role fails. Server-level statements (logins, CREATE/ALTER DATABASE, USE) are not
/// objects a database model can hold and are left to the parse check.
/// </summary>
internal static class SqlServerSecurity
{
    public static IReadOnlyList<(string Source, string Ddl)> Statements(string name, string sql) =>
        ((TSqlScript)SqlServerScripts.ParseValid(name, sql)).Batches
            .SelectMany(b => b.Statements)
            .SelectMany(Flatten)
            .Where(IsDatabaseSecurity)
            .Select(s => (name, sql.Substring(s.StartOffset, s.FragmentLength)))
            .ToList();

    /// <summary>
    /// What DacFx holds against the security statements added to the migrated schema. A user's login is a
    /// server object (made by the same script's CREATE LOGIN, which a database model cannot hold), so only
    /// that one unresolved reference is let through.
    /// </summary>
    public static IReadOnlyList<string> Problems(IEnumerable<(string Source, string Ddl)> security) =>
        SqlServerModel.Errors(SqlServerModel.Replay(SqlServerScripts.Migrations(DatabaseProvider.SqlServer)).Concat(security))
            .Where(p => !p.Contains("has an unresolved reference to Login", StringComparison.Ordinal))
            .ToList();

    private static IEnumerable<TSqlStatement> Flatten(TSqlStatement statement) => statement switch
    {
        IfStatement branch => Flatten(branch.ThenStatement).Concat(branch.ElseStatement is null ? [] : Flatten(branch.ElseStatement)),
        BeginEndBlockStatement block => block.StatementList.Statements.SelectMany(Flatten),
        _ => [statement],
    };

    private static bool IsDatabaseSecurity(TSqlStatement statement) =>
        statement is CreateUserStatement or CreateRoleStatement or AlterRoleStatement
            or GrantStatement or DenyStatement or RevokeStatement;
}
