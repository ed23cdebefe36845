namespace Hotline.Api.Tests.Deployment;

/// <summary>
/// Runs a Dockerfile's stages without Docker: each stage gets a folder standing for its filesystem root
/// (WORKDIR and COPY paths are mapped into it), and its RUN commands run under /bin/sh with a PATH that
/// holds only what the stage's base image provides. What differs from a real build: the machine's NuGet
/// and npm caches stand in for the registries, and the tools are this machine's versions.
/// </summary>
public sealed partial class StageEmulator(string contextFolder, string workFolder)
{
    // What every Debian-based image used here has: coreutils, findutils, grep, sed and bash.
    private static readonly string[] BaseTools =
        ["sh", "bash", "env", "cat", "cp", "mv", "mkdir", "rm", "ln", "test", "[", "find", "grep", "head", "tail", "ls", "chmod", "sed", "tr", "dirname", "basename", "uname", "sort", "wc"];

    public static IReadOnlyList<string> ToolsOf(string image) => image switch
    {
        _ when image.StartsWith("node:", StringComparison.Ordinal) => [.. BaseTools, "node", "npm"],
        _ when image.StartsWith("mcr.microsoft.com/dotnet/sdk:", StringComparison.Ordinal) => [.. BaseTools, "dotnet"],
        _ when image.StartsWith("mcr.microsoft.com/dotnet/aspnet:", StringComparison.Ordinal) => [.. BaseTools, "dotnet"],
        _ => throw new InvalidOperationException($"The emulation does not know what {image} provides: add it to {nameof(StageEmulator)}.{nameof(ToolsOf)}."),
    };

    /// <summary>The folder standing for a stage's filesystem root.</summary>
    public string RootOf(string stage) => Path.Combine(workFolder, "stages", stage);

    /// <summary>A folder of links to the stage's tools only, to be the whole PATH.</summary>
    public string ToolFolderOf(DockerfileStage stage)
    {
        var folder = Path.Combine(workFolder, "tools", stage.Name);
        if (Directory.Exists(folder))
        {
            return folder;
        }

        Directory.CreateDirectory(folder);
        foreach (var tool in ToolsOf(stage.Image))
        {
            var found = new[] { "/usr/local/bin", "/usr/bin", "/bin", "/usr/sbin", "/sbin" }.Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists)
                ?? throw new InvalidOperationException($"{tool} (provided by {stage.Image}) is not installed on this machine.");
            File.CreateSymbolicLink(Path.Combine(folder, tool), found);
        }

        return folder;
    }

    /// <summary>Maps a path inside the stage's image onto the folder standing for it.</summary>
    public string MapPath(string stage, string path, string workingDirectory) =>
        Path.Combine(RootOf(stage), Path.Combine(workingDirectory, path).TrimStart('/'));

    public async Task RunAsync(DockerfileStage stage, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(RootOf(stage.Name));
        var workingDirectory = "/";
        var environment = new Dictionary<string, string>();
        foreach (var instruction in stage.Instructions)
        {
            switch (instruction.Keyword)
            {
                case "WORKDIR":
                    workingDirectory = instruction.Arguments;
                    Directory.CreateDirectory(MapPath(stage.Name, "", workingDirectory));
                    break;
                case "ENV":
                    foreach (var (key, value) in new DockerfileStage(stage.Image, stage.Name, [instruction]).Environment)
                    {
                        environment[key] = value;
                    }

                    break;
                case "COPY":
                    Copy(stage.Name, instruction.Arguments, workingDirectory);
                    break;
                case "RUN":
                    await RunShellAsync(stage, instruction.Arguments, MapPath(stage.Name, "", workingDirectory), environment, cancellationToken);
                    break;
                case "EXPOSE" or "USER" or "ENTRYPOINT":
                    break;
                default:
                    throw new InvalidOperationException($"The emulation does not run {instruction.Keyword}.");
            }
        }
    }

    private void Copy(string stage, string arguments, string workingDirectory)
    {
        var parts = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        string? fromStage = null;
        if (parts[0].StartsWith("--from=", StringComparison.Ordinal))
        {
            fromStage = parts[0]["--from=".Length..];
            parts.RemoveAt(0);
        }

        var destination = MapPath(stage, parts[^1], workingDirectory);
        var intoFolder = parts[^1].EndsWith('/') || parts.Count > 2;
        foreach (var source in parts[..^1])
        {
            var from = fromStage is null ? Path.Combine(contextFolder, source) : MapPath(fromStage, source, "/");
            if (Directory.Exists(from))
            {
                CopyFolder(from, destination);
            }
            else if (File.Exists(from))
            {
                var target = intoFolder ? Path.Combine(destination, Path.GetFileName(from)) : destination;
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(from, target, overwrite: true);
            }
            else
            {
                throw new InvalidOperationException($"COPY {arguments}: {source} is not in the {(fromStage is null ? "build context" : $"stage {fromStage}")}.");
            }
        }
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    private async Task RunShellAsync(DockerfileStage stage, string command, string workingDirectory, Dictionary<string, string> environment,
        CancellationToken cancellationToken)
    {
        if (AbsolutePath().IsMatch(command))
        {
            throw new InvalidOperationException($"RUN {command}: an absolute path, which the emulation cannot map (use paths relative to WORKDIR).");
        }

        var start = new ProcessStartInfo("/bin/sh", ["-c", command])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment.Clear();
        start.Environment["PATH"] = ToolFolderOf(stage);
        // The package caches of this machine stand in for nuget.org and the npm registry.
        start.Environment["HOME"] = System.Environment.GetEnvironmentVariable("HOME") ?? "/root";
        if (System.Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { } packages)
        {
            start.Environment["NUGET_PACKAGES"] = packages;
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"Stage {stage.Name}: RUN {command} exited with {process.ExitCode}.{System.Environment.NewLine}{Tail(await output)}{Tail(await error)}");
        }
    }

    private static string Tail(string text) => string.Join(System.Environment.NewLine, text.Split('\n').TakeLast(40));

    [GeneratedRegex(@"(^|[\s=])/")]
    private static partial Regex AbsolutePath();
}
