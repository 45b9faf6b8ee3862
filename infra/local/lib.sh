# shellcheck shell=bash
# Shared functions of infra/local/{up,down,status}. Everything fetched or generated lives under
# $CASEBRIDGE_INFRA_DIR (default: <repo>/.infra, git-ignored), so a second run only starts processes.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
INFRA_DIR="${CASEBRIDGE_INFRA_DIR:-$REPO_ROOT/.infra}"
LOG_DIR="$INFRA_DIR/logs"
RUN_DIR="$INFRA_DIR/run"
mkdir -p "$LOG_DIR" "$RUN_DIR"

PG_PORT="${CASEBRIDGE_PG_PORT:-5433}"
KAFKA_PORT="${CASEBRIDGE_KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${CASEBRIDGE_KAFKA_CONTROLLER_PORT:-9093}"
TEMPORAL_PORT="${CASEBRIDGE_TEMPORAL_PORT:-7233}"
TEMPORAL_UI_PORT="${CASEBRIDGE_TEMPORAL_UI_PORT:-8233}"
HELM_VERSION="v3.22.0"          # helm lint / helm template of infra/helm/casebridge (npm test)
TEMPORAL_CLI_VERSION="v1.5.1"   # v1.6+ carries a replace directive that `go install pkg@version` refuses
PG_DATABASES="casebridge_enforcement casebridge_police casebridge_procuratorate casebridge_court casebridge_supervision casebridge_audit casebridge_workflow"

log() { printf '[infra] %s\n' "$*" >&2; }
die() { printf '[infra] ERROR: %s\n' "$*" >&2; exit 1; }
need() { command -v "$1" >/dev/null 2>&1 || die "$1 is required but not installed. $2"; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_port() { # port seconds name logfile
  local i
  for ((i = 0; i < $2 * 4; i++)); do port_open "$1" && return 0; sleep 0.25; done
  log "$3 did not open port $1 within $2 s; last lines of $4:"; tail -n 30 "$4" >&2 || true
  return 1
}
pid_alive() { [ -f "$RUN_DIR/$1.pid" ] && kill -0 "$(cat "$RUN_DIR/$1.pid")" 2>/dev/null; }

# ---------------------------------------------------------------- PostgreSQL (Debian package)
pg_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && { echo "$d"; return 0; }; done
  return 1
}
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

install_postgres() {
  pg_bin >/dev/null && return 0
  log "installing PostgreSQL from Debian's packages (apt-get install postgresql)"
  [ "$(id -u)" = 0 ] || die "PostgreSQL is not installed and this user cannot apt-get install it: run 'sudo apt-get install -y postgresql'"
  need apt-get "Install PostgreSQL 15+ by other means and rerun."
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  pg_bin >/dev/null || die "apt-get installed postgresql but no initdb was found under /usr/lib/postgresql/*/bin"
}

