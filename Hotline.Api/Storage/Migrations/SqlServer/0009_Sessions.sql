-- Console sessions held on the server. The cookie names its session; signing out ends the session here,
-- so a copy of the cookie is refused afterwards and every tab of that browser falls back to sign-in.
CREATE TABLE dbo.Sessions (
    Id UNIQUEIDENTIFIER NOT NULL CONSTRAINT PK_Sessions PRIMARY KEY,
    UserId UNIQUEIDENTIFIER NOT NULL CONSTRAINT FK_Sessions_Users REFERENCES dbo.Users (Id),
    StartedAt DATETIME2(3) NOT NULL,
    EndedAt DATETIME2(3) NULL
);
