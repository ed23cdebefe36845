namespace Hotline.Api.Retention;

/// <summary>
/// How long each class of data is kept (docs/accountability.md, "Retention"). Protocol records only guard
/// against a repeated delivery: chat activity ids (the Bot Connector redelivers within minutes) and delivery
/// statuses that arrived before their send was recorded. A closed case's content (message bodies, media,
/// notes, intake answers, referral summaries and consent details) goes <see cref="ClosedCaseContentDays"/>
/// after closing; a conversation's address and identity <see cref="IdleConversationDays"/> after its last
/// message, once no case of it is open; the issued-SIM registry's row of a number <see cref="IssuedSimDays"/> after its SIM was
/// issued (the registry only greets a new arrival in their language: a year on, the person has written or never will); outbox rows in a final state after <see cref="FinishedOutboxDays"/>;
/// audit rows after <see cref="AuditEntryDays"/>. The anonymous skeletons statistics count stay.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Hotline:Retention";

    public int ProtocolRecordHours { get; set; } = 48;

    public int ClosedCaseContentDays { get; set; } = 90;

    public int IdleConversationDays { get; set; } = 180;

    public int IssuedSimDays { get; set; } = 365;

    public int FinishedOutboxDays { get; set; } = 7;

    public int AuditEntryDays { get; set; } = 2_557;

    /// <summary>Rows one write of the sweep (or of an erasure) changes at most: each batch is its own short transaction.</summary>
    public int BatchSize { get; set; } = 500;

    public int SweepIntervalMinutes { get; set; } = 60;
}

internal sealed class RetentionOptionsValidator : IValidateOptions<RetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, RetentionOptions options)
    {
        (string Key, int Value, int Min, int Max)[] ranges =
        [
            (nameof(options.ProtocolRecordHours), options.ProtocolRecordHours, 1, 8_760),
            (nameof(options.ClosedCaseContentDays), options.ClosedCaseContentDays, 1, 3_650),
            (nameof(options.IdleConversationDays), options.IdleConversationDays, 1, 3_650),
            (nameof(options.IssuedSimDays), options.IssuedSimDays, 1, 3_650),
            (nameof(options.FinishedOutboxDays), options.FinishedOutboxDays, 1, 365),
            (nameof(options.AuditEntryDays), options.AuditEntryDays, 365, 36_500),
            (nameof(options.BatchSize), options.BatchSize, 1, 10_000),
            (nameof(options.SweepIntervalMinutes), options.SweepIntervalMinutes, 1, 1_440),
        ];
        foreach (var (key, value, min, max) in ranges)
        {
            if (value < min || value > max)
            {
                return ValidateOptionsResult.Fail($"{RetentionOptions.Section}:{key} must be between {min} and {max}.");
            }
        }

        return ValidateOptionsResult.Success;
    }
}
