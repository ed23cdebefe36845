-- The bytes are in the media store: what is known of them is recorded, and the provider's copy is deleted
-- next, under the same lease.
UPDATE MediaItems
SET Status = 'Stored', ContentType = @ContentType, SizeBytes = @SizeBytes, Sha256 = @Sha256, Width = @Width, Height = @Height,
    HasView = @HasView, EvidenceCipher = @EvidenceCipher, StoredAt = @StoredAt, Attempts = 0, NextAttemptAt = @StoredAt, Reason = NULL
WHERE Id = @Id AND LeaseToken = @LeaseToken;
