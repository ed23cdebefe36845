-- Once per server, by hand, as infra/README.md ("Encrypted backups") shows: sqlcmd as sa, with the
-- environment variables MASTER_KEY_PASSWORD and CERTIFICATE_BACKUP_PASSWORD (sqlcmd reads them as variables).
-- Makes master's database master key and the certificate hotline_backup that encrypts every backup, then
-- writes the certificate and its private key (encrypted by CERTIFICATE_BACKUP_PASSWORD) to
-- /var/opt/mssql/hotline-certificate. Copy that folder off this host, away from the backups, and delete it
-- here: without it no backup can be restored on another server; with it and a backup, anyone can.
-- Each step looks before it acts, so a second run changes nothing but writes no second copy either.
SET NOCOUNT ON;
GO

USE master;
GO

IF NOT EXISTS (SELECT 1 FROM sys.symmetric_keys WHERE name = N'##MS_DatabaseMasterKey##')
    CREATE MASTER KEY ENCRYPTION BY PASSWORD = N'$(MASTER_KEY_PASSWORD)';
GO

IF NOT EXISTS (SELECT 1 FROM sys.certificates WHERE name = N'hotline_backup')
    CREATE CERTIFICATE hotline_backup
        WITH SUBJECT = N'Hotline backup encryption', EXPIRY_DATE = '2099-12-31';
GO

-- sys.certificates.pvt_key_last_backup_date records this backup; backup-database.sql refuses until it has one.
IF (SELECT pvt_key_last_backup_date FROM sys.certificates WHERE name = N'hotline_backup') IS NULL
    BACKUP CERTIFICATE hotline_backup TO FILE = N'/var/opt/mssql/hotline-certificate/hotline_backup.cer'
        WITH PRIVATE KEY (
            FILE = N'/var/opt/mssql/hotline-certificate/hotline_backup.pvk',
            ENCRYPTION BY PASSWORD = N'$(CERTIFICATE_BACKUP_PASSWORD)');
GO
