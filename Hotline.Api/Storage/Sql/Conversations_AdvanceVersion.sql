-- A caseworker's first reply changes what the intake engine decides on (she has written), though no column here changes:
-- the new version makes an engine turn taken on the conversation as it was before the reply fail its save, and be taken
-- again, seeing her reply. Filtered by the version the reply read, so a turn saved since makes the reply read again too.
UPDATE Conversations
SET Version = Version + 1
WHERE Id = @Id AND Version = @Version;
