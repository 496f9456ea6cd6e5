#!/usr/bin/env bash
# Private brokers for the reliability harness (`npm run reliability`): RabbitMQ nodes and Kafka
# KRaft brokers of their own, on their own ports and in their own temporary folder, so that
# restarting or killing them never disturbs the shared brokers on 5672 / 9092 that other tests use.
#
#   scripts/cluster.sh rabbitmq start N     N nodes (1 = a lone node; 2+ = one cluster)
#   scripts/cluster.sh rabbitmq kill I      SIGKILL node I's Erlang VM (no clean shutdown)
#   scripts/cluster.sh rabbitmq revive I    start node I again (it rejoins its cluster)
#   scripts/cluster.sh rabbitmq restart I   clean stop of node I, then start it again
#   scripts/cluster.sh rabbitmq leader Q    index (1..N) of the node leading quorum queue Q
#   scripts/cluster.sh rabbitmq pid I       OS pid of node I's Erlang VM (to SIGKILL it at an exact point)
#   scripts/cluster.sh rabbitmq stop        stop every node, delete the folder
#   scripts/cluster.sh kafka start N        N KRaft brokers (broker+controller each), one cluster
#   scripts/cluster.sh kafka kill I | revive I | restart I [DOWN_S] | pid I | stop
#                                           restart: clean stop, down DOWN_S seconds (default 0), start again
#   scripts/cluster.sh nats|redis|postgres start 1 | restart 1 | kill 1 | revive 1 | pid 1 | stop
#                                           one private node each (nats-server -js with its own store
#                                           folder, redis-server with an append-only file, a PostgreSQL
#                                           15 instance of its own initdb); no cluster of these
#
# Every default port is below Linux's ephemeral range (32768+): a client's outgoing connection can
# never hold one of them when a node starts or comes back.
#
# Environment (all optional):
#   CLUSTER_NAME        names the set: folder, node names (rel)    two sets with different names
#                                                                  and ports can run side by side
#   CLUSTER_DIR         state folder                               (/tmp/nestjs-ack-cluster-<name>)
#   RABBIT_PORT_BASE    AMQP port of node 1; node I uses base+I-1  (5781); Erlang distribution
#                       ports are base+20000
#   KAFKA_PORT_BASE     client port of broker 1; broker I uses base+I-1 (19592); controllers +100
#   NATS_PORT_BASE      client port of the private nats-server      (14791)
#   REDIS_PORT_BASE     port of the private redis-server             (16791)
#   POSTGRES_PORT_BASE  port of the private PostgreSQL               (15791); user postgres, trust
#   POSTGRES_BIN        PostgreSQL's programs                        (newest /usr/lib/postgresql/*/bin)
#   KAFKA_VERSION, KAFKA_CACHE_DIR   as scripts/kafka.sh (the jars come from there)
#   KAFKA_HEAP_OPTS     JVM heap per broker                        (-Xmx384m)
#   START_TIMEOUT       seconds per node start                     (120)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CLUSTER_NAME="${CLUSTER_NAME:-rel}"
[[ "$CLUSTER_NAME" =~ ^[a-z][a-z0-9]{0,15}$ ]] || { echo "[cluster] CLUSTER_NAME must be a short lowercase word" >&2; exit 2; }
CLUSTER_DIR="${CLUSTER_DIR:-/tmp/nestjs-ack-cluster-$CLUSTER_NAME}"
RABBIT_PORT_BASE="${RABBIT_PORT_BASE:-5781}"
KAFKA_PORT_BASE="${KAFKA_PORT_BASE:-19592}"
KAFKA_VERSION="${KAFKA_VERSION:-4.4.0}"
KAFKA_CACHE_DIR="${KAFKA_CACHE_DIR:-${HOME:?}/.cache/nestjs-ack}"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xmx384m}"
NATS_PORT_BASE="${NATS_PORT_BASE:-14791}"
REDIS_PORT_BASE="${REDIS_PORT_BASE:-16791}"
POSTGRES_PORT_BASE="${POSTGRES_PORT_BASE:-15791}"
START_TIMEOUT="${START_TIMEOUT:-120}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

log() { echo "[cluster:$CLUSTER_NAME] $*" >&2; }
die() { echo "[cluster:$CLUSTER_NAME] ERROR: $*" >&2; exit 1; }
# shellcheck source=tcp-probe.sh
source "$HERE/tcp-probe.sh"

