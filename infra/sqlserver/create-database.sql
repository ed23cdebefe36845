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

-- Two logins. hotline_migrator owns the database and runs the migrations (the `migrate` service, once per
-- rollout); hotline, which the APIs log in as, reads and writes rows and changes no schema. Changing a
-- password in infra/secrets and running `up` again sets the new one here.
IF SUSER_ID(N'hotline_migrator') IS NULL
    CREATE LOGIN hotline_migrator WITH PASSWORD = N'$(HOTLINE_MIGRATOR_PASSWORD)', DEFAULT_DATABASE = hotline,
        CHECK_POLICY = ON, CHECK_EXPIRATION = OFF;
ELSE IF PWDCOMPARE(N'$(HOTLINE_MIGRATOR_PASSWORD)', (SELECT password_hash FROM sys.sql_logins WHERE name = N'hotline_migrator')) = 0
    ALTER LOGIN hotline_migrator WITH PASSWORD = N'$(HOTLINE_MIGRATOR_PASSWORD)';
GO

IF SUSER_ID(N'hotline') IS NULL
    CREATE LOGIN hotline WITH PASSWORD = N'$(HOTLINE_DB_PASSWORD)', DEFAULT_DATABASE = hotline,
        CHECK_POLICY = ON, CHECK_EXPIRATION = OFF;
ELSE IF PWDCOMPARE(N'$(HOTLINE_DB_PASSWORD)', (SELECT password_hash FROM sys.sql_logins WHERE name = N'hotline')) = 0
    ALTER LOGIN hotline WITH PASSWORD = N'$(HOTLINE_DB_PASSWORD)';
GO

USE hotline;
GO

-- After a restore onto another server the users exist but point at the old server's logins: relink them.
IF USER_ID(N'hotline_migrator') IS NULL
    CREATE USER hotline_migrator FOR LOGIN hotline_migrator;
ELSE
    ALTER USER hotline_migrator WITH LOGIN = hotline_migrator;
IF IS_ROLEMEMBER(N'db_owner', N'hotline_migrator') = 0
    ALTER ROLE db_owner ADD MEMBER hotline_migrator;
GO

IF USER_ID(N'hotline') IS NULL
    CREATE USER hotline FOR LOGIN hotline;
ELSE
    ALTER USER hotline WITH LOGIN = hotline;
-- Deployments before the migrator login made hotline the owner; an owner is above every DENY.
IF IS_ROLEMEMBER(N'db_owner', N'hotline') = 1
    ALTER ROLE db_owner DROP MEMBER hotline;
IF IS_ROLEMEMBER(N'db_datareader', N'hotline') = 0
    ALTER ROLE db_datareader ADD MEMBER hotline;
IF IS_ROLEMEMBER(N'db_datawriter', N'hotline') = 0
    ALTER ROLE db_datawriter ADD MEMBER hotline;
GO
