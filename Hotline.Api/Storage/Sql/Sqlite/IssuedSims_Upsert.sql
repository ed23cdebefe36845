-- A number issued again (a new programme, a corrected language) replaces its earlier row.
INSERT INTO IssuedSims (PhoneHash, Language, IssuedOn, Programme, ImportedAt)
VALUES (@PhoneHash, @Language, @IssuedOn, @Programme, @ImportedAt)
ON CONFLICT (PhoneHash) DO UPDATE
SET Language = excluded.Language, IssuedOn = excluded.IssuedOn, Programme = excluded.Programme, ImportedAt = excluded.ImportedAt;
