namespace Hotline.Api.Messages;

/// <summary>Where a message already stored under the same channel message id went.</summary>
public sealed record RepeatedMessage(Guid ConversationId, Guid? CaseId);
