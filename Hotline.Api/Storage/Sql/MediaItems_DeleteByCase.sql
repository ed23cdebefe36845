-- A case's photos and files as the content of the case goes: the link, the hash, and what the file said of itself
-- (capture time, GPS position, device). The encrypted files go once this has committed.
DELETE FROM MediaItems
WHERE MessageId IN (SELECT Id FROM Messages WHERE CaseId = @CaseId);
