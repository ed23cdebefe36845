UPDATE Referrals
SET Status = 'Completed', Outcome = @Outcome, OutcomeNoteCipher = @OutcomeNoteCipher, CompletedAt = @Now, UpdatedAt = @Now,
    Version = Version + 1
WHERE Id = @Id AND PartnerId = @PartnerId AND Status = 'Accepted';
