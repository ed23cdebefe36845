-- Retention by data class and erasure on request (issue 18). A closed case keeps its anonymous skeleton
-- (dates, language, band, indicators, outcome) after its content goes; a conversation keeps its channel
-- and language after its address and identity go. The markers say what is gone, and the filtered indexes
-- let the sweep find what is still to go without reading what it already swept.
ALTER TABLE dbo.Cases ADD ContentErasedAt DATETIME2(3) NULL;
ALTER TABLE dbo.Conversations ADD IdentityErasedAt DATETIME2(3) NULL;
GO

CREATE INDEX IX_Cases_ContentToErase ON dbo.Cases (ClosedAt) WHERE Status = N'Closed' AND ContentErasedAt IS NULL;
CREATE INDEX IX_Conversations_IdentityToErase ON dbo.Conversations (LastInboundAt) WHERE IdentityErasedAt IS NULL;
CREATE INDEX IX_Outbox_Finished ON dbo.Outbox (CreatedAt) WHERE Status IN (N'Sent', N'Failed', N'Cancelled');

-- Where the audit chain starts once its oldest rows are past their retention: the MAC of the last deleted
-- row, itself under a MAC of the audit key, so `audit verify` can start there and a forged start shows.
CREATE TABLE dbo.AuditAnchors (
    Sequence BIGINT NOT NULL CONSTRAINT PK_AuditAnchors PRIMARY KEY,
    Mac CHAR(64) NOT NULL,
    AnchoredAt DATETIME2(3) NOT NULL,
    AnchorMac CHAR(64) NOT NULL
);

-- A person's pending replies are found by their conversation when they are erased.
CREATE INDEX IX_Outbox_Conversation ON dbo.Outbox (ConversationId);
