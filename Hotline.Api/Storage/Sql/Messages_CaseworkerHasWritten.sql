-- A caseworker has written on the case: an outbound message with an author (the engine's replies have none).
SELECT CASE WHEN EXISTS (SELECT 1 FROM Messages WHERE CaseId = @CaseId AND AuthorUserId IS NOT NULL) THEN 1 ELSE 0 END;
