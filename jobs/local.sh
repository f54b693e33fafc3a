#!/usr/bin/env bash
# Runs a corpuslens command (run, extract, analyze, ...) in one local JVM, with Spark from the
# project's own Maven dependencies: no Spark distribution needed.
#   jobs/local.sh run --input sample-data --output out/sample-data --overwrite
# Maven runs only when the build is missing or older than pom.xml or anything under src/main
# (a stamp written after each successful build): an up-to-date start goes straight to java.
# JVM options: CORPUSLENS_JAVA_OPTS (default -Xmx4g). Java: JAVA_HOME, else java on the PATH.
# The up-to-date path forks one process (find) before java: a few milliseconds on an idle machine.
set -euo pipefail
script=${BASH_SOURCE[0]}
[[ $script == /* ]] || script=$PWD/$script
root=${script%/jobs/*}
stamp=$root/target/local-build.stamp
classpath=$root/target/classpath.txt
flags_file=$root/target/classes/org/corpuslens/jvm-flags.txt
if [[ ! -s $classpath || ! -s $flags_file || ! -e $stamp \
      || -n "$(find "$root/pom.xml" "$root/src/main" -newer "$stamp" -print -quit)" ]]; then
  # shellcheck source=lib/common.sh
  source "$root/jobs/lib/common.sh"
  echo "corpuslens: building (mvn compile; skipped while the build is up to date)..." >&2
  # stamped with the time the build started: a source saved during the build rebuilds next time
  touch "$stamp.new" 2>/dev/null || { mkdir -p "$root/target" && touch "$stamp.new"; }
  cl_mvn -DskipTests compile dependency:build-classpath -Dmdep.outputFile="$classpath" -DincludeScope=compile
  mv -f "$stamp.new" "$stamp"
fi
read -r -a flags < "$flags_file"
read -r -a opts <<< "${CORPUSLENS_JAVA_OPTS:--Xmx4g}"
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
java=java
[[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java ]] && java=$JAVA_HOME/bin/java
exec "$java" "${flags[@]}" "${opts[@]}" -Dfile.encoding=UTF-8 \
  -Dlog4j2.configurationFile="$root/jobs/conf/log4j2.properties" \
  -cp "$root/target/classes:$(<"$classpath")" \
  org.corpuslens.jobs.CorpusLens "$@"
