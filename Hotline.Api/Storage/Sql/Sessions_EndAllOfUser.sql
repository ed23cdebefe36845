-- Every session of the person ends at once: an account change must not leave an old cookie working.
UPDATE Sessions
SET EndedAt = @Now
WHERE UserId = @UserId AND EndedAt IS NULL;
