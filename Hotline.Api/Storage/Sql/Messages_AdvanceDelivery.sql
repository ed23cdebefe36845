-- Callbacks arrive in any order: a status only ever replaces one of lower rank.
UPDATE Messages
SET DeliveryStatus = @DeliveryStatus, DeliveryRank = @DeliveryRank,
    DeliveryError = COALESCE(@DeliveryError, DeliveryError),
    DeliveredAt = CASE WHEN @Delivered = 1 THEN @ReceivedAt ELSE DeliveredAt END
WHERE Channel = @Channel AND ChannelMessageId = @ChannelMessageId AND DeliveryRank < @DeliveryRank;
