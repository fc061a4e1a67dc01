"""Reading the NLU training data, for the data check script (`scripts/check_nlu_data.py`,
which runs with nothing but PyYAML) and for the actions that need the examples: the
nine languages' words for "stop" tell a name from a request to stop."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import yaml

NLU_DATA = Path(__file__).resolve().parent.parent.parent / "data" / "nlu"


def examples(lang: str) -> dict[str, list[str]]:
    """Every example of ``lang`` per intent (``faq/<topic>`` for the FAQ), annotations
    kept."""
    found: dict[str, list[str]] = defaultdict(list)
    for path in sorted((NLU_DATA / lang).glob("*.yml")):
        for block in yaml.safe_load(path.read_text(encoding="utf-8"))["nlu"]:
            if "intent" in block:
                found[block["intent"]] += [
                    line.strip()[2:].strip()
                    for line in block["examples"].splitlines()
                    if line.strip()
                ]
    return found


def languages() -> list[str]:
    """The languages that have training data: one folder each."""
    return sorted(path.name for path in NLU_DATA.iterdir() if path.is_dir())
