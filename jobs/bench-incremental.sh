#!/usr/bin/env bash
# Incremental-run benchmark (not a test): an archive of N generated posts plus one batch of 2,000
# new posts; the full run over all of them against `run --incremental` on the output of the N
# posts, interleaved, BENCH_RUNS times each, medians side by side. Wall counted from the shell
# command to exit (jobs/local.sh, build up to date, local[2]). Figures appended to bench/incremental.md.
#
#   BENCH_SIZES="20000 100000" BENCH_RUNS=3 jobs/bench-incremental.sh
#
# Environment: BENCH_WORK (scratch, default bench/work), BENCH_SIZES (N, default 100000),
# BENCH_NEW (posts of the new batch, default 2000), BENCH_RUNS (default 3), BENCH_HEAP (default 6g).
# BENCH_PICK chooses the new batch: "random" (default) takes the BENCH_NEW posts whose path sorts
# first by MD5 (a fixed pseudo-random pick across sources, sections and dates); "latest" takes the
# BENCH_NEW posts with the latest front-matter dates (the days a growing archive adds: the analytic
# periods they touch are the last ones, not all of them).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=${BENCH_WORK:-$root/bench/work}/incremental
sizes=${BENCH_SIZES:-100000}
new=${BENCH_NEW:-2000}
runs=${BENCH_RUNS:-3}
heap=${BENCH_HEAP:-6g}
pick=${BENCH_PICK:-random}
case $pick in
  random) suffix="" ;;
  latest) suffix="-latest" ;;
  *) echo "BENCH_PICK must be random or latest, not '$pick'" >&2; exit 2 ;;
esac
commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
results=$root/bench/incremental.md
mkdir -p "$work"
export CORPUSLENS_JAVA_OPTS="-Xmx$heap"

now() { date +%s.%N; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
field() { # field FILE JSONPATH (dotted): a number from run_summary.json
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1]))
for k in sys.argv[2].split("."): d = d.get(k) if isinstance(d, dict) else None
print("" if d is None else (round(d, 1) if isinstance(d, float) else d))' "$1" "$2"
}

"$root/jobs/local.sh" --version >/dev/null 2>&1 || true # builds once if needed, outside the timings
for n in $sizes; do
  total=$((n + new))
  gen=$work/gen-$total
  if [[ ! -s $gen/ground-truth.json ]]; then
    rm -rf "$gen"
    "$root/jobs/local.sh" generate --articles "$total" --output "$gen" --seed 16 >/dev/null
  fi
  archive=$gen/source
  held=$work/held-$total$suffix
  list=$work/new-$total$suffix.txt
  python3 - "$archive" "$new" "$list" "$pick" <<'PY'
import datetime, email.utils, hashlib, os, sys
root, n, out, pick = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
paths = [os.path.relpath(os.path.join(d, f), root) for d, _, fs in os.walk(root) for f in fs if f.endswith('.md')]
def posted(p):  # the front matter's date: RFC 1123 (GMT) or yyyy-MM-dd HH:mm:ss (UTC); none sorts first
    # the front matter is ASCII in every encoding the generator writes; other bytes are not read
    with open(os.path.join(root, p), encoding='utf-8', errors='replace') as f:
        for line in f:
            if line.startswith('date:'):
                v = line[5:].strip().strip("'\"")
                try:
                    return email.utils.parsedate_to_datetime(v).timestamp()
                except (TypeError, ValueError):
                    try:
                        return datetime.datetime.strptime(v, '%Y-%m-%d %H:%M:%S').replace(tzinfo=datetime.timezone.utc).timestamp()
                    except ValueError:
                        return float('-inf')
    return float('-inf')
if pick == 'latest':
    paths.sort(key=lambda p: (-posted(p), p))
else:
    paths.sort(key=lambda p: hashlib.md5(p.encode('utf-8')).hexdigest())
open(out, 'w', encoding='utf-8').write(''.join(p + '\n' for p in paths[:n]))
PY
  move() { # move LIST FROM TO: the listed files (os.rename keeps modification times)
    python3 - "$@" <<'PY'
import os, sys
lst, src, dst = sys.argv[1:4]
for p in open(lst, encoding='utf-8').read().splitlines():
    os.makedirs(os.path.dirname(os.path.join(dst, p)), exist_ok=True)
    os.rename(os.path.join(src, p), os.path.join(dst, p))
PY
  }
  hold() { rm -rf "$held"; mkdir -p "$held"; move "$list" "$archive" "$held"; }
  release() { move "$list" "$held" "$archive"; }
  base=$work/out-base-$total$suffix
  if [[ ! -s $base/run_summary.json ]]; then
    hold
    rm -rf "$base"
    "$root/jobs/local.sh" run --input "$archive" --output "$base" >"$work/base-$total$suffix.log" 2>&1
    release
  fi
  fulls=(); incs=()
  for r in $(seq 1 "$runs"); do
    out=$work/out-full-$total$suffix
    rm -rf "$out"
    load0=$(cut -d' ' -f1 /proc/loadavg); t0=$(now)
    "$root/jobs/local.sh" run --input "$archive" --output "$out" >"$work/full-$total$suffix-$r.log" 2>&1
    t1=$(now); load1=$(cut -d' ' -f1 /proc/loadavg)
    full=$(echo "$t1 - $t0" | bc); fulls+=("$full")
    echo "full N=$n run $r: $full s (load $load0 → $load1)" >&2
    cp "$out/run_summary.json" "$work/full-$total$suffix-$r.json"

    inc=$work/out-inc-$total$suffix
    rm -rf "$inc"; cp -a "$base" "$inc"
    load0=$(cut -d' ' -f1 /proc/loadavg); t0=$(now)
    "$root/jobs/local.sh" run --input "$archive" --output "$inc" --incremental >"$work/inc-$total$suffix-$r.log" 2>&1
    t1=$(now); load1=$(cut -d' ' -f1 /proc/loadavg)
    incw=$(echo "$t1 - $t0" | bc); incs+=("$incw")
    echo "incremental N=$n run $r: $incw s (load $load0 → $load1)" >&2
    cp "$inc/run_summary.json" "$work/inc-$total$suffix-$r.json"
  done
  mf=$(printf '%s\n' "${fulls[@]}" | median); mi=$(printf '%s\n' "${incs[@]}" | median)
  last=$work/inc-$total$suffix-$runs.json; lastf=$work/full-$total$suffix-$runs.json
  {
    echo
    echo "### N = $n posts + $new new, picked $pick ($(date -u +%Y-%m-%dT%H:%MZ), commit $commit, $runs runs each, interleaved)"
    echo
    echo "| | walls (s) | median (s) |"
    echo "|---|---|---|"
    echo "| full run over $total posts | ${fulls[*]} | $mf |"
    echo "| \`run --incremental\` ($new new) | ${incs[*]} | $mi |"
    echo "| ratio | | $(echo "scale=3; $mi / $mf" | bc) |"
    echo
    echo "Stage timings of the last run of each (run_summary.json → timings, s):"
    echo
    echo "| stage | full | incremental |"
    echo "|---|---|---|"
    for k in jvm_start_to_spark_ready_s manifest_compare_wall_s list_wall_s read_parse_extract_segment_write_wall_s near_duplicates_wall_s aggregate_write_wall_s; do
      echo "| $k | $(field "$lastf" timings.$k) | $(field "$last" timings.$k) |"
    done
    echo "| files read | $(field "$lastf" input_files) | $(field "$last" incremental.read_this_run.input_files) |"
  } >> "$results"
done
echo "results: $results" >&2
