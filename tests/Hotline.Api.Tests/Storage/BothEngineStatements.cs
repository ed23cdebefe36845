using System.Reflection;
using Hotline.Api.Tests.Storage;
using Xunit.v3;

[assembly: BothEngineStatements.NoteTestsThatTakeBothEngines]

namespace Hotline.Api.Tests.Storage;

/// <summary>
/// The statements run by the tests that take both engines (<c>[Theory, DatabaseData]</c>), noted per engine from
/// the databases those tests make (<see cref="HotlineApp"/>, <see cref="TestDatabase"/>) when they are disposed, and
/// which of those tests ran. Their SQLite rows run here, so a run without a server still knows which statements a
/// server run would leave unrun (<see cref="StatementCoverage"/>).
/// </summary>
public static class BothEngineStatements
{
    private static readonly ConcurrentDictionary<(DatabaseProvider Provider, string Name), byte> Run = new();
    private static readonly ConcurrentDictionary<MethodInfo, byte> TestsRun = new();

    /// <summary>Notes what <paramref name="database"/> ran when the running test takes both engines.</summary>
    public static void Record(Database database)
    {
        if (TestContext.Current.TestMethod is IXunitTestMethod { Method: var method } && TakesBothEngines(method))
        {
            foreach (var name in database.StatementsRun)
            {
                Run.TryAdd((database.Provider, name), 0);
            }
        }
    }

    /// <summary>The statements of <paramref name="provider"/> the tests that take both engines ran so far.</summary>
    public static IReadOnlySet<string> RunSoFar(DatabaseProvider provider) =>
        Run.Keys.Where(k => k.Provider == provider).Select(k => k.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether every test of this assembly that takes both engines has run in this process (not a filtered run).</summary>
    public static bool EveryTestThatTakesBothEnginesRan() =>
        typeof(BothEngineStatements).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(TakesBothEngines)
            .All(TestsRun.ContainsKey);

    private static bool TakesBothEngines(MethodInfo method) => method.IsDefined(typeof(DatabaseDataAttribute));

    /// <summary>Notes each test that takes both engines as it starts.</summary>
    [AttributeUsage(AttributeTargets.Assembly)]
    public sealed class NoteTestsThatTakeBothEnginesAttribute : BeforeAfterTestAttribute
    {
        public override void Before(MethodInfo methodUnderTest, IXunitTest test)
        {
            if (TakesBothEngines(methodUnderTest))
            {
                TestsRun.TryAdd(methodUnderTest, 0);
            }
        }
    }
}
