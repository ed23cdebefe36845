-- A partner's inbox. A referral reaches it only once sent, that is once consent was recorded. The case
-- columns are the ones a consent can cover (language; photos are read after); the triage reasons and urgency are the referral's own,
-- as they were at consent (migration 0037);
-- the case's own are read for a consent an older instance recorded without them (PartnerInboxRow). The view drops what the consent does not cover.
-- ContentErasedAt says the referral's details went with the case's content (erasure or retention), not that the consent shared none.
-- ClosedAt tells a partner told to reach the person through the hotline that the hotline no longer can.
SELECT r.Id, r.CaseId, r.Service, r.Status, r.SharedFields, r.ConsentGivenAt, r.SummaryCipher, r.Nationality, r.Region, r.RegionCipher, r.ContactRoute, r.DeclineReason,
       r.Outcome, r.OutcomeNoteCipher, r.CreatedAt, r.SentAt, r.RespondedAt, r.CompletedAt,
       c.Language AS CaseLanguage, r.SharedTriageReasons, r.SharedPriority, c.TriageReasons AS CaseTriageReasons,
       c.Priority AS CasePriority, c.ContentErasedAt AS CaseContentErasedAt,
       c.ClosedAt AS CaseClosedAt
FROM Referrals AS r
JOIN Cases AS c ON c.Id = r.CaseId
WHERE r.PartnerId = @PartnerId AND r.SentAt IS NOT NULL
ORDER BY r.CreatedAt DESC;
