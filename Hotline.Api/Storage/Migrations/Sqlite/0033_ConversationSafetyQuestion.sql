-- The outbound message that asks the person the caseworker's question whether it is safe to write, while it may not have
-- reached the phone yet (Casework/SafetyQuestionReplies): the person's messages are read against her question only once
-- it has left. Null when no such question is open or it is known to have left, so a message costs no look-up then.
ALTER TABLE Conversations ADD COLUMN SafetyQuestionMessageId TEXT NULL;
