#!/usr/bin/env bash
# Writes jobs/lib/cds-classes.lst, the classes jobs/local.sh puts into its class-data archive:
# those a run of the whole pipeline over sample-data loads (report included), as the JVM lists
# them (-XX:DumpLoadedClassList). Run it again after changing Spark or other large dependencies;
# a stale list only makes the archive smaller (classes it does not name load as without one).
#   jobs/cds-classes.sh
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CORPUSLENS_CDS=off "$root/jobs/local.sh" --version >/dev/null # builds if needed
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java=java
[[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java ]] && java=$JAVA_HOME/bin/java
jar_tool=$(dirname "$(readlink -f "$(command -v "$java")")")/jar
"$jar_tool" --create --file "$work/corpuslens.jar" -C "$root/target/classes" .
read -r -a flags < "$root/target/classes/org/corpuslens/jvm-flags.txt"
SPARK_LOCAL_IP=127.0.0.1 CORPUSLENS_PROGRESS=off "$java" "${flags[@]}" -Xmx2g -Dfile.encoding=UTF-8 \
  -XX:DumpLoadedClassList="$work/classes.lst" \
  -Dlog4j2.configurationFile="$root/jobs/conf/log4j2.properties" \
  -cp "$work/corpuslens.jar:$(<"$root/target/classpath.txt")" \
  org.corpuslens.jobs.CorpusLens run --input "$root/sample-data" --output "$work/out" --master 'local[2]' >"$work/run.log" 2>&1 \
  || { tail -20 "$work/run.log" >&2; exit 1; }
mv -f "$work/classes.lst" "$root/jobs/lib/cds-classes.lst"
echo "jobs/lib/cds-classes.lst: $(grep -vc '^#' "$root/jobs/lib/cds-classes.lst") classes and lambda forms"
