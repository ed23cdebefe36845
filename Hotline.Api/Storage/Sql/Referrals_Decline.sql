UPDATE Referrals
SET Status = 'Declined', DeclineReason = @Reason, RespondedAt = @Now, UpdatedAt = @Now, Version = Version + 1
WHERE Id = @Id AND PartnerId = @PartnerId AND Status = 'Sent';
