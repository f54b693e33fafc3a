#!/usr/bin/env bash
# Runs a corpuslens command (run, extract, analyze, ...) in one local JVM, with Spark from the
# project's own Maven dependencies: no Spark distribution needed.
#   jobs/local.sh run --input sample-data --output out/sample-data --overwrite
# Maven runs only when the build is missing or older than pom.xml or anything under src/main
# (a stamp written after each successful build): an up-to-date start goes straight to java.
# JVM options: CORPUSLENS_JAVA_OPTS (default -Xmx4g). Java: JAVA_HOME, else java on the PATH.
# The up-to-date path forks one process (find) before java: a few milliseconds on an idle machine.
# Class-data sharing: once per build, the classes a run loads (the list in jobs/lib/cds-classes.lst)
# are written into an archive (target/local/corpuslens.jsa, ~40 s) that later JVMs map instead of
# loading and verifying those classes again (about 2.5 s off each start, a fifth of a small run);
# written again after a build, and when java is another or an updated one.
# CORPUSLENS_CDS=off skips it; without a jar tool next to java, or if the dump fails, runs start
# as before (said in one line).
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
app=$root/target/classes
cds=()
if [[ ${CORPUSLENS_CDS:-on} != off && -s $root/jobs/lib/cds-classes.lst ]]; then
  jar_file=$root/target/local/corpuslens.jar
  archive=$root/target/local/corpuslens.jsa
  failed=$root/target/local/cds-failed
  # an archive is valid only with the JVM that wrote it: the java it was written with is kept
  # beside it, and a different java, or the same one updated since (its lib/modules is newer),
  # writes it again instead of starting without it unsaid
  java_real=$(readlink -f "$(command -v "$java")")
  jdk_file=$root/target/local/corpuslens.jsa.java
  jdk_modules=${java_real%/bin/java}/lib/modules
  jdk_changed=false
  if [[ -s $archive || -e $failed ]] && { [[ ! -e $jdk_file || "$(<"$jdk_file")" != "$java_real" ]] \
      || [[ -e $jdk_modules && $jdk_modules -nt $jdk_file ]]; }; then
    jdk_changed=true
  fi
  if [[ ( ! -s $archive || $archive -ot $stamp || $jdk_changed == true ) \
        && ( ! -e $failed || $failed -ot $stamp || $jdk_changed == true ) ]]; then
    # an archive holds classes of jars only (not of a folder), and it is valid only with the very
    # jars it was written from: both are made again after each build
    jar_tool=$(dirname "$java_real")/jar
    if [[ -x $jar_tool ]]; then
      reason="once per build"
      [[ $jdk_changed == true ]] && reason="another or an updated Java since the last one"
      echo "corpuslens: writing a class-data archive for faster starts ($reason; about a minute)..." >&2
      mkdir -p "$root/target/local"
      rm -f "$archive" "$failed"
      tmp=$$.tmp # two runs started at once each write their own, the last rename wins
      # without the list's regenerated lambda-form holders (@lambda-form-invoker): a JVM that maps
      # them crashes (SIGSEGV in check_shared_class_file_load_hook, JDK 17) as soon as a class-file
      # load hook is on, which a flight recording (-XX:StartFlightRecording, jcmd JFR.start) or a
      # Java agent turns on; the lambda proxies and all classes stay
      grep -v '^@lambda-form-invoker' "$root/jobs/lib/cds-classes.lst" > "$root/target/local/cds-classes.lst.$tmp" || true
      if "$jar_tool" --create --file "$jar_file.$tmp" -C "$root/target/classes" . && mv -f "$jar_file.$tmp" "$jar_file" \
          && "$java" "${flags[@]}" -Xshare:dump -Xlog:cds=off -Xlog:cds+dynamic=off \
               -XX:SharedClassListFile="$root/target/local/cds-classes.lst.$tmp" -XX:SharedArchiveFile="$archive.$tmp" \
               -cp "$jar_file:$(<"$classpath")" >"$root/target/local/cds-dump.log" 2>&1 \
          && [[ -s $archive.$tmp ]]; then
        mv -f "$archive.$tmp" "$archive"
        rm -f "$root/target/local/cds-classes.lst.$tmp"
      else
        rm -f "$archive.$tmp" "$jar_file.$tmp" "$root/target/local/cds-classes.lst.$tmp"
        touch "$failed" # not tried again before the next build (or another java)
        echo "corpuslens: no class-data archive (see target/local/cds-dump.log); starting without it" >&2
      fi
      printf '%s\n' "$java_real" > "$jdk_file"
      jdk_changed=false
    fi
  fi
  if [[ -s $archive && ! $archive -ot $stamp && $jdk_changed == false ]]; then
    app=$jar_file
    cds=(-XX:SharedArchiveFile="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off)
  fi
fi
exec "$java" "${flags[@]}" "${cds[@]}" "${opts[@]}" -Dfile.encoding=UTF-8 \
  -Dlog4j2.configurationFile="$root/jobs/conf/log4j2.properties" \
  -cp "$app:$(<"$classpath")" \
  org.corpuslens.jobs.CorpusLens "$@"
