-- Retention by data class and erasure on request (issue 18). A closed case keeps its anonymous skeleton
-- (dates, language, band, indicators, outcome) after its content goes; a conversation keeps its channel
-- and language after its address and identity go. The markers say what is gone, and the filtered indexes
-- let the sweep find what is still to go without reading what it already swept.
ALTER TABLE Cases ADD COLUMN ContentErasedAt TEXT NULL;
ALTER TABLE Conversations ADD COLUMN IdentityErasedAt TEXT NULL;

CREATE INDEX IX_Cases_ContentToErase ON Cases (ClosedAt) WHERE Status = 'Closed' AND ContentErasedAt IS NULL;
CREATE INDEX IX_Conversations_IdentityToErase ON Conversations (LastInboundAt) WHERE IdentityErasedAt IS NULL;
CREATE INDEX IX_Outbox_Finished ON Outbox (CreatedAt) WHERE Status IN ('Sent', 'Failed', 'Cancelled');

-- Where the audit chain starts once its oldest rows are past their retention: the MAC of the last deleted
-- row, itself under a MAC of the audit key, so `audit verify` can start there and a forged start shows.
CREATE TABLE AuditAnchors (
    Sequence INTEGER NOT NULL PRIMARY KEY,
    Mac TEXT NOT NULL,
    AnchoredAt TEXT NOT NULL,
    AnchorMac TEXT NOT NULL
);

-- A person's pending replies are found by their conversation when they are erased.
CREATE INDEX IX_Outbox_Conversation ON Outbox (ConversationId);
