-- Accepting a recovery code and spending it are one write: a second use finds no unspent row.
UPDATE RecoveryCodes
SET UsedAt = @Now
WHERE UserId = @UserId AND CodeHash = @CodeHash AND UsedAt IS NULL;
