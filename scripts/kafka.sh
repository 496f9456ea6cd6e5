#!/usr/bin/env bash
# A single-node Kafka (KRaft) for the tests, without Docker: the broker is assembled from its
# artifacts on Maven Central and started with plain `java -cp` (recipe: there is no Kafka package
# in Debian or npm). Usage: scripts/kafka.sh start|stop|restart|status|reset
#
# Environment (all optional):
#   KAFKA_BROKERS          first entry is the broker to check/start   (127.0.0.1:9092)
#   KAFKA_VERSION          3.9.x or 4.x                                (4.4.0)
#   KAFKA_CACHE_DIR        root of jars and broker state               ($HOME/.cache/nestjs-ack)
#                          jars in <root>/kafka-<version>/libs, broker state (config, data,
#                          log, pid) in <root>/kafka-<version>/run-<port>
#   KAFKA_CONTROLLER_PORT  KRaft controller listener                   (broker port + 1)
#   KAFKA_HEAP_OPTS        JVM heap flags                              (-Xmx512m)
#   KAFKA_START_TIMEOUT    seconds to wait for "Kafka Server started"  (120)
set -euo pipefail

KAFKA_VERSION="${KAFKA_VERSION:-4.4.0}"
KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:9092}"
KAFKA_CACHE_DIR="${KAFKA_CACHE_DIR:-${HOME:?}/.cache/nestjs-ack}"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xmx512m}"
KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-120}"
MAVEN_DEPENDENCY_PLUGIN=3.8.1
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

log() { echo "[kafka] $*"; }
die() { echo "[kafka] ERROR: $*" >&2; exit 1; }

# --- broker address -----------------------------------------------------------------------------
first="${KAFKA_BROKERS%%,*}"
first="${first#*://}"                      # tolerate PLAINTEXT://host:port
first="${first// /}"
if [[ "$first" == *:* ]]; then HOST="${first%:*}" PORT="${first##*:}"; else HOST="$first" PORT=9092; fi
HOST="${HOST#[}" HOST="${HOST%]}"
[[ "$PORT" =~ ^[0-9]+$ ]] || die "cannot read a port from KAFKA_BROKERS=$KAFKA_BROKERS"
CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-$((PORT + 1))}"

# Jars per version; broker state (config, data, log, pid) per version and port, so a second
# broker on another port never takes over the first one's pid file.
BASE="$KAFKA_CACHE_DIR/kafka-$KAFKA_VERSION"
LIBS="$BASE/libs"
RUN="$BASE/run-$PORT"
DATA="$RUN/data"
LOG="$RUN/kafka.log"
PIDFILE="$RUN/kafka.pid"

is_local() { [[ "$HOST" == 127.0.0.1 || "$HOST" == localhost ]]; }

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=tcp-probe.sh
source "$HERE/tcp-probe.sh"

# True when a Kafka broker answers on host:port: send an ApiVersions v0 request (api key 18,
# correlation id 1, client id "ck") and expect a response carrying correlation id 1. A bare TCP
# accept is not proof: some networks' proxies accept any connection.
kafka_answers() {
  [[ "$(tcp_exchange "$1" "$2" '\x00\x00\x00\x0c\x00\x12\x00\x00\x00\x00\x00\x01\x00\x02ck' 8)" == "00 00 "*" 00 00 00 01" ]]
}

# 3.9 logs through log4j 1 (reload4j); 4.x through log4j2. Without a config the broker is mute.
MAJOR="${KAFKA_VERSION%%.*}"
[[ "$MAJOR" =~ ^[0-9]+$ ]] || die "cannot read KAFKA_VERSION=$KAFKA_VERSION"
if ((MAJOR >= 4)); then
  LOGGING_DEPS=(org.apache.logging.log4j:log4j-core:2.24.3 org.apache.logging.log4j:log4j-slf4j-impl:2.24.3)
  LOG_FLAG="-Dlog4j2.configurationFile=$HERE/kafka-log4j2.properties"
else
  LOGGING_DEPS=(org.slf4j:slf4j-reload4j:1.7.36 ch.qos.reload4j:reload4j:1.2.25)
  LOG_FLAG="-Dlog4j.configuration=file:$RUN/log4j.properties"
fi

# --- jars ----------------------------------------------------------------------------------------
# The marker lists every jar of a finished download, so an interrupted one is redone.
libs_complete() {
  [[ -f "$LIBS/.complete" ]] || return 1
  local jar
  while IFS= read -r jar; do [[ -s "$LIBS/$jar" ]] || return 1; done <"$LIBS/.complete"
}

