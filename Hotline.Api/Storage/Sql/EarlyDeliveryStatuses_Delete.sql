DELETE FROM EarlyDeliveryStatuses
WHERE Channel = @Channel AND ChannelMessageId = @ChannelMessageId;
