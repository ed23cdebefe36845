using System.Reflection;
using Xunit.Sdk;
using Xunit.v3;

namespace Hotline.Bot.Tests.Intake.Support;

/// <summary>
/// Runs a theory once per language of the default intake script, as <c>[Theory, IntakeLanguageData]</c> on a test
/// that takes the language's tag: the same spelling as <c>[Theory, DatabaseData]</c> for the storage engines.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class IntakeLanguageDataAttribute : DataAttribute
{
    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker) =>
        new(Intake.Tags.Select(tag => (ITheoryDataRow)new TheoryDataRow(tag)).ToList());

    public override bool SupportsDiscoveryEnumeration() => true;
}
