#!/usr/bin/env bash
# Runs a corpuslens command (run, extract, analyze, ...) in one local JVM, with Spark from the
# project's own Maven dependencies: no Spark distribution needed. Builds first (incrementally).
#   jobs/local.sh run --input sample-data --output out/sample-data --overwrite
# JVM options: CORPUSLENS_JAVA_OPTS (default -Xmx4g).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
(cd "$root" && mvn -B -q -DskipTests compile dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt -DincludeScope=compile >&2)
read -r -a flags < "$root/target/classes/org/corpuslens/jvm-flags.txt"
read -r -a opts <<< "${CORPUSLENS_JAVA_OPTS:--Xmx4g}"
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
exec java "${flags[@]}" "${opts[@]}" -Dfile.encoding=UTF-8 \
  -Dlog4j2.configurationFile="$root/jobs/conf/log4j2.properties" \
  -cp "$root/target/classes:$(cat "$root/target/classpath.txt")" \
  org.corpuslens.jobs.CorpusLens "$@"
