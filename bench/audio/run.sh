#!/usr/bin/env bash
# The audio benchmark of issue 14: every audio method (or the ones given) pretrains for N seconds on the spoken-digit
# recordings of four of the five speakers in ../shared/datasets/fsdd, then `eval` embeds the held-out speaker's
# recordings and classifies the digit against a kNN bank / linear probe fitted on the four speakers' recordings only:
# the encoder never heard the test speaker, and neither did the bank.
# The spectrogram methods (simclr, byol, mae) train on batches of 64 clips here: at the default 256 a step of 1-s
# clips takes about 5 s on two cores (some 60 updates in 5 minutes); cpc and wav2vec2 have 32 in their recipes.
# One JSON line per method in <out-dir>/results.jsonl (bench/methods-table.py turns them into a table).
# Usage: bench/audio/run.sh [seconds] [out-dir] [held-out-speaker] [method...]
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_PER_RUN=${1:-300}
OUT=${2:-/tmp/audio-bench}
HELD_OUT=${3:-nicolas}
shift 3 || true
METHODS=("$@")
[ ${#METHODS[@]} -gt 0 ] || METHODS=(simclr byol mae cpc wav2vec2)
DATA=$(cd ../shared/datasets/fsdd && pwd)
SPLIT="$OUT/split-$HELD_OUT"
if [ ! -d "$SPLIT" ]; then
  # file names are {digit}_{speaker}_{take}.wav; train/ holds takes 5-49, dev/ takes 0-4 of the same speakers
  mkdir -p "$SPLIT/pretrain" "$SPLIT/bank" "$SPLIT/test"
  for f in "$DATA"/train/*.wav "$DATA"/dev/*.wav; do
    name=$(basename "$f"); digit=${name%%_*}; rest=${name#*_}; speaker=${rest%%_*}
    if [ "$speaker" = "$HELD_OUT" ]; then
      mkdir -p "$SPLIT/test/$digit"; cp "$f" "$SPLIT/test/$digit/$name"
    elif [[ "$f" == "$DATA"/train/* ]]; then
      cp "$f" "$SPLIT/pretrain/$name"
      mkdir -p "$SPLIT/bank/$digit"; cp "$f" "$SPLIT/bank/$digit/$name"
    fi
  done
  [ "$(ls "$SPLIT/test" | wc -l)" -eq 10 ] || { echo "no recordings of speaker '$HELD_OUT' in $DATA" >&2; exit 2; }
fi
mkdir -p "$OUT"
for m in "${METHODS[@]}"; do
  rm -rf "${OUT:?}/$m"
  batch=(); case "$m" in simclr|byol|mae) batch=(--set batch.size=64);; esac
  ./autodidact pretrain --modality audio --method "$m" --data "$SPLIT/pretrain" --seconds "$SECONDS_PER_RUN" "${batch[@]}" \
      --out "$OUT/$m" --order shuffled > "$OUT/$m.log" 2>&1
  done_line=$(grep 'pretrain done:' "$OUT/$m.log" | tail -1)
  steps=$(sed -E 's/.* step ([0-9]+),.*/\1/' <<<"$done_line")
  rate=$(sed -E 's/.*, ([0-9.]+) samples\/s overall.*/\1/' <<<"$done_line")
  ./autodidact eval --checkpoint "$OUT/$m" --train "$SPLIT/bank" --test "$SPLIT/test" > "$OUT/$m.eval" 2>/dev/null
  echo "{\"method\":\"$m\",\"held_out\":\"$HELD_OUT\",\"seconds\":$SECONDS_PER_RUN,\"steps\":$steps,\"samples_per_s\":$rate,\"eval\":$(tail -1 "$OUT/$m.eval")}" \
      | tee -a "$OUT/results.jsonl"
done
