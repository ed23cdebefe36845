namespace Hotline.Api.Hosting;

/// <summary>
/// Settings read from a folder of files, one per setting, named for its key with <c>__</c> for <c>:</c>
/// (<c>Twilio__AuthToken</c>): Docker Compose mounts its <c>secrets:</c> that way under /run/secrets, so
/// the secrets never sit in the container's environment, where <c>docker inspect</c> and every child
/// process see them. <c>Hotline:SecretsDirectory</c> names the folder; a missing folder stops the start.
/// </summary>
public static class SecretFiles
{
    public const string DirectoryKey = "Hotline:SecretsDirectory";

    public static void AddSecretFiles(this IHostApplicationBuilder builder)
    {
        if (builder.Configuration[DirectoryKey] is { Length: > 0 } directory)
        {
            builder.Configuration.AddKeyPerFile(Path.GetFullPath(directory), optional: false);
        }
    }
}
