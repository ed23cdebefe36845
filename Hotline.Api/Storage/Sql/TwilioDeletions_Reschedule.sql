UPDATE TwilioDeletions
SET NextAttemptAt = @NextAttemptAt, LeaseToken = NULL, LastError = @LastError
WHERE MessageSid = @MessageSid AND LeaseToken = @LeaseToken;
