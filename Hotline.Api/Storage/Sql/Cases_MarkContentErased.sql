UPDATE Cases
SET ContentErasedAt = @Now
WHERE Id = @CaseId AND ContentErasedAt IS NULL;
