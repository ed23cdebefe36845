-- Filtered again on being due: another deleter may have claimed the row since it was read. The lease is
-- the next attempt time itself, so a deleter that dies leaves the row due again once it runs out.
UPDATE TwilioDeletions
SET LeaseToken = @LeaseToken, NextAttemptAt = @LeaseExpiresAt, Attempts = Attempts + 1
WHERE MessageSid = @MessageSid AND NextAttemptAt <= @Now;
