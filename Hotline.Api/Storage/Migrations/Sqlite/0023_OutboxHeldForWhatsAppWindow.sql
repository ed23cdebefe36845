-- WhatsApp refuses free text more than 24 hours after the person's last message. A reply written (or still
-- unsent) then is Held: it waits, unsent, until the person writes again. Reengagement marks the approved
-- template that may be sent instead, once per silence. SQLite cannot change a CHECK constraint in place, so
-- the table is rebuilt with the same columns, rows and indexes.
CREATE TABLE Outbox_New (
    Id TEXT NOT NULL PRIMARY KEY,
    MessageId TEXT NOT NULL UNIQUE REFERENCES Messages (Id),
    ConversationId TEXT NOT NULL REFERENCES Conversations (Id),
    Channel TEXT NOT NULL,
    Status TEXT NOT NULL CHECK (Status IN ('Pending', 'Sending', 'Sent', 'Failed', 'Cancelled', 'Held')),
    Attempts INTEGER NOT NULL DEFAULT 0,
    NextAttemptAt TEXT NOT NULL,
    LeaseToken TEXT NULL,
    LeaseExpiresAt TEXT NULL,
    OutcomeUnknown INTEGER NOT NULL DEFAULT 0,
    ProviderMessageId TEXT NULL,
    LastError TEXT NULL,
    CreatedAt TEXT NOT NULL,
    SendWhileQuietAtVersion INTEGER NULL,
    TraceParent TEXT NULL,
    Reengagement INTEGER NOT NULL DEFAULT 0
);

INSERT INTO Outbox_New (Id, MessageId, ConversationId, Channel, Status, Attempts, NextAttemptAt, LeaseToken, LeaseExpiresAt,
                        OutcomeUnknown, ProviderMessageId, LastError, CreatedAt, SendWhileQuietAtVersion, TraceParent)
SELECT Id, MessageId, ConversationId, Channel, Status, Attempts, NextAttemptAt, LeaseToken, LeaseExpiresAt,
       OutcomeUnknown, ProviderMessageId, LastError, CreatedAt, SendWhileQuietAtVersion, TraceParent
FROM Outbox;

DROP TABLE Outbox;
ALTER TABLE Outbox_New RENAME TO Outbox;

CREATE INDEX IX_Outbox_Due ON Outbox (Status, NextAttemptAt);
CREATE INDEX IX_Outbox_Lease ON Outbox (Status, LeaseExpiresAt);
CREATE INDEX IX_Outbox_Finished ON Outbox (CreatedAt) WHERE Status IN ('Sent', 'Failed', 'Cancelled');
CREATE INDEX IX_Outbox_Conversation ON Outbox (ConversationId);
