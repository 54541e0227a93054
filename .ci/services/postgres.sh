# PostgreSQL for the registry store tests (tests/Sip2.Net.Storage.Tests): two throwaway clusters under $CI_SCRATCH,
# each on a free loopback port with password authentication, run as an unprivileged user (PostgreSQL refuses root).
#   SIP2_TEST_POSTGRES          connection string to the shared cluster; tests create their own schemas or databases
#   SIP2_TEST_POSTGRES_OUTAGE   connection string to a cluster only the outage tests use, since they stop it
#   SIP2_TEST_PG_CTL            a script: "bash $SIP2_TEST_PG_CTL stop|start" stops or starts the outage cluster
#   SIP2_TEST_PG_DATA           the outage cluster's data directory
# Sourced by .ci/run, which calls service_start and, at the end, service_stop.

pg_bin_dir() {
  # The newest installed major version's binaries.
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

pg_free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

# pg_cluster NAME: initialises and starts a cluster in $CI_SCRATCH/postgres-NAME; prints its port.
pg_cluster() {
  local name=$1 dir="$CI_SCRATCH/postgres-$1" port
  mkdir -p "$dir" || return 1
  printf '%s\n' "$PG_TEST_PASSWORD" >"$dir/pwfile"
  chown -R "$PG_TEST_USER" "$dir" && chmod 700 "$dir" || return 1
  runuser -u "$PG_TEST_USER" -- "$PG_BIN/initdb" -D "$dir/data" -U sip2 --pwfile="$dir/pwfile" --auth=scram-sha-256 \
    --encoding=UTF8 --no-locale >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log"; return 1; }
  rm -f "$dir/pwfile"
  for _ in 1 2 3 4 5; do
    port=$(pg_free_port) || return 1
    # Throwaway data: no fsync. Loopback TCP only, no Unix socket.
    if runuser -u "$PG_TEST_USER" -- "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
        -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='' -c fsync=off -c max_connections=300" start >"$dir/pg_ctl.log" 2>&1; then
      echo "$port" >"$dir/port"
      echo "$port"
      return 0
    fi
  done
  cat "$dir/pg_ctl.log" "$dir/server.log" 2>/dev/null
  return 1
}

service_start() {
  # Called in an "if" by .ci/run, where set -e does not apply: every step checks its own status.
  if [ -z "$(pg_bin_dir)" ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq || return 1
    # Only the binaries are wanted: keep the package's scripts from starting the system's own cluster.
    local own_policy=false status
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d && own_policy=true
    fi
    apt-get install -y -qq postgresql >/dev/null
    status=$?
    if [ "$own_policy" = true ]; then rm -f /usr/sbin/policy-rc.d; fi
    [ "$status" -eq 0 ] && [ -n "$(pg_bin_dir)" ] || return 1
  fi
  PG_BIN=$(pg_bin_dir)
  PG_TEST_USER=postgres
  id "$PG_TEST_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_TEST_USER" || return 1
  # The clusters live under $CI_SCRATCH, which the unprivileged user must be able to enter.
  chmod 755 "$CI_SCRATCH" || return 1
  PG_TEST_PASSWORD="pg-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"

  local shared outage
  shared=$(pg_cluster shared) || { echo "$shared"; return 1; }
  outage=$(pg_cluster outage) || { echo "$outage"; return 1; }
  shared=$(echo "$shared" | tail -n 1)
  outage=$(echo "$outage" | tail -n 1)

  local ctl="$CI_SCRATCH/postgres-outage/pg-ctl.sh"
  cat >"$ctl" <<EOF
#!/usr/bin/env bash
# stop | start the outage cluster (port $outage), as its own user.
set -e
case "\$1" in
  stop) runuser -u "$PG_TEST_USER" -- "$PG_BIN/pg_ctl" -D "$CI_SCRATCH/postgres-outage/data" -m fast -w -t 30 stop ;;
  start) runuser -u "$PG_TEST_USER" -- "$PG_BIN/pg_ctl" -D "$CI_SCRATCH/postgres-outage/data" -l "$CI_SCRATCH/postgres-outage/server.log" -w -t 30 \
           -o "-c listen_addresses=127.0.0.1 -c port=$outage -c unix_socket_directories='' -c fsync=off -c max_connections=300" start ;;
  *) echo "usage: \$0 stop|start" >&2; exit 2 ;;
esac
EOF
  chmod 755 "$ctl" || return 1

  export SIP2_TEST_POSTGRES="Host=127.0.0.1;Port=$shared;Username=sip2;Password=$PG_TEST_PASSWORD;Database=postgres"
  export SIP2_TEST_POSTGRES_OUTAGE="Host=127.0.0.1;Port=$outage;Username=sip2;Password=$PG_TEST_PASSWORD;Database=postgres"
  export SIP2_TEST_PG_CTL="$ctl"
  export SIP2_TEST_PG_DATA="$CI_SCRATCH/postgres-outage/data"
}

service_stop() {
  local bin user=postgres
  bin=$(pg_bin_dir)
  for name in outage shared; do
    if [ -f "$CI_SCRATCH/postgres-$name/data/postmaster.pid" ]; then
      runuser -u "$user" -- "$bin/pg_ctl" -D "$CI_SCRATCH/postgres-$name/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
  done
}