# ---------------------------------------------------------------- RabbitMQ --------------------
# Nodes run as the rabbitmq user (they share its Erlang cookie) with their own name, ports,
# Mnesia and log folders; the machine's own rabbit@localhost stays untouched.
RDIR="$CLUSTER_DIR/rabbitmq"
rnode() { echo "${CLUSTER_NAME}rmq$1@localhost"; }
rport() { echo $((RABBIT_PORT_BASE + $1 - 1)); }
ctl() { runuser -u rabbitmq -- env HOME=/var/lib/rabbitmq rabbitmqctl "$@"; }
rcount() { cat "$RDIR/count" 2>/dev/null || echo 0; }

rabbit_launch() {
  local i="$1" base="$RDIR/n$1" port
  port="$(rport "$1")"
  mkdir -p "$base"
  chown rabbitmq:rabbitmq "$CLUSTER_DIR" "$RDIR" "$base"
  printf 'listeners.tcp.default = 127.0.0.1:%s\nloopback_users = none\n' "$port" >"$base/rabbitmq.conf"
  runuser -u rabbitmq -- env HOME=/var/lib/rabbitmq RABBITMQ_NODENAME="$(rnode "$i")" \
    RABBITMQ_NODE_PORT="$port" RABBITMQ_DIST_PORT=$((port + 20000)) RABBITMQ_MNESIA_BASE="$base/mnesia" \
    RABBITMQ_LOG_BASE="$base/log" RABBITMQ_CONFIG_FILE="$base/rabbitmq.conf" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$base/enabled_plugins" RABBITMQ_PID_FILE="$base/pid" \
    ERL_EPMD_ADDRESS=127.0.0.1 rabbitmq-server -detached >/dev/null 2>&1
}

rabbit_await() {
  local i="$1" port deadline=$((SECONDS + START_TIMEOUT))
  port="$(rport "$1")"
  # await_startup fails at once while the VM has not registered its name yet: ask again.
  until ctl -n "$(rnode "$i")" -t "$START_TIMEOUT" await_startup >/dev/null 2>&1; do
    ((SECONDS < deadline)) || die "node $(rnode "$i") did not start (log: $RDIR/n$i/log)"
    sleep 0.5
  done
  while ! port_open 127.0.0.1 "$port"; do
    ((SECONDS < deadline)) || die "node $(rnode "$i") does not listen on $port"
    sleep 0.3
  done
}

rabbit_os_pid() { ctl -n "$(rnode "$1")" eval 'list_to_integer(os:getpid()).' 2>/dev/null | tr -dc '0-9'; }

rabbit_start() {
  local n="$1" i
  [[ "$n" =~ ^[1-9]$ ]] || die "rabbitmq start N: N from 1 to 9"
  [[ ! -d "$RDIR" ]] || { log "RabbitMQ: a set of this name was left running: stopping it first"; rabbit_stop; }
  for ((i = 1; i <= n; i++)); do
    ! port_open 127.0.0.1 "$(rport "$i")" || die "port $(rport "$i") is taken (a set left running? scripts/cluster.sh rabbitmq stop)"
  done
  rm -rf "$RDIR" && mkdir -p "$RDIR" && echo "$n" >"$RDIR/count"
  local t0=$SECONDS
  for ((i = 1; i <= n; i++)); do rabbit_launch "$i"; done
  for ((i = 1; i <= n; i++)); do rabbit_await "$i"; done
  for ((i = 2; i <= n; i++)); do
    ctl -n "$(rnode "$i")" stop_app >/dev/null
    ctl -n "$(rnode "$i")" join_cluster "$(rnode 1)" >/dev/null 2>&1
    ctl -n "$(rnode "$i")" start_app >/dev/null
  done
  log "RabbitMQ: $n node(s) up on ports $(rport 1)..$(rport "$n") in $((SECONDS - t0)) s"
}

rabbit_kill() {
  local pid
  pid="$(rabbit_os_pid "$1")"
  [[ -n "$pid" ]] || die "node $(rnode "$1") is not running"
  kill -KILL "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  log "RabbitMQ: SIGKILL to $(rnode "$1") (os pid $pid)"
}

rabbit_revive() {
  rabbit_launch "$1"
  rabbit_await "$1"
  log "RabbitMQ: $(rnode "$1") back"
}

