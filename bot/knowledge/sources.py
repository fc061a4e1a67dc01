"""``knowledge/sources.yml``: the source of every FAQ answer, per municipality variation.

Keys per response: ``all`` (one shared text), or ``deventer`` / ``steenwijkerland`` /
``default`` (the variation used when the municipality is not known yet).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from bot import settings

Sources = dict[str, dict[str, str]]


def load_sources(path: Path) -> Sources:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


@lru_cache(maxsize=1)
def sources() -> Sources:
    return load_sources(settings.ROOT / "knowledge" / "sources.yml")


def variation_key(response: str, municipality: str | None, known: Sources) -> str:
    entry = known.get(response, {})
    if "all" in entry:
        return "all"
    return municipality if municipality in entry else "default"


def source_for(response: str, municipality: str | None, known: Sources | None = None) -> str | None:
    known = sources() if known is None else known
    return known.get(response, {}).get(variation_key(response, municipality, known))


# What a client can look up: the law by article, the municipal document by its title.
DOCUMENTS = {
    "seed 000": "Factsheet bijstand, gemeente Deventer (2022)",
    "seed 001": "Beleidskader Participatiewet, gemeente Steenwijkerland (2020)",
    "seed 002": "Beleidskader Inzet op Maat, gemeente Deventer (2019)",
    "seed 003": "Raadsvoorstel over de bijstand, gemeente Deventer (2024)",
    "seed 004": "Productenboek Inzet op Maat, gemeente Deventer (2021)",
    "minima.md": "openbare bronnen van gemeente en Rijksoverheid",
    "municipalities/deventer.yml": "website van de gemeente Deventer",
    "municipalities/steenwijkerland.yml": "website van de gemeente Steenwijkerland",
}
_LAW = re.compile(
    r"\b(Participatiewet|Algemene wet bestuursrecht|Awb|AVG)\s+(?:art\.|artikel)\s*([\dA-Za-z:]+)"
)


def public_source(raw: str) -> str | None:
    """The internal source note turned into what a client can look up, e.g.
    "Participatiewet artikel 13; Productenboek Inzet op Maat, gemeente Deventer (2021)"."""
    found: list[str] = []
    for law, article in _LAW.findall(raw):
        law = "Algemene wet bestuursrecht" if law == "Awb" else law
        found.append(f"{law} artikel {article}")
    for key, title in DOCUMENTS.items():
        if key in raw:
            found.append(title)
    unique = list(dict.fromkeys(found))
    return "; ".join(unique) or None
