#!/usr/bin/env bash
# CorpusLens benchmark (not a test). Runs the whole pipeline as a user does (`jobs/local.sh run`,
# local[2], build up to date, wall counted from the shell command to exit) on real and generated
# corpora, side by side with the analyst's one-process Python script (../shared/peers/peer_jieba.py,
# when it and its Debian packages are there) and, in the same run, HanLP alone (one thread) on
# the very text the run extracted. Results: bench/results-DATE-COMMIT.md
#
#   jobs/bench.sh                                 # xwlb (archive + unpacked), generated 100k
#   BENCH_CASES=xwlb-unpacked BENCH_RUNS=3 jobs/bench.sh
#   BENCH_SIZES="200000" BENCH_CASES=gen jobs/bench.sh
#   BENCH_CASES="gen gen-jsonl" BENCH_SIZES=20000 jobs/bench.sh   # posts against the same articles as JSON Lines
#
# Environment: BENCH_WORK (scratch, default bench/work), BENCH_SIZES (generated corpus sizes,
# default 100000), BENCH_HEAP (JVM heap of the local run, default 7g), BENCH_RUNS (runs of each
# side, interleaved, medians reported; default 1), BENCH_SEG_RUNS (HanLP-alone repetitions,
# median reported, default 3), BENCH_CASES (default "xwlb-archive xwlb-unpacked gen"; gen-jsonl: the
# generated articles as one news2016zh-style JSON Lines file, read with --format jsonl),
# BENCH_JAVA_OPTS (extra JVM options of the pipeline run, e.g. a flight recording),
# BENCH_PEER (default ../shared/peers/peer_jieba.py; "none" skips it).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=${BENCH_WORK:-$root/bench/work}
sizes=${BENCH_SIZES:-100000}
heap=${BENCH_HEAP:-7g}
runs=${BENCH_RUNS:-1}
seg_runs=${BENCH_SEG_RUNS:-3}
cases=${BENCH_CASES:-"xwlb-archive xwlb-unpacked gen"}
corpora=$root/../shared/corpora
peer=${BENCH_PEER:-$root/../shared/peers/peer_jieba.py}
commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
stamp=$(date -u +%Y%m%dT%H%M%SZ)
results=$root/bench/results-$stamp-$commit.md
rows=$work/rows-$stamp.md
mkdir -p "$work" "$root/bench"

have_peer=false
if [[ $peer != none && -f $peer ]] && /usr/bin/python3 -c 'import jieba, bs4, yaml, pandas, lxml' 2>/dev/null; then
  have_peer=true
else
  echo "no peer script run (needs $peer and: apt-get install -y python3-jieba python3-bs4 python3-yaml python3-pandas python3-lxml)" >&2
fi

echo "building..." >&2
(cd "$root" && mvn -B -q -DskipTests test-compile dependency:build-classpath \
   -Dmdep.outputFile=target/classpath-test.txt -DincludeScope=test >&2)
# the user's launcher, brought up to date once here: its runs below start Java directly
CORPUSLENS_JAVA_OPTS="-Xmx$heap" "$root/jobs/local.sh" --version >/dev/null
read -r -a flags < "$root/target/classes/org/corpuslens/jvm-flags.txt"
cp="$root/target/classes:$root/target/test-classes:$(cat "$root/target/classpath-test.txt")"
export SPARK_LOCAL_IP=127.0.0.1 CORPUSLENS_PROGRESS=off

corpuslens() {
  java "${flags[@]}" -Xmx"$heap" -Dfile.encoding=UTF-8 \
    -Dlog4j2.configurationFile="$root/jobs/conf/log4j2.properties" -cp "$cp" org.corpuslens.jobs.CorpusLens "$@"
}

