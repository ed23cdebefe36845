using Hotline.Api.TwilioDeletion;
using Twilio.Clients;
using Twilio.Http;

namespace Hotline.Api.Twilio;

public static class TwilioServices
{
    public static IServiceCollection AddTwilio(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<TwilioOptions, TwilioOptionsValidator>(TwilioOptions.Section);
        services.AddSingleton<TwilioSignature>();
        if (string.Equals(configuration[$"{TwilioOptions.Section}:Enabled"], "false", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<IChannelSender, TwilioDisabledSender>();
            return services;
        }

        // Outside Development the options validation refuses a start without an account.
        if (string.IsNullOrWhiteSpace(configuration[$"{TwilioOptions.Section}:AccountSid"]))
        {
            services.AddSingleton<IChannelSender, LocalSink>();
            return services;
        }

        services.AddSingleton<ITwilioRestClient>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<TwilioOptions>>().Value;
            var http = new System.Net.Http.HttpClient(new TwilioApiBaseUrlHandler(new Uri(options.ApiBaseUrl))
            {
                InnerHandler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
            })
            {
                Timeout = TimeSpan.FromSeconds(options.RequestTimeoutSeconds),
            };
            return new TwilioRestClient(options.AccountSid, options.AuthToken, httpClient: new SystemNetHttpClient(http));
        });
        services.AddSingleton<SendRate>();
        services.AddSingleton<IChannelSender, TwilioSender>();
        services.AddHostedService<TwilioReconciliationJob>();
        services.AddTwilioDeletionJob();
        return services;
    }
}
