#!/usr/bin/env bash
# The live-stream benchmark of the README: 4-minute SimCLR pretrain runs on the CIFAR-10 copy in ../shared/datasets,
# one after the other, each evaluated on the dev split. Prints one JSON line per run to results.jsonl.
# Usage: bench/live-stream/run.sh [seconds] [out-dir] [default|correlated|all] [run-name...]
#   run-name: only these runs of the group (e.g. correlated-none correlated-minred); all of them when none is given
#   default:    the issue's table: shuffled, and by-class with the default shuffle buffer and each replay policy
#   correlated: a temporally correlated stream: by-class with the shuffle buffer off, so every fresh batch holds one
#               or two classes, and a replay buffer of 2 MiB (about 680 images, 7% of the data) mixed in at 0.5:
#               the setting where what the buffer keeps (FIFO: the last class; reservoir: a uniform sample; MinRed:
#               the least redundant) decides what the negatives are
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_PER_RUN=${1:-240}
OUT=${2:-/tmp/live-stream-bench}
GROUP=${3:-default}
shift 3 || true
ONLY=("$@")
DATA=../shared/datasets/cifar10
mkdir -p "$OUT"
run() {
  local name=$1; shift
  if [ ${#ONLY[@]} -gt 0 ] && [[ ! " ${ONLY[*]} " =~ " $name " ]]; then
    return 0
  fi
  rm -rf "$OUT/$name"
  ./autodidact pretrain --modality image --method simclr --data "$DATA/train" --seconds "$SECONDS_PER_RUN" \
      --out "$OUT/$name" "$@" > "$OUT/$name.log" 2>&1
  local steps
  steps=$(grep -o 'step [0-9]*, [0-9]* samples' "$OUT/$name.log" | tail -1)
  ./autodidact eval --checkpoint "$OUT/$name" --train "$DATA/train" --test "$DATA/dev" > "$OUT/$name.eval" 2>/dev/null
  echo "{\"run\":\"$name\",\"args\":\"$*\",\"pretrain\":\"$steps\",\"eval\":$(tail -1 "$OUT/$name.eval")}" \
      | tee -a "$OUT/results.jsonl"
}
if [ "$GROUP" = default ] || [ "$GROUP" = all ]; then
  run shuffled-none --order shuffled --replay none
  run by-class-none --order by-class --replay none
  run by-class-fifo --order by-class --replay fifo
  run by-class-reservoir --order by-class --replay reservoir
  run by-class-minred --order by-class --replay minred
  run by-class-unshuffled --order by-class --replay none --set shuffle.buffer.records=0
fi
if [ "$GROUP" = correlated ] || [ "$GROUP" = all ]; then
  small=(--set shuffle.buffer.records=0 --set replay.buffer.bytes=2097152 --replay-ratio 0.5)
  run correlated-none --order by-class --replay none --set shuffle.buffer.records=0
  run correlated-fifo --order by-class --replay fifo "${small[@]}"
  run correlated-reservoir --order by-class --replay reservoir "${small[@]}"
  run correlated-minred --order by-class --replay minred "${small[@]}"
fi
