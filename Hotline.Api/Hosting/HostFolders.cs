namespace Hotline.Api.Hosting;

/// <summary>
/// Where the host looks for appsettings.json and wwwroot (the console). The framework's default is the
/// current directory, but the published app is started as <c>dotnet /app/Hotline.Api.dll</c> from wherever
/// the container, the service manager or the operator's shell happens to be: there the console would 404.
/// Outside Development the content root is the app's own folder. Development keeps the current directory,
/// because <c>dotnet run --project Hotline.Api</c> starts in the project folder, whose App_Data holds the
/// local database and keys. A content root given explicitly (ASPNETCORE_CONTENTROOT, --contentRoot) wins.
/// </summary>
/// <remarks>
/// appsettings.json is not watched for changes: nothing reads options again after start (they are validated
/// once), and the framework's watcher covers the whole content root, App_Data and its SQLite database included,
/// so every write to the database's log woke it to read and discard a file event (about 2% of the API's CPU
/// under load). A <c>--hostBuilder:reloadConfigOnChange</c> given explicitly still wins.
/// </remarks>
public static class HostFolders
{
    private const string ReloadConfigOnChangeKey = "hostBuilder:reloadConfigOnChange";

    public static WebApplicationOptions For(string[] args)
    {
        // The same sources, in the same order, the host reads its own settings from.
        var host = new ConfigurationBuilder()
            .AddEnvironmentVariables("DOTNET_")
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddCommandLine(args)
            .Build();
        var development = string.Equals(host[HostDefaults.EnvironmentKey], Environments.Development, StringComparison.OrdinalIgnoreCase);
        var contentRootGiven = !string.IsNullOrEmpty(host[HostDefaults.ContentRootKey]);
        return new WebApplicationOptions
        {
            Args = [$"--{ReloadConfigOnChangeKey}=false", .. args],
            ContentRootPath = development || contentRootGiven ? null : AppContext.BaseDirectory,
        };
    }
}
