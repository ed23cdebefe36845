using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace Hotline.Api.SessionKeys;

public static class SessionKeyServices
{
    /// <summary>
    /// Session cookies and antiforgery tokens are sealed with Data Protection keys, kept in the database
    /// (<see cref="DatabaseKeyRepository"/>) in every environment: every instance shares them, and they survive a
    /// restart, an upgrade and a new container.
    /// </summary>
    public static IServiceCollection AddSessionKeys(this IServiceCollection services)
    {
        // The same name on every instance: keys are only shared between applications of one name.
        services.AddDataProtection().SetApplicationName("Hotline");
        services.AddSingleton<DatabaseKeyRepository>();
        services.AddSingleton<SessionKeyRingCheck>();
        services.AddOptions<KeyManagementOptions>().Configure<DatabaseKeyRepository>((options, repository) => options.XmlRepository = repository);
        // The repository seals each element whole with the privacy keys, so XmlKeyManager's warning at every new key
        // ("no XML encryptor configured ... may be persisted in unencrypted form") is untrue here; its errors still show.
        services.Configure<LoggerFilterOptions>(filters => filters.AddFilter(typeof(XmlKeyManager).FullName, LogLevel.Error));
        return services;
    }
}
