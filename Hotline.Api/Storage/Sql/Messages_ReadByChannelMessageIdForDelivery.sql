SELECT Id, ConversationId, CaseId, DeliveryStatus, DeliveryRank
FROM Messages
WHERE Channel = @Channel AND ChannelMessageId = @ChannelMessageId;
