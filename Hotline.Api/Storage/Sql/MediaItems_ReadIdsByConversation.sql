-- Which of a conversation's items still have a row: the media store's files of any other item were left behind.
SELECT Id
FROM MediaItems
WHERE ConversationId = @ConversationId;
