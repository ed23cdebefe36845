INSERT INTO Partners (Id, Name, Services, Languages, Regions, ContactName, ContactEmail, ContactPhone, Active, CreatedAt, UpdatedAt)
VALUES (@Id, @Name, @Services, @Languages, @Regions, @ContactName, @ContactEmail, @ContactPhone, @Active, @CreatedAt, @UpdatedAt);
