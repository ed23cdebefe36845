SELECT Language
FROM IssuedSims
WHERE PhoneHash = @PhoneHash;
