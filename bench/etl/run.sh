#!/usr/bin/env bash
# ETL benchmark: runs workloads W1..W4 of the shared benchmark harness (BENCH_HOME, default ../shared/bench beside
# this repository) on Sluice, and, when ENGINES says so, on DuckDB and Spark beside it in the same session.
#   bench/etl/run.sh [WORKLOADS] [ROWS]        e.g. bench/etl/run.sh "W1 W2" 1000000
# Environment: ENGINES ("project" by default; "duckdb spark project" for the side-by-side comparison), RUNS (3),
# and everything the harness's run.sh takes (RESULTS_LOG, BENCH_DATA, ...). One result line per run and a summary
# line per engine and workload, as the harness prints them; fingerprint=ok means the output matches the reference.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bench_home="${BENCH_HOME:-$here/../../../shared/bench}"
if [ ! -x "$bench_home/run.sh" ]; then
  echo "the shared benchmark harness is not at $bench_home (set BENCH_HOME)" >&2
  exit 2
fi
"$here/../../bin/sluice" --version >/dev/null   # build first, outside the measurement
export PROJECT_CMD="$here/submit.sh {workload} {input} {products} {output}"
for workload in ${1:-W1 W2 W3 W4}; do
  for engine in ${ENGINES:-project}; do
    "$bench_home/run.sh" "$engine" "$workload" "${2:-10000000}"
  done
done
