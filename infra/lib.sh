# Shared helpers for infra/run, infra/test and infra/bench. Sourced, not run.
# shellcheck shell=bash

say() { printf '\033[1m%s\033[0m\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

is_root() { [ "$(id -u)" -eq 0 ]; }

require_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1 || ! dotnet --list-sdks 2>/dev/null | grep -q '^10\.'; then
    die "the .NET 10 SDK is needed. Install it from https://dot.net (or Debian: see https://learn.microsoft.com/dotnet/core/install/linux-debian), then run this again."
  fi
}

# apt_install PKG... : installs the Debian packages that are missing (as root), or prints the command.
apt_updated=""
apt_install() {
  local missing=()
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if is_root; then
    say "Installing ${missing[*]} ..."
    if [ -z "$apt_updated" ]; then
      DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null || die "apt-get update failed"
      apt_updated=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
      || die "apt-get install ${missing[*]} failed"
  else
    die "missing packages: ${missing[*]}. Install them with: sudo apt-get install -y ${missing[*]}"
  fi
}

# pg_bin: the newest installed PostgreSQL server's bin folder.
pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  return 1
}

require_postgres() {
  pg_bin >/dev/null || apt_install postgresql
  pg_bin >/dev/null || die "PostgreSQL server binaries not found under /usr/lib/postgresql"
}

# as_db_owner CMD...: PostgreSQL refuses to run as root; run its tools as the postgres user then.
as_db_owner() {
  if is_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

new_secret() {
  head -c 24 /dev/urandom | base64 | tr -d '/+=' | head -c 32
}

# init_cluster DIR PASSWORD_FILE: a new cluster in DIR/data whose superuser "postgres" has the password.
init_cluster() {
  local dir=$1 pwfile=$2 bin
  bin=$(pg_bin)
  mkdir -p "$dir"
  if is_root; then chown -R postgres:postgres "$dir" "$pwfile"; fi
  (cd "$dir" && as_db_owner "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$pwfile" \
     --auth-local=scram-sha-256 --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1) \
    || { cat "$dir/initdb.log" >&2; die "initdb failed in $dir"; }
}

# start_cluster DIR PORT [extra postgres options]: listens on 127.0.0.1 only, no unix socket.
start_cluster() {
  local dir=$1 port=$2 extra=${3:-} bin
  bin=$(pg_bin)
  (cd "$dir" && as_db_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
     -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories= $extra" start >/dev/null) \
    || { tail -n 20 "$dir/server.log" >&2; die "PostgreSQL did not start (log: $dir/server.log)"; }
}

stop_cluster() {
  local dir=$1 bin
  bin=$(pg_bin) || return 0
  [ -f "$dir/data/postmaster.pid" ] || return 0
  (cd "$dir" && as_db_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null 2>&1) || true
}

cluster_running() {
  local dir=$1 bin
  bin=$(pg_bin) || return 1
  (cd "$dir" && as_db_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1)
}
