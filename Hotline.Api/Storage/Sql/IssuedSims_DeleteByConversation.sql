-- The registry's row for a phone conversation's lookup hash (SMS and WhatsApp share the number's hash; a chat's hash
-- matches no row). Run before the conversation's hash is replaced, in the same write.
DELETE FROM IssuedSims
WHERE PhoneHash = (SELECT AddressHash FROM Conversations WHERE Id = @ConversationId);
