namespace Hotline.Api.Quarantine;

/// <summary>A row set aside: where it is and why, never what it holds.</summary>
public sealed record QuarantinedRow
{
    /// <summary>The job and table it was met in, one of <see cref="QuarantineSources"/>.</summary>
    public string Source { get; init; } = "";

    /// <summary>The row's id in that table (an outbox id, a conversation id, a case-event sequence, a case id).</summary>
    public string RowId { get; init; } = "";

    /// <summary>One of <see cref="QuarantineReasons"/>.</summary>
    public string Reason { get; init; } = "";

    public DateTimeOffset QuarantinedAt { get; init; }
}

/// <summary>Where a row was met: the background job and the table it read.</summary>
public static class QuarantineSources
{
    /// <summary>An outbox reply whose message or conversation the dispatcher could not read.</summary>
    public const string Outbox = "outbox";

    /// <summary>A conversation the intake tick could not read (its address or engine state).</summary>
    public const string Conversation = "conversation";

    /// <summary>A case event whose payload the stream to the consoles could not parse.</summary>
    public const string CaseEvent = "case-event";

    /// <summary>A case whose counted statistics keys the projection could not parse.</summary>
    public const string StatisticsFacts = "statistics-facts";

    public static readonly IReadOnlyList<string> All = [Outbox, Conversation, CaseEvent, StatisticsFacts];
}

/// <summary>Why a row was set aside: a code, so that no message quoting the row's data is ever stored.</summary>
public static class QuarantineReasons
{
    /// <summary>A ciphertext that does not decrypt under any configured key, or is not in the protected form.</summary>
    public const string Undecryptable = "undecryptable";

    /// <summary>Stored text that does not parse as what it should be (JSON, base64, a number, a required field).</summary>
    public const string Unparseable = "unparseable";
}
