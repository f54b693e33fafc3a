#!/usr/bin/env bash
# CorpusLens memory benchmark (not a test): the whole pipeline (`run`) on a real standalone cluster
# on 127.0.0.1 (jobs/cluster.sh: one worker with all the cores), submitted with jobs/run.sh in
# client mode with a 1 GB driver heap and a 6 GB executor heap, as issue 5 asks. Samples the peak
# resident memory (VmHWM) of the driver and executor JVMs every 5 s and reads the executors' logs
# for OutOfMemoryError. Results: bench/results-cluster-DATE-COMMIT.md
#
#   jobs/bench-cluster.sh CORPUS_DIR [OUTPUT_DIR]
#
# Environment: BENCH_DRIVER_MEMORY (default 1g), BENCH_EXECUTOR_MEMORY (default 6g).
# Generate the corpus first, e.g. with jobs/bench.sh or `corpuslens generate --articles 1000000`.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
input=${1:?usage: jobs/bench-cluster.sh CORPUS_DIR [OUTPUT_DIR]}
input=$(cd "$input" && pwd)
out=${2:-$root/bench/work/out-cluster-$(basename "$input")}
driver_mem=${BENCH_DRIVER_MEMORY:-1g}
executor_mem=${BENCH_EXECUTOR_MEMORY:-6g}
cores=$(nproc)
commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
stamp=$(date -u +%Y%m%dT%H%M%SZ)
results=$root/bench/results-cluster-$stamp-$commit.md
work=$root/bench/work/cluster-$stamp
mkdir -p "$work"
export CORPUSLENS_CLUSTER_DIR=$work/cluster

"$root/jobs/cluster.sh" start --workers 1 --cores "$cores" --memory "$(( ${executor_mem%g} + 1 ))g" >&2
trap '"$root/jobs/cluster.sh" stop >&2 || true; kill "$watcher" 2>/dev/null || true' EXIT

# the peak RSS of every driver (SparkSubmit, client mode) and executor JVM, sampled every 5 s
(
  while true; do
    for pid in $(pgrep -f 'CoarseGrainedExecutorBackend|org.apache.spark.deploy.SparkSubmit' || true); do
      role=driver
      grep -q CoarseGrained "/proc/$pid/cmdline" 2>/dev/null && role=executor
      hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
      [ -n "$hwm" ] && echo "$role $pid $hwm"
    done
    sleep 5
  done
) > "$work/memory.txt" &
watcher=$!

echo "== $input on the standalone cluster: driver $driver_mem, executor $executor_mem, $cores cores" >&2
status=0
/usr/bin/time -f "%e %U %S" -o "$work/time.txt" \
  "$root/jobs/run.sh" --properties-file "$root/jobs/conf/standalone.conf" \
  --driver-memory "$driver_mem" --executor-memory "$executor_mem" \
  --conf spark.executor.cores="$cores" --conf spark.cores.max="$cores" \
  --conf spark.sql.shuffle.partitions=$(( 4 * cores )) \
  --input "$input" --output "$out" --overwrite --no-report > "$work/run.log" 2>&1 || status=$?
kill "$watcher" 2>/dev/null || true

read -r wall user sys < "$work/time.txt" || true
oom=$( { grep -rl "OutOfMemoryError" "$work/cluster" "$work/run.log" 2>/dev/null || true; } | wc -l)
lost=$(grep -c "ExecutorLostFailure\|Lost executor" "$work/run.log" || true)
peak() { awk -v r="$1" '$1 == r && $3 > m {m = $3} END {printf "%d", m / 1024}' "$work/memory.txt"; }
{
  echo "# CorpusLens cluster memory benchmark $stamp"
  echo
  echo "- commit: $commit"
  echo "- machine: $cores cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m), $(java -version 2>&1 | head -1)"
  echo "- cluster: jobs/cluster.sh, 1 worker, $cores cores; jobs/run.sh client mode, driver heap $driver_mem, executor heap $executor_mem"
  echo
  echo "| input | exit | wall s | driver peak RSS MB | executor peak RSS MB | OutOfMemoryError | lost executors | articles | rejects | process s | aggregate s |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|"
  if [ -f "$out/run_summary.json" ] && [ "$status" = 0 ]; then
    python3 - "$out/run_summary.json" "$input" "$status" "$wall" "$(peak driver)" "$(peak executor)" "$oom" "$lost" <<'PY'
import json, sys
summary, inp, status, wall, drv, exe, oom, lost = sys.argv[1:]
s = json.load(open(summary)); t = s["timings"]
print(f"| {inp} | {status} | {float(wall):.1f} | {int(drv):,} | {int(exe):,} | {'yes' if int(oom) else 'no'} | {lost} | "
      f"{s['articles']:,} | {s['rejects']:,} | {t['read_parse_extract_segment_write_wall_s']:.1f} | {t['aggregate_write_wall_s']:.1f} |")
PY
  else
    echo "| $input | $status | ${wall:-?} | $(peak driver) | $(peak executor) | $([ "$oom" -gt 0 ] && echo yes || echo no) | $lost | - | - | - | - |"
  fi
  echo
  echo "Peak RSS is the JVM's whole resident memory (heap, metaspace, code, thread stacks, direct"
  echo "buffers), sampled every 5 s. Logs: $work."
} > "$results"
cat "$results"
exit "$status"
