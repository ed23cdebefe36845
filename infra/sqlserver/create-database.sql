-- Run by the db-init service (sqlcmd as sa) on every `docker compose up`. Each step looks before it acts,
-- so a second run changes nothing. The app's migrations create the tables, not the database or its login.
-- $(HOTLINE_DB_PASSWORD) is the environment variable of that name: sqlcmd reads environment variables
-- as scripting variables, and stops with an error (-b) if it is not set.
SET NOCOUNT ON;
GO

IF DB_ID(N'hotline') IS NULL
    CREATE DATABASE hotline;
GO

-- Readers see the last committed row instead of waiting for a writer's lock. Switching it on needs the
-- database to itself, so it is done only while it is still off (the first run, before any API connects).
IF EXISTS (SELECT 1 FROM sys.databases WHERE name = N'hotline' AND is_read_committed_snapshot_on = 0)
    ALTER DATABASE hotline SET READ_COMMITTED_SNAPSHOT ON WITH ROLLBACK IMMEDIATE;
GO

-- FULL recovery, so log backups (backup.sh log) allow a restore to a point in time. It is set here rather
-- than taken from the model database, whose setting differs between editions. Until the first full
-- backup the log is truncated as under SIMPLE; after it, the log grows until a log backup is taken.
IF EXISTS (SELECT 1 FROM sys.databases WHERE name = N'hotline' AND recovery_model_desc <> N'FULL')
    ALTER DATABASE hotline SET RECOVERY FULL;
GO

-- The APIs log in as hotline, which owns this one database and nothing else on the server. Changing
-- HOTLINE_DB_PASSWORD in infra/.env and running `up` again sets the new password here.
IF SUSER_ID(N'hotline') IS NULL
    CREATE LOGIN hotline WITH PASSWORD = N'$(HOTLINE_DB_PASSWORD)', DEFAULT_DATABASE = hotline,
        CHECK_POLICY = ON, CHECK_EXPIRATION = OFF;
ELSE IF PWDCOMPARE(N'$(HOTLINE_DB_PASSWORD)', (SELECT password_hash FROM sys.sql_logins WHERE name = N'hotline')) = 0
    ALTER LOGIN hotline WITH PASSWORD = N'$(HOTLINE_DB_PASSWORD)';
GO

USE hotline;
GO

-- After a restore onto another server the user exists but points at the old server's login: relink it.
IF USER_ID(N'hotline') IS NULL
    CREATE USER hotline FOR LOGIN hotline;
ELSE
    ALTER USER hotline WITH LOGIN = hotline;
IF IS_ROLEMEMBER(N'db_owner', N'hotline') = 0
    ALTER ROLE db_owner ADD MEMBER hotline;
GO