start_postgres() {
  install_postgres
  local bin data sock
  bin="$(pg_bin)"; data="$INFRA_DIR/postgres/data"; sock="$INFRA_DIR/postgres/socket"
  mkdir -p "$data" "$sock"
  if [ "$(id -u)" = 0 ] && [ "$(stat -c %U "$INFRA_DIR/postgres/data")" != postgres ]; then
    chown -R postgres:postgres "$INFRA_DIR/postgres"; chmod 711 "$INFRA_DIR" "$(dirname "$INFRA_DIR")" 2>/dev/null || true
  fi
  if [ ! -f "$data/PG_VERSION" ]; then
    log "initialising a PostgreSQL cluster in $data"
    as_pg "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$LOG_DIR/postgres-initdb.log" 2>&1 \
      || { tail -20 "$LOG_DIR/postgres-initdb.log" >&2; die "initdb failed"; }
  fi
  if as_pg "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    log "PostgreSQL already running on port $PG_PORT"
  else
    port_open "$PG_PORT" && die "port $PG_PORT is taken by another process; set CASEBRIDGE_PG_PORT to a free port"
    touch "$LOG_DIR/postgres.log"; [ "$(id -u)" = 0 ] && chown postgres "$LOG_DIR/postgres.log"
    as_pg "$bin/pg_ctl" -D "$data" -l "$LOG_DIR/postgres.log" -w -t 60 \
      -o "-p $PG_PORT -k $sock -c listen_addresses=127.0.0.1 -c max_connections=${CASEBRIDGE_PG_MAX_CONNECTIONS:-400} -c fsync=on -c shared_buffers=256MB" start >/dev/null \
      || { tail -20 "$LOG_DIR/postgres.log" >&2; die "PostgreSQL did not start"; }
    log "PostgreSQL started on 127.0.0.1:$PG_PORT"
  fi
  local db
  for db in $PG_DATABASES; do
    if ! as_pg "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc "select 1 from pg_database where datname='$db'" postgres | grep -q 1; then
      as_pg "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "create database $db" postgres >/dev/null
    fi
  done
}
stop_postgres() {
  local bin data="$INFRA_DIR/postgres/data"
  bin="$(pg_bin 2>/dev/null)" || return 0
  [ -f "$data/PG_VERSION" ] || return 0
  if as_pg "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    as_pg "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null && log "PostgreSQL stopped"
  fi
}
status_postgres() {
  local bin; bin="$(pg_bin 2>/dev/null)" || { echo "postgres   not installed"; return; }
  if as_pg "$bin/pg_ctl" -D "$INFRA_DIR/postgres/data" status >/dev/null 2>&1; then echo "postgres   up    127.0.0.1:$PG_PORT"; else echo "postgres   down"; fi
}

# ---------------------------------------------------------------- Kafka (Maven Central jars, KRaft)
install_kafka() {
  local libs="$INFRA_DIR/kafka/libs"
  [ -f "$libs/.complete" ] && return 0
  need java "Install a JDK 17+ (apt-get install -y openjdk-17-jre-headless)."
  need mvn "Install Maven (apt-get install -y maven) to fetch Kafka's jars from Maven Central."
  log "fetching Apache Kafka 3.9.1 jars from Maven Central"
  rm -rf "$libs"; mkdir -p "$libs"
  mvn -q -B -f "$REPO_ROOT/infra/local/maven/kafka/pom.xml" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$libs" >"$LOG_DIR/kafka-fetch.log" 2>&1 \
    || { tail -20 "$LOG_DIR/kafka-fetch.log" >&2; die "could not fetch Kafka from Maven Central"; }
  touch "$libs/.complete"
}
start_kafka() {
  install_kafka
  if pid_alive kafka; then log "Kafka already running on port $KAFKA_PORT"; return 0; fi
  pid_alive kafka3-1 && die "the 3-node Kafka (profile kafka3) is running: stop it first (infra/local/down)"
  port_open "$KAFKA_PORT" && die "port $KAFKA_PORT is taken by another process; set CASEBRIDGE_KAFKA_PORT to a free port"
  local dir="$INFRA_DIR/kafka" cp
  mkdir -p "$dir/data"
  sed -e "s#@KAFKA_PORT@#$KAFKA_PORT#g" -e "s#@KAFKA_CONTROLLER_PORT@#$KAFKA_CONTROLLER_PORT#g" -e "s#@KAFKA_DATA_DIR@#$dir/data#g" \
    "$REPO_ROOT/infra/local/kafka/server.properties.template" >"$dir/server.properties"
  cp="$dir/libs/*"
  local jvm=(java -Xms256m -Xmx768m -XX:+UseG1GC -Djava.awt.headless=true
    "-Dlog4j.configuration=file:$REPO_ROOT/infra/local/kafka/log4j.properties" -cp "$cp")
  if [ ! -f "$dir/data/meta.properties" ]; then
    local id; id="$("${jvm[@]}" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)"
    "${jvm[@]}" kafka.tools.StorageTool format -t "$id" -c "$dir/server.properties" --ignore-formatted >"$LOG_DIR/kafka-format.log" 2>&1 \
      || { cat "$LOG_DIR/kafka-format.log" >&2; die "kafka storage format failed"; }
  fi
  nohup "${jvm[@]}" kafka.Kafka "$dir/server.properties" >"$LOG_DIR/kafka.log" 2>&1 &
  echo $! >"$RUN_DIR/kafka.pid"
  wait_port "$KAFKA_PORT" 90 Kafka "$LOG_DIR/kafka.log" || die "Kafka did not start"
  log "Kafka started on 127.0.0.1:$KAFKA_PORT"
}

