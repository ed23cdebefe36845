namespace Hotline.Api.Availability;

public static class AvailabilityServices
{
    /// <summary>Opening hours per language team (<c>Hotline:Hours</c>) and the measured wait, given to the engine with each message.</summary>
    public static IServiceCollection AddAvailability(this IServiceCollection services)
    {
        services.AddValidatedOptions<OpeningHoursOptions, OpeningHoursOptionsValidator>(OpeningHoursOptions.Section);
        services.AddSingleton<TeamHours>();
        services.AddSingleton<MeasuredWaits>();
        services.AddSingleton<ServiceAvailabilitySource>();
        return services;
    }
}
