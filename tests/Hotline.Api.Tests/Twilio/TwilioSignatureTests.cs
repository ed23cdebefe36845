namespace Hotline.Api.Tests.Twilio;

/// <summary>The signature check on its own, where many requests are judged at once.</summary>
public sealed class TwilioSignatureTests
{
    private const string AuthToken = "signature-test-token";
    private const string PublicBaseUrl = "https://hotline.example.org";

    [Fact]
    public void Webhooks_judged_at_the_same_time_are_each_judged_by_their_own_signature()
    {
        var signature = Signature();
        var requests = Enumerable.Range(0, 20_000).Select(i => SignedRequest(i, tampered: i % 7 == 0)).ToList();
        var misjudged = 0;

        Parallel.ForEach(requests, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = TestContext.Current.CancellationToken }, request =>
        {
            if (signature.IsValid(request.Http, request.Fields) == request.Tampered)
            {
                Interlocked.Increment(ref misjudged);
            }
        });

        Assert.Equal(0, misjudged);
    }

    [Fact]
    public void A_webhook_signed_over_the_public_url_with_its_default_port_spelled_out_is_accepted()
    {
        var fields = new Dictionary<string, string> { ["MessageSid"] = "SM00000000000000000000000000000001", ["Body"] = "hello" };
        var context = new DefaultHttpContext();
        context.Request.Path = "/twilio/sms";
        context.Request.Headers[TwilioSignature.Header] = TwilioSignature.Compute(AuthToken, "https://hotline.example.org:443/twilio/sms", fields);

        Assert.True(Signature().IsValid(context.Request, fields));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64 at all")]
    [InlineData("AAAA")]
    public void A_signature_that_is_not_an_hmac_is_refused(string header)
    {
        var fields = new Dictionary<string, string> { ["MessageSid"] = "SM00000000000000000000000000000001", ["Body"] = "hello" };
        var context = new DefaultHttpContext();
        context.Request.Path = "/twilio/sms";
        context.Request.Headers[TwilioSignature.Header] = header;

        Assert.False(Signature().IsValid(context.Request, fields));
    }

    private static TwilioSignature Signature() =>
        new(Options.Create(new TwilioOptions { AuthToken = AuthToken }), Options.Create(new HotlineOptions { PublicBaseUrl = PublicBaseUrl }));

    private static (HttpRequest Http, Dictionary<string, string> Fields, bool Tampered) SignedRequest(int index, bool tampered)
    {
        var fields = new Dictionary<string, string>
        {
            ["MessageSid"] = $"SM{index:D32}",
            ["From"] = $"+97798{10_000_000 + index:D8}",
            ["Body"] = $"message number {index} " + new string('x', 4_000),
        };
        var context = new DefaultHttpContext();
        context.Request.Path = "/twilio/sms";
        context.Request.Headers[TwilioSignature.Header] = TwilioSignature.Compute(AuthToken, PublicBaseUrl + "/twilio/sms", fields);
        if (tampered)
        {
            fields["Body"] += "!";
        }

        return (context.Request, fields, tampered);
    }
}
