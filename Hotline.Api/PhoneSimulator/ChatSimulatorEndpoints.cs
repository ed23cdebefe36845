using System.Text.Json.Nodes;
using Hotline.Api.BotConnector;
using Hotline.Bot.ActivityProtocol;

namespace Hotline.Api.PhoneSimulator;

/// <summary>
/// Development only: the simulator's chat mode plays a person in a chat app. The server builds an activity
/// and signs it with the local issuer's key (published through local OpenID metadata), the page posts it to
/// the real /api/messages, where the full token check runs, and the replies are read back from the
/// conversation (the local chat sink takes them). Available while no Bot:AppId is configured.
/// </summary>
public static partial class ChatSimulatorEndpoints
{
    public const string BotAccountId = "hotline-bot";

    public static IEndpointRouteBuilder MapChatSimulatorEndpoints(this IEndpointRouteBuilder app)
    {
        var chat = app.MapGroup("/simulator/chat").WithTags("Simulator (Development)").ExcludeFromDescription();
        chat.MapGet("/", () => SimulatorEndpoints.Asset("simulator.chat.html", "text/html; charset=utf-8")).WithName("GetChatSimulatorPage").WithSummary("The chat simulator's page (Development).");
        chat.MapGet("/simulator.chat.js", () => SimulatorEndpoints.Asset("simulator.chat.js", "text/javascript; charset=utf-8")).WithName("GetChatSimulatorScript").WithSummary("The chat simulator's script (Development).");
        chat.MapGet("/simulator.chat.css", () => SimulatorEndpoints.Asset("simulator.chat.css", "text/css; charset=utf-8")).WithName("GetChatSimulatorStyle").WithSummary("The chat simulator's style sheet (Development).");
        app.MapGet(DevelopmentBotIssuer.MetadataPath, (DevelopmentBotIssuer issuer) => Results.Text(issuer.MetadataDocument(), "application/json")).WithName("GetChatSimulatorOpenIdMetadata").WithSummary("The local OpenID metadata that stands in for the Bot Framework's (Development).")
            .ExcludeFromDescription();
        app.MapGet(DevelopmentBotIssuer.KeysPath, (DevelopmentBotIssuer issuer) => Results.Text(issuer.KeysDocument(), "application/json")).WithName("GetChatSimulatorSigningKeys").WithSummary("The local signing keys that stand in for the Bot Framework's (Development).")
            .ExcludeFromDescription();
        chat.MapPost("/sign", Sign).WithName("SignSimulatedActivity").WithSummary("Signs a simulated chat activity as the Bot Connector would, for the page to post to /api/messages (Development).");
        chat.MapGet("/messages", Messages).WithName("GetSimulatedChatMessages").WithSummary("The replies the local sink received for a simulated chat (Development).");
        return app;
    }

    public sealed record ChatSignRequest(string Type, string User, string? Conversation, string? Text, string? Locale);

    public sealed record SignedActivity(string Url, JsonObject Activity, string Token);

    public sealed record ChatLine(string Direction, string Body, string Status, DateTimeOffset At);

    public static Results<Ok<SignedActivity>, ProblemHttpResult> Sign(
        ChatSignRequest request, DevelopmentBotIssuer issuer, IOptions<BotOptions> bot)
    {
        if (bot.Value.Configured)
        {
            return TypedResults.Problem(detail: "Bot:AppId is configured, so /api/messages only believes the Bot Framework's keys; the chat simulator signs with a local key.",
                statusCode: StatusCodes.Status409Conflict);
        }

        if (!ActivityTypes.IsHandled(request.Type) || request.User is null || !Name().IsMatch(request.User) || (request.Conversation is { } c && !Name().IsMatch(c)))
        {
            return TypedResults.Problem(detail: "type must be message, conversationUpdate or endOfConversation; user and conversation 1 to 64 letters, digits, '-' or '_'.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        var activity = new JsonObject
        {
            ["type"] = request.Type,
            ["id"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)),
            ["channelId"] = DevelopmentBotIssuer.ChannelId,
            ["serviceUrl"] = issuer.ServiceUrl,
            ["from"] = new JsonObject { ["id"] = request.User, ["role"] = "user" },
            ["recipient"] = new JsonObject { ["id"] = BotAccountId, ["role"] = "bot" },
            ["conversation"] = new JsonObject { ["id"] = request.Conversation ?? $"sim-{request.User}" },
            ["locale"] = request.Locale,
        };
        if (request.Type == ActivityTypes.Message)
        {
            activity["text"] = request.Text ?? "";
        }
        else if (request.Type == ActivityTypes.ConversationUpdate)
        {
            activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotAccountId }, new JsonObject { ["id"] = request.User });
        }

        return TypedResults.Ok(new SignedActivity(BotEndpoints.Path, activity, issuer.SignToken()));
    }

    public static async Task<Results<Ok<IReadOnlyList<ChatLine>>, ProblemHttpResult>> Messages(
        string user, Database database, ConversationRepository conversations, MessageRepository messages, CancellationToken cancellationToken)
    {
        if (!Name().IsMatch(user))
        {
            return TypedResults.Problem(detail: "user must be 1 to 64 letters, digits, '-' or '_'.", statusCode: StatusCodes.Status400BadRequest);
        }

        await using var session = await database.OpenAsync(cancellationToken);
        var conversation = await conversations.FindByAddressAsync(session, ChatKeys.Person(DevelopmentBotIssuer.ChannelId, user), cancellationToken);
        IReadOnlyList<ChatLine> lines = conversation is null
            ? []
            : (await messages.ReadConversationAsync(session, conversation.Id, cancellationToken))
                .Select(m => new ChatLine(m.Direction.ToString(), m.Body, m.DeliveryStatus, m.CreatedAt)).ToList();
        return TypedResults.Ok(lines);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex Name();
}
