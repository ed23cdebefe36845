#!/usr/bin/env bash
# Database backups, from the host: SQL Server writes the file to HOTLINE_BACKUP_DIR (its own folder, not
# the data volume), this script encrypts it with age for the public keys in infra/backup-recipients.txt
# (the private key is kept away from this host: Express editions cannot encrypt backups themselves) and
# prunes old files. Only the encrypted folder is meant to leave the host.
#
#   infra/backup.sh full     nightly
#   infra/backup.sh log      every 15 minutes (the database is in FULL recovery: without log backups its
#                            log grows until the disk is full)
#
# HOTLINE_BACKUP_KEEP_DAYS (default 14): encrypted files older than this are deleted.
# HOTLINE_BACKUP_KEEP_PLAIN_DAYS (default 2): unencrypted files, kept on this host for a quick restore.
set -euo pipefail
cd "$(dirname "$0")"

kind=${1:?usage: backup.sh full|log}
keep_days=${HOTLINE_BACKUP_KEEP_DAYS:-14}
keep_plain_days=${HOTLINE_BACKUP_KEEP_PLAIN_DAYS:-2}
dir=$(sed -n 's/^HOTLINE_BACKUP_DIR=//p' .env)
if [ -z "$dir" ] || [ ! -d "$dir" ]; then
  echo "HOTLINE_BACKUP_DIR in infra/.env is not a folder." >&2
  exit 1
fi
if [ ! -s backup-recipients.txt ]; then
  echo "infra/backup-recipients.txt is missing: put the age public key(s) of whoever restores in it (age-keygen -y)." >&2
  exit 1
fi
if ! command -v age >/dev/null 2>&1; then
  echo "age is not installed (apt-get install age)." >&2
  exit 1
fi

name=$(docker compose -f compose.yaml exec -T sqlserver bash /opt/hotline/backup.sh "$kind" | tail -n 1)
mkdir -p "$dir/encrypted"
age -R backup-recipients.txt -o "$dir/encrypted/$name.age.partial" "$dir/$name"
mv "$dir/encrypted/$name.age.partial" "$dir/encrypted/$name.age"

find "$dir" -maxdepth 1 -type f -name 'hotline-*' -mtime +"$keep_plain_days" -delete
find "$dir/encrypted" -maxdepth 1 -type f -name 'hotline-*.age' -mtime +"$keep_days" -delete
echo "$dir/encrypted/$name.age"
