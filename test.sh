#!/usr/bin/env bash
# Runs every test of Hotline on a Debian machine that has the .NET SDK, installing what the tests need
# first. Ends with one line "N passed, N failed, N skipped" so a run that executed nothing is visible.
set -euo pipefail
cd "$(dirname "$0")"

# The console's SignalR client comes from npm at build time; its browser tests drive Debian's chromium;
# the shared send-rate tests start redis-servers of their own; the deployment tests run the nginx site
# under Debian's nginx and encrypt backups with age; the alert rules are checked by Prometheus's promtool.
if ! command -v npm >/dev/null 2>&1 || [ ! -x /usr/bin/chromium ] || ! command -v redis-server >/dev/null 2>&1 \
  || [ ! -x /usr/sbin/nginx ] || [ ! -x /usr/bin/age ] || ! command -v promtool >/dev/null 2>&1; then
  apt-get update
  if ! command -v npm >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y nodejs npm
  fi
  if [ ! -x /usr/bin/chromium ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
  fi
  if ! command -v redis-server >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y redis-server
  fi
  if [ ! -x /usr/sbin/nginx ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y nginx
  fi
  if [ ! -x /usr/bin/age ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y age
  fi
  if ! command -v promtool >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends prometheus
  fi
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT

status=0
dotnet build Hotline.sln --configuration Release 2>&1 | tee "$log" || status=$?
# The tests are bound by what the runtime compiles: every test starts a host of its own, and each host compiles some
# 300 endpoint bindings (expression trees) that run a few times each, at full optimisation. The JIT's least
# optimisation took the run from 20–22 to 13–16 minutes (docs/testing.md). The build above, and every benchmark,
# keep the runtime's defaults. One test assembly at a time (-m:1): browser tests run beside the API tests had their
# sign-ins starved into timeouts on two cores.
if [ "$status" -eq 0 ]; then
  DOTNET_JITMinOpts=1 dotnet test Hotline.sln --configuration Release --no-build -m:1 --blame-hang-timeout 5m 2>&1 | tee -a "$log" || status=$?
fi

# "Passed!  - Failed:     0, Passed:    95, Skipped:    21, Total:   116, ..." per test assembly.
totals=$(grep -E '^(Passed|Failed)! +- Failed:' "$log" | awk -F'[:,]' '
  { failed += $2; passed += $4; skipped += $6 }
  END { printf "%d passed, %d failed, %d skipped", passed, failed, skipped }')
screenshots=tests/Hotline.Console.Tests/bin/Release/net10.0/screenshots
if [ -d "$screenshots" ]; then
  echo "Console screenshots: $(pwd)/$screenshots"
fi
echo "${totals:-0 passed, 0 failed, 0 skipped}"

case "$totals" in
  ""|"0 passed"*) echo "No test ran." >&2; exit 1 ;;
esac
# A failed assembly fixture (the statement coverage check) is reported as a cleanup failure that changes no
# count and shows no message: say so, with the reasons the check wrote.
if grep -q 'Test Assembly Cleanup Failure' "$log"; then
  if cat tests/*/bin/Release/net10.0/statement-coverage-failed.txt >&2 2>/dev/null; then echo >&2; fi
  echo "A test assembly's cleanup failed: see above." >&2
  [ "$status" -ne 0 ] || status=1
fi
if [ "$status" -ne 0 ]; then
  # A project that does not build runs no tests and is missing from the count: say so.
  echo "The build or dotnet test exited with $status: see the errors above." >&2
fi
exit "$status"
