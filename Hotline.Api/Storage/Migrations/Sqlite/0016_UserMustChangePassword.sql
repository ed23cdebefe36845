-- Set by an operator's password reset: the one-time password printed on the command line opens no console
-- until its holder has chosen a password of their own.
ALTER TABLE Users ADD COLUMN MustChangePassword INTEGER NOT NULL DEFAULT 0;
