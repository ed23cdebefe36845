using System.Reflection;
using Xunit.Sdk;
using Xunit.v3;

namespace Hotline.Api.Tests.Infrastructure;

/// <summary>
/// Runs a theory once per storage engine, in the spirit of bitwarden's <c>[DatabaseTheory, DatabaseData]</c>:
/// <c>[Theory, DatabaseData]</c> on a test that takes one <see cref="DatabaseProvider"/>. SQLite always
/// runs; the SQL Server row is reported skipped, with the reason, unless HOTLINE_TEST_SQLSERVER names a
/// server, so a run without one still shows what it did not cover. A test that also takes cases gives each
/// as <c>[DatabaseData(case arguments)]</c> (the engine comes first), once per case, on both engines. Every row
/// carries the trait <c>Engines=Both</c>: <c>--filter Engines=Both</c> runs exactly these tests.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class DatabaseDataAttribute(params object?[] arguments) : DataAttribute
{
    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker) =>
        new([
            new TheoryDataRow([DatabaseProvider.Sqlite, .. arguments]).WithTrait("Engines", "Both"),
            new TheoryDataRow([DatabaseProvider.SqlServer, .. arguments]) { Skip = TestDatabase.SqlServerMissing() }.WithTrait("Engines", "Both"),
        ]);

    public override bool SupportsDiscoveryEnumeration() => true;
}
