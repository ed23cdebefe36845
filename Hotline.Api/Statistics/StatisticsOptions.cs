namespace Hotline.Api.Statistics;

/// <summary>
/// How statistics are published. A month's outcomes, first replies and referrals are provisional for <see cref="FinalAfterDays"/>
/// after the month ends, so what comes in those weeks is counted in it, and final from then on; the rest of the month is
/// final when it ends (<see cref="StatisticsKeys.Final"/>): as statistical agencies publish, provisional first, then final.
/// </summary>
public sealed class StatisticsOptions
{
    public const string Section = "Hotline:Statistics";

    public const int MaxFinalAfterDays = 366;

    /// <summary>Days after a month ends during which its figures still change; 0 makes a month final as soon as it is over.</summary>
    public int FinalAfterDays { get; set; } = 90;

    public TimeSpan FinalAfter => TimeSpan.FromDays(FinalAfterDays);
}

internal sealed class StatisticsOptionsValidator : IValidateOptions<StatisticsOptions>
{
    public ValidateOptionsResult Validate(string? name, StatisticsOptions options) =>
        options.FinalAfterDays is >= 0 and <= StatisticsOptions.MaxFinalAfterDays
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{StatisticsOptions.Section}:{nameof(options.FinalAfterDays)} must be between 0 and {StatisticsOptions.MaxFinalAfterDays}.");
}
