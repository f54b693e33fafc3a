#!/usr/bin/env bash
# Submits `corpuslens analyze` with spark-submit: articles (+ rejects) -> term_frequencies, topic_trends, topic_trends_by_source, source_stats.
#   jobs/analyze.sh [SPARK-SUBMIT OPTIONS] --tables out/sample-data
#   jobs/analyze.sh --properties-file jobs/conf/standalone.conf --deploy-mode cluster --tables out/sample-data
# Options, launcher and exit codes: jobs/lib/submit.sh and jobs/README.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/submit.sh"
cl_submit analyze "$@"
