SELECT COUNT(*)
FROM ChatActivities
WHERE ActivityHash = @ActivityHash;
