namespace Hotline.Api.Privacy;

public static class PrivacyServices
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PrivacyOptions>, PrivacyOptionsValidator>();
        services.AddSingleton<FieldProtector>();
        services.AddSingleton<AddressHasher>();
        services.AddSingleton<KeyRotation>();
        return services;
    }
}
