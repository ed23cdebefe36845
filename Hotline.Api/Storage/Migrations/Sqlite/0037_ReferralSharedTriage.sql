-- What a referral's consent shares of the case's triage (the 'indicators' and 'urgency' fields), kept as the case had it
-- when consent was recorded: the person agreed to share what was known then, so a later triage (a new answer, an urgent
-- word) must not reach the partner. The reasons are kept for either field (they tell whether the band rests on an answer); null where it covers neither. A referral whose consent was
-- recorded before this migration keeps the case's triage as it is now: the best there is, and what its partner saw.
ALTER TABLE Referrals ADD COLUMN SharedTriageReasons TEXT NULL;
ALTER TABLE Referrals ADD COLUMN SharedPriority INTEGER NULL;

UPDATE Referrals
SET SharedTriageReasons = (SELECT c.TriageReasons FROM Cases AS c WHERE c.Id = Referrals.CaseId)
WHERE SharedFields IS NOT NULL AND EXISTS (SELECT 1 FROM json_each(Referrals.SharedFields) AS f WHERE f.value IN ('indicators', 'urgency'));

UPDATE Referrals
SET SharedPriority = (SELECT c.Priority FROM Cases AS c WHERE c.Id = Referrals.CaseId)
WHERE SharedFields IS NOT NULL AND EXISTS (SELECT 1 FROM json_each(Referrals.SharedFields) AS f WHERE f.value = 'urgency');
