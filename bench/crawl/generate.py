#!/usr/bin/env python3
"""Writes a lake of many small CSV files for the crawl benchmark.

generate.py DIR [FILES] [PARTITIONS]: FILES small files (default 100000) spread over PARTITIONS
Hive-style partitions (default 1000) as DIR/events/day=NNNN/part-NNNNN.csv, each with a header and 5 rows.
"""
import os
import random
import sys

root = sys.argv[1]
files = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
partitions = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
random.seed(1)
per_partition = files // partitions
for p in range(partitions):
    folder = os.path.join(root, "events", f"day={p:04d}")
    os.makedirs(folder, exist_ok=True)
    for f in range(per_partition):
        rows = [f"{p * per_partition + f}{i:02d},2024-01-{1 + p % 28:02d} 10:{i:02d}:00,{random.choice('ABCDE')},{random.randint(1, 99)}.{random.randint(0, 99):02d}"
                for i in range(5)]
        with open(os.path.join(folder, f"part-{f:05d}.csv"), "w") as out:
            out.write("id,ts,code,amount\n" + "\n".join(rows) + "\n")
print(f"wrote {partitions * per_partition} files in {partitions} partitions under {root}")
