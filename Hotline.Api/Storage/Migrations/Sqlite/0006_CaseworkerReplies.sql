-- Caseworkers' replies (outbound messages with an author) by case. Every inbound message on an open
-- case asks whether a caseworker has written, on the single writer's time, and statistics look for the
-- first reply; without this index both read every message of the case.
CREATE INDEX IX_Messages_CaseworkerReplies ON Messages (CaseId, CreatedAt) WHERE AuthorUserId IS NOT NULL;
