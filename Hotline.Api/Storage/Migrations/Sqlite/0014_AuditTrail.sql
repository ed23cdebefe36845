-- The audit trail: who read or changed what, and when, by the database clock. Append-only: rows are only
-- ever inserted. Each row's Mac is HMAC-SHA256 under the audit key over the previous row's Mac and the
-- row's own fields, so an edited, deleted or reordered row breaks the chain (`audit verify`).
-- Sequence is given by the writer (previous + 1), never reused, so a gap shows a deleted row.
-- No column holds message text, a phone number, a name or a note: subjects are ids.
CREATE TABLE AuditEntries (
    Sequence INTEGER NOT NULL PRIMARY KEY,
    OccurredAt TEXT NOT NULL,
    Actor TEXT NOT NULL,
    Action TEXT NOT NULL,
    Subject TEXT NULL,
    ClientAddress TEXT NULL,
    Outcome TEXT NOT NULL,
    Mac TEXT NOT NULL
);

CREATE INDEX IX_AuditEntries_Subject ON AuditEntries (Subject);
CREATE INDEX IX_AuditEntries_Actor ON AuditEntries (Actor);
