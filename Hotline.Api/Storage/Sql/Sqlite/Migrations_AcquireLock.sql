-- On SQLite the lock between processes is a file's (MigrationFileLock), already held when this runs: nothing to take here.
SELECT 0;
