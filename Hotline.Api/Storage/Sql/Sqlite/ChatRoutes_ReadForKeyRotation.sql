-- keys rotate: the next rows, in id order after @AfterId, holding a value not under the current key
-- (an older key, or the unbound hl1 form). NULL matches neither side of <>, so an empty column is skipped.
SELECT ConversationId AS Id, BotConversationIdCipher, UserIdCipher, UserNameCipher, ReplyToIdCipher
FROM ChatRoutes
WHERE ConversationId > @AfterId
  AND (substr(BotConversationIdCipher, 1, @KeyPrefixLength) <> @CurrentKeyPrefix
       OR substr(UserIdCipher, 1, @KeyPrefixLength) <> @CurrentKeyPrefix
       OR substr(UserNameCipher, 1, @KeyPrefixLength) <> @CurrentKeyPrefix
       OR substr(ReplyToIdCipher, 1, @KeyPrefixLength) <> @CurrentKeyPrefix)
ORDER BY ConversationId
LIMIT @Take;