rabbit_restart() {
  ctl -n "$(rnode "$1")" stop >/dev/null 2>&1 || true
  while port_open 127.0.0.1 "$(rport "$1")"; do sleep 0.2; done
  rabbit_revive "$1"
}

# Index of the node that leads quorum queue $1 (vhost /).
rabbit_leader() {
  local q="$1" answer i
  [[ "$q" =~ ^[A-Za-z0-9_.:-]+$ ]] || die "unsupported queue name"
  for ((i = 1; i <= $(rcount); i++)); do
    answer="$(ctl -n "$(rnode "$i")" eval "case rabbit_amqqueue:lookup(rabbit_misc:r(<<\"/\">>, queue, <<\"$q\">>)) of {ok, Q} -> {_, N} = amqqueue:get_pid(Q), N; _ -> missing end." 2>/dev/null)" || continue
    answer="${answer//\'/}"
    for ((j = 1; j <= $(rcount); j++)); do [[ "$answer" == "$(rnode "$j")" ]] && { echo "$j"; return 0; }; done
    die "queue $q: no leader among our nodes ($answer)"
  done
  die "no node answers"
}

rabbit_stop() {
  local i pid
  [[ -d "$RDIR" ]] || return 0
  for ((i = 1; i <= $(rcount); i++)); do
    ctl -n "$(rnode "$i")" stop >/dev/null 2>&1 || true
    pid="$(cat "$RDIR/n$i/pid" 2>/dev/null || true)"
    [[ "$pid" =~ ^[0-9]+$ ]] && kill -KILL "$pid" 2>/dev/null || true
  done
  rm -rf "$RDIR"
  log "RabbitMQ: stopped, $RDIR removed"
}

# ---------------------------------------------------------------- Kafka -----------------------
# KRaft brokers that are each broker and controller, one quorum of all of them, jars from
# scripts/kafka.sh's cache. Replication factor N and min.insync.replicas N-1 for every topic.
KDIR="$CLUSTER_DIR/kafka"
LIBS="$KAFKA_CACHE_DIR/kafka-$KAFKA_VERSION/libs"
kport() { echo $((KAFKA_PORT_BASE + $1 - 1)); }
kcport() { echo $((KAFKA_PORT_BASE + 100 + $1 - 1)); }
kcount() { cat "$KDIR/count" 2>/dev/null || echo 0; }

kafka_answers() {
  [[ "$(tcp_exchange 127.0.0.1 "$1" '\x00\x00\x00\x0c\x00\x12\x00\x00\x00\x00\x00\x01\x00\x02ck' 8)" == "00 00 "*" 00 00 00 01" ]]
}

kafka_config() {
  local i="$1" n="$2" voters="" j
  for ((j = 1; j <= n; j++)); do voters+="${voters:+,}$j@127.0.0.1:$(kcport "$j")"; done
  mkdir -p "$KDIR/b$i"
  cat >"$KDIR/b$i/server.properties" <<EOF
process.roles=broker,controller
node.id=$i
controller.quorum.voters=$voters
listeners=PLAINTEXT://127.0.0.1:$(kport "$i"),CONTROLLER://127.0.0.1:$(kcport "$i")
advertised.listeners=PLAINTEXT://127.0.0.1:$(kport "$i")
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$KDIR/b$i/data
default.replication.factor=$n
min.insync.replicas=$((n > 1 ? n - 1 : 1))
offsets.topic.replication.factor=$n
offsets.topic.num.partitions=3
transaction.state.log.replication.factor=$n
transaction.state.log.min.isr=$((n > 1 ? n - 1 : 1))
transaction.state.log.num.partitions=1
share.coordinator.state.topic.replication.factor=$n
share.coordinator.state.topic.min.isr=$((n > 1 ? n - 1 : 1))
num.partitions=3
auto.create.topics.enable=true
unclean.leader.election.enable=false
group.initial.rebalance.delay.ms=0
group.min.session.timeout.ms=1000
EOF
}

kafka_launch() {
  local i="$1" dir="$KDIR/b$1"
  [[ -f "$dir/kafka.log" ]] && mv -f "$dir/kafka.log" "$dir/kafka.log.1"
  # shellcheck disable=SC2086
  setsid nohup "$JAVA" $KAFKA_HEAP_OPTS -cp "$LIBS/*" "-Dlog4j2.configurationFile=$HERE/kafka-log4j2.properties" \
    kafka.Kafka "$dir/server.properties" >"$dir/kafka.log" 2>&1 </dev/null &
  echo $! >"$dir/pid"
}

kafka_await() {
  local i="$1" dir="$KDIR/b$1" deadline=$((SECONDS + START_TIMEOUT))
  while ((SECONDS < deadline)); do
    kill -0 "$(cat "$dir/pid")" 2>/dev/null || { tail -n 20 "$dir/kafka.log" >&2; die "broker $i exited during start"; }
    if grep -q "Kafka Server started" "$dir/kafka.log" 2>/dev/null && kafka_answers "$(kport "$i")"; then return 0; fi
    sleep 0.5
  done
  tail -n 20 "$dir/kafka.log" >&2
  die "broker $i not ready after $START_TIMEOUT s"
}

kafka_start() {
  local n="$1" i id
  [[ "$n" =~ ^[1-9]$ ]] || die "kafka start N: N from 1 to 9"
  [[ ! -d "$KDIR" ]] || { log "Kafka: a set of this name was left running: stopping it first"; kafka_stop; }
  [[ -f "$LIBS/.complete" ]] || KAFKA_VERSION="$KAFKA_VERSION" KAFKA_CACHE_DIR="$KAFKA_CACHE_DIR" bash "$HERE/kafka.sh" fetch >&2
  for ((i = 1; i <= n; i++)); do
    ! port_open 127.0.0.1 "$(kport "$i")" || die "port $(kport "$i") is taken (a set left running? scripts/cluster.sh kafka stop)"
    ! port_open 127.0.0.1 "$(kcport "$i")" || die "port $(kcport "$i") is taken"
  done
  rm -rf "$KDIR" && mkdir -p "$KDIR" && echo "$n" >"$KDIR/count"
  local t0=$SECONDS
  id="$("$JAVA" -cp "$LIBS/*" kafka.tools.StorageTool random-uuid 2>/dev/null | grep -E '^[A-Za-z0-9_-]{22}$' | tail -n 1)"
  [[ -n "$id" ]] || die "StorageTool random-uuid gave no cluster id"
  for ((i = 1; i <= n; i++)); do
    kafka_config "$i" "$n"
    "$JAVA" -cp "$LIBS/*" kafka.tools.StorageTool format -t "$id" -c "$KDIR/b$i/server.properties" >"$KDIR/b$i/format.log" 2>&1 ||
      { tail -n 20 "$KDIR/b$i/format.log" >&2; die "formatting broker $i failed"; }
  done
  for ((i = 1; i <= n; i++)); do kafka_launch "$i"; done
  for ((i = 1; i <= n; i++)); do kafka_await "$i"; done
  log "Kafka: $n broker(s) up on ports $(kport 1)..$(kport "$n") in $((SECONDS - t0)) s"
}

kafka_kill() {
  local pid
  pid="$(cat "$KDIR/b$1/pid" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || die "broker $1 is not running"
  kill -KILL "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  log "Kafka: SIGKILL to broker $1 (pid $pid)"
}

kafka_revive() {
  kafka_launch "$1"
  kafka_await "$1"
  log "Kafka: broker $1 back"
}

kafka_restart() {
  local pid
  pid="$(cat "$KDIR/b$1/pid" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || die "broker $1 is not running"
  kill -TERM "$pid"
  local deadline=$((SECONDS + 60))
  while kill -0 "$pid" 2>/dev/null; do
    ((SECONDS < deadline)) || { kill -KILL "$pid"; break; }
    sleep 0.1
  done
  sleep "${2:-0}"
  kafka_revive "$1"
}

kafka_stop() {
  local i pid
  [[ -d "$KDIR" ]] || return 0
  for ((i = 1; i <= $(kcount); i++)); do
    pid="$(cat "$KDIR/b$i/pid" 2>/dev/null || true)"
    # Only a java process started from our folder: never another broker.
    if [[ "$pid" =~ ^[0-9]+$ ]] && { tr '\0' ' ' <"/proc/$pid/cmdline"; } 2>/dev/null | grep -q "kafka.Kafka $KDIR/b$i/server.properties"; then
      kill -KILL "$pid" 2>/dev/null || true
      while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
    fi
  done
  rm -rf "$KDIR"
  log "Kafka: stopped, $KDIR removed"
}

# ---------------------------------------------------------------- NATS, Redis, PostgreSQL ----
# One private node each, for scenarios 1-6 (their broker restarts): a process of our own started
# from our folder, its pid in "$dir/pid". `restart` is a clean stop (SIGTERM / pg_ctl stop -m fast)
# and a start on the same data; `kill` a SIGKILL, `revive` a start after it.
single_dir() { echo "$CLUSTER_DIR/$1"; }
single_port() {
  case "$1" in nats) echo "$NATS_PORT_BASE" ;; redis) echo "$REDIS_PORT_BASE" ;; postgres) echo "$POSTGRES_PORT_BASE" ;; esac
}
postgres_bin() {
  if [[ -n "${POSTGRES_BIN:-}" ]]; then echo "$POSTGRES_BIN"; return; fi
  local found
  found="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [[ -x "$found/pg_ctl" ]] || die "no PostgreSQL programs under /usr/lib/postgresql/*/bin (apt-get install postgresql)"
  echo "$found"
}
as_postgres() { if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# The node's pid, only when that process is still the one we started (its command line names our
# folder; redis-server's shows only its address, with our port).
single_pid() {
  local dir pid mark
  dir="$(single_dir "$1")"
  mark="$dir"
  [[ "$1" == redis ]] && mark="127.0.0.1:$(single_port redis)"
  pid="$(head -n 1 "$dir/pid" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] && { tr '\0' ' ' <"/proc/$pid/cmdline"; } 2>/dev/null | grep -q -- "$mark" && echo "$pid"
}

single_launch() {
  local kind="$1" dir port
  dir="$(single_dir "$1")" port="$(single_port "$1")"
  case "$kind" in
    nats)
      command -v nats-server >/dev/null || die "nats-server is not installed"
      setsid nohup nats-server -a 127.0.0.1 -p "$port" -js -sd "$dir/store" -l "$dir/nats.log" </dev/null >/dev/null 2>&1 &
      echo $! >"$dir/pid"
      ;;
    redis)
      command -v redis-server >/dev/null || die "redis-server is not installed"
      # The append-only file keeps the streams across a restart (a clean stop writes it out).
      redis-server --bind 127.0.0.1 --port "$port" --dir "$dir" --appendonly yes --appendfsync everysec --save "" \
        --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" >/dev/null
      local deadline=$((SECONDS + 10))
      until [[ -s "$dir/redis.pid" ]]; do ((SECONDS < deadline)) || die "redis-server wrote no pid file"; sleep 0.1; done
      cp "$dir/redis.pid" "$dir/pid"
      ;;
    postgres)
      as_postgres "$(postgres_bin)/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -s -o "-c port=$port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
      local deadline=$((SECONDS + 10))
      until [[ -s "$dir/data/postmaster.pid" ]]; do ((SECONDS < deadline)) || die "postgres wrote no pid file"; sleep 0.1; done
      head -n 1 "$dir/data/postmaster.pid" >"$dir/pid"
      ;;
  esac
}

