#!/usr/bin/env bash
# CorpusLens benchmark (not a test). Runs the whole pipeline (`run`, local[2]) on real and
# generated corpora and, in the same run, HanLP alone (one thread) on the very text each run
# extracted, so the figures are ratios measured side by side. Results: bench/results-DATE-COMMIT.md
#
#   jobs/bench.sh                      # xwlb (archive + unpacked), generated 100k
#   BENCH_SIZES="100000 1000000" jobs/bench.sh
#   BENCH_CASES="gen gen-jsonl" BENCH_SIZES=20000 jobs/bench.sh   # posts against the same articles as JSON Lines
#
# Environment: BENCH_WORK (scratch, default bench/work), BENCH_SIZES (generated corpus sizes,
# default 100000), BENCH_HEAP (JVM heap of the local run, default 7g), BENCH_SEG_RUNS (HanLP-alone
# repetitions, median reported, default 3), BENCH_CASES (default "xwlb-archive xwlb-unpacked gen";
# gen-jsonl: the generated articles as one news2016zh-style JSON Lines file, read with --format jsonl),
# BENCH_JAVA_OPTS (extra JVM options of the pipeline run, e.g. a flight recording).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=${BENCH_WORK:-$root/bench/work}
sizes=${BENCH_SIZES:-100000}
heap=${BENCH_HEAP:-7g}
seg_runs=${BENCH_SEG_RUNS:-3}
cases=${BENCH_CASES:-"xwlb-archive xwlb-unpacked gen"}
corpora=$root/../shared/corpora
commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
stamp=$(date -u +%Y%m%dT%H%M%SZ)
results=$root/bench/results-$stamp-$commit.md
mkdir -p "$work" "$root/bench"

echo "building..." >&2
(cd "$root" && mvn -B -q -DskipTests test-compile dependency:build-classpath \
   -Dmdep.outputFile=target/classpath-test.txt -DincludeScope=test >&2)
read -r -a flags < "$root/target/classes/org/corpuslens/jvm-flags.txt"
cp="$root/target/classes:$root/target/test-classes:$(cat "$root/target/classpath-test.txt")"
export SPARK_LOCAL_IP=127.0.0.1

corpuslens() {
  java "${flags[@]}" -Xmx"$heap" -Dfile.encoding=UTF-8 \
    -Dlog4j2.configurationFile="$root/jobs/conf/log4j2.properties" -cp "$cp" org.corpuslens.jobs.CorpusLens "$@"
}

{
  echo "# CorpusLens benchmark $stamp"
  echo
  echo "- commit: $commit"
  echo "- machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m), $(java -version 2>&1 | head -1)"
  echo "- pipeline: \`corpuslens run --master local[2]\`, one JVM with -Xmx$heap (driver and executors)"
  echo "- reference: HanLP alone, one thread, same segmenter configuration, on the text the run extracted; median of $seg_runs runs"
  echo
  echo "| corpus | input | articles | wall s | CPU s (user+sys) | peak RSS MB | start-up s | list s | process s | aggregate s | task s: read / parse / extract / segment | articles/s | MB/s | HanLP alone chars/s (1 thread) | end-to-end chars/s | ratio to HanLP × 2 cores |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
} > "$results"

run_case() { # NAME INPUT BYTES [MORE RUN OPTIONS]
  local name=$1 input=$2 bytes=$3 out=$work/out-$1 log=$work/$1.log
  shift 3
  echo "== $name: $input" >&2
  /usr/bin/time -f "%e %U %S %M" -o "$work/$name.time" \
    java "${flags[@]}" -Xmx"$heap" ${BENCH_JAVA_OPTS:-} -Dfile.encoding=UTF-8 -Dlog4j2.configurationFile="$root/jobs/conf/log4j2.properties" \
    -cp "$cp" org.corpuslens.jobs.CorpusLens run --input "$input" --output "$out" --overwrite --master 'local[2]' --no-report "$@" \
    > "$log" 2>&1 || { echo "run failed, see $log" >&2; tail -20 "$log" >&2; return 1; }
  read -r wall user sys rss < "$work/$name.time"
  local seg
  seg=$(java "${flags[@]}" -Xmx4g -cp "$cp" org.corpuslens.bench.SegmenterThroughput "$out" "$seg_runs" 2>/dev/null | tail -1)
  python3 - "$out/run_summary.json" "$name" "$input" "$bytes" "$wall" "$user" "$sys" "$rss" "$seg" >> "$results" <<'PY'
import json, sys, re
summary, name, inp, nbytes, wall, user, sys_, rss, seg = sys.argv[1:]
s = json.load(open(summary)); t = s["timings"]; task = t["task_time"]
wall = float(wall); chars = task["segmented_chars"]
alone = float(re.search(r"median_chars_per_s=(\d+)", seg).group(1))
e2e = chars / wall
print(f"| {name} | {inp} | {s['articles']:,} | {wall:.1f} | {float(user)+float(sys_):.1f} | {int(rss)//1024:,} | "
      f"{t['jvm_start_to_spark_ready_s']:.1f} | {t['list_wall_s']:.1f} | {t['read_parse_extract_segment_write_wall_s']:.1f} | "
      f"{t['aggregate_write_wall_s']:.1f} | {task['read_s']:.1f} / {task['decode_and_front_matter_s']:.1f} / {task['extract_s']:.1f} / {task['segment_s']:.1f} | "
      f"{s['articles']/wall:,.0f} | {int(nbytes)/wall/1e6:.2f} | {alone:,.0f} | {e2e:,.0f} | {e2e/(2*alone):.2f} |")
PY
  echo "   $(tail -1 "$results")" >&2
}

for c in $cases; do
  case $c in
    xwlb-archive)
      [ -f "$corpora/xwlb-posts.tar.gz" ] && run_case xwlb-archive "$corpora/xwlb-posts.tar.gz" "$(stat -c %s "$corpora/xwlb-posts.tar.gz")" ;;
    xwlb-unpacked)
      if [ -f "$corpora/xwlb-posts.tar.gz" ]; then
        [ -d "$work/xwlb" ] || { mkdir -p "$work/xwlb" && tar xzf "$corpora/xwlb-posts.tar.gz" -C "$work/xwlb"; }
        run_case xwlb-unpacked "$work/xwlb" "$(du -sb "$work/xwlb" | cut -f1)"
      fi ;;
    gen)
      for n in $sizes; do
        dir=$work/gen-$n
        [ -f "$dir/ground-truth.json" ] || corpuslens generate --articles "$n" --output "$dir" --seed 7 >&2
        run_case "generated-$n" "$dir" "$(du -sb "$dir" | cut -f1)"
      done ;;
    gen-jsonl)
      for n in $sizes; do
        dir=$work/gen-jsonl-$n
        [ -f "$dir/ground-truth.json" ] || corpuslens generate --format jsonl --articles "$n" --output "$dir" --seed 7 >&2
        run_case "generated-jsonl-$n" "$dir/news.jsonl" "$(stat -c %s "$dir/news.jsonl")" --format jsonl
      done ;;
  esac
done

{
  echo
  echo "Ratio = end-to-end segmented chars per wall second ÷ (HanLP-alone chars/s × 2 cores); 1.0 would mean"
  echo "reading, parsing, extraction, aggregation and writing cost nothing beyond segmentation. Wall time"
  echo "includes JVM and Spark start-up. Task seconds are summed over both cores."
} >> "$results"
echo "results: $results" >&2
cat "$results"
