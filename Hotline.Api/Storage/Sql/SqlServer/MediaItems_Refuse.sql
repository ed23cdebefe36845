-- Final: the file cannot be kept (its type, size or content), or every attempt failed. Reason says why.
-- The items of one message finish in turns, as in MediaItems_MarkKept, so that TwilioDeletions_CreateForFinishedMedia
-- after it in the same transaction sees every item finished before it.
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
SET Status = N'NotKept', Reason = @Reason, LeaseToken = NULL, LeaseExpiresAt = NULL
WHERE Id = @Id AND LeaseToken = @LeaseToken;
