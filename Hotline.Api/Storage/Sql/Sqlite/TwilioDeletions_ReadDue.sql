SELECT MessageSid, Attempts
FROM TwilioDeletions
WHERE NextAttemptAt <= @Now
ORDER BY NextAttemptAt
LIMIT @Take;
