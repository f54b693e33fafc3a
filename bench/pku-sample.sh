#!/usr/bin/env bash
# Builds the second segmentation evaluation set (PKU convention, People's Daily text of the SIGHAN
# 2005 PKU test gold) under bench/work/pku-sample and scores the segmentation choices on it and on
# MSR. The gold sample is public text that is not ours: it is never committed (bench/work is
# git-ignored). Obtain it once by hand: lines of the PKU test gold (words separated by two
# spaces, from its first line "共同  创造  美好  的  新  世纪 ..."), saved as
# bench/work/pku-sample/pku_sample_gold.utf8; this script makes the unsegmented input from it.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=bench/work/pku-sample
MSR=${MSR:-../shared/corpora/sighan2005-msr}
OUT=${OUT:-bench/work/segmenter-choices}
if [ ! -s "$DIR/pku_sample_gold.utf8" ]; then
  echo "missing $DIR/pku_sample_gold.utf8: save the PKU test gold sample there first (see the comment above)" >&2
  exit 2
fi
# the input: each gold line without its spaces
sed -e 's/[[:space:]]//g' -e '/^$/d' "$DIR/pku_sample_gold.utf8" > "$DIR/pku_sample_test.utf8"
sed -e '/^[[:space:]]*$/d' -i "$DIR/pku_sample_gold.utf8"
mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
java -Xmx3g -cp target/test-classes:target/classes:"$(cat target/cp.txt)" org.corpuslens.segment.SegmenterChoices \
  "$MSR" "$DIR" "$OUT" | tee "$OUT/table.txt"
# official scorer (the MSR training words only decide which words count as out-of-vocabulary)
for f in "$OUT"/pku-sample-*.txt; do
  printf '%s: ' "$f"
  perl "$MSR/score" "$MSR/msr_training_words.utf8" "$DIR/pku_sample_gold.utf8" "$f" | grep '=== F MEASURE'
done
