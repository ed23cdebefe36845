-- READPAST skips rows another deleter is claiming right now.
SELECT TOP (@Take) MessageSid, Attempts
FROM dbo.TwilioDeletions WITH (READPAST)
WHERE NextAttemptAt <= @Now
ORDER BY NextAttemptAt;
