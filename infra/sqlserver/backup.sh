#!/usr/bin/env bash
# Backs up the hotline database from inside the sqlserver container and checks the file it wrote. Run by
# infra/backup.sh on the host, which encrypts it again with age and prunes. Prints the file's name.
# SQL Server encrypts the backup with the certificate hotline_backup (backup-database.sql); without that
# certificate, or before its private key has been backed up, it refuses and writes nothing.
#   bash /opt/hotline/backup.sh full   # whole database
#   bash /opt/hotline/backup.sh log    # log since the last one
# /var/opt/mssql/backup is the host folder HOTLINE_BACKUP_DIR, not the data volume.
set -euo pipefail

kind=${1:-full}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
dir=/var/opt/mssql/backup

case "$kind" in
  full) name="hotline-$stamp-full.bak" ;;
  log)  name="hotline-$stamp-log.trn" ;;
  *)    echo "usage: backup.sh full|log" >&2; exit 2 ;;
esac

SQLCMDPASSWORD=$(cat /run/secrets/mssql_sa_password)
export SQLCMDPASSWORD
/opt/mssql-tools18/bin/sqlcmd -S localhost -U sa -C -b -i /opt/hotline/backup-database.sql \
  -v BackupKind="$kind" BackupFile="$dir/$name" >&2
echo "$name"
