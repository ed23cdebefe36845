namespace Hotline.Api.Tests.Infrastructure;

/// <summary>Every GET path the host's own OpenAPI document lists, with its path parameters filled in.</summary>
public static partial class OpenApiGets
{
    public const string DocumentPath = "/api/openapi/v1.json";

    /// <summary>
    /// The GET paths of the document, each parameter filled from <paramref name="known"/> by name, or else with an
    /// id nothing has: a new Guid for a uuid, a large number for an integer, a word for any other string.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ReadAsync(HttpClient http, IReadOnlyDictionary<string, string>? known = null)
    {
        var document = JsonNode.Parse(await http.GetStringAsync(DocumentPath, TestContext.Current.CancellationToken))!;
        var paths = new List<string>();
        foreach (var (template, item) in document["paths"]!.AsObject())
        {
            if (item!["get"] is not { } get)
            {
                continue;
            }

            var parameters = (get["parameters"] ?? item["parameters"])?.AsArray().Select(p => p!).Where(p => (string?)p["in"] == "path")
                .ToDictionary(p => (string)p["name"]!, p => p["schema"]) ?? [];
            paths.Add(Parameter().Replace(template, match =>
            {
                var name = match.Groups[1].Value;
                return known?.GetValueOrDefault(name) ?? Unknown(parameters.GetValueOrDefault(name));
            }));
        }

        return paths;
    }

    private static string Unknown(JsonNode? schema) => ((string?)schema?["format"], (string?)schema?["type"]) switch
    {
        ("uuid", _) => Guid.NewGuid().ToString(),
        (_, "integer") => "987654321",
        _ => "unknown",
    };

    [GeneratedRegex(@"\{([^}:]+)[^}]*\}")]
    private static partial Regex Parameter();
}
