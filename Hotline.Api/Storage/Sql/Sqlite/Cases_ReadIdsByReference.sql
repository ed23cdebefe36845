-- A case's reference is the end of its id (the console's "Case 20777861"). SQLite keeps ids as lower-case text; SQL Server
-- has a uniqueidentifier, whose text is upper case, and a RIGHT function SQLite lacks: hence a file for each.
SELECT Id
FROM Cases
WHERE substr(Id, -8) = lower(@Reference);
