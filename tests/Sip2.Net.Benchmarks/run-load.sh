#!/usr/bin/env bash
# The measurement sets of docs/performance.md and docs/security.md, one command each; README.md in this folder says
# what every figure means. Every SIP2 figure includes logins: the bench server registers its kiosks on 127.0.0.1, each
# with its own login id and password (PBKDF2, 100,000 iterations unless --hash-iterations), and every connection logs in.
#
#   run-load.sh [load]  the throughput set: the SIP2 server and the baseline line server, both on 127.0.0.1, driven by
#                       the same closed-loop load tool at each connection count, taking turns in slices of --slice
#                       seconds (after --settle unmeasured), --cycles times; then medians and ratios; then idle memory.
#       [--host-mode standalone|kestrel|kestrel-inline|both|all] [--cycles N] [--slice S] [--settle S] [--warmup S]
#       [--connections "1 16 256 1024"] [--idle N] [--runs N] [--out DIR]
#       [--compare-dll PATH]   (another build of the benchmarks exe: its SIP2 server runs as "sip2-compare")
#       [--registries "inmemory sqlite postgresql"]   (one standalone SIP2 server per registry store, side by side,
#                              labelled sip2-standalone-<store>; postgresql takes its connection string from
#                              SIP2_BENCH_POSTGRES, or SIP2_TEST_POSTGRES as .ci/services/postgres.sh sets it)
#     --host-mode both runs the standalone listener and Kestrel hosting as two servers in the same run; all adds Kestrel
#     with its socket transport's UnsafePreferInlineScheduling (kestrel-inline, see docs/kestrel.md). Each Kestrel mode
#     also gets the line answerer behind the same transport (baseline-kestrel, baseline-kestrel-inline). --runs N repeats
#     the whole load N times (the servers stay up); the report ends with each run's median ratio and their median.
#
#   run-load.sh visit   connection-per-transaction visits (connect, Login 93, R requests, close) at each client count:
#                       warm (every visit logs in as one registration) against each SIP2 server and the line answerer,
#                       servers taking turns; then cold (each visit a registration never logged in before) against a
#                       fresh SIP2 server per host mode and count.
#       [--host-mode ...] [--clients "1 8 32"] [--duration S] [--warmup S] [--requests R] [--mix status|patron|circulation]
#       [--runs N] [--no-cold] [--out DIR]
#
#   run-load.sh storm   per run and host mode, a fresh SIP2 server: --kiosks in session keep sending while --storm other
#                       registrations log in at once; then the load at --connections against that server and the line
#                       answerer, measured from their logins on (the figures "after the storm").
#       [--host-mode ...] [--kiosks M] [--storm N] [--interval-ms T] [--connections N] [--cycles N] [--slice S]
#       [--runs N] [--out DIR]
#
#   run-load.sh stress  the hostile-network battery (every attack, --duration seconds each, a fresh server for each),
#                       then descriptor exhaustion: stalled TLS handshakes at a lowered open-file limit, and at this
#                       shell's own limit.
#       [--duration S] [--attacks a,b,...] [--limit-nofile N (1024)] [--flood N (1100)] [--big-flood N (19000, 0: skip)]
#       [--out DIR]
#
# --hash-iterations N (every set but load's baseline) changes the servers' PBKDF2 cost, for experiments.
set -euo pipefail

set_name=load
if [[ $# -gt 0 && $1 != --* ]]; then set_name=$1; shift; fi

host_mode=standalone
cycles=20
slice=1
settle=0.5
warmup=2
counts="1 16 256 1024"
idle=10000
runs=1
out=""
compare=""
registries=""
clients="1 8 32"
duration=10
requests=1
mix=status
cold=1
kiosks=100
storm=1000
interval=100
storm_connections=256
stress_duration=20
attacks=""
limit_nofile=1024
flood=1100
big_flood=19000
iterations=100000
while [[ $# -gt 0 ]]; do
  case "$1" in
    --host-mode) host_mode=$2; shift 2 ;;
    --cycles) cycles=$2; shift 2 ;;
    --slice) slice=$2; shift 2 ;;
    --settle) settle=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --connections) counts=$2; storm_connections=$2; shift 2 ;;
    --idle) idle=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --compare-dll) compare=$2; shift 2 ;;
    --clients) clients=$2; shift 2 ;;
    --duration) duration=$2; stress_duration=$2; shift 2 ;;
    --requests) requests=$2; shift 2 ;;
    --mix) mix=$2; shift 2 ;;
    --no-cold) cold=0; shift ;;
    --kiosks) kiosks=$2; shift 2 ;;
    --storm) storm=$2; shift 2 ;;
    --interval-ms) interval=$2; shift 2 ;;
    --attacks) attacks=$2; shift 2 ;;
    --limit-nofile) limit_nofile=$2; shift 2 ;;
    --flood) flood=$2; shift 2 ;;
    --big-flood) big_flood=$2; shift 2 ;;
    --hash-iterations) iterations=$2; shift 2 ;;
    --registries) registries=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

