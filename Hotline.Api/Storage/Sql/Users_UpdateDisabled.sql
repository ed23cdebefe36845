UPDATE Users
SET Disabled = @Disabled
WHERE Id = @Id;
