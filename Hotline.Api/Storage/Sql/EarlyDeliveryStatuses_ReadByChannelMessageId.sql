SELECT Channel, ChannelMessageId, DeliveryStatus, DeliveryRank, DeliveryError, ReceivedAt
FROM EarlyDeliveryStatuses
WHERE Channel = @Channel AND ChannelMessageId = @ChannelMessageId;
