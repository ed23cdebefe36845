#!/usr/bin/env bash
# Backs up the hotline database from inside the sqlserver container and checks the file it wrote.
#   docker compose -f infra/compose.yaml exec sqlserver bash /opt/hotline/backup.sh full   # whole database
#   docker compose -f infra/compose.yaml exec sqlserver bash /opt/hotline/backup.sh log    # log since the last one
# Files go to /var/opt/mssql/backup, which is in the data volume: copy them off the host (README).
set -euo pipefail

kind=${1:-full}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
dir=/var/opt/mssql/backup
mkdir -p "$dir"

case "$kind" in
  full) file="$dir/hotline-$stamp-full.bak"; statement="BACKUP DATABASE hotline" ;;
  log)  file="$dir/hotline-$stamp-log.trn"; statement="BACKUP LOG hotline" ;;
  *)    echo "usage: backup.sh full|log" >&2; exit 2 ;;
esac

export SQLCMDPASSWORD="$MSSQL_SA_PASSWORD"
sqlcmd=(/opt/mssql-tools18/bin/sqlcmd -S localhost -U sa -C -b)
"${sqlcmd[@]}" -Q "$statement TO DISK = N'$file' WITH CHECKSUM, INIT;"
"${sqlcmd[@]}" -Q "RESTORE VERIFYONLY FROM DISK = N'$file' WITH CHECKSUM;"
echo "$file"
