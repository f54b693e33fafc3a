# shellcheck shell=bash
# The shared body of jobs/run.sh, jobs/extract.sh and jobs/analyze.sh (sourced, not run):
#
#   cl_submit COMMAND [SPARK-SUBMIT OPTIONS] [APP OPTIONS] [-- APP OPTIONS]
#
# spark-submit's own options (--master, --deploy-mode, --conf K=V, --properties-file, --name,
# --driver-memory, --executor-memory, --files, ...) are recognised anywhere on the line and go to
# spark-submit; every other argument goes to `corpuslens COMMAND` (after `--`, all of them do).
#
# Launcher: $SPARK_HOME/bin/spark-submit when SPARK_HOME is set and has one (a Spark 4.2
# distribution: needed for YARN and Kubernetes); otherwise Spark's own SparkSubmit class, run with
# `java` on Spark's jars from the local Maven repository (local mode and standalone clusters).
#
# Properties: --properties-file FILE, else $CORPUSLENS_SPARK_CONF, else jobs/conf/local.conf.
# --master and --conf override what the file says. Relative local paths given to --input, --output,
# --tables, --topics and --stopwords are made absolute (the driver may run elsewhere).
# CORPUSLENS_PRINT_COMMAND=1 prints the command, one argument per line, instead of running it.
#
# In standalone cluster deploy mode SparkSubmit exits 0 even when the driver fails; with
# spark.standalone.submit.waitAppCompletion=true (jobs/conf/standalone.conf) it waits for the
# driver, and this script turns the driver's final state into the exit code (0 only for FINISHED).

# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

CL_MAIN_CLASS=org.corpuslens.jobs.CorpusLens

# spark-submit options that take a value, and those that do not.
CL_SUBMIT_VALUE_OPTS=" --master --deploy-mode --properties-file --conf -c --name \
 --driver-memory --driver-cores --driver-java-options --driver-class-path --driver-library-path \
 --executor-memory --executor-cores --total-executor-cores --num-executors --files --archives \
 --jars --packages --exclude-packages --repositories --queue --principal --keytab --proxy-user "
CL_SUBMIT_FLAG_OPTS=" --supervise --verbose -v --load-spark-defaults "

