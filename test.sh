#!/usr/bin/env bash
# Runs every test of Hotline on a Debian machine that has the .NET SDK, installing what the tests need
# first. Ends with one line "N passed, N failed, N skipped" so a run that executed nothing is visible.
set -euo pipefail
cd "$(dirname "$0")"

log=$(mktemp)
trap 'rm -f "$log"' EXIT

status=0
dotnet test Hotline.sln --configuration Release 2>&1 | tee "$log" || status=$?

# "Passed!  - Failed:     0, Passed:    95, Skipped:    21, Total:   116, ..." per test assembly.
totals=$(grep -E '^(Passed|Failed)! +- Failed:' "$log" | awk -F'[:,]' '
  { failed += $2; passed += $4; skipped += $6 }
  END { printf "%d passed, %d failed, %d skipped", passed, failed, skipped }')
echo "${totals:-0 passed, 0 failed, 0 skipped}"

case "$totals" in
  ""|"0 passed"*) echo "No test ran." >&2; exit 1 ;;
esac
exit "$status"
