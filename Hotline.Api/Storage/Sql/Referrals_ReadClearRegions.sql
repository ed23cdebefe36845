-- Consents recorded before migration 0018 kept their region in the clear; ReferralRegionBackfill seals them.
SELECT Id, Region
FROM Referrals
WHERE Region IS NOT NULL;
