namespace Hotline.Api.Users;

public static class UserServices
{
    public static IServiceCollection AddUsers(this IServiceCollection services)
    {
        services.AddSingleton<UserRepository>();
        services.AddSingleton<IntakeLanguageRule>();
        services.AddSingleton<AccountRules>();
        services.AddSingleton<OneTimePasswords>();
        services.AddSingleton<UserAccounts>();
        services.AddSingleton<PasswordChanges>();
        return services;
    }
}
