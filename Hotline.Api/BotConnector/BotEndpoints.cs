using Hotline.Bot.ActivityProtocol;

namespace Hotline.Api.BotConnector;

public static class BotEndpoints
{
    public const string Path = "/api/messages";

    /// <summary>No activity comes near this; a larger body is refused before it is read whole.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapBotEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, ReceiveActivity).AddEndpointFilter(new WebhookTelemetryFilter("bot")).WithName("ReceiveActivity").WithSummary("The bot's messaging endpoint: one Bot Framework activity, authenticated by the Bot Connector's token.").WithTags("Chat (Bot Framework)").DisableAntiforgery().AllowAnonymous();
        return app;
    }

    /// <summary>
    /// The bot's messaging endpoint. The caller is authenticated before the body is read, the activity is
    /// checked against the token, and whatever it causes is committed before the 200 goes back; a refusal at
    /// any step writes nothing. A repeated activity id is answered 200 and changes nothing. A connector that gives up
    /// waiting does not roll back a store a slow writer held up: it is stored with no cancellation (a graceful stop lets it
    /// finish; the host's stopping would cancel the stores a rolling deploy drains).
    /// </summary>
    public static async Task<Results<Ok, ProblemHttpResult>> ReceiveActivity(
        HttpContext context, BotTokenValidator validator, ChatActivityRouter router, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var check = await validator.ValidateAsync(context.Request.Headers.Authorization, cancellationToken);
        if (check is TokenCheck.Refused refused)
        {
            return Refuse(context, refused);
        }

        var body = await ReadBodyAsync(context.Request, cancellationToken);
        if (body.Error is { } bodyError)
        {
            return TypedResults.Problem(detail: bodyError.Reason, statusCode: bodyError.Status);
        }

        if (!ActivityReader.TryRead(body.Bytes, out var activity, out var error))
        {
            return TypedResults.Problem(detail: error, statusCode: StatusCodes.Status400BadRequest);
        }

        if (BotTokenValidator.Authorize((TokenCheck.Verified)check, activity) is { } forbidden)
        {
            return Refuse(context, forbidden);
        }

        await router.HandleAsync(activity, time.GetUtcNow(), CancellationToken.None);
        return TypedResults.Ok();
    }

    private static ProblemHttpResult Refuse(HttpContext context, TokenCheck.Refused refused)
    {
        if (refused.Status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
        }

        return TypedResults.Problem(detail: refused.Reason, statusCode: refused.Status);
    }

    private static async Task<(byte[] Bytes, BodyError? Error)> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentType is not { } contentType || !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return ([], new BodyError(StatusCodes.Status415UnsupportedMediaType, "The body must be application/json."));
        }

        var tooLarge = new BodyError(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {MaxBodyBytes} bytes.");
        if (request.ContentLength > MaxBodyBytes)
        {
            return ([], tooLarge);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return ([], tooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        return (buffer.ToArray(), null);
    }

    private sealed record BodyError(int Status, string Reason);
}
