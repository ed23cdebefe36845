-- A referral whose partner can reach the person only through the hotline caseworker (the route 'through_hotline', or no
-- route: the consent shared none) is not accepted once the hotline closed its case: nobody there can pass a message any
-- more (checked here, not only before, so a close committed meanwhile counts).
UPDATE Referrals
SET Status = 'Accepted', RespondedAt = @Now, UpdatedAt = @Now, Version = Version + 1
WHERE Id = @Id AND PartnerId = @PartnerId AND Status = 'Sent'
  AND ((ContactRoute IS NOT NULL AND ContactRoute <> 'through_hotline')
       OR NOT EXISTS (SELECT 1 FROM Cases AS c WHERE c.Id = Referrals.CaseId AND c.ClosedAt IS NOT NULL));
