#!/usr/bin/env bash
# `npm run services`: make sure every broker the tests talk to answers, and start the local ones
# that do not (with the commands this machine's services were started with). Safe to run again:
# with everything up it only checks, which takes a few seconds.
#
#   bash scripts/services.sh                 # every broker of the manifest (test/transports.ts)
#   bash scripts/services.sh redis kafka     # only these
#
# Addresses come from the same variables the tests read; a service on another host is only
# checked, never started. SERVICES_TIMEOUT (60) bounds each start.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RABBITMQ_URL="${RABBITMQ_URL:-amqp://guest:guest@127.0.0.1:5672}"
NATS_URL="${NATS_URL:-nats://127.0.0.1:4222}"
REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}"
KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:9092}"
SERVICES_TIMEOUT="${SERVICES_TIMEOUT:-60}"
export KAFKA_BROKERS

log() { echo "[services] $*"; }
# URLs may carry passwords: never print one.
mask() { sed -E 's#(://[^:/@]*):[^@/]*@#\1:***@#g' <<<"$1"; }

# "host port" of the first address in a URL (scheme://[user[:pass]@]host[:port][/...]).
host_port() {
  local url="${1%%,*}" default_port="$2" hp host port=""
  url="${url#*://}"
  hp="${url%%[/?#]*}"
  hp="${hp##*@}"
  if [[ "$hp" == \[* ]]; then # [ipv6]:port
    host="${hp%%]*}" host="${host#[}"
    [[ "$hp" == *]:* ]] && port="${hp##*]:}"
  else
    host="${hp%%:*}"
    [[ "$hp" == *:* ]] && port="${hp##*:}"
  fi
  echo "${host:-127.0.0.1} ${port:-$default_port}"
}

is_local() { [[ "$1" == 127.0.0.1 || "$1" == localhost || "$1" == ::1 ]]; }

# shellcheck source=tcp-probe.sh
source "$HERE/tcp-probe.sh"

# --- protocol checks: each returns 0 when the service really answers ----------------------------

# AMQP: send the 0-9-1 protocol header; a broker replies with a Connection.Start frame
# (frame type 1, channel 0, class 10, method 10). Plain TCP is not enough: the Erlang node
# may be up with the app stopped (`rabbitmqctl stop_app`), and then 5672 is closed anyway.
rabbitmq_ok() {
  [[ "$(tcp_exchange "$RMQ_HOST" "$RMQ_PORT" 'AMQP\x00\x00\x09\x01' 11)" == "01 00 00 "*" 00 0a 00 0a" ]]
}

# NATS: the server's first line is INFO {...}; JetStream must be on ("jetstream":true).
NATS_INFO=""
nats_ok() {
  NATS_INFO="$(timeout 5 bash -c '
    exec 3<>"/dev/tcp/$0/$1" || exit 1
    IFS= read -r line <&3 && printf "%s" "$line"' "$NATS_HOST" "$NATS_PORT" 2>/dev/null)" || return 1
  [[ "$NATS_INFO" == INFO* && "$NATS_INFO" == *'"jetstream":true'* ]]
}

redis_ok() {
  if command -v redis-cli >/dev/null; then
    [[ "$(timeout 5 redis-cli -u "$REDIS_URL" --no-auth-warning ping 2>/dev/null)" == PONG ]]
  else # RESP by hand; NOAUTH still proves a Redis answers
    local reply
    reply="$(timeout 5 bash -c 'exec 3<>"/dev/tcp/$0/$1" || exit 1
      printf "PING\r\n" >&3; IFS= read -r l <&3; printf "%s" "$l"' "$REDIS_HOST" "$REDIS_PORT" 2>/dev/null)" || return 1
    [[ "$reply" == +PONG* || "$reply" == -NOAUTH* ]]
  fi
}

# Server up is not enough: the tests need this database and user to work.
postgres_verify() {
  command -v psql >/dev/null || return 0
  PGCONNECT_TIMEOUT=5 psql "$DATABASE_URL" -Atqc 'select 1' 2>&1 >/dev/null
}

postgres_ok() {
  if command -v pg_isready >/dev/null; then
    pg_isready -q -t 5 -d "$DATABASE_URL"
  else
    port_open "$PG_HOST" "$PG_PORT"
  fi
}

# --- starts: the commands this machine's services were started with -----------------------------

rabbitmq_start() {
  # After a test's `rabbitmqctl stop_app` the node still runs: start_app is enough (and
  # `rabbitmq-server -detached` would fail on the taken node name). Otherwise boot the node.
  if command -v rabbitmqctl >/dev/null && timeout 30 rabbitmqctl -q start_app >/dev/null 2>&1; then
    return 0
  fi
  command -v rabbitmq-server >/dev/null || return 127
  rabbitmq-server -detached
}

