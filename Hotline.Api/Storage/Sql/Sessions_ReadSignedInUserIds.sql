-- Who is on shift: people with a session that has not been ended and is younger than the absolute limit.
SELECT DISTINCT UserId
FROM Sessions
WHERE EndedAt IS NULL AND StartedAt > @Since;
