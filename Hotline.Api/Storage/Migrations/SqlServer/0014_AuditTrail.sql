-- The audit trail: who read or changed what, and when, by the database clock. Append-only: rows are only
-- ever inserted. Each row's Mac is HMAC-SHA256 under the audit key over the previous row's Mac and the
-- row's own fields, so an edited, deleted or reordered row breaks the chain (`audit verify`).
-- Sequence is given by the writer (previous + 1), never reused, so a gap shows a deleted row.
-- No column holds message text, a phone number, a name or a note: subjects are ids.
CREATE TABLE dbo.AuditEntries (
    Sequence BIGINT NOT NULL CONSTRAINT PK_AuditEntries PRIMARY KEY,
    OccurredAt DATETIME2(3) NOT NULL,
    Actor NVARCHAR(64) NOT NULL,
    Action NVARCHAR(64) NOT NULL,
    Subject NVARCHAR(128) NULL,
    ClientAddress NVARCHAR(64) NULL,
    Outcome NVARCHAR(32) NOT NULL,
    Mac CHAR(64) NOT NULL
);

CREATE INDEX IX_AuditEntries_Subject ON dbo.AuditEntries (Subject);
CREATE INDEX IX_AuditEntries_Actor ON dbo.AuditEntries (Actor);
GO

-- The application's database user belongs to this role (infra/sqlserver/create-database.sql): it may add
-- audit rows and read them, never change or remove one, whatever else it may do.
CREATE ROLE hotline_audit_append;
GO

GRANT SELECT, INSERT ON dbo.AuditEntries TO hotline_audit_append;
DENY UPDATE, DELETE ON dbo.AuditEntries TO hotline_audit_append;
