-- Reads the schema and a page of a table, so a database file gone bad fails the health check, not only the next write.
SELECT CASE WHEN EXISTS (SELECT 1 FROM Conversations) THEN 1 ELSE 0 END;
