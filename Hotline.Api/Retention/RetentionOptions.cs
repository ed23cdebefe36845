using Microsoft.Extensions.Options;

namespace Hotline.Api.Retention;

/// <summary>
/// How long the records that only guard against a repeated delivery are kept: chat activity ids (the
/// Bot Connector redelivers within minutes) and delivery statuses that arrived before their send was
/// recorded (the send is recorded within the outbox lease). Past that they guard nothing and only grow.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Hotline:Retention";

    public int ProtocolRecordHours { get; set; } = 48;

    public int SweepIntervalMinutes { get; set; } = 60;
}

internal sealed class RetentionOptionsValidator : IValidateOptions<RetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, RetentionOptions options) =>
        options switch
        {
            { ProtocolRecordHours: < 1 or > 8_760 } =>
                ValidateOptionsResult.Fail($"{RetentionOptions.Section}:ProtocolRecordHours must be between 1 and 8760."),
            { SweepIntervalMinutes: < 1 or > 1_440 } =>
                ValidateOptionsResult.Fail($"{RetentionOptions.Section}:SweepIntervalMinutes must be between 1 and 1440."),
            _ => ValidateOptionsResult.Success,
        };
}