single_await() {
  local kind="$1" port deadline=$((SECONDS + START_TIMEOUT))
  port="$(single_port "$1")"
  until port_open 127.0.0.1 "$port"; do
    ((SECONDS < deadline)) || die "$kind does not listen on $port (log in $(single_dir "$kind"))"
    [[ -n "$(single_pid "$kind")" ]] || die "$kind exited during start (log in $(single_dir "$kind"))"
    sleep 0.1
  done
  if [[ "$kind" == postgres ]]; then
    until as_postgres "$(postgres_bin)/pg_isready" -q -h 127.0.0.1 -p "$port"; do
      ((SECONDS < deadline)) || die "postgres on $port does not accept connections"
      sleep 0.1
    done
  fi
}

single_start() {
  local kind="$1" n="$2" dir port t0=$SECONDS
  [[ "$n" == 1 ]] || die "$kind start N: only a single node (N = 1)"
  dir="$(single_dir "$kind")" port="$(single_port "$kind")"
  [[ ! -d "$dir" ]] || { log "$kind: a node of this name was left running: stopping it first"; single_stop "$kind"; }
  ! port_open 127.0.0.1 "$port" || die "port $port is taken (a node left running? scripts/cluster.sh $kind stop)"
  mkdir -p "$dir"
  if [[ "$kind" == postgres ]]; then
    [[ "$(id -u)" != 0 ]] || chown postgres:postgres "$dir"
    as_postgres "$(postgres_bin)/initdb" -D "$dir/data" -U postgres -A trust --no-sync -E UTF8 --locale=C >"$dir/initdb.log" 2>&1 ||
      { tail -n 20 "$dir/initdb.log" >&2; die "initdb failed"; }
  fi
  single_launch "$kind"
  single_await "$kind"
  log "$kind: private node up on port $port in $((SECONDS - t0)) s"
}

