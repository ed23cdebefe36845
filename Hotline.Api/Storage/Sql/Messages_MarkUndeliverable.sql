UPDATE Messages
SET DeliveryStatus = @DeliveryStatus, DeliveryRank = @DeliveryRank, DeliveryError = @DeliveryError
WHERE Id = @Id;
