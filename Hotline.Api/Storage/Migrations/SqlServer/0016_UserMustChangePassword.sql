-- Set by an operator's password reset: the one-time password printed on the command line opens no console
-- until its holder has chosen a password of their own.
ALTER TABLE dbo.Users ADD MustChangePassword BIT NOT NULL CONSTRAINT DF_Users_MustChangePassword DEFAULT 0;
