-- keys rotate: compare-and-set on the values read, so a row the hotline changed meanwhile keeps the hotline's values.
UPDATE ChatRoutes
SET BotConversationIdCipher = @BotConversationIdCipher,
    UserIdCipher = @UserIdCipher,
    UserNameCipher = @UserNameCipher,
    ReplyToIdCipher = @ReplyToIdCipher
WHERE ConversationId = @Id
  AND BotConversationIdCipher = @OldBotConversationIdCipher
  AND UserIdCipher = @OldUserIdCipher
  AND (UserNameCipher = @OldUserNameCipher OR (UserNameCipher IS NULL AND @OldUserNameCipher IS NULL))
  AND ReplyToIdCipher = @OldReplyToIdCipher;
