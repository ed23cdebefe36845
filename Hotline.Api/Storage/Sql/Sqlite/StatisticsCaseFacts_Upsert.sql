INSERT INTO StatisticsCaseFacts (CaseId, Keys)
VALUES (@CaseId, @Keys)
ON CONFLICT (CaseId) DO UPDATE SET Keys = excluded.Keys;
