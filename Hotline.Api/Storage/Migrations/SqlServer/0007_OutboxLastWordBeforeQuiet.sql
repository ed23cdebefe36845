-- The replies of the turn that makes a conversation quiet (the discreet word's decoy, the not-safe
-- acknowledgement) are its last word: the row records the conversation version that turn wrote, and the
-- dispatcher sends it while the conversation is still quiet at exactly that version. Every other row is
-- cancelled while the conversation is quiet.
ALTER TABLE dbo.Outbox ADD SendWhileQuietAtVersion INT NULL;
