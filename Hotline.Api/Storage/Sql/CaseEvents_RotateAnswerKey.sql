-- keys rotate: compare-and-set on the data read. Only the answer's TextCipher changes; the event keeps its sequence number.
UPDATE CaseEvents
SET Data = @Data
WHERE Sequence = @Sequence AND Data = @OldData;
