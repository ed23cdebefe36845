using System.Reflection;
using Xunit.Sdk;
using Xunit.v3;

namespace Hotline.Api.Tests.Infrastructure;

/// <summary>
/// Runs a theory once per storage engine, in the spirit of bitwarden's <c>[DatabaseTheory, DatabaseData]</c>:
/// <c>[Theory, DatabaseData]</c> on a test that takes one <see cref="DatabaseProvider"/>. SQLite always
/// runs; the SQL Server row is reported skipped, with the reason, unless HOTLINE_TEST_SQLSERVER names a
/// server, so a run without one still shows what it did not cover.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class DatabaseDataAttribute : DataAttribute
{
    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker) =>
        new([
            new TheoryDataRow<DatabaseProvider>(DatabaseProvider.Sqlite),
            new TheoryDataRow<DatabaseProvider>(DatabaseProvider.SqlServer) { Skip = TestDatabase.SqlServerMissing() },
        ]);

    public override bool SupportsDiscoveryEnumeration() => true;
}
