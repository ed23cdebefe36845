UPDATE Sessions
SET EndedAt = @Now
WHERE Id = @Id AND EndedAt IS NULL;
