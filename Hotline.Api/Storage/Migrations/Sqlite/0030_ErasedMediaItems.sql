-- Until now the retention sweep left photos behind: the rows (the provider's link, the hash, and what each file said of
-- itself: capture time, GPS position, device) and the encrypted files, which were still served. The rows of cases
-- already emptied go now, and those of messages outside any case in conversations whose identity is gone; the sweep's
-- pass over the media store then removes the files, whose rows are gone.
DELETE FROM MediaItems
WHERE MessageId IN (SELECT m.Id FROM Messages AS m JOIN Cases AS c ON c.Id = m.CaseId WHERE c.ContentErasedAt IS NOT NULL)
   OR MessageId IN (SELECT m.Id FROM Messages AS m JOIN Conversations AS v ON v.Id = m.ConversationId
                    WHERE m.CaseId IS NULL AND v.IdentityErasedAt IS NOT NULL);
