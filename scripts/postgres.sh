# A throwaway PostgreSQL cluster on a free local port, for tests and benchmarks. Source it, then call
# start_postgres: it exports POLICYFLOW_TEST_PG, and the cluster is stopped and deleted when the shell exits.
# Debian's initdb and pg_ctl refuse to run as root, so as root they run as the postgres user.

free_port() {
  /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

PG_DIR=""
PG_BIN=""
stop_postgres() {
  [[ -n "$PG_DIR" ]] || return 0
  if [[ -f "$PG_DIR/data/postmaster.pid" ]]; then
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$PG_DIR"
  PG_DIR=""
}
trap stop_postgres EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# initdb and pg_ctl refuse to run as root; run them from a folder postgres can read.
as_postgres() {
  if [[ "$(id -u)" == 0 ]]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

start_postgres() {
  PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  [[ -x "$PG_BIN/initdb" ]] || { echo "postgres.sh: no PostgreSQL server under /usr/lib/postgresql" >&2; exit 1; }
  PG_DIR="$(mktemp -d -t policyflow-pg.XXXXXX)"
  # As root the server runs as postgres; otherwise as the current user.
  [[ "$(id -u)" != 0 ]] || chown postgres: "$PG_DIR"
  local port password
  port="$(free_port)"
  password="pf-$(/usr/bin/python3 -c 'import secrets; print(secrets.token_hex(8))')"
  echo "$password" >"$PG_DIR/pwfile"
  [[ "$(id -u)" != 0 ]] || chown postgres: "$PG_DIR/pwfile"
  as_postgres "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --pwfile="$PG_DIR/pwfile" \
    --auth=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log" >&2; exit 1; }
  # pg_ctl hands -o to /bin/sh: it must stay on one line. Durability is off: the data is thrown away.
  local options="-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$PG_DIR"
  options+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  options+=" -c max_connections=300 -c shared_buffers=256MB"
  as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 -o "$options" start >/dev/null \
    || { cat "$PG_DIR/server.log" >&2; exit 1; }
  export POLICYFLOW_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres;Password=$password;Database=postgres;Pooling=true;Maximum Pool Size=50"
  echo "postgres.sh: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $PG_DIR)"
}

