-- WhatsApp refuses free text more than 24 hours after the person's last message. A reply written (or still
-- unsent) then is Held: it waits, unsent, until the person writes again. Reengagement marks the approved
-- template that may be sent instead, once per silence.
ALTER TABLE dbo.Outbox DROP CONSTRAINT CK_Outbox_Status;
GO
ALTER TABLE dbo.Outbox ADD CONSTRAINT CK_Outbox_Status
    CHECK (Status IN (N'Pending', N'Sending', N'Sent', N'Failed', N'Cancelled', N'Held'));
GO
ALTER TABLE dbo.Outbox ADD Reengagement BIT NOT NULL CONSTRAINT DF_Outbox_Reengagement DEFAULT 0;
