-- What a referral's consent shares of the case's triage (the 'indicators' and 'urgency' fields), kept as the case had it
-- when consent was recorded: the person agreed to share what was known then, so a later triage (a new answer, an urgent
-- word) must not reach the partner. The reasons are kept for either field (they tell whether the band rests on an answer); null where it covers neither. A referral whose consent was
-- recorded before this migration keeps the case's triage as it is now: the best there is, and what its partner saw.
ALTER TABLE dbo.Referrals ADD SharedTriageReasons NVARCHAR(2000) NULL;
GO

ALTER TABLE dbo.Referrals ADD SharedPriority INT NULL;
GO

UPDATE r SET SharedTriageReasons = c.TriageReasons
FROM dbo.Referrals AS r
JOIN dbo.Cases AS c ON c.Id = r.CaseId
WHERE r.SharedFields IS NOT NULL AND EXISTS (SELECT 1 FROM OPENJSON(r.SharedFields) AS f WHERE f.[value] IN (N'indicators', N'urgency'));
GO

UPDATE r SET SharedPriority = c.Priority
FROM dbo.Referrals AS r
JOIN dbo.Cases AS c ON c.Id = r.CaseId
WHERE r.SharedFields IS NOT NULL AND EXISTS (SELECT 1 FROM OPENJSON(r.SharedFields) AS f WHERE f.[value] = N'urgency');
