-- Several API instances may start together on an empty database; DbUp takes no lock of its own.
-- The session-owned lock is held until this connection closes, after the migrations have run. The wait
-- (DatabaseMigrator.LockWait) comes from the caller, which gives the statement a longer timeout than it.
DECLARE @Result INT;
EXEC @Result = sp_getapplock @Resource = N'Hotline.Migrations', @LockMode = N'Exclusive', @LockOwner = N'Session',
    @LockTimeout = @LockTimeoutMilliseconds;
SELECT @Result;
