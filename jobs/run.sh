#!/usr/bin/env bash
# Submits `corpuslens run` with spark-submit: the whole pipeline: posts -> all six tables + run_summary.json.
#   jobs/run.sh [SPARK-SUBMIT OPTIONS] --input sample-data --output out/sample-data --overwrite
#   jobs/run.sh --properties-file jobs/conf/standalone.conf --deploy-mode cluster --input sample-data --output out/sample-data --overwrite
# Options, launcher and exit codes: jobs/lib/submit.sh and jobs/README.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/submit.sh"
cl_submit run "$@"
