UPDATE Messages
SET DeliveryStatus = 'pending', DeliveryError = NULL
WHERE Id = @Id AND DeliveryStatus = 'held';
