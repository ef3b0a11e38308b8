#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: "source tests/postgres.sh; postgres_start" sets
# CONSULT_TEST_POSTGRES (a connection string) and CONSULT_TEST_POSTGRES_RESTART (a command that restarts the
# server, for the outage test); "postgres_stop" stops it and deletes its folder.
# "postgres_start durable" keeps PostgreSQL's default durability (for benchmarks); the tests turn fsync off.
# Installs Debian's postgresql when its binaries are missing. Run as root (as CI does), the server runs as "postgres".

postgres_bin() {
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

postgres_start() {
    if [ -z "$(postgres_bin)" ]; then
        echo "Installing Debian's postgresql for the tests on PostgreSQL…"
        local sudo_cmd=""
        [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
        $sudo_cmd apt-get update -qq && $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null \
            || { echo "Could not install postgresql."; return 1; }
    fi
    local bin as_owner=()
    bin=$(postgres_bin)
    # The tests' cluster lives in memory: each test copies a database from a template and drops it after, and on
    # this machine's ext4 creating and deleting those files cost the server a fifth of its processor time (105 s
    # against 135 s of the server's CPU in one pass on PostgreSQL, 2 min 28 s against 2 min 51 s).
    local base=/tmp
    [ "${1:-}" != "durable" ] && [ -d /dev/shm ] && [ -w /dev/shm ] && base=/dev/shm
    POSTGRES_DIR=$(mktemp -d "$base/consult-postgres.XXXXXX")
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres "$POSTGRES_DIR"
        as_owner=(runuser -u postgres --)
    fi
    local port
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    "${as_owner[@]}" "$bin/initdb" -D "$POSTGRES_DIR/data" -U consult -A trust -E UTF8 --locale=C >"$POSTGRES_DIR/initdb.log" 2>&1 \
        || { cat "$POSTGRES_DIR/initdb.log"; return 1; }
    cat >>"$POSTGRES_DIR/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$POSTGRES_DIR'
max_connections = 400
shared_buffers = 128MB
CONF
    if [ "${1:-}" != "durable" ]; then
        # A throwaway cluster for tests: nothing needs to survive a crash of the machine, and no query runs long
        # enough to repay compiling it (jit).
        printf 'fsync = off\nsynchronous_commit = off\nfull_page_writes = off\nwal_level = minimal\nmax_wal_senders = 0\njit = off\n' >>"$POSTGRES_DIR/data/postgresql.conf"
    fi
    cat >"$POSTGRES_DIR/restart" <<SCRIPT
#!/usr/bin/env bash
exec ${as_owner[*]} "$bin/pg_ctl" -D "$POSTGRES_DIR/data" -l "$POSTGRES_DIR/server.log" -w -m fast restart >/dev/null
SCRIPT
    chmod +x "$POSTGRES_DIR/restart"
    "${as_owner[@]}" "$bin/pg_ctl" -D "$POSTGRES_DIR/data" -l "$POSTGRES_DIR/server.log" -w start >/dev/null \
        || { cat "$POSTGRES_DIR/server.log"; return 1; }
    export CONSULT_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=consult;Database=postgres"
    export CONSULT_TEST_POSTGRES_RESTART="$POSTGRES_DIR/restart"
    POSTGRES_STOP=("${as_owner[@]}" "$bin/pg_ctl" -D "$POSTGRES_DIR/data" -w -m immediate stop)
}

postgres_stop() {
    [ -n "${POSTGRES_DIR:-}" ] || return 0
    "${POSTGRES_STOP[@]}" >/dev/null 2>&1
    rm -rf "$POSTGRES_DIR"
}
