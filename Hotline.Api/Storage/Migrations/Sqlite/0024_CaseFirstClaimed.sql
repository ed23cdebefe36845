-- When a caseworker first took the case: the wait announced at hand-off is the median from QueuedAt to this
-- over the last two hours, per language and band. Kept through releases and transfers (the person's wait ended
-- at the first claim). Cases claimed before this column existed have none and are not counted.
ALTER TABLE Cases ADD COLUMN FirstClaimedAt TEXT NULL;

CREATE INDEX IX_Cases_FirstClaimed ON Cases (FirstClaimedAt) WHERE FirstClaimedAt IS NOT NULL;
