-- Consent withdrawn or the referral no longer wanted: a partner keeps only the fact that it was withdrawn.
UPDATE Referrals
SET Status = 'Withdrawn', UpdatedAt = @Now, Version = Version + 1
WHERE Id = @Id AND Status IN ('Proposed', 'ConsentRecorded', 'Sent', 'Accepted');
