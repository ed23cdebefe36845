namespace Hotline.Api.Media;

public static class MediaServices
{
    /// <summary>Attachments kept as evidence: fetched by <see cref="MediaFetchJob"/>, stored encrypted by <see cref="MediaStore"/>.</summary>
    public static IServiceCollection AddMedia(this IServiceCollection services)
    {
        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MediaOptions>, MediaOptionsValidator>();
        services.AddSingleton<MediaItemRepository>();
        services.AddSingleton<MediaStore>();
        services.AddSingleton<MediaHttp>();
        services.AddSingleton<MediaDownloader>();
        services.AddSingleton<MediaInspector>();
        services.AddSingleton<ProviderCopyDeleter>();
        services.AddSingleton<MediaFetchJob>();
        services.AddHostedService(provider => provider.GetRequiredService<MediaFetchJob>());
        return services;
    }
}
