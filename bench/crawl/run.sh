#!/usr/bin/env bash
# Crawl benchmark: crawls FILES small CSV files in PARTITIONS partitions (default 100,000 in 1,000) on local disk
# with `sluice crawl`, and prints wall time and peak memory. Usage: bench/crawl/run.sh [FILES] [PARTITIONS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
sluice="$here/../../bin/sluice"
files="${1:-100000}"
partitions="${2:-1000}"
data="${BENCH_DATA:-/tmp/sluice-crawl-bench}/lake-$files-$partitions"
catalog="$(mktemp -d)"
if [ ! -d "$data" ]; then
  python3 "$here/generate.py" "$data" "$files" "$partitions"
fi
"$sluice" --version >/dev/null   # build first, outside the measurement
for run in 1 2 3; do
  rm -rf "$catalog"/*
  /usr/bin/time -f "run=$run wall_s=%e peak_rss_mb=%M cpu_s=%U+%S" \
    "$sluice" --catalog "$catalog" crawl "$data" --database bench 2>&1 >/tmp/crawl-bench.out | tail -1 \
    | awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^peak_rss_mb=/) { split($i, a, "="); $i = "peak_rss_mb=" int(a[2] / 1024) } print }'
  grep -E "^(Crawler|\+|=|tables:)" /tmp/crawl-bench.out | head -3
done
rm -rf "$catalog"
