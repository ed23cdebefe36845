-- A person who changes their own password keeps the session they did it from; every other one ends.
UPDATE Sessions
SET EndedAt = @Now
WHERE UserId = @UserId AND Id <> @KeepId AND EndedAt IS NULL;
