-- A reply that waited carried why (Messages_NoteWaitingToSend); once it is sent, that no longer holds.
UPDATE Messages
SET ChannelMessageId = @ChannelMessageId, DeliveryStatus = @DeliveryStatus, DeliveryRank = @DeliveryRank, SentAt = @SentAt,
    DeliveryError = NULL
WHERE Id = @Id AND DeliveryRank < @DeliveryRank;