# cl_prop FILE KEY: the value of KEY in a spark-defaults style file (KEY VALUE or KEY=VALUE).
cl_prop() {
  [[ -f "$1" ]] || return 0
  awk -v k="$2" '
    /^[ \t]*[#!]/ { next }
    {
      line = $0; sub(/^[ \t]+/, "", line)
      n = length(k)
      if (substr(line, 1, n) == k && substr(line, n + 1, 1) ~ /[ \t=:]/) {
        v = substr(line, n + 1); sub(/^[ \t]*[=:]?[ \t]*/, "", v); sub(/[ \t]+$/, "", v); val = v
      }
    }
    END { if (val != "") print val }' "$1"
}

# Application options whose values are paths. On this machine's masters (local mode, a standalone
# cluster) relative local paths are made absolute, so that they mean the same in cluster deploy
# mode, where the driver runs in a worker's folder. On YARN and Kubernetes they are left as given
# (e.g. `--files lexicon.yaml --topics lexicon.yaml` on YARN, which puts the file in the driver's
# working folder).
CL_PATH_OPTS=" --input --output --tables --topics --stopwords "

cl_abs() {
  if [[ $1 == /* || $1 =~ ^[A-Za-z][A-Za-z0-9+.-]*: ]]; then
    echo "$1"
  else
    echo "$PWD/$1"
  fi
}

# cl_absolutize ARGS...: prints ARGS one per line (NUL-separated), path values made absolute.
cl_absolutize() {
  local a in_path=false
  for a in "$@"; do
    if [[ $a == --*=* && $CL_PATH_OPTS == *" ${a%%=*} "* ]]; then
      a="${a%%=*}=$(cl_abs "${a#*=}")"
      in_path=false
    elif [[ $a == -* ]]; then
      [[ $CL_PATH_OPTS == *" $a "* ]] && in_path=true || in_path=false
    elif $in_path && [[ -n $a ]]; then
      a=$(cl_abs "$a")
    fi
    printf '%s\0' "$a"
  done
}

cl_submit() {
  local command=$1
  shift
  local spark_args=() app_args=() confs=()
  local props="" master="" deploy_mode="" driver_memory="" driver_java_opts="" opt value
  while (($#)); do
    opt=$1
    if [[ $opt == -- ]]; then
      shift
      app_args+=("$@")
      break
    fi
    value=""
    if [[ $opt == --*=* && $CL_SUBMIT_VALUE_OPTS == *" ${opt%%=*} "* ]]; then
      value=${opt#*=}
      opt=${opt%%=*}
      shift
    elif [[ $CL_SUBMIT_VALUE_OPTS == *" $opt "* ]]; then
      (($# >= 2)) || cl_die "$opt needs a value"
      value=$2
      shift 2
    elif [[ $CL_SUBMIT_FLAG_OPTS == *" $opt "* ]]; then
      spark_args+=("$opt")
      shift
      continue
    else
      app_args+=("$opt")
      shift
      continue
    fi
    case $opt in
      --properties-file) props=$value ;;
      --master) master=$value ;;
      --deploy-mode) deploy_mode=$value ;;
      --driver-memory) driver_memory=$value ;;
      --driver-java-options) driver_java_opts=$value ;;
      --conf | -c) confs+=("$value") ;;
    esac
    [[ $opt == --properties-file ]] || spark_args+=("$opt" "$value")
  done

  props=${props:-${CORPUSLENS_SPARK_CONF:-$CORPUSLENS_ROOT/jobs/conf/local.conf}}
  [[ -f $props ]] || cl_die "--properties-file $props: no such file"
  props=$(cd "$(dirname "$props")" && pwd)/$(basename "$props")

  # conf KEY: --conf wins over the properties file.
  conf() {
    local c v=""
    for c in "${confs[@]}"; do
      [[ $c == "$1="* ]] && v=${c#*=}
    done
    [[ -n $v ]] && echo "$v" || cl_prop "$props" "$1"
  }
  master=${master:-$(conf spark.master)}
  deploy_mode=${deploy_mode:-$(conf spark.submit.deployMode)}
  deploy_mode=${deploy_mode:-client}

  # On this machine only (local mode, a standalone cluster on the loopback), bind to 127.0.0.1.
  case $master in
    local* | "" | spark://127.0.0.1:* | spark://localhost:*) export SPARK_LOCAL_IP=${SPARK_LOCAL_IP:-127.0.0.1} ;;
  esac
  if [[ $deploy_mode == client || $master == local* || $master == spark://* || -z $master ]] && ((${#app_args[@]})); then
    mapfile -d '' -t app_args < <(cl_absolutize "${app_args[@]}")
  fi

  local app_jar log4j cmd=()
  app_jar=$(cl_app_jar)
  log4j="-Dlog4j2.configurationFile=$CORPUSLENS_ROOT/jobs/conf/log4j2.properties"
  if [[ -n "${SPARK_HOME:-}" && -x "$SPARK_HOME/bin/spark-submit" ]]; then
    export SPARK_SUBMIT_OPTS="$log4j${SPARK_SUBMIT_OPTS:+ $SPARK_SUBMIT_OPTS}"
    cmd=("$SPARK_HOME/bin/spark-submit")
  else
    # What bin/spark-submit does for the launcher JVM: Spark's JVM flags and, in client mode
    # (the driver is this JVM), the driver's memory and Java options.
    local flags=() jvm=() extra=()
    read -r -a flags <<< "$(cl_jvm_flags)"
    jvm=("${flags[@]}" -Dfile.encoding=UTF-8 "$log4j")
    if [[ $deploy_mode == client ]]; then
      driver_memory=${driver_memory:-$(conf spark.driver.memory)}
      jvm+=("-Xmx${driver_memory:-1g}")
      read -r -a extra <<< "$(conf spark.driver.extraJavaOptions) $driver_java_opts"
      jvm+=("${extra[@]}")
    fi
    cmd=("$(cl_java)" "${jvm[@]}" -cp "$(cl_spark_classpath)" org.apache.spark.deploy.SparkSubmit)
  fi
  cmd+=(--properties-file "$props" "${spark_args[@]}" --class "$CL_MAIN_CLASS" "$app_jar" "$command" "${app_args[@]}")

  if [[ -n "${CORPUSLENS_PRINT_COMMAND:-}" ]]; then
    printf '%s\n' "corpuslens: command:" "${cmd[@]}"
    return 0
  fi
  if [[ $deploy_mode != cluster || $master != spark://* ]]; then
    exec "${cmd[@]}"
  fi

  # Standalone cluster mode: the driver runs on a worker; report its final state.
  local log rc state driver
  log=$(mktemp "${TMPDIR:-/tmp}/corpuslens-submit.XXXXXX")
  { "${cmd[@]}" 2>&1 1>&3 3>&- | tee "$log" >&2; rc=${PIPESTATUS[0]}; } 3>&1
  driver=$(grep -oE 'driver-[0-9]+-[0-9]+' "$log" | head -n 1)
  state=$(grep -oE 'State of driver driver-[0-9-]+ is [A-Z]+' "$log" | tail -n 1 | awk '{print $NF}')
  rm -f "$log"
  if ((rc != 0)); then
    return "$rc"
  fi
  local where=""
  if [[ -n $driver ]]; then
    where=$(compgen -G "${CORPUSLENS_CLUSTER_DIR:-$CORPUSLENS_ROOT/target/cluster}/worker-*/work/$driver" | head -n 1)
  fi
  case $state in
    FINISHED)
      echo "corpuslens: driver $driver FINISHED${where:+ (its stdout and stderr are in $where)}" >&2
      return 0 ;;
    "")
      echo "corpuslens: submitted ${driver:-the driver}; its final state is unknown (set" \
        "spark.standalone.submit.waitAppCompletion=true to wait for it)" >&2
      return 0 ;;
    *)
      echo "corpuslens: driver $driver ended in state $state${where:+; its log: $where/stderr}" >&2
      return 1 ;;
  esac
}
