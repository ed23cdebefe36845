namespace Hotline.Api.Twilio;

/// <summary>
/// The SDK reads Twilio's times (RFC 2822 with an offset) into <see cref="DateTime"/>s of the host's own time zone
/// (<see cref="DateTimeKind.Local"/>); compared as they come with UTC, every window was shifted by the host's offset.
/// </summary>
public static class TwilioTimes
{
    public static DateTimeOffset Utc(DateTime time) => time.Kind == DateTimeKind.Unspecified
        ? new DateTimeOffset(time, TimeSpan.Zero)
        : new DateTimeOffset(time.ToUniversalTime(), TimeSpan.Zero);
}
