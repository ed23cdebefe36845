using Hotline.Api.Twilio;
using Twilio.Rest.Api.V2010.Account;

namespace Hotline.Api.Tests.Twilio;

/// <summary>
/// The SDK reads Twilio's RFC 2822 times into the host's time zone; the instant must come out the same on a host in
/// any zone (on a UTC host, as here, a mistake in the conversion shows only for a time the SDK left unmarked).
/// </summary>
public sealed class TwilioTimesTests
{
    [Fact]
    public void A_time_the_sdk_read_is_the_instant_twilio_wrote()
    {
        var message = MessageResource.FromJson("""{"sid": "SM1", "date_created": "Sat, 05 Dec 2026 16:00:00 +0545"}""");

        Assert.Equal(DateTimeOffset.Parse("2026-12-05T10:15:00Z"), TwilioTimes.Utc(message.DateCreated!.Value));
    }

    [Fact]
    public void A_time_with_no_zone_is_taken_as_utc()
    {
        Assert.Equal(DateTimeOffset.Parse("2026-12-05T16:00:00Z"), TwilioTimes.Utc(new DateTime(2026, 12, 5, 16, 0, 0, DateTimeKind.Unspecified)));
    }
}
