INSERT INTO EarlyDeliveryStatuses (Channel, ChannelMessageId, DeliveryStatus, DeliveryRank, DeliveryError, ReceivedAt)
VALUES (@Channel, @ChannelMessageId, @DeliveryStatus, @DeliveryRank, @DeliveryError, @ReceivedAt);
