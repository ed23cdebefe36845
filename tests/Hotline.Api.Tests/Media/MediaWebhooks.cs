namespace Hotline.Api.Tests.Media;

/// <summary>A person sends a file the way Twilio delivers it: the file at the Twilio stand-in, its link in a signed webhook.</summary>
public static class MediaWebhooks
{
    public const string Worker = "+9779800000777";

    /// <summary>Sends one MMS carrying <paramref name="bytes"/> declared as <paramref name="declaredType"/>; the webhook is answered 2xx.</summary>
    public static async Task SendAsync(TwilioHarness harness, byte[] bytes, string declaredType, FakeTwilioServer.MediaServing? serving = null,
        string text = "this is where they keep us", string from = Worker)
    {
        var sid = "MM" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await SendLinkAsync(harness, sid, harness.Twilio.AddMedia(sid, bytes, declaredType, serving), declaredType, text, from);
    }

    public static async Task SendLinkAsync(TwilioHarness harness, string sid, string url, string declaredType, string text = "this is where they keep us",
        string from = Worker)
    {
        var fields = TwilioHarness.InboundFields(from, text, sid);
        fields["NumMedia"] = "1";
        fields["MediaUrl0"] = url;
        fields["MediaContentType0"] = declaredType;
        (await harness.PostSignedAsync("/twilio/sms", fields)).EnsureSuccessStatusCode();
    }

    /// <summary>The only media item so far, as the product reads it.</summary>
    public static async Task<MediaItem> OnlyItemAsync(TwilioHarness harness)
    {
        var id = Guid.Parse((await harness.ScalarAsync("SELECT Id FROM MediaItems"))!);
        var database = harness.App.Services.GetRequiredService<Database>();
        await using var session = await database.OpenAsync(TestContext.Current.CancellationToken);
        return (await harness.App.Services.GetRequiredService<MediaItemRepository>().FindAsync(session, id, TestContext.Current.CancellationToken))!;
    }
}
