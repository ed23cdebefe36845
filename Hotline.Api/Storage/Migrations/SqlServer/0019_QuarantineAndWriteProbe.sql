-- Rows a background job could not decode, decrypt or process, set aside so the job goes on without them.
-- Only where the row is and why: never its content, which is personal data. One row per source and row.
CREATE TABLE dbo.QuarantinedRows (
    Source NVARCHAR(64) NOT NULL,
    RowId NVARCHAR(64) NOT NULL,
    Reason NVARCHAR(64) NOT NULL,
    QuarantinedAt DATETIME2(3) NOT NULL,
    CONSTRAINT PK_QuarantinedRows PRIMARY KEY (Source, RowId)
);

CREATE INDEX IX_QuarantinedRows_QuarantinedAt ON dbo.QuarantinedRows (QuarantinedAt);

-- Readiness asks whether the database can still grow by writing a row larger than a page here, inside a
-- transaction it always rolls back: the table stays empty.
CREATE TABLE dbo.WriteProbes (
    Id INT IDENTITY(1, 1) NOT NULL CONSTRAINT PK_WriteProbes PRIMARY KEY,
    Filler NVARCHAR(MAX) NOT NULL
);

-- The W3C trace context a reply was written in (a trace and a span id, nothing else): the send's span continues
-- that trace, so one message can be followed from its webhook to its commit and to each reply's send.
ALTER TABLE dbo.Outbox ADD TraceParent NVARCHAR(64) NULL;
