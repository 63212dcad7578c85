#!/usr/bin/env bash
# Every method (or the ones given) for N seconds on the shuffled CIFAR-10 stream, evaluated on the dev split.
# Usage: bench/live-stream/methods.sh [seconds] [out-dir] [method...]
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_PER_RUN=${1:-300}
OUT=${2:-/tmp/methods-bench}
shift 2 || true
METHODS=("$@")
[ ${#METHODS[@]} -gt 0 ] || METHODS=(simclr byol moco dino simsiam barlow_twins vicreg)
DATA=../shared/datasets/cifar10
mkdir -p "$OUT"
for m in "${METHODS[@]}"; do
  rm -rf "$OUT/$m"
  ./autodidact pretrain --modality image --method "$m" --data "$DATA/train" --seconds "$SECONDS_PER_RUN" \
      --out "$OUT/$m" --order shuffled > "$OUT/$m.log" 2>&1
  steps=$(grep -o 'step [0-9]*, [0-9]* samples' "$OUT/$m.log" | tail -1)
  ./autodidact eval --checkpoint "$OUT/$m" --train "$DATA/train" --test "$DATA/dev" > "$OUT/$m.eval" 2>/dev/null
  echo "{\"method\":\"$m\",\"pretrain\":\"$steps\",\"eval\":$(tail -1 "$OUT/$m.eval")}" | tee -a "$OUT/results.jsonl"
done