nats_start() {
  command -v nats-server >/dev/null || return 127
  mkdir -p /var/lib/nats-server
  start-stop-daemon --start --oknodo --background --exec "$(command -v nats-server)" -- \
    -a 127.0.0.1 -p "$NATS_PORT" -js -sd /var/lib/nats-server -l /var/log/nats-server.log
}

redis_start() {
  command -v redis-server >/dev/null || return 127
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT" --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
}

postgres_start() {
  command -v pg_ctlcluster >/dev/null || return 127
  local version
  version="$(ls /etc/postgresql | sort -V | tail -n 1)"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start
}

rabbitmq_logs() { ls -t /var/log/rabbitmq/*.log 2>/dev/null | grep -v _upgrade | head -n 1; }
nats_logs() { echo /var/log/nats-server.log; }
redis_logs() { echo /var/log/redis/ci.log; }
postgres_logs() { ls -t /var/log/postgresql/postgresql-*-main.log 2>/dev/null | head -n 1; }

# After a service answers: run its NAME_verify hook, if it has one (prints why it failed).
verified() {
  local name="$1" url="$2" err
  declare -F "${name}_verify" >/dev/null || return 0
  err="$("${name}_verify")" && return 0
  log "FAIL  $name  $(mask "$url") answers, but: $err"
  return 1
}

# ensure NAME URL HOST: check; if down and local, start and poll until it answers.
ensure() {
  local name="$1" url="$2" host="$3" deadline logfile rc=0
  if "${name}_ok"; then
    verified "$name" "$url" || return 1
    log "ok    $name  $(mask "$url")"
    return 0
  fi
  if [[ "$name" == nats && "$NATS_INFO" == INFO* ]]; then
    log "FAIL  nats  $(mask "$url") answers but without JetStream (start nats-server with -js)"
    return 1
  fi
  if ! is_local "$host"; then
    log "FAIL  $name  $(mask "$url") does not answer (not local, so not started here)"
    return 1
  fi
  log "start $name  $(mask "$url") does not answer; starting it"
  "${name}_start" || rc=$?
  if ((rc == 127)); then
    log "FAIL  $name  is not installed here; start it yourself or use \`docker compose up -d\`"
    return 1
  fi
  ((rc == 0)) || log "      $name start command exited with $rc; polling anyway"
  deadline=$((SECONDS + SERVICES_TIMEOUT))
  until "${name}_ok"; do
    if ((SECONDS >= deadline)); then
      log "FAIL  $name  still not answering after ${SERVICES_TIMEOUT} s"
      logfile="$("${name}_logs")"
      if [[ -n "$logfile" && -r "$logfile" ]]; then
        echo "----- last lines of $logfile -----"
        tail -n 30 "$logfile"
      fi
      return 1
    fi
    sleep 0.5
  done
  verified "$name" "$url" || return 1
  log "ok    $name  started ($(mask "$url"))"
}

read -r RMQ_HOST RMQ_PORT < <(host_port "$RABBITMQ_URL" 5672)
read -r NATS_HOST NATS_PORT < <(host_port "$NATS_URL" 4222)
read -r REDIS_HOST REDIS_PORT < <(host_port "$REDIS_URL" 6379)
read -r PG_HOST PG_PORT < <(host_port "$DATABASE_URL" 5432)

services=("$@")
# The manifest's transports with a shared broker (read from its source: this runs before any build).
((${#services[@]})) || mapfile -t services < <(awk "/^    id: '/{ id=\$2 } /^    broker: /{ print id }" "$HERE/../test/transports.ts" | tr -d "',")
failed=()
for service in "${services[@]}"; do
  case "$service" in
    rabbitmq) ensure rabbitmq "$RABBITMQ_URL" "$RMQ_HOST" || failed+=(rabbitmq) ;;
    nats) ensure nats "$NATS_URL" "$NATS_HOST" || failed+=(nats) ;;
    redis) ensure redis "$REDIS_URL" "$REDIS_HOST" || failed+=(redis) ;;
    postgres) ensure postgres "$DATABASE_URL" "$PG_HOST" || failed+=(postgres) ;;
    kafka) bash "$HERE/kafka.sh" start || failed+=(kafka) ;;
    *) log "no start command for '$service': add one here (its id in test/transports.ts)"; failed+=("$service") ;;
  esac
done

if ((${#failed[@]})); then
  log "not available: ${failed[*]}"
  exit 1
fi
log "all up: ${services[*]}"
