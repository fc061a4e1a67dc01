#!/usr/bin/env bash
# 5-fold cross-validation of the NLU model (intents and FAQ topics), per
# language: macro-F1 over intents and over FAQ topics, the weakest topics and the
# confusions that cost the most. Slow (five trainings per language, about 35 minutes of
# CPU each here): run with `make bench-cv` or `bench/nlu_cross_validation.sh nl ar`.
# Each language's numbers are kept in bench/reports/nlu_cv/<lang>.json; the report
# bench/reports/nlu_cross_validation.md is rebuilt from all of them.
#
# `bench/nlu_cross_validation.sh together` cross-validates all nine languages' data at once,
# as production trains one model, and reports each language from Rasa's predictions
# (bench/reports/nlu_cross_validation_together.md).
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
cross_validate() {  # data, output folder
  rasa test nlu --nlu "$1" --domain domain --config "$config" --cross-validation --folds 5 \
    --successes --no-plot --out "$2" >"$2/log" 2>&1
}
if [ "${langs[0]}" = together ]; then
  dir=$(mktemp -d)
  start=$(date +%s)
  cross_validate data/nlu "$dir"
  python bench/nlu_results_by_language.py "$dir" "$dir/by_language"
  for lang in nl en ar tr uk pl fa ti so; do
    python bench/nlu_cv_summary.py --together "$dir/by_language/$lang" "$lang" \
      "$(( $(date +%s) - start ))"
  done
  python bench/nlu_cv_summary.py --together-report
  cat bench/reports/nlu_cross_validation_together.md
  exit
fi
for lang in "${langs[@]}"; do
  dir=$(mktemp -d)
  start=$(date +%s)
  cross_validate "data/nlu/$lang" "$dir"
  python bench/nlu_cv_summary.py "$dir" "$lang" "$(( $(date +%s) - start ))"
done
python bench/nlu_cv_summary.py --report
cat bench/reports/nlu_cross_validation.md
