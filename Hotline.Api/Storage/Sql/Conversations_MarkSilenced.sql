-- In the transaction that silences the person (the discreet word, "not safe", STOP, a closed chat), before that turn writes
-- its own last words: every message stored so far was written before this silence began, and nothing of it is sent after.
UPDATE Conversations
SET SilencedThroughSequence = (SELECT MAX(Sequence) FROM Messages WHERE ConversationId = @Id)
WHERE Id = @Id;
