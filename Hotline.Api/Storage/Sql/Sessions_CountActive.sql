-- 1 while the session has not been ended, 0 after sign-out (or for an id the server never issued).
SELECT COUNT(*)
FROM Sessions
WHERE Id = @Id AND EndedAt IS NULL;
