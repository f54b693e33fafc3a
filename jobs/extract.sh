#!/usr/bin/env bash
# Submits `corpuslens extract` with spark-submit: posts -> articles + rejects + run_summary.json.
#   jobs/extract.sh [SPARK-SUBMIT OPTIONS] --input sample-data --output out/sample-data --overwrite
#   jobs/extract.sh --properties-file jobs/conf/standalone.conf --deploy-mode cluster --input sample-data --output out/sample-data --overwrite
# Options, launcher and exit codes: jobs/lib/submit.sh and jobs/README.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/submit.sh"
cl_submit extract "$@"
