#!/usr/bin/env bash
# TLS certificates for nginx, from Let's Encrypt over ACME http-01 (certbot on the host, Debian's package,
# whose systemd timer runs `certbot renew` twice a day).
#
#   infra/certificates.sh placeholder NAME      day 0: a self-signed certificate, so nginx can start and
#                                               answer the challenge on port 80 (nothing else uses it)
#   infra/certificates.sh issue NAME EMAIL      the real certificate; renewals run this script's deploy
#   infra/certificates.sh deploy                certbot's deploy hook: install the renewed files, check, reload
#
# With port 80 closed to the internet, use DNS-01 instead (infra/README.md) with the same deploy hook.
set -euo pipefail
infra=$(cd "$(dirname "$0")" && pwd)
certs=$infra/nginx/certs
acme=$infra/nginx/acme
compose=(docker compose -f "$infra/compose.yaml")

case "${1:-}" in
  placeholder)
    name=${2:?usage: certificates.sh placeholder NAME}
    mkdir -p "$certs" "$acme"
    if [ -s "$certs/fullchain.pem" ]; then
      echo "$certs already holds a certificate; left as it is."
      exit 0
    fi
    openssl req -x509 -newkey rsa:2048 -nodes -days 7 -subj "/CN=$name" \
      -keyout "$certs/privkey.pem" -out "$certs/fullchain.pem"
    chmod 600 "$certs/privkey.pem"
    ;;
  issue)
    name=${2:?usage: certificates.sh issue NAME EMAIL}
    email=${3:?usage: certificates.sh issue NAME EMAIL}
    mkdir -p "$acme"
    certbot certonly --webroot -w "$acme" -d "$name" --email "$email" --agree-tos --non-interactive \
      --deploy-hook "$infra/certificates.sh deploy"
    ;;
  deploy)
    # certbot sets RENEWED_LINEAGE to /etc/letsencrypt/live/NAME.
    lineage=${RENEWED_LINEAGE:?certbot sets RENEWED_LINEAGE for its deploy hooks}
    mkdir -p "$certs"
    install -m 644 "$lineage/fullchain.pem" "$certs/fullchain.pem.new"
    install -m 600 "$lineage/privkey.pem" "$certs/privkey.pem.new"
    mv "$certs/fullchain.pem.new" "$certs/fullchain.pem"
    mv "$certs/privkey.pem.new" "$certs/privkey.pem"
    # A failed check or reload fails the hook, which certbot reports (journalctl -u certbot), rather than
    # leaving nginx on the old certificate unnoticed.
    "${compose[@]}" exec -T nginx nginx -t
    "${compose[@]}" exec -T nginx nginx -s reload
    ;;
  *)
    echo "usage: certificates.sh placeholder NAME | issue NAME EMAIL | deploy" >&2
    exit 2
    ;;
esac
