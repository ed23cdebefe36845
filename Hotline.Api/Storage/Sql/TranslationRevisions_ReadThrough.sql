SELECT r.Id, r.Language, r.Kind, r.TextId, r.Text, u.UserName AS ChangedBy, r.ChangedAt
FROM TranslationRevisions r
JOIN Users u ON u.Id = r.ChangedBy
WHERE r.Id <= @ThroughVersion
ORDER BY r.Id;
