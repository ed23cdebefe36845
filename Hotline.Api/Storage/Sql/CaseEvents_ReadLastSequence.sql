SELECT COALESCE(MAX(Sequence), 0)
FROM CaseEvents;
