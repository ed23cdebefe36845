-- The last message (Messages.Sequence) stored before the conversation's latest quiet spell or opt-out began, set in the
-- transaction that silences the person (Conversations_MarkSilenced): everything up to it was written before that silence,
-- and is never sent after it, even once the silence has ended. A reply whose attempt's outcome was unknown is only looked
-- up at the provider (recorded as sent if it arrived); one WhatsApp refuses with 63016 afterwards is cancelled, not held.
-- Null until the person is first silenced; a silence that began before this migration is not known.
ALTER TABLE Conversations ADD COLUMN SilencedThroughSequence INTEGER NULL;