load() { cut -d' ' -f1-3 /proc/loadavg; }
median() { sort -g | awk '{v[NR]=$1} END {if (NR % 2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }

: > "$rows"
run_case() { # NAME INPUT BYTES [MORE RUN OPTIONS]
  local name=$1 input=$2 bytes=$3 out=$work/out-$1 log=$work/$1.log r
  shift 3
  local load_before load_after
  load_before=$(load)
  for ((r = 1; r <= runs; r++)); do
    echo "== $name run $r/$runs: corpuslens ($input)" >&2
    CORPUSLENS_JAVA_OPTS="-Xmx$heap ${BENCH_JAVA_OPTS:-}" /usr/bin/time -f "%e %U %S %M" -o "$work/$name.time.$r" \
      "$root/jobs/local.sh" run --input "$input" --output "$out" --overwrite --master 'local[2]' --no-report "$@" \
      > "$log" 2>&1 || { echo "run failed, see $log" >&2; tail -20 "$log" >&2; return 1; }
    cp "$out/run_summary.json" "$work/$name.summary.$r.json"
    if $have_peer && [[ -d $input ]]; then
      echo "== $name run $r/$runs: peer script" >&2
      /usr/bin/time -f "%e %U %S %M" -o "$work/$name.peer.$r" /usr/bin/python3 "$peer" "$input" "$work/peer-$name" \
        > "$work/$name.peer.log" 2>&1 || { echo "peer failed, see $work/$name.peer.log" >&2; tail -5 "$work/$name.peer.log" >&2; }
    fi
  done
  load_after=$(load)
  local seg
  seg=$(java "${flags[@]}" -Xmx4g -cp "$cp" org.corpuslens.bench.SegmenterThroughput "$out" "$seg_runs" 2>/dev/null | tail -1)
  python3 - "$work" "$name" "$input" "$bytes" "$runs" "$seg" "$load_before" "$load_after" >> "$rows" <<'PY'
import json, sys, re, os, statistics
work, name, inp, nbytes, runs, seg, lb, la = sys.argv[1:]
runs = int(runs)
def times(prefix):
    out = []
    for r in range(1, runs + 1):
        p = os.path.join(work, f"{name}.{prefix}.{r}")
        if os.path.exists(p) and os.path.getsize(p) > 0:
            wall, user, sys_, rss = open(p).read().split()[-4:]
            out.append((float(wall), float(user) + float(sys_), int(rss) // 1024, r))
    return out
cl = times("time")
peer = times("peer")
med = lambda xs: statistics.median(xs) if xs else None
cl_wall = med([t[0] for t in cl])
mid = sorted(cl)[(len(cl) - 1) // 2]          # the median run: its own breakdown
s = json.load(open(os.path.join(work, f"{name}.summary.{mid[3]}.json")))
t = s["timings"]; task = t["task_time"]; chars = task["segmented_chars"]
alone = float(re.search(r"median_chars_per_s=(\d+)", seg).group(1))
work_ = s.get("spark_work", {})
walls = " / ".join(f"{x[0]:.1f}" for x in cl)
row = {
  "name": name, "input": inp, "articles": s["articles"], "runs": len(cl), "walls": walls, "wall": cl_wall,
  "cpu": mid[1], "rss": max(x[2] for x in cl),
  "startup": t["jvm_start_to_spark_ready_s"], "list": t["list_wall_s"], "process": t["read_parse_extract_segment_write_wall_s"],
  "aggregate": t["aggregate_write_wall_s"],
  "task": f"{task['read_s']:.1f} / {task['decode_and_front_matter_s']:.1f} / {task['extract_s']:.1f} / {task['segment_s']:.1f}",
  "seg_task_rate": chars / task["segment_s"] if task["segment_s"] else 0,
  "alone": alone, "e2e": chars / cl_wall, "ratio_hanlp": chars / cl_wall / (2 * alone),
  "jobs": work_.get("jobs"), "stages": work_.get("stages"),
  "peer_walls": " / ".join(f"{x[0]:.1f}" for x in peer), "peer_wall": med([x[0] for x in peer]),
  "peer_rss": max((x[2] for x in peer), default=None), "peer_cpu": med([x[1] for x in peer]),
  "load_before": lb, "load_after": la, "mb": int(nbytes) / 1e6,
}
print(json.dumps(row, ensure_ascii=False))
PY
  echo "   $(tail -1 "$rows")" >&2
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

python3 - "$rows" "$stamp" "$commit" "$heap" "$runs" "$seg_runs" "$(nproc)" "$(free -g | awk '/Mem:/ {print $2}')" \
  "$(java -version 2>&1 | head -1)" > "$results" <<'PY'
import json, sys
rows_file, stamp, commit, heap, runs, seg_runs, cores, mem, jv = sys.argv[1:]
rows = [json.loads(l) for l in open(rows_file) if l.strip()]
f = lambda v, d=1: "–" if v is None else f"{v:,.{d}f}"
print(f"# CorpusLens benchmark {stamp}\n")
print(f"- commit: {commit}")
print(f"- machine: {cores} cores, {mem} GiB, {jv}; load average (1/5/15 min) before and after each case below")
print(f"- CorpusLens: `jobs/local.sh run --master local[2] --no-report` with the build up to date (no Maven), -Xmx{heap}; wall from the command to exit")
print(f"- peer: `/usr/bin/python3 ../shared/peers/peer_jieba.py INPUT OUT` (BeautifulSoup + jieba + pandas, one process), same input, interleaved with the CorpusLens runs")
print(f"- {runs} run(s) of each side, medians; HanLP alone: one thread, same segmenter configuration, on the text the run extracted, median of {seg_runs} runs")
print()
print("## Side by side\n")
print("| corpus | articles | CorpusLens wall s (median; runs) | peer wall s (median; runs) | speed-up (peer ÷ CorpusLens) | peak RSS MB CorpusLens / peer | CPU s CorpusLens / peer | load before → after |")
print("|---|---|---|---|---|---|---|---|")
for r in rows:
    sp = "–" if not r["peer_wall"] else f"{r['peer_wall'] / r['wall']:.2f}×"
    print(f"| {r['name']} | {r['articles']:,} | {f(r['wall'])} ({r['walls']}) | {f(r['peer_wall'])} ({r['peer_walls'] or '–'}) | {sp} | "
          f"{r['rss']:,} / {f(r['peer_rss'], 0)} | {f(r['cpu'])} / {f(r['peer_cpu'])} | {r['load_before']} → {r['load_after']} |")
print()
print("## CorpusLens stage breakdown (the median run)\n")
print("| corpus | MB | wall s | start-up s | list s | process s | aggregate s | task s: read / parse / extract / segment | segment chars/s per task | Spark jobs / stages | HanLP alone chars/s (1 thread) | end-to-end chars/s | ratio to HanLP × 2 cores |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
for r in rows:
    print(f"| {r['name']} | {r['mb']:,.1f} | {f(r['wall'])} | {f(r['startup'])} | {f(r['list'])} | {f(r['process'])} | {f(r['aggregate'])} | {r['task']} | "
          f"{r['seg_task_rate']:,.0f} | {r['jobs']} / {r['stages']} | {r['alone']:,.0f} | {r['e2e']:,.0f} | {r['ratio_hanlp']:.2f} |")
print()
print("Ratio = end-to-end segmented chars per wall second ÷ (HanLP-alone chars/s × 2 cores); 1.0 would mean")
print("reading, parsing, extraction, aggregation and writing cost nothing beyond segmentation. Wall time")
print("includes JVM and Spark start-up. Task seconds are summed over both cores.")
PY
echo "results: $results" >&2
cat "$results"