# ---------------------------------------------------------------- Kafka, 3 nodes (profile kafka3)
# CASEBRIDGE_KAFKA_PROFILE=3 (or `up kafka3`): three KRaft nodes (broker + controller each) from the same jars,
# replication factor 3, min.insync.replicas 2 (infra/local/kafka/cluster.properties.template). Node i (1..3)
# listens on CASEBRIDGE_KAFKA_PORT + 2(i-1) and CASEBRIDGE_KAFKA_CONTROLLER_PORT + 2(i-1): 9092/9093, 9094/9095,
# 9096/9097. Data under $INFRA_DIR/kafka3/node<i>, logs kafka3-<i>.log, pid files kafka3-<i>.pid.
KAFKA_PROFILE="${CASEBRIDGE_KAFKA_PROFILE:-1}"
[[ "$KAFKA_PROFILE" =~ ^[13]$ ]] || die "CASEBRIDGE_KAFKA_PROFILE must be 1 (one node) or 3 (three nodes), not '$KAFKA_PROFILE'"
kafka3_port() { echo $((KAFKA_PORT + 2 * ($1 - 1))); }
kafka3_controller_port() { echo $((KAFKA_CONTROLLER_PORT + 2 * ($1 - 1))); }
# The bootstrap list and topic replication factor of the active profile (CASEBRIDGE_KAFKA_BROKERS / _REPLICATION_FACTOR).
kafka_brokers() {
  if [ "$KAFKA_PROFILE" = 3 ]; then echo "127.0.0.1:$(kafka3_port 1),127.0.0.1:$(kafka3_port 2),127.0.0.1:$(kafka3_port 3)"
  else echo "127.0.0.1:$KAFKA_PORT"; fi
}
kafka_replication_factor() { if [ "$KAFKA_PROFILE" = 3 ]; then echo 3; else echo 1; fi; }
start_kafka3() {
  install_kafka
  pid_alive kafka && die "the single-node Kafka is running (pid file $RUN_DIR/kafka.pid): stop it first (infra/local/down)"
  local dir="$INFRA_DIR/kafka3" voters="" i node port cport
  local jvm=(java -Xms128m -Xmx512m -XX:+UseG1GC -Djava.awt.headless=true
    "-Dlog4j.configuration=file:$REPO_ROOT/infra/local/kafka/log4j.properties" -cp "$INFRA_DIR/kafka/libs/*")
  mkdir -p "$dir"
  for i in 1 2 3; do voters+="${voters:+,}$i@127.0.0.1:$(kafka3_controller_port "$i")"; done
  [ -s "$dir/cluster.id" ] || "${jvm[@]}" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1 >"$dir/cluster.id"
  for i in 1 2 3; do
    if pid_alive "kafka3-$i"; then log "Kafka node $i already running on port $(kafka3_port "$i")"; continue; fi
    node="$dir/node$i"; port="$(kafka3_port "$i")"; cport="$(kafka3_controller_port "$i")"
    port_open "$port" && die "port $port (Kafka node $i) is taken by another process; set CASEBRIDGE_KAFKA_PORT to a free range"
    mkdir -p "$node/data"
    sed -e "s#@NODE_ID@#$i#g" -e "s#@QUORUM_VOTERS@#$voters#g" -e "s#@KAFKA_PORT@#$port#g" \
      -e "s#@KAFKA_CONTROLLER_PORT@#$cport#g" -e "s#@KAFKA_DATA_DIR@#$node/data#g" \
      "$REPO_ROOT/infra/local/kafka/cluster.properties.template" >"$node/server.properties"
    if [ ! -f "$node/data/meta.properties" ]; then
      "${jvm[@]}" kafka.tools.StorageTool format -t "$(cat "$dir/cluster.id")" -c "$node/server.properties" --ignore-formatted \
        >"$LOG_DIR/kafka3-format.log" 2>&1 || { cat "$LOG_DIR/kafka3-format.log" >&2; die "kafka storage format of node $i failed"; }
    fi
    nohup "${jvm[@]}" kafka.Kafka "$node/server.properties" >"$LOG_DIR/kafka3-$i.log" 2>&1 &
    echo $! >"$RUN_DIR/kafka3-$i.pid"
  done
  # a node opens its broker port once the controller quorum (2 of 3) has formed: start all, then wait
  for i in 1 2 3; do
    wait_port "$(kafka3_port "$i")" 120 "Kafka node $i" "$LOG_DIR/kafka3-$i.log" || die "Kafka node $i did not start"
  done
  log "Kafka (3 nodes, replication factor 3, min.insync.replicas 2) started on $(kafka_brokers)"
}
stop_kafka3() { local i; for i in 1 2 3; do stop_pidfile "kafka3-$i"; done; }

