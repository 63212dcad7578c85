#!/usr/bin/env python3
"""Prints the markdown table of a methods benchmark (bench/live-stream/methods.sh, bench/pretext/run.sh).

Usage: bench/methods-table.py OUT/results.jsonl [...]. The last line per method wins."""
import json
import sys

rows = {}
for path in sys.argv[1:]:
    with open(path) as f:
        for line in f:
            line = line.strip()
            if line:
                r = json.loads(line)
                rows[r["method"]] = r


def num(v, fmt="{:.4f}"):
    return "n/a" if v is None else fmt.format(v)


print("| method | steps | samples/s | knn_top1 | linear_top1 | random-init knn / linear | Δ linear vs random | raw knn / linear |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
for m, r in rows.items():
    e = r["eval"]
    delta = e["linear_top1"] - e["random_init_linear_top1"]
    print(f"| {m} | {r['steps']} | {r['samples_per_s']:.0f} | {num(e['knn_top1'])} | {num(e['linear_top1'])} | "
          f"{num(e['random_init_knn_top1'])} / {num(e['random_init_linear_top1'])} | {delta:+.4f} | "
          f"{num(e.get('raw_knn_top1'))} / {num(e.get('raw_linear_top1'))} |")
