using Json.Schema;

namespace Hotline.Bot.Tests.Intake;

/// <summary>
/// docs/intake/intake-script.schema.json is the format a script's author writes against; the loader checks the
/// rest. The scripts the hotline ships must satisfy the published schema, or the two have drifted apart.
/// </summary>
public sealed class ScriptSchemaTests
{
    private static readonly string ScriptsFolder = Path.Combine(IntakeCorpus.RepositoryRoot(), "Hotline.Bot", "Intake", "Scripts");

    private static readonly EvaluationOptions ListEveryError = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    // Built once: JsonSchema.Net registers a schema under its $id and refuses to register the same id twice.
    private static readonly JsonSchema Schema =
        JsonSchema.FromText(File.ReadAllText(Path.Combine(IntakeCorpus.RepositoryRoot(), "docs", "intake", "intake-script.schema.json")));

    public static TheoryData<string> ShippedScripts() => [.. Directory.GetFiles(ScriptsFolder, "*.json").Select(Path.GetFileName).OfType<string>()];

    [Theory]
    [MemberData(nameof(ShippedScripts))]
    public void A_shipped_script_satisfies_the_published_schema(string fileName)
    {
        using var script = JsonDocument.Parse(File.ReadAllText(Path.Combine(ScriptsFolder, fileName)));

        var result = Schema.Evaluate(script.RootElement, ListEveryError);

        Assert.True(result.IsValid, string.Join("\n", Errors(result)));
    }

    [Fact]
    public void The_schema_refuses_a_script_with_a_field_it_does_not_define()
    {
        var script = JsonNode.Parse(File.ReadAllText(Path.Combine(ScriptsFolder, "default-intake.json")))!.AsObject();
        script["sender_name"] = "Hotline";
        using var document = JsonDocument.Parse(script.ToJsonString());

        var result = Schema.Evaluate(document.RootElement, ListEveryError);

        Assert.False(result.IsValid);
    }

    private static IEnumerable<string> Errors(EvaluationResults result) =>
        (result.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"));
}
