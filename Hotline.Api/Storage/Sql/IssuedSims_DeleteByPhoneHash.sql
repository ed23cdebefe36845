DELETE FROM IssuedSims
WHERE PhoneHash = @PhoneHash;
