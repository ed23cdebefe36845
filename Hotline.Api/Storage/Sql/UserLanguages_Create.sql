INSERT INTO UserLanguages (UserId, Language)
VALUES (@UserId, @Language);