# ---------------------------------------------------------------- Temporal dev server (go install)
# go install <package>@<version> into $INFRA_DIR/bin, once per version: go_install_tool <name> <version> <package> <label>
go_install_tool() {
  local name="$1" version="$2" pkg="$3" label="$4" bin="$INFRA_DIR/bin/$1"
  [ -x "$bin" ] && [ "$(cat "$INFRA_DIR/bin/.$name-version" 2>/dev/null)" = "$version" ] && return 0
  need go "Install Go >= 1.25 to build $label (go install)."
  log "building $label $version with go install (first time: several minutes)"
  mkdir -p "$INFRA_DIR/bin"
  GOBIN="$INFRA_DIR/bin" GOFLAGS=-mod=mod go install "$pkg@$version" >"$LOG_DIR/$name-build.log" 2>&1 \
    || { tail -20 "$LOG_DIR/$name-build.log" >&2; die "go install of $label failed"; }
  echo "$version" >"$INFRA_DIR/bin/.$name-version"
}
install_helm() { go_install_tool helm "$HELM_VERSION" helm.sh/helm/v3/cmd/helm "helm (chart checks)"; }
install_temporal() { go_install_tool temporal "$TEMPORAL_CLI_VERSION" github.com/temporalio/cli/cmd/temporal "the Temporal CLI dev server"; }
# Custom search attributes used by the workflows (see workflows/src/search-attributes.ts).
TEMPORAL_SEARCH_ATTRIBUTES=(
  "CbLinkedCaseId=Keyword" "CbRuleId=Keyword" "CbOwingAgency=Keyword" "CbRegion=Keyword"
  "CbStep=Keyword" "CbDueAt=Datetime" "CbOverdue=Bool"
)
start_temporal() {
  install_temporal
  if pid_alive temporal; then log "Temporal already running on port $TEMPORAL_PORT"; return 0; fi
  port_open "$TEMPORAL_PORT" && die "port $TEMPORAL_PORT is taken by another process; set CASEBRIDGE_TEMPORAL_PORT to a free port"
  mkdir -p "$INFRA_DIR/temporal"
  local args=(server start-dev --ip 127.0.0.1 --port "$TEMPORAL_PORT" --ui-port "$TEMPORAL_UI_PORT"
    --db-filename "$INFRA_DIR/temporal/temporal.db" --namespace default --log-level warn)
  local sa; for sa in "${TEMPORAL_SEARCH_ATTRIBUTES[@]}"; do args+=(--search-attribute "$sa"); done
  nohup "$INFRA_DIR/bin/temporal" "${args[@]}" >"$LOG_DIR/temporal.log" 2>&1 &
  echo $! >"$RUN_DIR/temporal.pid"
  wait_port "$TEMPORAL_PORT" 60 Temporal "$LOG_DIR/temporal.log" || die "Temporal did not start"
  wait_port "$TEMPORAL_UI_PORT" 30 "Temporal UI" "$LOG_DIR/temporal.log" || die "Temporal UI did not start"
  log "Temporal started on 127.0.0.1:$TEMPORAL_PORT (UI http://127.0.0.1:$TEMPORAL_UI_PORT)"
}

