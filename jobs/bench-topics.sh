#!/usr/bin/env bash
# Topic rules benchmark (not a test): `analyze` alone (local[2]) on the tables of one generated
# corpus, with the default lexicon (4 topics, 26 terms), the default lexicon plus the EPU-China
# topic (what the EPU rules add to a run), and the EPU-China lexicon alone (1 topic of three `all`
# groups, 56 terms), alternating, BENCH_RUNS times each; then topic matching alone (one thread,
# same texts): the one-pass matcher against one regular expression per topic (the code before rules).
# Results: bench/topics-DATE-COMMIT.md
#
#   jobs/bench-topics.sh                 # 20,000 generated posts, 3 runs each
#   BENCH_POSTS=100000 jobs/bench-topics.sh
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=${BENCH_WORK:-$root/bench/work}
posts=${BENCH_POSTS:-20000}
runs=${BENCH_RUNS:-3}
heap=${BENCH_HEAP:-4g}
commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
stamp=$(date -u +%Y%m%dT%H%M%SZ)
results=$root/bench/topics-$stamp-$commit.md
epu=$root/jobs/conf/lexicons/epu-china.yaml
mkdir -p "$work" "$root/bench"
# the default topics and the EPU topic in one lexicon: the default file, then the EPU file's topics
both=$work/lexicon-default-plus-epu.yaml
{ cat "$root/jobs/conf/lexicons/default.yaml"; sed -n '/^topics:/,$p' "$epu" | tail -n +2; } > "$both"

(cd "$root" && mvn -B -q -o -DskipTests test-compile dependency:build-classpath \
   -Dmdep.outputFile=target/classpath-test.txt -DincludeScope=test >&2)
read -r -a flags < "$root/target/classes/org/corpuslens/jvm-flags.txt"
cp="$root/target/classes:$root/target/test-classes:$(cat "$root/target/classpath-test.txt")"
export SPARK_LOCAL_IP=127.0.0.1
corpuslens() {
  java "${flags[@]}" -Xmx"$heap" -Dfile.encoding=UTF-8 -Dlog4j2.configurationFile="$root/jobs/conf/log4j2.properties" \
    -cp "$cp" org.corpuslens.jobs.CorpusLens "$@"
}

corpus=$work/topics-gen-$posts
tables=$work/topics-tables-$posts
[ -f "$corpus/ground-truth.json" ] || corpuslens generate --articles "$posts" --output "$corpus" --seed 1 >&2
[ -d "$tables/articles" ] || corpuslens extract --input "$corpus" --output "$tables" --overwrite --master 'local[2]' > "$work/topics-extract.log" 2>&1

declare -A walls
for r in $(seq 1 "$runs"); do
  for lex in default both epu; do
    args=()
    [ "$lex" = epu ] && args=(--topics "$epu")
    [ "$lex" = both ] && args=(--topics "$both")
    log=$work/topics-analyze-$lex-$r.log
    /usr/bin/time -f "%e" -o "$work/topics-$lex-$r.time" \
      java "${flags[@]}" -Xmx"$heap" -Dfile.encoding=UTF-8 -Dlog4j2.configurationFile="$root/jobs/conf/log4j2.properties" \
      -cp "$cp" org.corpuslens.jobs.CorpusLens analyze --tables "$tables" --output "$work/topics-out-$lex" --overwrite \
      --master 'local[2]' "${args[@]}" > "$log" 2>&1 || { tail -20 "$log" >&2; exit 1; }
    walls[$lex]="${walls[$lex]:-} $(cat "$work/topics-$lex-$r.time")"
    echo "$lex run $r: $(cat "$work/topics-$lex-$r.time") s" >&2
  done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
table_times() { # LEX: median seconds per table over the runs, from the analyze logs
  for t in term_frequencies term_keyness term_changes topic_mentions topic_index topic_trends topic_trends_by_source source_stats syndication; do
    printf '%s ' "$t"
    grep -h "analyze: $t written in" "$work"/topics-analyze-"$1"-*.log | sed 's/.* in \([0-9.]*\) s.*/\1/' | median
  done
}

{
  echo "# Topic rules benchmark $stamp"
  echo
  echo "- commit: $commit; machine: $(nproc) cores, $(java -version 2>&1 | head -1); shared with other jobs (load average at the start: $(cut -d' ' -f1-3 /proc/loadavg))"
  echo "- corpus: \`generate --articles $posts --seed 1\`, extracted once; \`analyze --master local[2]\` (JVM -Xmx$heap), default lexicon and \`jobs/conf/lexicons/epu-china.yaml\` alternating, $runs runs each, medians"
  echo
  echo "| lexicon | wall s, median (runs) | ratio to default |"
  echo "|---|---|---|"
  d=$(echo "${walls[default]}" | median)
  b=$(echo "${walls[both]}" | median)
  e=$(echo "${walls[epu]}" | median)
  echo "| default (4 topics, 26 terms) | $d (${walls[default]# }) | 1.00 |"
  echo "| default + EPU-China (5 topics) | $b (${walls[both]# }) | $(python3 -c "print(f'{$b/$d:.2f}')") |"
  echo "| EPU-China alone (1 topic, 3 groups, 56 terms) | $e (${walls[epu]# }) | $(python3 -c "print(f'{$e/$d:.2f}')") |"
  echo
  echo "Analytics time without JVM and Spark start-up: the sum of the tables' times in each run's log, median:"
  echo
  echo "| lexicon | tables' s, median (runs) | ratio to default |"
  echo "|---|---|---|"
  for lex in default both epu; do
    sums=$(for f in "$work"/topics-analyze-"$lex"-*.log; do
      grep -h "analyze: .* written in" "$f" | sed 's/.* in \([0-9.]*\) s.*/\1/' | awk '{s+=$1} END {printf "%.1f", s}'; echo; done)
    m=$(echo "$sums" | median)
    [ "$lex" = default ] && md=$m
    echo "| $lex | $m ($(echo $sums)) | $(python3 -c "print(f'{$m/$md:.2f}')") |"
  done
  echo
  echo "Per table, median seconds (from the analyze log; topic matching runs inside the first table that"
  echo "reads the cached per-article projection, term_frequencies reads the tokens only):"
  echo
  echo "| table | default s | default + EPU s | EPU s |"
  echo "|---|---|---|---|"
  join <(table_times default | sort) <(table_times both | sort) | join - <(table_times epu | sort) \
    | awk '{print "| " $1 " | " $2 " | " $3 " | " $4 " |"}'
  echo
  echo "Topic matching alone (one thread, the same $posts posts' texts, median of 3; M chars/s of text):"
  echo
  echo "| lexicon | size | method | articles | M chars/s | s |"
  echo "|---|---|---|---|---|---|"
  java "${flags[@]}" -Xmx"$heap" -cp "$cp" org.corpuslens.bench.TopicMatcherThroughput "$tables" 3 default "$epu" 2>/dev/null
} > "$results"
echo "results: $results" >&2
cat "$results"
