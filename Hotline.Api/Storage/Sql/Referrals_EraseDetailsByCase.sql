-- What a referral said about the person goes; what statistics count stays (partner, service, status,
-- outcome code, dates). The region is in RegionCipher since migration 0018; Region holds only older consents'.
UPDATE Referrals
SET ConsentGivenBy = NULL, ConsentChannel = NULL, SharedFields = NULL, SummaryCipher = NULL, Nationality = NULL,
    Region = NULL, RegionCipher = NULL, DeclineReason = NULL, OutcomeNoteCipher = NULL, SharedTriageReasons = NULL, SharedPriority = NULL
WHERE CaseId = @CaseId
  AND (ConsentGivenBy IS NOT NULL OR ConsentChannel IS NOT NULL OR SharedFields IS NOT NULL OR SummaryCipher IS NOT NULL
       OR Nationality IS NOT NULL OR Region IS NOT NULL OR RegionCipher IS NOT NULL OR DeclineReason IS NOT NULL
       OR OutcomeNoteCipher IS NOT NULL OR SharedTriageReasons IS NOT NULL OR SharedPriority IS NOT NULL);
