#!/usr/bin/env bash
# Per-language quality of the one multilingual model, as it runs in production: each
# language's NLU data is split 80/20 (stratified, fixed seed), ONE model is trained on all
# nine 80% parts together, and each language's 20% is tested on it. Macro-F1 over the
# intents and over the FAQ topics per language, with the weakest labels and the costliest
# confusions: bench/reports/nlu_split/<lang>.json and bench/reports/nlu_split.md.
#
# One training instead of five per language: 5-fold cross-validation of nine languages
# (`make bench-cv`) takes most of a day on two cores; this takes about as long as one
# `rasa train`. Run with `make bench-split`.
#
# INTENTS=1 trains only the intent classifier of config.yml (minutes instead of most of an
# hour): it reads nothing but the text and chooses the FAQ topic too, so its intents and
# topics are the ones the whole pipeline gives; only the entities are not measured.
set -euo pipefail
cd "$(dirname "$0")/.."
seed=${SEED:-2026}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
langs=(nl en ar tr uk pl fa ti so)
mkdir -p "$work/train"
cp data/nlu/languages.yml "$work/train/"
for lang in "${langs[@]}"; do
  rasa data split nlu --nlu "data/nlu/$lang" --training-fraction 0.8 --random-seed "$seed" \
    --out "$work/split/$lang" >"$work/split-$lang.log" 2>&1
  cp "$work/split/$lang/training_data.yml" "$work/train/$lang.yml"
done
start=$(date +%s)
config=config.yml
if [ -n "${INTENTS:-}" ]; then
  config="$work/config.yml"
  python bench/intent_config.py "$config"
fi
rasa train nlu --nlu "$work/train" --config "$config" --domain domain --out "$work/model" \
  --fixed-model-name split >"$work/train.log" 2>&1
seconds=$(( $(date +%s) - start ))
for lang in "${langs[@]}"; do
  rasa test nlu --nlu "$work/split/$lang/test_data.yml" --model "$work/model/split.tar.gz" \
    --successes --out "$work/results/$lang" >"$work/test-$lang.log" 2>&1
  python bench/nlu_cv_summary.py --split "$work/results/$lang" "$lang" "$seconds"
done
python bench/nlu_cv_summary.py --split-report
cat bench/reports/nlu_split.md
