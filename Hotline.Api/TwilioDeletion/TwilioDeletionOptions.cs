namespace Hotline.Api.TwilioDeletion;

/// <summary>How the deletions at Twilio are paced (<c>Twilio:Deletion</c>); whether they run at all is <c>Twilio:DeleteFromTwilio</c>.</summary>
public sealed class TwilioDeletionOptions
{
    /// <summary>How often the job looks for deletions that are due.</summary>
    public int IntervalSeconds { get; set; } = 10;

    /// <summary>
    /// The first retry waits about this long, each later one twice as long. Twilio refuses to delete a message
    /// it is still processing and asks for a wait of at least a minute.
    /// </summary>
    public int RetryBaseMilliseconds { get; set; } = 60_000;

    public int RetryMaxSeconds { get; set; } = 3_600;
}
