#!/usr/bin/env bash
# What nine languages cost: NLU training time and model size with the data of nl, en and
# ar only ("three") against all nine languages ("nine"), with config.yml as it is.
#
# Training to the full epoch count twice would take more than an hour of CPU here, so each
# data set is trained with EPOCHS epochs (default 5) and the time per DIET and per
# ResponseSelector epoch is read from Rasa's progress bars; the full training time is
# the fixed part (featurizers, loading) plus config.yml's epochs times the time per epoch.
# The model size does not depend on the epochs. Report: bench/reports/training_cost.md.
set -euo pipefail
cd "$(dirname "$0")/.."
epochs=${EPOCHS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sed -E "s/^(    epochs:) [0-9]+/\1 $epochs/" config.yml >"$work/config.yml"

train() {  # $1 name, rest: data folders and files (rasa takes one path: copy them together)
  local name=$1; shift
  mkdir -p "$work/data-$name"
  cp -r "$@" "$work/data-$name/"
  local start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$work/$name.time" \
    rasa train nlu --nlu "$work/data-$name" --config "$work/config.yml" --domain domain \
    --out "$work/$name" --fixed-model-name "$name" >"$work/$name.log" 2>&1
  echo "$(echo "$(date +%s.%N) - $start" | bc)" >"$work/$name.wall"
}

train three data/nlu/nl data/nlu/en data/nlu/ar data/nlu/languages.yml
train nine data/nlu
python bench/training_cost.py "$work" "$epochs"
