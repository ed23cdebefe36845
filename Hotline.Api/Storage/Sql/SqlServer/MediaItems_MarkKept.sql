-- Final: the file is in the media store and Twilio's copy is deleted.
-- The items of one message are kept in turns (the application lock on the message, held to the commit, taken before any
-- other lock of the transaction), so that the check that follows in the same transaction
-- (TwilioDeletions_CreateForKeptMedia) sees every item kept before it: under read committed snapshot, two photos kept at
-- the same moment would each still read the other as waiting, and the message would stay at Twilio.
DECLARE @Message UNIQUEIDENTIFIER = (SELECT MessageId FROM dbo.MediaItems WHERE Id = @Id);
IF @Message IS NOT NULL
BEGIN
    DECLARE @Resource NVARCHAR(255) = N'hotline:media-of-message:' + CONVERT(NVARCHAR(36), @Message);
    DECLARE @Turn INT;
    EXEC @Turn = sp_getapplock @Resource = @Resource, @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = -1;
    IF @Turn < 0
        THROW 51000, N'A media item did not get its message''s turn (sp_getapplock).', 1;
END;
UPDATE dbo.MediaItems
SET Status = N'Kept', Reason = NULL, LeaseToken = NULL, LeaseExpiresAt = NULL
WHERE Id = @Id AND LeaseToken = @LeaseToken;
