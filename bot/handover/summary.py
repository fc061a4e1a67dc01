"""The one-paragraph summary a consultant reads first (in Dutch, masked)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from bot.handover.transcript import transcript

LANGUAGE_NAMES_NL = {
    "nl": "Nederlands",
    "en": "Engels",
    "ar": "Arabisch",
    "tr": "Turks",
    "uk": "Oekraïens",
    "pl": "Pools",
    "fa": "Perzisch/Dari",
    "ti": "Tigrinya",
    "so": "Somalisch",
}


def handoff_summary(events: Iterable[Mapping[str, Any]], lang: str, channel: str) -> str:
    client_lines = [line.text for line in transcript(events) if line.direction == "client"]
    parts = [
        "Klant vraagt om contact met een medewerker.",
        f"Taal: {LANGUAGE_NAMES_NL.get(lang, lang)}.",
        f"Kanaal: {channel}.",
    ]
    if lang != "nl":
        parts.append("Misschien is een tolk nodig.")
    if client_lines:
        parts.append(f'Laatste bericht: "{client_lines[-1][:300]}"')
    return " ".join(parts)
