namespace Hotline.Api.Privacy;

public static class PrivacyServices
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddValidatedOptions<PrivacyOptions, PrivacyOptionsValidator>(PrivacyOptions.Section);
        services.AddSingleton<FieldProtector>();
        services.AddSingleton<AddressHasher>();
        services.AddSingleton<KeyRotation>();
        return services;
    }
}
