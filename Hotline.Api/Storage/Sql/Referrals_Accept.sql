-- A referral that tells the partner to reach the person through the hotline caseworker is not accepted once the hotline
-- closed its case: nobody there can pass a message any more (checked here, not only before, so a close committed meanwhile counts).
UPDATE Referrals
SET Status = 'Accepted', RespondedAt = @Now, UpdatedAt = @Now, Version = Version + 1
WHERE Id = @Id AND PartnerId = @PartnerId AND Status = 'Sent'
  AND (ContactRoute IS NULL OR ContactRoute <> 'through_hotline'
       OR NOT EXISTS (SELECT 1 FROM Cases AS c WHERE c.Id = Referrals.CaseId AND c.ClosedAt IS NOT NULL));
