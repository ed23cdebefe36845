namespace Hotline.Api.CaseStore;

public sealed class QueueOptions
{
    public const string Section = "Hotline:Queue";

    /// <summary>How long a claim lasts without renewal. The console renews while the case is open.</summary>
    public int LeaseSeconds { get; set; } = 300;

    /// <summary>How often expired leases are returned to the queue (and consoles told).</summary>
    public int SweepIntervalSeconds { get; set; } = 15;

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);
}

internal sealed class QueueOptionsValidator : IValidateOptions<QueueOptions>
{
    public ValidateOptionsResult Validate(string? name, QueueOptions options) =>
        options switch
        {
            { LeaseSeconds: < 10 or > 86_400 } => ValidateOptionsResult.Fail($"{QueueOptions.Section}:LeaseSeconds must be between 10 and 86400."),
            { SweepIntervalSeconds: < 1 or > 3_600 } => ValidateOptionsResult.Fail($"{QueueOptions.Section}:SweepIntervalSeconds must be between 1 and 3600."),
            _ => ValidateOptionsResult.Success,
        };
}
