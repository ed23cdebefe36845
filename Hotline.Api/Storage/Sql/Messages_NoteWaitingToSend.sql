-- Only while nothing has been sent: why the reply is still waiting, for the caseworker who wrote it.
UPDATE Messages
SET DeliveryError = @DeliveryError
WHERE Id = @Id AND DeliveryRank = 0;
