-- Whether a channel's message id is stored already (a webhook sent again), and where that message went; its body stays sealed.
SELECT ConversationId, CaseId
FROM Messages
WHERE Channel = @Channel AND ChannelMessageId = @ChannelMessageId;
