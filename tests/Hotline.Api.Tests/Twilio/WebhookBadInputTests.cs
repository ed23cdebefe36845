namespace Hotline.Api.Tests.Twilio;

/// <summary>Bad input gets a 4xx with a reason, writes nothing, and never a 5xx.</summary>
public sealed class WebhookBadInputTests
{
    private const string Worker = "+9779800000202";

    public static TheoryData<string, string, string> BadFields => new()
    {
        { "MessageSid", "", "MessageSid is required." },
        { "MessageSid", "not-a-sid", "MessageSid is not a Twilio message id." },
        { "AccountSid", "AC" + new string('0', 32), "AccountSid is not this hotline's account." },
        { "From", "not a number", "From is not a phone number" },
        { "From", "12", "From is not a phone number" },
        { "Body", new string('x', 4097), "Body is longer than 4096 characters." },
        { "NumMedia", "abc", "NumMedia must be a whole number" },
        { "NumMedia", "1", "MediaUrl0 must be an https URL." },
    };

    [Theory, MemberData(nameof(BadFields))]
    public async Task A_signed_webhook_with_a_bad_field_is_refused_with_400_and_the_reason(string field, string value, string reason)
    {
        await using var harness = await TwilioHarness.StartAsync();
        var fields = TwilioHarness.InboundFields(Worker, "hello");
        fields[field] = value;

        var response = await harness.PostSignedAsync("/twilio/sms", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(0, await harness.CountAsync("SELECT COUNT(*) FROM Messages"));
    }

    public static TheoryData<string, string, HttpStatusCode, string> BadBodies => new()
    {
        { "application/x-www-form-urlencoded", "", HttpStatusCode.BadRequest, "The body is empty." },
        { "application/x-www-form-urlencoded", "Body=%FF%FE&From=%2B9779800000202", HttpStatusCode.BadRequest, "not valid UTF-8" },
        { "application/x-www-form-urlencoded", "Body=a&Body=b", HttpStatusCode.BadRequest, "appears more than once" },
        { "application/x-www-form-urlencoded", "=novalue", HttpStatusCode.BadRequest, "A field has no name." },
        { "application/json", "{\"Body\":\"hi\"}", HttpStatusCode.UnsupportedMediaType, "application/x-www-form-urlencoded" },
        { "application/x-www-form-urlencoded", "Body=" + new string('a', 70_000), HttpStatusCode.RequestEntityTooLarge, "larger than" },
    };

    [Theory, MemberData(nameof(BadBodies))]
    public async Task A_malformed_body_is_refused_with_a_4xx_and_the_reason(string contentType, string body, HttpStatusCode status, string reason)
    {
        await using var harness = await TwilioHarness.StartAsync();
        using var content = new StringContent(body, Encoding.ASCII);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);

        var response = await harness.Client.PostAsync("/twilio/sms", content, Ct);

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(0, await harness.CountAsync("SELECT COUNT(*) FROM Messages"));
    }

    [Fact]
    public async Task Raw_bytes_that_are_not_url_encoded_are_refused()
    {
        await using var harness = await TwilioHarness.StartAsync();
        using var content = new ByteArrayContent([.. "Body="u8, 0xC3, 0x28]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");

        var response = await harness.Client.PostAsync("/twilio/sms", content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
