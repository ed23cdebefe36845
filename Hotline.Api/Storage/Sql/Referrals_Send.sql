UPDATE Referrals
SET Status = 'Sent', SentAt = @Now, UpdatedAt = @Now, Version = Version + 1
WHERE Id = @Id AND Status = 'ConsentRecorded' AND ConsentGivenAt IS NOT NULL;
