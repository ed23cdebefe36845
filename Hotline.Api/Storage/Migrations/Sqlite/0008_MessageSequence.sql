-- Transcript order. A message and the automatic reply it causes are stored in the same millisecond, and a
-- UUIDv7 Id has random low bits, so CreatedAt and Id cannot say which came first. Each message takes the
-- next number of its conversation inside the transaction that stores it (Messages_Create). Messages stored
-- before this migration are numbered by the old order, the best that is known of them.
ALTER TABLE Messages ADD COLUMN Sequence INTEGER NOT NULL DEFAULT 0;

UPDATE Messages
SET Sequence = Numbered.Position
FROM (SELECT Id, ROW_NUMBER() OVER (PARTITION BY ConversationId ORDER BY CreatedAt, Id) AS Position FROM Messages) AS Numbered
WHERE Numbered.Id = Messages.Id;

CREATE UNIQUE INDEX UX_Messages_ConversationSequence ON Messages (ConversationId, Sequence);
