-- A case's reference is the end of its id (the console's "Case 20777861"). A uniqueidentifier's text is upper case; SQLite
-- keeps ids as lower-case text and has no RIGHT function: hence a file for each.
SELECT Id
FROM dbo.Cases
WHERE RIGHT(CONVERT(CHAR(36), Id), 8) = UPPER(@Reference);
