-- Each case first claimed since @Since, with the language and band it waited in and its wait: the host takes the
-- median per language and band. A range read of IX_Cases_FirstClaimed.
SELECT Language, Priority, QueuedAt, FirstClaimedAt
FROM Cases
WHERE FirstClaimedAt >= @Since;
