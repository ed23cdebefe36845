INSERT INTO RecoveryCodes (UserId, CodeHash)
VALUES (@UserId, @CodeHash);
