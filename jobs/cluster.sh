#!/usr/bin/env bash
# A real Spark standalone cluster on 127.0.0.1 from the project's own Maven dependencies: one
# Master and N Workers (Spark's org.apache.spark.deploy.master.Master and .worker.Worker), each its
# own JVM. No Spark distribution needed: SPARK_HOME is made from Spark's jars (jars/ = the
# project's Spark dependencies) on the first start.
#
#   jobs/cluster.sh start [--workers N] [--cores C] [--memory M] [--port P] [--webui-port P]
#   jobs/cluster.sh status     exit 0: all running, 1: some daemons are down, 3: stopped
#   jobs/cluster.sh stop
#
# Defaults: 2 workers with 2 cores and 2g each, master spark://127.0.0.1:7077, UI on 8080 (each
# worker's UI on a free port). Sized for a 2-core machine that also builds: the cores are task
# slots, not CPUs.
#
# Work folder ($CORPUSLENS_CLUSTER_DIR, default target/cluster): cluster.env (the settings),
# master.pid/.log, worker-I.pid/.log, worker-I/work/ (each driver's and executor's stdout and
# stderr: worker-I/work/app-*/EXECUTOR/stderr, worker-I/work/driver-*/stderr), worker-I/local/
# (shuffle and spill files). SPARK_HOME: $CORPUSLENS_SPARK_HOME, default target/spark-home.
# stop ends only the processes this script started for that work folder (each daemon carries
# -Dcorpuslens.cluster.dir=FOLDER on its command line; executors and drivers run inside it).
# Stop the cluster before `mvn clean`, which deletes target/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

DIR=${CORPUSLENS_CLUSTER_DIR:-$CORPUSLENS_ROOT/target/cluster}
mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd)
MARK="-Dcorpuslens.cluster.dir=$DIR"

usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed -e '$d' -e 's/^# \{0,1\}//' >&2
  exit 2
}

is_java() {
  [[ "$(ps -o comm= -p "$1" 2>/dev/null)" == java ]]
}

# pid_is_ours PID: the process runs and is one of this work folder's daemons.
pid_is_ours() {
  [[ -n $1 ]] && kill -0 "$1" 2>/dev/null && is_java "$1" \
    && [[ "$(ps -o args= -p "$1" 2>/dev/null) " == *"$MARK "* ]]
}

# daemon_pids: pids of the running daemons of this work folder (pid files, and the marker).
daemon_pids() {
  local f pid
  for f in "$DIR"/worker-*.pid "$DIR"/master.pid; do
    [[ -f $f ]] || continue
    pid=$(<"$f")
    pid_is_ours "$pid" && echo "$pid"
  done
  for pid in $(pgrep -f -- "$MARK" || true); do
    pid_is_ours "$pid" && echo "$pid"
  done
}

