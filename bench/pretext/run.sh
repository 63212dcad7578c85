#!/usr/bin/env bash
# The masked and predictive image methods, 5 minutes each on the shuffled CIFAR-10 stream, evaluated on the dev split
# (bench/live-stream/methods.sh), then few-label full fine-tuning of the MAE encoder (10 and 100 labels per class)
# against the same network from scratch. Prints the markdown tables at the end; raw results in <out-dir>.
# Usage: bench/pretext/run.sh [seconds] [out-dir] [method...]
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=${2:-/tmp/pretext-bench}
if [ $# -le 2 ]; then
  set -- "${1:-300}" "$OUT" mae rotnet jigsaw inpainting colorization denoising_ae deepcluster
fi
bench/live-stream/methods.sh "$@"
DATA=../shared/datasets/cifar10
if [ -d "$OUT/mae" ]; then
  for n in 10 100; do
    ./autodidact finetune --checkpoint "$OUT/mae" --train "$DATA/train" --test "$DATA/dev" \
        --labels-per-class "$n" --mode full 2>/dev/null | tail -1 | tee -a "$OUT/finetune.jsonl"
  done
fi
bench/methods-table.py "$OUT/results.jsonl"
if [ -f "$OUT/finetune.jsonl" ]; then
  echo
  echo "| method | mode | labels/class | finetune_top1 | scratch_top1 |"
  echo "|---|---|---:|---:|---:|"
  /usr/bin/python3 -c '
import json, sys
for line in open(sys.argv[1]):
    r = json.loads(line)
    print(f"| {r[\"method\"]} | {r[\"mode\"]} | {r[\"labels_per_class\"]} | {r[\"finetune_top1\"]:.4f} | {r[\"scratch_top1\"]:.4f} |")
' "$OUT/finetune.jsonl"
fi
