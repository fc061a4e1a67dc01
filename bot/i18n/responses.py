"""The bot's responses as written in the Rasa domain (the Dutch source texts).

The domain keeps the response names and the Dutch source; the NLG endpoint looks them up
here and translates them through the catalogs.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot import settings

Responses = dict[str, list[dict[str, Any]]]


def load_responses(domain_dir: Path) -> Responses:
    responses: Responses = {}
    for path in sorted(domain_dir.glob("*.yml")):
        content = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for name, variations in (content.get("responses") or {}).items():
            if name in responses:
                raise ValueError(f"{path}: response {name!r} is defined twice")
            responses[name] = variations
    return responses


@lru_cache(maxsize=1)
def domain_responses() -> Responses:
    return load_responses(settings.load().domain_dir)
