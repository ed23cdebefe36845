namespace Hotline.Api.Media;

public static class MediaServices
{
    /// <summary>Attachments kept as evidence: fetched by <see cref="MediaFetchJob"/>, stored encrypted by <see cref="MediaStore"/>.</summary>
    public static IServiceCollection AddMedia(this IServiceCollection services)
    {
        services.AddValidatedOptions<MediaOptions, MediaOptionsValidator>(MediaOptions.Section);
        services.AddSingleton<MediaItemRepository>();
        services.AddSingleton<MediaStore>();
        services.AddSingleton<StrandedMediaFiles>();
        services.AddSingleton<MediaHttp>();
        services.AddSingleton<MediaDownloader>();
        services.AddSingleton<MediaInspector>();
        services.AddSingleton<MediaBuffers>();
        services.AddSingleton<MediaWorkers>();
        services.AddSingleton<MediaKeeper>();
        services.AddSingleton<ProviderCopyDeleter>();
        services.AddSingleton<SimulatorMediaOrigin>();
        services.AddSingleton<ReadCoreTimes>(() => CoreTimes.Read());
        services.AddSingleton<MediaFetchJob>();
        services.AddHostedService(provider => provider.GetRequiredService<MediaFetchJob>());
        return services;
    }
}