# ---------------------------------------------------------------- Temporal time-skipping test server (Maven)
install_test_server() {
  local dir="$INFRA_DIR/temporal-test-server"
  [ -f "$dir/libs/.complete" ] && [ -x "$dir/temporal-test-server" ] && return 0
  need java "Install a JDK 17+ to run Temporal's time-skipping test server."
  need mvn "Install Maven to fetch Temporal's test server from Maven Central."
  log "fetching Temporal's Java time-skipping test server from Maven Central"
  rm -rf "$dir/libs"; mkdir -p "$dir/libs"
  mvn -q -B -f "$REPO_ROOT/infra/local/maven/temporal-test-server/pom.xml" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$dir/libs" >"$LOG_DIR/temporal-test-server-fetch.log" 2>&1 \
    || { tail -20 "$LOG_DIR/temporal-test-server-fetch.log" >&2; die "could not fetch the Temporal test server"; }
  touch "$dir/libs/.complete"
  # The SDK kills a server that does not accept connections within 5 s: start the JVM lean.
  cat >"$dir/temporal-test-server" <<WRAP
#!/usr/bin/env bash
exec java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -Xmx512m -cp "$dir/libs/*" io.temporal.testserver.TestServer "\$@"
WRAP
  chmod +x "$dir/temporal-test-server"
}

# ---------------------------------------------------------------- Chromium for browser tests (Debian package)
install_chromium() {
  command -v chromium >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi "noto.*cjk" && return 0
  [ "$(id -u)" = 0 ] || die "Chromium is needed for the browser tests: run 'sudo apt-get install -y chromium'"
  need apt-get "Install Chromium by other means (browser tests drive /usr/bin/chromium)."
  log "installing Chromium, CJK fonts and poppler-utils (pdftoppm) from Debian's packages (browser and PDF report tests)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk poppler-utils >"$LOG_DIR/chromium-install.log" 2>&1 \
    || { DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk poppler-utils >"$LOG_DIR/chromium-install.log" 2>&1; } \
    || { tail -20 "$LOG_DIR/chromium-install.log" >&2; die "apt-get install chromium failed"; }
}

stop_pidfile() { # name
  local f="$RUN_DIR/$1.pid" pid i
  [ -f "$f" ] || return 0
  pid="$(cat "$f")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for ((i = 0; i < 120; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null
    log "$1 stopped"
  fi
  rm -f "$f"
}
# The CaseBridge services `npm start` runs, app:port (the status shows the same list).
APP_PORTS=(enforcement:3001 police:3002 procuratorate:3003 court:3004 supervision:3005 audit:3006 workflow-worker:3007)

status_pidfile() { # name port
  if pid_alive "$1"; then printf '%-10s up    127.0.0.1:%s (pid %s)\n' "$1" "$2" "$(cat "$RUN_DIR/$1.pid")"; else printf '%-10s down\n' "$1"; fi
}

# Endpoints for the apps and tests, printed by `up` as shell exports.
print_env() {
  cat <<ENV
export CASEBRIDGE_PG_HOST=127.0.0.1
export CASEBRIDGE_PG_PORT=$PG_PORT
export CASEBRIDGE_PG_USER=postgres
export CASEBRIDGE_PG_PASSWORD=postgres
export CASEBRIDGE_KAFKA_BROKERS=$(kafka_brokers)
export CASEBRIDGE_KAFKA_REPLICATION_FACTOR=$(kafka_replication_factor)
export CASEBRIDGE_TEMPORAL_ADDRESS=127.0.0.1:$TEMPORAL_PORT
ENV
  # only once installed (infra/local/up test-server)
  if [ -x "$INFRA_DIR/temporal-test-server/temporal-test-server" ]; then
    echo "export CASEBRIDGE_TEMPORAL_TEST_SERVER=$INFRA_DIR/temporal-test-server/temporal-test-server"
  fi
}
