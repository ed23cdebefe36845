-- A number issued again (a new programme, a corrected language) replaces its earlier row.
UPDATE dbo.IssuedSims WITH (UPDLOCK, SERIALIZABLE)
SET Language = @Language, IssuedOn = @IssuedOn, Programme = @Programme, ImportedAt = @ImportedAt
WHERE PhoneHash = @PhoneHash;

IF @@ROWCOUNT = 0
    INSERT INTO dbo.IssuedSims (PhoneHash, Language, IssuedOn, Programme, ImportedAt)
    VALUES (@PhoneHash, @Language, @IssuedOn, @Programme, @ImportedAt);
