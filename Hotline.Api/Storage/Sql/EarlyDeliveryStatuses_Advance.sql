UPDATE EarlyDeliveryStatuses
SET DeliveryStatus = @DeliveryStatus, DeliveryRank = @DeliveryRank, DeliveryError = COALESCE(@DeliveryError, DeliveryError)
WHERE Channel = @Channel AND ChannelMessageId = @ChannelMessageId AND DeliveryRank < @DeliveryRank;
