#!/usr/bin/env python3
"""Where the CPU went in a Java Flight Recording: execution samples put into buckets.

Usage: bench/jfr-buckets.py RECORDING.jfr [TOP_FRAMES]

Runs `jfr print --events jdk.ExecutionSample --stack-depth 96` and puts each sample in the first
bucket of BUCKETS whose pattern occurs anywhere in its stack (so work done under the columnar
cache builder but inside HanLP counts as segmentation). Prints a Markdown table of the shares and
the most frequent top frames.
"""
import collections
import re
import subprocess
import sys

BUCKETS = [
    ("segmentation (HanLP)", r"com\.hankcs\.hanlp|org\.corpuslens\.segment\."),
    ("near-duplicate signatures and similarity", r"NearDuplicateText"),
    ("new-term n-grams", r"org\.corpuslens\.analytics\.(NgramScan|NewTerms)"),
    ("extraction (jsoup, page text)", r"org\.jsoup|org\.corpuslens\.extract\."),
    ("decoding, front matter, record formats", r"org\.corpuslens\.ingest\.|org\.yaml\.snakeyaml|com\.fasterxml|com\.univocity"),
    ("input manifest (hashing)", r"InputManifest|java\.util\.zip\.CRC32C"),
    ("file reading", r"org\.corpuslens\.io\.(FileRecords|InputReader|BinFiles|ArchiveEntries)|org\.apache\.hadoop\.fs"),
    ("topic matching", r"org\.corpuslens\.analytics\.(TopicMatcher|TopicMentions|Topic\b)"),
    ("in-memory columnar cache", r"spark\.sql\.execution\.columnar"),
    ("Parquet write / read", r"org\.apache\.parquet|datasources\.parquet"),
    ("shuffle / sort", r"org\.apache\.spark\.shuffle|UnsafeExternalSorter|ShuffleExchange|ExternalSorter|spark\.util\.collection"),
    ("hash aggregation", r"HashAggregate|UnsafeFixedWidthAggregationMap|BytesToBytesMap"),
    ("Spark generated code, row conversion", r"GeneratedClass|catalyst\.expressions|CatalystTypeConverters|RowEncoder|ExpressionEncoder"),
    ("Spark planning, scheduler, RPC, other Spark", r"org\.apache\.spark|scala\."),
    ("class loading, JIT, other JDK", r"."),
]


def samples(path):
    out = subprocess.run(
        ["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "96", path],
        check=True, capture_output=True, text=True).stdout
    for block in out.split("jdk.ExecutionSample")[1:]:
        frames = re.findall(r"^\s+([\w$.<>/]+)\(", block, re.M)
        if frames:
            yield frames


def main():
    path = sys.argv[1]
    top_n = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    counts = collections.Counter()
    tops = collections.Counter()
    total = 0
    for frames in samples(path):
        total += 1
        tops[frames[0]] += 1
        stack = "\n".join(frames)
        for name, pattern in BUCKETS:
            if re.search(pattern, stack):
                counts[name] += 1
                break
    print(f"{total:,} execution samples\n")
    print("| bucket | share of samples |\n|---|---|")
    for name, _ in BUCKETS:
        if counts[name]:
            print(f"| {name} | {100.0 * counts[name] / total:.1f} % |")
    print("\nTop frames: " + ", ".join(f"`{f}` {100.0 * n / total:.1f} %" for f, n in tops.most_common(top_n)))


if __name__ == "__main__":
    main()
