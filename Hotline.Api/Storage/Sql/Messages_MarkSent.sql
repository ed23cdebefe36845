UPDATE Messages
SET ChannelMessageId = @ChannelMessageId, DeliveryStatus = @DeliveryStatus, DeliveryRank = @DeliveryRank, SentAt = @SentAt
WHERE Id = @Id AND DeliveryRank < @DeliveryRank;
