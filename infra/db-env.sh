# Sourced by infra/backup and infra/restore: which database to use, as libpq variables.
# shellcheck shell=bash
if [ -z "${PGDATABASE:-}" ]; then
  export PGHOST=127.0.0.1 PGPORT=${RA_DB_PORT:-55432} PGUSER=postgres PGDATABASE=rightsacademy
  [ -f "$root/.data/db-password" ] && PGPASSWORD=$(cat "$root/.data/db-password") && export PGPASSWORD
fi
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