single_halt() {
  local kind="$1" signal="$2" pid dir
  dir="$(single_dir "$kind")"
  pid="$(single_pid "$kind")" || die "$kind: the private node is not running"
  # PostgreSQL's children (by their ids) may outlive a SIGKILLed postmaster for a moment, and it
  # refuses to start again while they hold the data: they go too.
  local children=""
  [[ "$kind" == postgres ]] && children="$(pgrep -P "$pid" | tr '\n' ' ')"
  if [[ "$kind" == postgres && "$signal" == TERM ]]; then
    as_postgres "$(postgres_bin)/pg_ctl" -D "$dir/data" -m fast -s -w stop >/dev/null || kill -KILL "$pid"
  else
    kill "-$signal" "$pid"
  fi
  local deadline=$((SECONDS + 60))
  while kill -0 "$pid" 2>/dev/null; do
    ((SECONDS < deadline)) || { kill -KILL "$pid" 2>/dev/null || true; }
    sleep 0.05
  done
  reap $children
}

# SIGKILL to these pids, and wait until they are gone.
reap() {
  local child
  for child in "$@"; do kill -KILL "$child" 2>/dev/null || true; done
  for child in "$@"; do while kill -0 "$child" 2>/dev/null; do sleep 0.05; done; done
}

single_kill() {
  single_halt "$1" KILL
  log "$1: SIGKILL to the private node"
}

