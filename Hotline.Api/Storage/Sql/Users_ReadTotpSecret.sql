SELECT TotpSecret
FROM Users
WHERE Id = @Id;
