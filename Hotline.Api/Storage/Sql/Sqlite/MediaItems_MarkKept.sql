-- Final: the file is in the media store and Twilio's copy is deleted. The single writer makes the check that follows in the
-- same commit (TwilioDeletions_CreateForKeptMedia) see every item of the message kept before it.
UPDATE MediaItems
SET Status = 'Kept', Reason = NULL, LeaseToken = NULL, LeaseExpiresAt = NULL
WHERE Id = @Id AND LeaseToken = @LeaseToken;
