#!/usr/bin/env bash
# First start and every upgrade of the API, without closing the site: builds hotline-api:<commit>, then
# replaces api1, api2 and api3 one at a time, each only after the one before is healthy. nginx sends the
# requests of an instance being replaced to the others (infra/nginx/site/hotline.conf), so port 443 stays
# open throughout. The new image's migrations run first, as the migrator login (the `migrate` service):
# they must suit the old code too (add columns and tables; remove them in a later release).
#
#   infra/upgrade.sh          build the checked-out commit and roll it out
#   infra/upgrade.sh TAG      roll out an image built before (a rollback: the previous tag is printed)
#
# SQL Server, Redis and nginx are started if they are not running, never recreated here: changing them
# is a planned interruption (infra/README.md). With Twilio reconciliation on (infra/.env.example), a
# webhook refused in any window is still taken in.
set -euo pipefail
cd "$(dirname "$0")"

health_timeout_seconds=${HOTLINE_HEALTH_TIMEOUT_SECONDS:-300}
compose=(docker compose -f compose.yaml)

if [ ! -f .env ]; then
  echo "infra/.env is missing: copy infra/.env.example and fill it in." >&2
  exit 1
fi

tag=${1:-}
if [ -z "$tag" ]; then
  if ! git diff --quiet HEAD -- ..; then
    echo "The working copy has uncommitted changes: commit them, so the image's tag names what it holds." >&2
    exit 1
  fi
  tag=$(git rev-parse --short=12 HEAD)
  docker build -f Dockerfile -t "hotline-api:$tag" ..
elif ! docker image inspect "hotline-api:$tag" >/dev/null 2>&1; then
  echo "No image hotline-api:$tag on this host (docker image ls hotline-api)." >&2
  exit 1
fi

previous=$(sed -n 's/^HOTLINE_API_TAG=//p' .env)
if grep -q '^HOTLINE_API_TAG=' .env; then
  sed -i "s/^HOTLINE_API_TAG=.*/HOTLINE_API_TAG=$tag/" .env
else
  printf 'HOTLINE_API_TAG=%s\n' "$tag" >> .env
fi
export HOTLINE_API_TAG=$tag
echo "Rolling out hotline-api:$tag (previous: ${previous:-none})."

wait_healthy() {
  local service=$1 container status waited=0
  container=$("${compose[@]}" ps -q "$service")
  while :; do
    status=$(docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}' "$container")
    case "$status" in
      healthy) return 0 ;;
      unhealthy|exited|dead)
        echo "$service is $status. Its log: docker compose -f infra/compose.yaml logs $service" >&2
        return 1 ;;
    esac
    if [ "$waited" -ge "$health_timeout_seconds" ]; then
      echo "$service is not healthy after ${health_timeout_seconds}s." >&2
      return 1
    fi
    sleep 2
    waited=$((waited + 2))
  done
}

rollback_hint() {
  if [ -n "$previous" ]; then
    echo "The instances not yet replaced still run hotline-api:$previous. To go back: infra/upgrade.sh $previous" >&2
  fi
}

"${compose[@]}" up -d --no-recreate sqlserver redis
wait_healthy sqlserver
wait_healthy redis
# Creates the database and logins on the first start; sets a login's password if its secret changed. Then
# the new image applies its migrations as the database's owner (the instances cannot change the schema),
# and the instances' user is put into the roles the migrations made. Migrations suit the old code too
# (add now, remove in a later release): api2 and api3 run it until they are replaced.
"${compose[@]}" run --rm --no-deps db-init
"${compose[@]}" run --rm --no-deps migrate
"${compose[@]}" run --rm --no-deps db-grant

for service in api1 api2 api3; do
  echo "Replacing $service."
  "${compose[@]}" up -d --no-deps "$service"
  if ! wait_healthy "$service"; then
    rollback_hint
    exit 1
  fi
done

# Started on the first run; afterwards reloaded, which picks up a changed site file without closing a connection.
"${compose[@]}" up -d --no-deps --no-recreate nginx
"${compose[@]}" exec nginx nginx -s reload
echo "hotline-api:$tag is serving on api1, api2 and api3."
