#!/usr/bin/env bash
# Runs one benchmark workload (W1..W4) with `sluice submit` on the LocalJobRunner, in a throwaway catalog.
#   bench/etl/submit.sh WORKLOAD EVENTS_CSV PRODUCTS_CSV OUTPUT_DIR
# This is the PROJECT_CMD of the shared ETL benchmark (see bench/etl/run.sh).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
workload=$1 events=$2 products=$3 output=$4
catalog="$(mktemp -d)"
trap 'rm -rf "$catalog"' EXIT
args=(--arg "events=$events" --arg "out=$output")
if [ "$workload" = W4 ]; then
  args+=(--arg "products=$products")
fi
exec_start=$(date +%s.%N)
"$here/../../bin/sluice" --catalog "$catalog" submit "$here/$workload.yaml" "${args[@]}"
awk -v s="$exec_start" -v e="$(date +%s.%N)" 'BEGIN { printf "work_s=%.3f\n", e - s }'
