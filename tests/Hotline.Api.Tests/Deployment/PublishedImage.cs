namespace Hotline.Api.Tests.Deployment;

/// <summary>
/// infra/Dockerfile's stages run once, without Docker, on a copy of the build context made by
/// infra/Dockerfile.dockerignore's rules: the node stage with node and npm only, the .NET stage with
/// dotnet and no npm. The runtime stage's folder stands for the image's /app.
/// </summary>
public sealed class PublishedImage : IAsyncLifetime
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Infra => Path.Combine(RepositoryRoot, "infra");

    public Dockerfile Dockerfile { get; } = Dockerfile.Read(Path.Combine(Infra, "Dockerfile"));

    public string Folder { get; } = WorldReadableTemporaryFolder("hotline-image-");

    public StageEmulator Emulator => new(Path.Combine(Folder, "context"), Folder);

    public DockerfileStage Runtime => Dockerfile.Stages[^1];

    /// <summary>The runtime stage's working directory (/app), where the published app is.</summary>
    public string App => Emulator.MapPath(Runtime.Name, "", Runtime.WorkingDirectory);

    public async ValueTask InitializeAsync()
    {
        new BuildContext(Path.Combine(Infra, "Dockerfile.dockerignore")).CopyTo(RepositoryRoot, Path.Combine(Folder, "context"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        foreach (var stage in Dockerfile.Stages)
        {
            await Emulator.RunAsync(stage, timeout.Token);
        }
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    /// <summary>A temporary folder that a process running as nobody can read (CreateTempSubdirectory makes it 0700).</summary>
    public static string WorldReadableTemporaryFolder(string prefix)
    {
        var folder = Directory.CreateTempSubdirectory(prefix).FullName;
        SetMode(folder, (UnixFileMode)0b111_101_101);
        return folder;
    }

    /// <summary>The tests run on Linux (the image's system); Windows has no such modes to set.</summary>
    public static void SetMode(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, mode);
        }
    }

    private static string FindRepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Hotline.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException($"No Hotline.sln above {AppContext.BaseDirectory}.");
    }
}

[CollectionDefinition(Name)]
public sealed class PublishedImageCollection : ICollectionFixture<PublishedImage>
{
    public const string Name = "Published image";
}
