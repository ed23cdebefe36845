-- Just before a send that waited: zero rows means another dispatcher has claimed the row since (its claim
-- changed the token), and this one must not send. One row means nobody can claim it until the new expiry.
UPDATE Outbox
SET LeaseExpiresAt = @LeaseExpiresAt
WHERE Id = @Id AND LeaseToken = @LeaseToken AND Status = 'Sending';
