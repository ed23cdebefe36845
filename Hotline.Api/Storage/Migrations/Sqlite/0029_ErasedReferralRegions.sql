-- Until now emptying a case (retention, erasure) left its referrals' encrypted region (RegionCipher, from 0018)
-- behind, and the hotline still decrypted it. The regions of cases already emptied go now; the statement that
-- empties a case takes them from here on.
UPDATE Referrals
SET RegionCipher = NULL
WHERE RegionCipher IS NOT NULL AND CaseId IN (SELECT Id FROM Cases WHERE ContentErasedAt IS NOT NULL);
