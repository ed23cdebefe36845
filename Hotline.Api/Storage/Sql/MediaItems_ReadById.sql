SELECT Id, MessageId, ConversationId, Position, Channel, SourceCipher, Status, Attempts, LeaseToken, Reason, ContentType,
       SizeBytes, Sha256, Width, Height, HasView, EvidenceCipher, StoredAt
FROM MediaItems
WHERE Id = @Id;
