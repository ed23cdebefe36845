-- Deleted at Twilio (or already gone there): nothing is left to do for this message.
DELETE FROM TwilioDeletions
WHERE MessageSid = @MessageSid AND LeaseToken = @LeaseToken;
