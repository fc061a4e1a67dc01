#!/usr/bin/env bash
# 5-fold cross-validation of the NLU model (DIET intents + the FAQ ResponseSelector), per
# language: macro-F1 over intents and over FAQ topics. Slow (five full trainings per
# language): run with `make bench-cv`, report in bench/reports/nlu_cross_validation.md.
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/reports
mkdir -p "$out"
report="$out/nlu_cross_validation.md"
echo "# NLU 5-fold cross-validation ($(date -u +%F))" > "$report"
for lang in nl en ar; do
  dir=$(mktemp -d)
  rasa test nlu --nlu "data/nlu/$lang" --domain domain --config config.yml --cross-validation --folds 5 \
    --out "$dir" >/dev/null 2>&1
  python - "$dir" "$lang" >> "$report" <<'PY'
import json, sys
from pathlib import Path
out, lang = Path(sys.argv[1]), sys.argv[2]
intents = json.loads((out / "intent_report.json").read_text())
line = f"\n## {lang}\n- intents macro-F1: {intents['macro avg']['f1-score']:.3f}"
selector = out / "response_selection_report.json"
if selector.exists():
    faq = json.loads(selector.read_text())
    line += f"\n- FAQ topics macro-F1: {faq['macro avg']['f1-score']:.3f}"
print(line)
PY
done
cat "$report"
