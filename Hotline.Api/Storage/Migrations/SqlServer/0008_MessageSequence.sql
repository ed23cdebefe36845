-- Transcript order. A message and the automatic reply it causes are stored in the same millisecond, and a
-- uniqueidentifier does not sort by its time bits, so CreatedAt and Id cannot say which came first. Each
-- message takes the next number of its conversation inside the transaction that stores it
-- (Messages_Create). Messages stored before this migration are numbered by the old order.
ALTER TABLE dbo.Messages ADD Sequence BIGINT NOT NULL CONSTRAINT DF_Messages_Sequence DEFAULT 0;
GO

WITH Numbered AS (
    SELECT Sequence, ROW_NUMBER() OVER (PARTITION BY ConversationId ORDER BY CreatedAt, Id) AS Position
    FROM dbo.Messages)
UPDATE Numbered SET Sequence = Position;
GO

CREATE UNIQUE INDEX UX_Messages_ConversationSequence ON dbo.Messages (ConversationId, Sequence);