case "$host_mode" in
  standalone|kestrel|kestrel-inline) modes=("$host_mode") ;;
  both) modes=(standalone kestrel) ;;
  all) modes=(standalone kestrel kestrel-inline) ;;
  *) echo "unknown host mode $host_mode (standalone, kestrel, kestrel-inline, both or all)" >&2; exit 2 ;;
esac

root=$(cd "$(dirname "$0")/../.." && pwd)
out=${out:-$(mktemp -d)}
mkdir -p "$out"

# 1,024 load connections, 10,000 idle ones and the stress floods need that many descriptors on each side (plus slack).
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if [[ $set_name == load && $(ulimit -n) != unlimited && $(ulimit -n) -lt $((idle + 1024)) ]]; then
  echo "warning: ulimit -n is $(ulimit -n); the idle test needs more than $idle" >&2
fi

dotnet build "$root/tests/Sip2.Net.Benchmarks" -c Release -v q -nologo >/dev/null
bench="dotnet $root/tests/Sip2.Net.Benchmarks/bin/Release/net10.0/Sip2.Net.Benchmarks.dll"

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

# A server registers its kiosks before it listens: a second or two for thousands of them on a busy machine.
wait_port() { for _ in $(seq 1 600); do (echo >"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done; echo "port $1 never opened" >&2; return 1; }

# Every server a set drives: started here, and a --target of the load tool. Its control port is its port + 100.
targets=(); ports=(); sip2=()
serve() { # label port command...
  local label=$1 port=$2; shift 2
  "$@" --port "$port" --control-port $((port + 100)) >"$out/$label.log" 2>&1 & pids+=($!)
  targets+=(--target "$label=$port:$((port + 100))"); ports+=("$port")
  if [[ $label == sip2-* ]]; then sip2+=("$label:$port"); fi
}
# Stops the last server started (a fresh one per storm or cold visit run).
stop_last() { local pid=${pids[-1]}; kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; unset 'pids[-1]'; }

declare -A sip2_port=([standalone]=16001 [kestrel]=16004 [kestrel-inline]=16006)
declare -A line_port=([kestrel]=16005 [kestrel-inline]=16007)
sip2_server() { echo "$bench server --host-mode $1 --hash-iterations $iterations"; }

start_all() { # the line answerer(s) and every host mode's SIP2 server, as the load and warm visit sets use them
  serve baseline 16002 $bench baseline
  # With Kestrel, also the line answerer behind Kestrel's transport: what that transport costs without the SIP2 work.
  for mode in "${modes[@]}"; do
    if [[ -n ${line_port[$mode]:-} ]]; then serve "baseline-$mode" "${line_port[$mode]}" $bench baseline --host-mode "$mode"; fi
  done
  if [[ -n $registries ]]; then
    local port=16010
    for registry in $registries; do
      local connection=()
      if [[ $registry == postgresql ]]; then connection=(--registry-connection "${SIP2_BENCH_POSTGRES:-${SIP2_TEST_POSTGRES:?postgresql needs SIP2_BENCH_POSTGRES}}"); fi
      serve "sip2-standalone-$registry" "$port" $(sip2_server standalone) --registry "$registry" "${connection[@]}"
      port=$((port + 1))
    done
  else
    for mode in "${modes[@]}"; do serve "sip2-$mode" "${sip2_port[$mode]}" $(sip2_server "$mode"); done
  fi
  if [[ -n $compare ]]; then serve sip2-compare 16003 dotnet "$compare" server --hash-iterations "$iterations"; fi
  for port in "${ports[@]}"; do wait_port "$port"; done
}

load_set() {
  start_all
  echo "date: $(date -u +%FT%TZ)  host mode $host_mode, $runs run(s) of $cycles cycles of ${slice}s slices (+${settle}s settling each), 10s warm-up per server, then ${warmup}s at each count"
  # Each server's JIT compiles its hot path in tiers over its first seconds of load: run them all past that first.
  $bench load "${targets[@]}" --connections 16 --cycles 0 --warmup 10
  local inputs=()
  for run in $(seq 1 "$runs"); do
    local tsv="$out/load-$run.tsv"
    : >"$tsv"
    inputs+=(--in "$tsv")
    for c in $counts; do
      $bench load "${targets[@]}" --connections "$c" --cycles "$cycles" --slice "$slice" --settle "$settle" --warmup "$warmup" --out "$tsv"
    done
    echo "run $run done: $(date -u +%FT%TZ)"
  done
  echo
  $bench report "${inputs[@]}" --baseline-label baseline

  if [[ $idle -gt 0 ]]; then
    for server in "${sip2[@]}"; do
      echo; echo "${server%%:*}:"
      local port=${server##*:}
      $bench idle --port "$port" --control-port $((port + 100)) --connections "$idle" --settle 5
    done
  fi
}

visit_set() {
  start_all
  echo "date: $(date -u +%FT%TZ)  visits (connect, 93, $requests × $mix, close), host mode $host_mode, $runs run(s), ${warmup}s warm-up and ${duration}s measured at each of $clients clients"
  local tsv="$out/visit.tsv"
  for run in $(seq 1 "$runs"); do
    for c in $clients; do
      for target in "${targets[@]}"; do
        [[ $target == --target ]] && continue
        local label=${target%%=*} ports=${target#*=}
        $bench visit --label "$label" --port "${ports%%:*}" --control-port "${ports##*:}" --clients "$c" --warmup "$warmup" \
          --duration "$duration" --requests "$requests" --mix "$mix" --credential one --out "$tsv" || true
      done
    done
  done
  [[ $cold == 1 ]] || return 0
  # Cold: a fresh server each time, with 5,000 registrations. Cold logins are bounded by the hash rate (about a
  # hundred a second on this machine at 100,000 iterations), so the rotation outlasts the warm-up and the window;
  # the visit tool says when it wrapped all the same.
  cleanup; pids=()
  for run in $(seq 1 "$runs"); do
    for c in $clients; do
      for mode in "${modes[@]}"; do
        $(sip2_server "$mode") --logins 5000 --port 16008 --control-port 16108 >>"$out/sip2-$mode-cold.log" 2>&1 & pids+=($!)
        wait_port 16008
        $bench visit --label "sip2-$mode-cold" --port 16008 --control-port 16108 --clients "$c" --warmup "$warmup" --duration "$duration" \
          --requests "$requests" --mix "$mix" --credential rotate --logins 5000 --out "$tsv" || true
        stop_last
      done
    done
  done
  echo "rows: $tsv"
}

storm_set() {
  serve baseline 16002 $bench baseline
  wait_port 16002
  echo "date: $(date -u +%FT%TZ)  storm of $storm cold logins with $kiosks kiosks in session (one request every ${interval} ms), then the load at $storm_connections connections; host mode $host_mode, $runs run(s)"
  local inputs=()
  for run in $(seq 1 "$runs"); do
    for mode in "${modes[@]}"; do
      $(sip2_server "$mode") --port 16009 --control-port 16109 >>"$out/sip2-$mode-storm.log" 2>&1 & pids+=($!)
      wait_port 16009
      $bench storm --label "sip2-$mode" --port 16009 --control-port 16109 --kiosks "$kiosks" --storm "$storm" --interval-ms "$interval" \
        --hash-iterations "$iterations" --out "$out/storm.tsv" || true
      local tsv="$out/after-storm-$mode-$run.tsv"
      : >"$tsv"
      inputs+=(--in "$tsv")
      $bench load --target baseline=16002:16102 --target "sip2-$mode=16009:16109" --connections "$storm_connections" \
        --cycles "$cycles" --slice "$slice" --settle "$settle" --warmup "$warmup" --out "$tsv" || true
      stop_last
    done
  done
  echo
  $bench report "${inputs[@]}" --baseline-label baseline
}

stress_set() {
  echo "date: $(date -u +%FT%TZ)  stress battery, ${stress_duration}s each"
  local only=()
  [[ -n $attacks ]] && only=(--attacks "$attacks")
  $bench stress "${only[@]}" --duration "$stress_duration" --hash-iterations "$iterations" --log-dir "$out/battery" --out "$out/stress.tsv" || true
  echo; echo "descriptor exhaustion: $flood stalled TLS handshakes at an open-file limit of $limit_nofile"
  $bench stress --attacks tls-stall --connections "$flood" --limit-nofile "$limit_nofile" --duration "$stress_duration" \
    --hash-iterations "$iterations" --log-dir "$out/nofile-$limit_nofile" --out "$out/stress.tsv" || true
  if [[ $big_flood -gt 0 ]]; then
    echo; echo "descriptor exhaustion: $big_flood stalled TLS handshakes at this shell's open-file limit ($(ulimit -n))"
    $bench stress --attacks tls-stall --connections "$big_flood" --max-connections 10000 --max-connections-per-address 256 \
      --duration "$stress_duration" --hash-iterations "$iterations" --log-dir "$out/nofile-default" --out "$out/stress.tsv" || true
  fi
}

case "$set_name" in
  load) load_set ;;
  visit) visit_set ;;
  storm) storm_set ;;
  stress) stress_set ;;
  *) echo "unknown set $set_name (load, visit, storm or stress)" >&2; exit 2 ;;
esac
echo "raw results: $out"
