namespace Hotline.Api.WhatsApp;

public static class WhatsAppServices
{
    /// <summary>WhatsApp's 24-hour window: replies held until the person writes, and the re-engagement template.</summary>
    public static IServiceCollection AddWhatsApp(this IServiceCollection services) => services.AddSingleton<WhatsAppHolds>();
}
