-- Console sessions held on the server. The cookie names its session; signing out ends the session here,
-- so a copy of the cookie is refused afterwards and every tab of that browser falls back to sign-in.
CREATE TABLE Sessions (
    Id TEXT NOT NULL PRIMARY KEY,
    UserId TEXT NOT NULL REFERENCES Users (Id),
    StartedAt TEXT NOT NULL,
    EndedAt TEXT NULL
);
