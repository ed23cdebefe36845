using Hotline.Bot.Triage;

namespace Hotline.Bot.Conversations;

/// <summary>
/// The smallest engine that keeps the safety rules: acknowledges a first message and queues a case,
/// honours STOP/START/HELP with neutral wording, and never texts first. The scripted intake replaces it.
/// </summary>
public sealed class FirstContactEngine : IConversationEngine
{
    public const string Received = "Thank you, your message was received. Someone will reply here soon.";
    public const string HelpReply = "Reply STOP to stop receiving messages. Reply START to receive them again.";
    public const string OptedInReply = "You will receive messages again. Reply STOP to stop.";

    public EngineTurn Handle(ConversationSnapshot conversation, InboundMessage message)
    {
        var (kind, keyword) = OptOutKeywords.Classify(message.Text);
        return kind switch
        {
            KeywordKind.OptOut => Turn(conversation, [], [new OptedOut(keyword)]),
            KeywordKind.OptIn when conversation.OptedOut => Turn(conversation, [OptedInReply], [new OptedIn(keyword)]),
            KeywordKind.Help => Turn(conversation, [HelpReply], []),
            _ when conversation.HasOpenCase || conversation.OptedOut => Turn(conversation, [], []),
            _ => Turn(conversation, [Received], [new CaseRequested(PriorityBand.Medium, 0, ["first_contact"])]),
        };
    }

    public EngineTurn Tick(ConversationSnapshot conversation, DateTimeOffset now) => Turn(conversation, [], []);

    private static EngineTurn Turn(ConversationSnapshot conversation, IReadOnlyList<string> replies, IReadOnlyList<EngineEvent> events) =>
        new(conversation.State, conversation.Language ?? conversation.RegisteredLanguage, replies.Select(r => new EngineReply(r)).ToList(), events);
}
