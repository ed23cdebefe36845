using Microsoft.AspNetCore.DataProtection;

namespace Hotline.Api.Auth;

/// <summary>
/// Session cookies and antiforgery tokens are sealed with ASP.NET Data Protection keys. Left alone, each
/// process keeps its own key ring (in its user's home, which a container loses when it is recreated):
/// behind a load balancer a session from one instance is refused by the others, and every upgrade signs
/// every caseworker out. <c>Hotline:DataProtection:KeysDirectory</c> names a folder all instances share.
/// </summary>
public static class SharedKeys
{
    public const string KeysDirectoryKey = "Hotline:DataProtection:KeysDirectory";

    public static IServiceCollection AddSharedKeys(this IServiceCollection services, IConfiguration configuration)
    {
        // The same name on every instance: keys are only shared between applications of one name.
        var dataProtection = services.AddDataProtection().SetApplicationName("Hotline");
        if (configuration[KeysDirectoryKey] is { Length: > 0 } directory)
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(directory));
        }

        return services;
    }
}
