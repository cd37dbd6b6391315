#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the server tests, from Debian's postgresql package:
#   postgres-cluster.sh start DIR   initdb in DIR, start it on a Unix socket in DIR (no TCP
#                                   port, so parallel runs cannot collide), and write
#                                   DIR/url: the URL of its "postgres" database
#   postgres-cluster.sh stop DIR    stop it and remove DIR
#   postgres-cluster.sh pause DIR   stop it, keeping its data (a database outage)
#   postgres-cluster.sh resume DIR  start it again after a pause
# PostgreSQL refuses to run as root; as root the cluster runs as the "postgres" user the
# package created.
set -euo pipefail
action=$1
dir=$2

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "postgres-cluster: PostgreSQL is not installed (tools/install-deps.sh installs it)" >&2
  exit 1
fi
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  as_owner=(runuser -u postgres --)
fi

run_server() {
  # Tests create a database per server: fsync off makes that quick; the data is thrown away.
  "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses='' -c unix_socket_directories='$dir/socket' -c fsync=off -c max_connections=300" \
    start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
}

case $action in
start)
  if [ -f "$dir/data/postmaster.pid" ]; then
    "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  mkdir -p "$dir/socket"
  [ ${#as_owner[@]} -eq 0 ] || chown -R postgres: "$dir"
  "${as_owner[@]}" "$bin/initdb" -D "$dir/data" -U vitrine -A trust -E UTF8 --no-sync >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; exit 1; }
  run_server
  echo "postgresql:///postgres?host=$dir/socket&user=vitrine" >"$dir/url"
  echo "postgres-cluster: running, $(cat "$dir/url")"
  ;;
stop)
  if [ -f "$dir/data/postmaster.pid" ]; then
    "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
  fi
  rm -rf "$dir"
  ;;
pause)
  "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
  ;;
resume)
  run_server
  ;;
*)
  echo "usage: postgres-cluster.sh start|stop|pause|resume DIR" >&2
  exit 2
  ;;
esac
