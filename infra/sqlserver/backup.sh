#!/usr/bin/env bash
# Backs up the hotline database from inside the sqlserver container and checks the file it wrote. Run by
# infra/backup.sh on the host, which encrypts and prunes. Prints the file's name.
#   bash /opt/hotline/backup.sh full   # whole database
#   bash /opt/hotline/backup.sh log    # log since the last one
# /var/opt/mssql/backup is the host folder HOTLINE_BACKUP_DIR, not the data volume.
set -euo pipefail

kind=${1:-full}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
dir=/var/opt/mssql/backup

case "$kind" in
  full) name="hotline-$stamp-full.bak"; statement="BACKUP DATABASE hotline" ;;
  log)  name="hotline-$stamp-log.trn"; statement="BACKUP LOG hotline" ;;
  *)    echo "usage: backup.sh full|log" >&2; exit 2 ;;
esac

SQLCMDPASSWORD=$(cat /run/secrets/mssql_sa_password)
export SQLCMDPASSWORD
sqlcmd=(/opt/mssql-tools18/bin/sqlcmd -S localhost -U sa -C -b)
"${sqlcmd[@]}" -Q "$statement TO DISK = N'$dir/$name' WITH CHECKSUM, INIT;" >&2
"${sqlcmd[@]}" -Q "RESTORE VERIFYONLY FROM DISK = N'$dir/$name' WITH CHECKSUM;" >&2
echo "$name"
