namespace Hotline.Api.Tests.Twilio;

/// <summary>The form reader on its own, for what a real client cannot be made to do on cue.</summary>
public sealed class WebhookFormTests
{
    [Fact]
    public async Task A_body_abandoned_by_its_sender_is_refused_with_the_servers_status_rather_than_thrown()
    {
        var context = new DefaultHttpContext();
        context.Request.ContentType = "application/x-www-form-urlencoded";
        context.Request.Body = new AbandonedBody();

        var result = await WebhookForm.ReadAsync(context.Request, Ct);

        Assert.Equal((StatusCodes.Status400BadRequest, "The body ended before its declared length, or arrived too slowly."), (result.Status, result.Error));
    }

    /// <summary>What Kestrel's request body does when the client closes the connection before the declared length.</summary>
    private sealed class AbandonedBody : MemoryStream
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            throw new BadHttpRequestException("Unexpected end of request content.", StatusCodes.Status400BadRequest);
    }
}
