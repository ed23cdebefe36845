-- Rows a background job could not decode, decrypt or process, set aside so the job goes on without them.
-- Only where the row is and why: never its content, which is personal data. One row per source and row.
CREATE TABLE QuarantinedRows (
    Source TEXT NOT NULL,
    RowId TEXT NOT NULL,
    Reason TEXT NOT NULL,
    QuarantinedAt TEXT NOT NULL,
    PRIMARY KEY (Source, RowId)
);

CREATE INDEX IX_QuarantinedRows_QuarantinedAt ON QuarantinedRows (QuarantinedAt);

-- Readiness asks whether the database can still grow by writing a row larger than a page here, inside a
-- transaction it always rolls back: the table stays empty.
CREATE TABLE WriteProbes (
    Id INTEGER NOT NULL PRIMARY KEY,
    Filler TEXT NOT NULL
);

-- The W3C trace context a reply was written in (a trace and a span id, nothing else): the send's span continues
-- that trace, so one message can be followed from its webhook to its commit and to each reply's send.
ALTER TABLE Outbox ADD COLUMN TraceParent TEXT NULL;