single_revive() {
  single_launch "$1"
  single_await "$1"
  log "$1: private node back"
}

single_restart() {
  single_halt "$1" TERM
  single_revive "$1"
}

single_stop() {
  local kind="$1" dir pid
  dir="$(single_dir "$kind")"
  [[ -d "$dir" ]] || return 0
  if pid="$(single_pid "$kind")"; then
    local children=""
    [[ "$kind" == postgres ]] && children="$(pgrep -P "$pid" | tr '\n' ' ')"
    # shellcheck disable=SC2086
    reap "$pid" $children
  fi
  rm -rf "$dir"
  log "$kind: stopped, $dir removed"
}

# ---------------------------------------------------------------- main ------------------------
broker="${1:-}" command="${2:-}" arg="${3:-}" arg2="${4:-}"
case "$broker:$command" in
  rabbitmq:start) rabbit_start "${arg:-3}" ;;
  rabbitmq:kill) rabbit_kill "$arg" ;;
  rabbitmq:revive) rabbit_revive "$arg" ;;
  rabbitmq:restart) rabbit_restart "$arg" ;;
  rabbitmq:leader) rabbit_leader "$arg" ;;
  rabbitmq:pid) rabbit_os_pid "$arg" ;;
  rabbitmq:stop) rabbit_stop ;;
  kafka:start) kafka_start "${arg:-3}" ;;
  kafka:kill) kafka_kill "$arg" ;;
  kafka:revive) kafka_revive "$arg" ;;
  kafka:restart) [[ -z "$arg2" || "$arg2" =~ ^[0-9]+$ ]] || die "DOWN_S must be whole seconds"; kafka_restart "$arg" "$arg2" ;;
  kafka:pid) cat "$KDIR/b$arg/pid" ;;
  kafka:stop) kafka_stop ;;
  nats:start | redis:start | postgres:start) single_start "$broker" "${arg:-1}" ;;
  nats:kill | redis:kill | postgres:kill) single_kill "$broker" ;;
  nats:revive | redis:revive | postgres:revive) single_revive "$broker" ;;
  nats:restart | redis:restart | postgres:restart) single_restart "$broker" ;;
  nats:pid | redis:pid | postgres:pid) single_pid "$broker" ;;
  nats:stop | redis:stop | postgres:stop) single_stop "$broker" ;;
  *) echo "usage: $0 rabbitmq start N|kill I|revive I|restart I|leader QUEUE|pid I|stop; $0 kafka start N|kill I|revive I|restart I|pid I|stop; $0 nats|redis|postgres start 1|kill 1|revive 1|restart 1|pid 1|stop" >&2; exit 2 ;;
esac
if [[ "$command" == stop ]]; then rmdir "$CLUSTER_DIR" 2>/dev/null || true; fi
