#!/usr/bin/env bash
# 5-fold cross-validation of the NLU model (intents and FAQ topics), per
# language: macro-F1 over intents and over FAQ topics, the weakest topics and the
# confusions that cost the most. Slow (five trainings per language, about 35 minutes of
# CPU each here): run with `make bench-cv` or `bench/nlu_cross_validation.sh nl ar`.
# Each language's numbers are kept in bench/reports/nlu_cv/<lang>.json; the report
# bench/reports/nlu_cross_validation.md is rebuilt from all of them.
#
# INTENTS=1 runs the same cross-validation with only the intent classifier of config.yml
# (a few seconds per fold instead of half an hour): it reads nothing but the text and
# chooses the FAQ topic too, so its intents and topics are the whole pipeline's.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/reports/nlu_cv
langs=("$@")
[ ${#langs[@]} -eq 0 ] && langs=(nl en ar)
config=config.yml
if [ -n "${INTENTS:-}" ]; then
  config=$(mktemp --suffix .yml)
  python bench/intent_config.py "$config"
fi
for lang in "${langs[@]}"; do
  dir=$(mktemp -d)
  start=$(date +%s)
  rasa test nlu --nlu "data/nlu/$lang" --domain domain --config "$config" --cross-validation \
    --folds 5 --out "$dir" >"$dir/log" 2>&1
  python bench/nlu_cv_summary.py "$dir" "$lang" "$(( $(date +%s) - start ))"
done
python bench/nlu_cv_summary.py --report
cat bench/reports/nlu_cross_validation.md
