-- What became of each referral of a person's cases: the partner, the service, how far it went. No consent
-- details, no summary: a list of earlier cases needs no more.
SELECT r.CaseId, p.Name AS PartnerName, r.Service, r.Status, r.Outcome, r.CreatedAt
FROM Referrals AS r
JOIN Cases AS c ON c.Id = r.CaseId
JOIN Partners AS p ON p.Id = r.PartnerId
WHERE c.ConversationId = @ConversationId
ORDER BY r.CreatedAt, r.Id;
