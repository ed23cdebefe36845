-- A value that changes whenever what a session was granted changes (disabled, role, languages, password,
-- signing out everywhere): a cookie carrying an older stamp is refused, and its live connections are closed.
ALTER TABLE Users ADD COLUMN SecurityStamp TEXT NOT NULL DEFAULT '';

UPDATE Users SET SecurityStamp = lower(hex(randomblob(16))) WHERE SecurityStamp = '';
