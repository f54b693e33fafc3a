# shellcheck shell=bash
# Shared by the jobs/ scripts (sourced, not run): the project's paths, Java, and what Maven builds
# for them. Everything is built on first use and rebuilt only when the sources or the pom change.
#
# Environment:
#   JAVA_HOME              the JDK to use (default: java on the PATH)
#   CORPUSLENS_APP_JAR     submit this application jar (a file or a URI such as local:///opt/app.jar)
#                          instead of building target/*-app.jar
#   CORPUSLENS_MVN_ARGS    extra Maven arguments for the builds, e.g. -o (offline)

CORPUSLENS_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export CORPUSLENS_ROOT

cl_die() {
  echo "corpuslens: $*" >&2
  exit 2
}

cl_java() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    echo "$JAVA_HOME/bin/java"
  else
    command -v java || cl_die "no java on the PATH and no JAVA_HOME: install Java 17"
  fi
}

# cl_mvn ARGS...: Maven in the project folder, quiet, output to stderr. Maven 3.8 prints ANSI
# reset codes even in batch mode; they are stripped so that they never glue onto other output.
cl_mvn() {
  command -v mvn >/dev/null || cl_die "Maven (mvn) is needed to build the project"
  local extra=()
  read -r -a extra <<< "${CORPUSLENS_MVN_ARGS:-}"
  (cd "$CORPUSLENS_ROOT" && set -o pipefail && mvn -B -q "${extra[@]}" "$@" 2>&1 | sed -u 's/\x1b\[[0-9;]*m//g' >&2)
}

# cl_stale TARGET: true when TARGET is missing or older than the pom or anything under src/main.
cl_stale() {
  [[ ! -e "$1" ]] && return 0
  [[ -n "$(find "$CORPUSLENS_ROOT/pom.xml" "$CORPUSLENS_ROOT/src/main" -newer "$1" -print -quit)" ]]
}

# cl_app_jar: prints the shaded application jar (hanlp, jsoup, picocli, snakeyaml; no Spark),
# building it when it is missing or older than the sources.
cl_app_jar() {
  if [[ -n "${CORPUSLENS_APP_JAR:-}" ]]; then
    # a URI (local:///opt/app.jar in an image, hdfs://...) is passed as it is
    [[ $CORPUSLENS_APP_JAR =~ ^[A-Za-z][A-Za-z0-9+.-]*: || -f $CORPUSLENS_APP_JAR ]] \
      || cl_die "CORPUSLENS_APP_JAR=$CORPUSLENS_APP_JAR: no such file"
    echo "$CORPUSLENS_APP_JAR"
    return
  fi
  local jars=("$CORPUSLENS_ROOT"/target/corpuslens-*-app.jar)
  if [[ ! -f "${jars[0]}" ]] || cl_stale "${jars[0]}" \
      || [[ ! -f "$CORPUSLENS_ROOT/target/classes/org/corpuslens/jvm-flags.txt" ]]; then
    echo "corpuslens: building the application jar (mvn -DskipTests package)..." >&2
    cl_mvn -DskipTests package
    jars=("$CORPUSLENS_ROOT"/target/corpuslens-*-app.jar)
  fi
  [[ -f "${jars[0]}" ]] || cl_die "the build made no target/corpuslens-*-app.jar"
  echo "${jars[0]}"
}

# cl_jvm_flags: prints the JVM flags Spark 4 needs on Java 17+ (the pom's spark.jvm.flags).
cl_jvm_flags() {
  local file="$CORPUSLENS_ROOT/target/classes/org/corpuslens/jvm-flags.txt"
  if cl_stale "$file"; then
    cl_mvn -DskipTests process-resources
  fi
  cat "$file"
}

# Spark's own jars, as a Spark distribution has them: the project's dependencies without the
# application's (hanlp, jsoup, picocli are inside the application jar). snakeyaml stays: Spark
# uses it too. The Maven filter is the same for the class path and for a SPARK_HOME's jars/.
CL_SPARK_DEPS=(-DincludeScope=compile -DexcludeArtifactIds=hanlp,jsoup,picocli,juniversalchardet,echarts)

# cl_spark_classpath: prints the class path of Spark's jars in the local Maven repository.
cl_spark_classpath() {
  local file="$CORPUSLENS_ROOT/target/spark-classpath.txt"
  if [[ ! -s "$file" || "$CORPUSLENS_ROOT/pom.xml" -nt "$file" ]]; then
    cl_mvn dependency:build-classpath "${CL_SPARK_DEPS[@]}" -Dmdep.outputFile="$file"
  fi
  cat "$file"
}

# cl_spark_home DIR: makes DIR a minimal SPARK_HOME (jars/ = Spark's jars, conf/) from
# the Maven dependencies, unless it is already up to date with the pom.
cl_spark_home() {
  local home=$1
  if [[ ! -f "$home/.complete" || "$CORPUSLENS_ROOT/pom.xml" -nt "$home/.complete" ]]; then
    echo "corpuslens: copying Spark's jars into $home/jars (mvn dependency:copy-dependencies)..." >&2
    rm -rf "$home/jars" "$home/.complete"
    mkdir -p "$home/jars"
    cl_mvn dependency:copy-dependencies "${CL_SPARK_DEPS[@]}" -DoutputDirectory="$home/jars"
    compgen -G "$home/jars/spark-core_*.jar" >/dev/null || cl_die "no spark-core jar was copied into $home/jars"
    touch "$home/.complete"
  fi
  # Executors started by the workers find their log configuration here (SPARK_HOME/conf).
  mkdir -p "$home/conf"
  cp "$CORPUSLENS_ROOT/jobs/conf/log4j2-cluster.properties" "$home/conf/log4j2.properties"
}
