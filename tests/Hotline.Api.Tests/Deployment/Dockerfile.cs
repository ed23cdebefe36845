namespace Hotline.Api.Tests.Deployment;

/// <summary>A Dockerfile read into its stages, with line continuations joined and comments dropped.</summary>
public sealed record Dockerfile(IReadOnlyList<DockerfileStage> Stages)
{
    public static Dockerfile Read(string path)
    {
        var stages = new List<DockerfileStage>();
        var logical = "";
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || (line.Length == 0 && logical.Length == 0))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                logical += line[..^1] + " ";
                continue;
            }

            logical += line;
            if (logical.Length > 0)
            {
                Add(stages, logical.Trim());
            }

            logical = "";
        }

        return new Dockerfile(stages);
    }

    public DockerfileStage Stage(string name) =>
        Stages.SingleOrDefault(s => s.Name == name) ?? throw new InvalidOperationException($"The Dockerfile has no stage named {name}.");

    private static void Add(List<DockerfileStage> stages, string instruction)
    {
        var space = instruction.IndexOf(' ', StringComparison.Ordinal);
        var keyword = instruction[..space].ToUpperInvariant();
        var arguments = instruction[(space + 1)..].Trim();
        if (keyword == "FROM")
        {
            var parts = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            stages.Add(new DockerfileStage(parts[0], parts.Length == 3 ? parts[2] : $"stage{stages.Count}", []));
            return;
        }

        stages[^1].Instructions.Add(new DockerfileInstruction(keyword, arguments));
    }
}

public sealed record DockerfileStage(string Image, string Name, List<DockerfileInstruction> Instructions)
{
    public string WorkingDirectory => Instructions.LastOrDefault(i => i.Keyword == "WORKDIR")?.Arguments ?? "/";

    /// <summary>ENV lines, as <c>KEY=value</c> pairs separated by spaces (the form this project uses).</summary>
    public IReadOnlyDictionary<string, string> Environment => Instructions
        .Where(i => i.Keyword == "ENV")
        .SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .Select(pair => pair.Split('=', 2))
        .ToDictionary(pair => pair[0], pair => pair[1]);

    public IReadOnlyList<string> Entrypoint =>
        JsonSerializer.Deserialize<string[]>(Instructions.Single(i => i.Keyword == "ENTRYPOINT").Arguments)!;

    public string? User => Instructions.LastOrDefault(i => i.Keyword == "USER")?.Arguments;
}

public sealed record DockerfileInstruction(string Keyword, string Arguments);
