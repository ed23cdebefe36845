UPDATE Users
SET Role = @Role
WHERE Id = @Id;
