namespace Hotline.Api.Twilio;

public sealed class ReconciliationOptions
{
    /// <summary>Unset means on whenever a Twilio account is configured: a webhook refused while we were down is found.</summary>
    public bool? Enabled { get; set; }

    public int IntervalSeconds { get; set; } = 300;

    public int LookbackMinutes { get; set; } = 60;
}
