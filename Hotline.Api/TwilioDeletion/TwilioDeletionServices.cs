namespace Hotline.Api.TwilioDeletion;

public static class TwilioDeletionServices
{
    /// <summary>The store of pending deletions, which the inbound pipeline, the delivery recorder, the media job, retention and erasure write to.</summary>
    public static IServiceCollection AddTwilioDeletion(this IServiceCollection services)
    {
        services.AddSingleton<TwilioDeletions>();
        return services;
    }

    /// <summary>The job that calls Twilio; added by <c>AddTwilio</c> only where a Twilio client is configured.</summary>
    public static IServiceCollection AddTwilioDeletionJob(this IServiceCollection services)
    {
        services.AddSingleton<TwilioDeleter>();
        services.AddSingleton<TwilioDeletionJob>();
        services.AddHostedService(provider => provider.GetRequiredService<TwilioDeletionJob>());
        return services;
    }
}
