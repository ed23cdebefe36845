namespace Hotline.Api.Users;

public static class UserServices
{
    public static IServiceCollection AddUsers(this IServiceCollection services)
    {
        services.AddSingleton<UserRepository>();
        services.AddSingleton<UserAccounts>();
        return services;
    }
}
