-- A value that changes whenever what a session was granted changes (disabled, role, languages, password,
-- signing out everywhere): a cookie carrying an older stamp is refused, and its live connections are closed.
ALTER TABLE dbo.Users ADD SecurityStamp NVARCHAR(64) NOT NULL CONSTRAINT DF_Users_SecurityStamp DEFAULT N'';
GO

UPDATE dbo.Users SET SecurityStamp = LOWER(REPLACE(CONVERT(NVARCHAR(36), NEWID()), N'-', N'')) WHERE SecurityStamp = N'';