fetch_libs() {
  libs_complete && return 0
  command -v mvn >/dev/null || die "mvn not found: Maven is needed to fetch Kafka $KAFKA_VERSION from Maven Central"
  log "fetching Kafka $KAFKA_VERSION jars from Maven Central into $LIBS"
  local work="$BASE/assemble" deps="" dep g a v
  rm -rf "$work" && mkdir -p "$work"
  for dep in "org.apache.kafka:kafka_2.13:$KAFKA_VERSION" "${LOGGING_DEPS[@]}"; do
    IFS=: read -r g a v <<<"$dep"
    deps+="    <dependency><groupId>$g</groupId><artifactId>$a</artifactId><version>$v</version></dependency>"$'\n'
  done
  cat >"$work/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.nestjs-ack</groupId>
  <artifactId>kafka-broker-jars</artifactId>
  <version>$KAFKA_VERSION</version>
  <packaging>pom</packaging>
  <dependencies>
$deps  </dependencies>
  <build>
    <plugins>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-dependency-plugin</artifactId>
        <version>$MAVEN_DEPENDENCY_PLUGIN</version>
      </plugin>
    </plugins>
  </build>
</project>
EOF
  # Output to a file: even -q -B prints colour codes, and it only matters when mvn fails.
  if ! (cd "$work" && mvn -q -B dependency:copy-dependencies -DoutputDirectory="$work/libs" -DincludeScope=runtime) \
    >"$work/mvn.log" 2>&1; then
    tail -n 30 "$work/mvn.log" >&2
    die "mvn could not fetch Kafka $KAFKA_VERSION (is Maven Central reachable? does that version exist?)"
  fi
  ls "$work/libs" | grep -q '^kafka_2\.13-' || die "mvn finished but no kafka_2.13 jar arrived in $work/libs"
  # Swap in the finished folder only, then mark it complete.
  rm -rf "$LIBS" && mv "$work/libs" "$LIBS"
  (cd "$LIBS" && ls -1 ./*.jar | sed 's#^\./##') >"$LIBS/.complete.tmp"
  mv "$LIBS/.complete.tmp" "$LIBS/.complete"
  rm -rf "$work"
  log "$(wc -l <"$LIBS/.complete") jars, $(du -sh "$LIBS" | cut -f1)"
}

# --- configuration -------------------------------------------------------------------------------
# Rewritten on every start: cheap, and picks up a changed port.
write_config() {
  mkdir -p "$RUN"
  cat >"$RUN/server.properties" <<EOF
# Generated by scripts/kafka.sh: one node that is both broker and KRaft controller.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$DATA
# One node: every internal topic has one replica; one partition makes them (and the group
# coordinator) come up fast.
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=1
num.partitions=1
auto.create.topics.enable=true
# Tests join groups constantly: no initial rebalance delay, and allow short session timeouts
# so crash/redelivery tests need not wait the default 6 s minimum.
group.initial.rebalance.delay.ms=0
group.min.session.timeout.ms=1000
EOF
  if ((MAJOR >= 4)); then
    cat >>"$RUN/server.properties" <<EOF
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
EOF
  else
    cat >"$RUN/log4j.properties" <<EOF
log4j.rootLogger=INFO, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.org.apache.kafka=WARN
EOF
  fi
}

# Format the data dir once. Our cluster id lives in run/cluster.id; a data dir without
# meta.properties, or with another cluster/node id, is wiped and formatted again (test data only).
format_storage() {
  local id meta="$DATA/meta.properties"
  [[ -s "$RUN/cluster.id" ]] || "$JAVA" -cp "$LIBS/*" "$LOG_FLAG" kafka.tools.StorageTool random-uuid 2>/dev/null |
    grep -E '^[A-Za-z0-9_-]{22}$' | tail -n 1 >"$RUN/cluster.id" || true
  id="$(cat "$RUN/cluster.id")"
  [[ "$id" =~ ^[A-Za-z0-9_-]{22}$ ]] || { rm -f "$RUN/cluster.id"; die "StorageTool random-uuid gave no cluster id"; }
  if [[ -f "$meta" ]] && grep -qx "cluster.id=$id" "$meta" && grep -qx "node.id=1" "$meta"; then
    return 0
  fi
  log "formatting $DATA (cluster id $id)"
  rm -rf "$DATA"
  "$JAVA" -cp "$LIBS/*" "$LOG_FLAG" kafka.tools.StorageTool format -t "$id" -c "$RUN/server.properties" >"$RUN/format.log" 2>&1 ||
    { tail -n 20 "$RUN/format.log" >&2; die "formatting $DATA failed"; }
}

# --- process -------------------------------------------------------------------------------------
# Our broker's pid, if the pid file names a live `kafka.Kafka` started from this run dir.
our_pid() {
  local pid
  [[ -s "$PIDFILE" ]] || return 1
  pid="$(cat "$PIDFILE")"
  [[ "$pid" =~ ^[0-9]+$ ]] && [[ -r "/proc/$pid/cmdline" ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q "kafka.Kafka $RUN/server.properties" || return 1
  echo "$pid"
}

launch() {
  [[ -f "$LOG" ]] && mv -f "$LOG" "$LOG.1"
  # setsid + nohup: the broker outlives the shell (and npm run) that started it. fd 9 holds the
  # start lock and must not be inherited, or the lock would be held as long as Kafka runs.
  # shellcheck disable=SC2086
  setsid nohup "$JAVA" $KAFKA_HEAP_OPTS -cp "$LIBS/*" "$LOG_FLAG" kafka.Kafka "$RUN/server.properties" \
    >"$LOG" 2>&1 </dev/null 9>&- &
  echo $! >"$PIDFILE"
}

# 0 ready, 1 timed out, 2 the process exited.
wait_ready() {
  local deadline=$((SECONDS + KAFKA_START_TIMEOUT))
  while ((SECONDS < deadline)); do
    our_pid >/dev/null || return 2
    if grep -q "Kafka Server started" "$LOG" 2>/dev/null && kafka_answers 127.0.0.1 "$PORT"; then return 0; fi
    sleep 0.5
  done
  return 1
}

start() {
  if kafka_answers "$HOST" "$PORT"; then
    log "up: Kafka answers on $HOST:$PORT"
    return 0
  fi
  is_local || die "$HOST:$PORT does not answer, and only a broker on 127.0.0.1/localhost is started here"
  command -v "$JAVA" >/dev/null || die "java not found (Kafka $KAFKA_VERSION needs Java 17+)"
  mkdir -p "$BASE"
  # One starter at a time (parallel `npm test` runs); the winner's broker serves the others.
  exec 9>"$BASE/.lock"
  flock -w 600 9 || die "another scripts/kafka.sh holds $BASE/.lock"
  if kafka_answers 127.0.0.1 "$PORT"; then log "up: Kafka answers on 127.0.0.1:$PORT"; return 0; fi
  if port_open 127.0.0.1 "$PORT" && ! our_pid >/dev/null; then
    die "127.0.0.1:$PORT is taken by something that is not Kafka"
  fi
  if port_open 127.0.0.1 "$CONTROLLER_PORT"; then
    our_pid >/dev/null || die "port $CONTROLLER_PORT (KRaft controller) is taken by another program; set KAFKA_CONTROLLER_PORT"
  fi

  fetch_libs
  write_config
  local t0=$SECONDS attempt rc
  for attempt in 1 2; do
    if ! our_pid >/dev/null; then
      format_storage
      log "starting Kafka $KAFKA_VERSION on 127.0.0.1:$PORT (log: $LOG)"
      launch
    else
      log "broker process $(our_pid) is already starting; waiting for it"
    fi
    rc=0 && wait_ready || rc=$?
    if ((rc == 0)); then
      log "up: Kafka $KAFKA_VERSION on 127.0.0.1:$PORT, pid $(our_pid), ready in $((SECONDS - t0)) s"
      return 0
    fi
    if ((rc == 2 && attempt == 1)); then
      # The broker died while starting: most often a data dir left broken by a killed broker.
      # It holds nothing worth keeping, so wipe it and try once more.
      tail -n 15 "$LOG" >&2 || true
      log "broker exited during start; wiping $DATA and retrying once"
      # The dying process may still be alive for a moment: without this, the retry would wait on it
      # instead of starting a fresh broker (seen as "No readable meta.properties files found").
      stop >&2 || true
      rm -rf "$DATA"
      continue
    fi
    break
  done
  echo "----- last lines of $LOG -----" >&2
  tail -n 40 "$LOG" >&2 || true
  if ((rc == 1)); then
    stop >&2 || true
    die "Kafka not ready after ${KAFKA_START_TIMEOUT} s"
  fi
  die "Kafka exited during start"
}

stop() {
  local pid i
  is_local || { log "$HOST is not local: nothing to stop here"; return 0; }
  if ! pid="$(our_pid)"; then
    rm -f "$PIDFILE"
    if kafka_answers 127.0.0.1 "$PORT"; then
      log "not started by this script (nothing in $PIDFILE), but Kafka answers on 127.0.0.1:$PORT; leaving it alone"
    else
      log "not running"
    fi
    return 0
  fi
  log "stopping pid $pid (SIGTERM)"
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 60; i++)); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$PIDFILE"; log "stopped"; return 0; }
    sleep 0.5
  done
  log "still alive after 30 s; SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
  sleep 1
  rm -f "$PIDFILE"
}

status() {
  local pid
  if kafka_answers "$HOST" "$PORT"; then
    if is_local && pid="$(our_pid)"; then log "up: Kafka answers on $HOST:$PORT (Kafka $KAFKA_VERSION, pid $pid, log $LOG)"
    else log "up: Kafka answers on $HOST:$PORT (not started from $RUN)"; fi
    return 0
  fi
  if is_local && pid="$(our_pid)"; then log "starting: pid $pid, $HOST:$PORT not answering yet"; return 3; fi
  log "down: $HOST:$PORT does not answer"
  return 3
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  restart) stop && start ;;
  status) status ;;
  reset) stop && rm -rf "$RUN" && log "removed $RUN" ;;     # fresh cluster on next start
  fetch) fetch_libs ;;                                        # only the jars (scripts/cluster.sh)
  *) echo "usage: $0 start|stop|restart|status|reset|fetch" >&2; exit 2 ;;
esac
