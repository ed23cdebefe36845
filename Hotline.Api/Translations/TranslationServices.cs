namespace Hotline.Api.Translations;

public static class TranslationServices
{
    public static IServiceCollection AddTranslations(this IServiceCollection services)
    {
        services.AddSingleton<TranslationRevisionStore>();
        services.AddSingleton<TranslationBooks>();
        services.AddSingleton<TranslationReviews>();
        return services;
    }
}