# child_pids: drivers and executors the workers started: processes running inside the work folder.
child_pids() {
  local p cwd
  for p in /proc/[0-9]*; do
    cwd=$(readlink "$p/cwd" 2>/dev/null) || continue
    cwd=${cwd% (deleted)}
    if [[ $cwd == "$DIR"/* ]] && is_java "${p#/proc/}"; then
      echo "${p#/proc/}"
    fi
  done
}

port_busy() {
  (exec 3<> "/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start() {
  local workers=2 cores=2 memory=2g port=7077 webui=8080
  while (($#)); do
    case $1 in
      --workers) workers=$2; shift 2 ;;
      --cores) cores=$2; shift 2 ;;
      --memory) memory=$2; shift 2 ;;
      --port) port=$2; shift 2 ;;
      --webui-port) webui=$2; shift 2 ;;
      *) usage ;;
    esac
  done
  [[ $workers =~ ^[1-9][0-9]*$ ]] || cl_die "--workers must be a positive number, got $workers"
  if [[ -n "$(daemon_pids)" ]]; then
    cl_die "a cluster already runs from $DIR (jobs/cluster.sh status; jobs/cluster.sh stop)"
  fi
  local p
  for p in "$port" "$webui"; do
    port_busy "$p" && cl_die "port $p on 127.0.0.1 is in use: choose others with --port/--webui-port"
  done

  export SPARK_HOME=${CORPUSLENS_SPARK_HOME:-$CORPUSLENS_ROOT/target/spark-home}
  cl_spark_home "$SPARK_HOME"
  export SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
  unset SPARK_CONF_DIR SPARK_LOCAL_DIRS
  local java flags=()
  java=$(cl_java)
  read -r -a flags <<< "$(cl_jvm_flags)"
  rm -f "$DIR"/*.pid "$DIR"/*.log
  cat > "$DIR/cluster.env" <<EOF
MASTER_URL=spark://127.0.0.1:$port
MASTER_WEBUI=http://127.0.0.1:$webui
WORKERS=$workers
WORKER_CORES=$cores
WORKER_MEMORY=$memory
SPARK_HOME=$SPARK_HOME
EOF

  nohup "$java" "${flags[@]}" -Xmx512m "$MARK" -cp "$SPARK_HOME/jars/*" \
    org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" --webui-port "$webui" \
    < /dev/null > "$DIR/master.log" 2>&1 &
  echo $! > "$DIR/master.pid"
  wait_for "$DIR/master.log" "Starting Spark master at" "the master" "$(<"$DIR/master.pid")"

  local i
  for ((i = 1; i <= workers; i++)); do
    mkdir -p "$DIR/worker-$i/work" "$DIR/worker-$i/local"
    SPARK_LOCAL_DIRS="$DIR/worker-$i/local" nohup "$java" "${flags[@]}" -Xmx512m "$MARK" \
      -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.worker.Worker "spark://127.0.0.1:$port" \
      --host 127.0.0.1 --cores "$cores" --memory "$memory" --webui-port 0 \
      --work-dir "$DIR/worker-$i/work" < /dev/null > "$DIR/worker-$i.log" 2>&1 &
    echo $! > "$DIR/worker-$i.pid"
  done
  for ((i = 1; i <= workers; i++)); do
    wait_for "$DIR/worker-$i.log" "Successfully registered with master" "worker $i" "$(<"$DIR/worker-$i.pid")"
  done
  echo "standalone cluster up: master spark://127.0.0.1:$port (UI http://127.0.0.1:$webui)," \
    "$workers workers x $cores cores x $memory; logs in $DIR"
}

# wait_for LOG TEXT WHAT PID: waits up to 90 s until LOG contains TEXT.
wait_for() {
  local deadline=$((SECONDS + 90))
  until grep -q "$2" "$1" 2>/dev/null; do
    if ! kill -0 "$4" 2>/dev/null; then
      tail -n 30 "$1" >&2
      stop >&2
      cl_die "$3 exited during start-up; its log: $1"
    fi
    if ((SECONDS > deadline)); then
      tail -n 30 "$1" >&2
      stop >&2
      cl_die "$3 did not start within 90 s; its log: $1"
    fi
    sleep 0.5
  done
}

# terminate PIDS...: SIGTERM, then SIGKILL after 20 s.
terminate() {
  (($#)) || return 0
  kill -TERM "$@" 2>/dev/null || true
  local deadline=$((SECONDS + 20)) p alive
  while :; do
    alive=()
    for p in "$@"; do
      kill -0 "$p" 2>/dev/null && alive+=("$p")
    done
    ((${#alive[@]})) || return 0
    if ((SECONDS > deadline)); then
      echo "killing ${alive[*]} (still running 20 s after SIGTERM)" >&2
      kill -KILL "${alive[@]}" 2>/dev/null || true
      return 0
    fi
    sleep 0.3
  done
}

stop() {
  local workers=() master="" pid
  for pid in $(daemon_pids | sort -u); do
    if [[ "$(ps -o args= -p "$pid")" == *deploy.master.Master* ]]; then
      master=$pid
    else
      workers+=("$pid")
    fi
  done
  # Workers first: on SIGTERM a worker kills the executors and drivers it started.
  terminate "${workers[@]}"
  local children=()
  mapfile -t children < <(child_pids)
  terminate "${children[@]}"
  [[ -n $master ]] && terminate "$master"
  rm -f "$DIR"/*.pid
  echo "standalone cluster of $DIR stopped (${#workers[@]} workers, ${master:+1 master, }${#children[@]} left-over executors/drivers)"
}

status() {
  if [[ ! -f "$DIR/cluster.env" ]]; then
    echo "no cluster in $DIR"
    return 3
  fi
  # shellcheck disable=SC1091
  source "$DIR/cluster.env"
  local f pid running=0 name
  for f in "$DIR"/master.pid "$DIR"/worker-*.pid; do
    [[ -f $f ]] || continue
    name=$(basename "$f" .pid)
    pid=$(<"$f")
    if pid_is_ours "$pid"; then
      echo "$name: running, pid $pid, log $DIR/$name.log"
      running=$((running + 1))
    else
      echo "$name: not running (pid $pid)"
    fi
  done
  local children
  children=$(child_pids | tr '\n' ' ')
  echo "drivers and executors running in $DIR: ${children:-none}"
  if ((running == 0)); then
    echo "cluster: stopped"
    return 3
  fi
  echo "master: $MASTER_URL, UI $MASTER_WEBUI"
  if command -v curl >/dev/null && json=$(curl -sf --max-time 5 "$MASTER_WEBUI/json/"); then
    # pretty-printed JSON: the cluster's own keys are the ones indented by two spaces
    echo "$json" | grep -E '^  "(status|aliveworkers|cores|coresused|memory|memoryused)"' \
      | tr -d '",' | tr -s ' \n' ' '
    echo
    echo "running applications: $(echo "$json" | tr -d '\n' | sed -e 's/.*"activeapps" *: *\[//' -e 's/\].*//' | grep -oE '"id" *: *"app-[^"]*"' | grep -oE 'app-[^"]*' | tr '\n' ' ')"
    echo "running drivers: $(echo "$json" | tr -d '\n' | sed -e 's/.*"activedrivers" *: *\[//' -e 's/\].*//' | grep -oE '"id" *: *"driver-[^"]*"' | grep -oE 'driver-[^"]*' | tr '\n' ' ')"
  fi
  ((running == 1 + WORKERS)) || return 1
}

case ${1:-} in
  start) shift; start "$@" ;;
  stop) shift; stop ;;
  status) shift; status ;;
  *) usage ;;
esac
