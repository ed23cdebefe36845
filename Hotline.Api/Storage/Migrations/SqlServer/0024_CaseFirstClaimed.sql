-- When a caseworker first took the case: the wait announced at hand-off is the median from QueuedAt to this
-- over the last two hours, per language and band. Kept through releases and transfers (the person's wait ended
-- at the first claim). Cases claimed before this column existed have none and are not counted.
ALTER TABLE dbo.Cases ADD FirstClaimedAt DATETIME2(3) NULL;
GO

CREATE INDEX IX_Cases_FirstClaimed ON dbo.Cases (FirstClaimedAt) INCLUDE (Language, Priority, QueuedAt) WHERE FirstClaimedAt IS NOT NULL;
