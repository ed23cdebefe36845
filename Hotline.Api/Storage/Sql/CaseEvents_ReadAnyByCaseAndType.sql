-- 1 when the case has an event of the type, else 0 (IX_CaseEvents_Case finds the case's events).
SELECT CASE WHEN EXISTS (SELECT 1 FROM CaseEvents WHERE CaseId = @CaseId AND Type = @Type) THEN 1 ELSE 0 END;
