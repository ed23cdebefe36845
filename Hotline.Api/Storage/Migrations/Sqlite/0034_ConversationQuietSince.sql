-- The version at which the conversation's present quiet spell began (null while it is not quiet): a last word before the
-- silence (Outbox.SendWhileQuietAtVersion, the version its turn wrote) goes out while the conversation is quiet since then
-- or earlier, so the person's writing again in the same spell no longer cancels it. A conversation quiet at the upgrade
-- counts as quiet since its present version: a last word waiting then goes as it would have before.
ALTER TABLE Conversations ADD COLUMN QuietSinceVersion INTEGER NULL;

UPDATE Conversations SET QuietSinceVersion = Version WHERE Status = 'Quiet';
