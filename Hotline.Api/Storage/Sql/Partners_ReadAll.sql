SELECT Id, Name, Services, Languages, Regions, ContactName, ContactEmail, ContactPhone, Active, CreatedAt, UpdatedAt, Version
FROM Partners
ORDER BY Name;
