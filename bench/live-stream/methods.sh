#!/usr/bin/env bash
# Every method (or the ones given) for N seconds on the shuffled CIFAR-10 stream, evaluated on the dev split.
# One JSON line per method in <out-dir>/results.jsonl; bench/methods-table.py turns them into a markdown table.
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
  rm -rf "${OUT:?}/$m"
  ./autodidact pretrain --modality image --method "$m" --data "$DATA/train" --seconds "$SECONDS_PER_RUN" \
      --out "$OUT/$m" --order shuffled > "$OUT/$m.log" 2>&1
  # "pretrain done: checkpoint v3 in DIR, step 475, 121600 samples, 307.5 s, 395.4 samples/s overall"
  done_line=$(grep 'pretrain done:' "$OUT/$m.log" | tail -1)
  steps=$(sed -E 's/.* step ([0-9]+),.*/\1/' <<<"$done_line")
  rate=$(sed -E 's/.*, ([0-9.]+) samples\/s overall.*/\1/' <<<"$done_line")
  ./autodidact eval --checkpoint "$OUT/$m" --train "$DATA/train" --test "$DATA/dev" > "$OUT/$m.eval" 2>/dev/null
  echo "{\"method\":\"$m\",\"seconds\":$SECONDS_PER_RUN,\"steps\":$steps,\"samples_per_s\":$rate,\"eval\":$(tail -1 "$OUT/$m.eval")}" \
      | tee -a "$OUT/results.jsonl"
done
