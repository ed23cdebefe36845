-- Run by backup.sh (sqlcmd as sa, -b) inside the sqlserver container with
--   -v BackupKind=full|log BackupFile=/var/opt/mssql/backup/NAME
-- SQL Server encrypts the backup itself (AES-256, certificate hotline_backup in master: README "Encrypted
-- backups"). It refuses rather than write a backup that could never be restored elsewhere: the certificate
-- must exist and its private key must have been backed up. Express cannot encrypt a backup at all: there the
-- file is written plain and only infra/backup.sh's age copy, the one that leaves the host, is encrypted.
SET NOCOUNT ON;
GO

DECLARE @express BIT = CASE WHEN CAST(SERVERPROPERTY('EngineEdition') AS INT) = 4 THEN 1 ELSE 0 END;
DECLARE @certificateBackedUp DATETIME = (SELECT pvt_key_last_backup_date FROM master.sys.certificates WHERE name = N'hotline_backup');

IF @express = 0 AND NOT EXISTS (SELECT 1 FROM master.sys.certificates WHERE name = N'hotline_backup')
    THROW 50010, N'No certificate hotline_backup in master: create it with create-backup-certificate.sql (infra/README.md, Encrypted backups).', 1;

IF @express = 0 AND @certificateBackedUp IS NULL
    THROW 50011, N'The private key of certificate hotline_backup was never backed up: a backup encrypted with it could not be restored on another server (infra/README.md, Encrypted backups).', 1;

IF @express = 1
    PRINT N'SQL Server Express cannot encrypt backups: this file is plain; only the age copy is encrypted.';

IF N'$(BackupKind)' = N'full' AND @express = 0
    BACKUP DATABASE hotline TO DISK = N'$(BackupFile)'
        WITH CHECKSUM, INIT, ENCRYPTION (ALGORITHM = AES_256, SERVER CERTIFICATE = hotline_backup);
ELSE IF N'$(BackupKind)' = N'log' AND @express = 0
    BACKUP LOG hotline TO DISK = N'$(BackupFile)'
        WITH CHECKSUM, INIT, ENCRYPTION (ALGORITHM = AES_256, SERVER CERTIFICATE = hotline_backup);
ELSE IF N'$(BackupKind)' = N'full'
    BACKUP DATABASE hotline TO DISK = N'$(BackupFile)' WITH CHECKSUM, INIT;
ELSE IF N'$(BackupKind)' = N'log'
    BACKUP LOG hotline TO DISK = N'$(BackupFile)' WITH CHECKSUM, INIT;
ELSE
    THROW 50012, N'BackupKind must be full or log.', 1;
GO

-- Reads the whole file back; an encrypted one needs the certificate, which this server has.
RESTORE VERIFYONLY FROM DISK = N'$(BackupFile)' WITH CHECKSUM;
GO
