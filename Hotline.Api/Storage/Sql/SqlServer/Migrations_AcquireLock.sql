-- Several API instances may start together on an empty database; DbUp takes no lock of its own.
-- The lock is owned by the lock session's transaction, not by the session: a session-owned lock would stay
-- with the physical connection after it goes back to the pool, and other instances would wait for it.
-- Ending the transaction (the session is disposed once the migrations have run, or have failed) releases it.
-- The wait (DatabaseMigrator.LockWait) comes from the caller, which gives the statement a longer timeout than it.
DECLARE @Result INT;
EXEC @Result = sp_getapplock @Resource = N'Hotline.Migrations', @LockMode = N'Exclusive', @LockOwner = N'Transaction',
    @LockTimeout = @LockTimeoutMilliseconds;
SELECT @Result;
