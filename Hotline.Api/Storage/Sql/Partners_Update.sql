-- Filtered on the version the editor read: two admins editing at once cannot overwrite each other unseen.
UPDATE Partners
SET Name = @Name, Services = @Services, Languages = @Languages, Regions = @Regions, ContactName = @ContactName,
    ContactEmail = @ContactEmail, ContactPhone = @ContactPhone, Active = @Active, UpdatedAt = @UpdatedAt, Version = Version + 1
WHERE Id = @Id AND Version = @ExpectedVersion;
