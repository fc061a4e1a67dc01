"""Approved WhatsApp templates (Twilio Content API): one ``ContentSid`` per kind of
reminder and language.

WhatsApp allows a free-form message only within 24 hours after the client's last
message. A reminder is usually sent outside that window, so it must use a template that
Meta approved beforehand, with the day, time, place and municipality as variables
(``{{1}}`` .. ``{{4}}``). The SIDs live in ``whatsapp_templates.yml`` (path in
``WHATSAPP_TEMPLATES_FILE``). A kind without any template is sent by SMS instead; a
language without its own template falls back to Dutch.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

FALLBACK_LANGUAGE = "nl"


@dataclass(frozen=True)
class WhatsAppTemplates:
    sids: dict[str, dict[str, str]]  # kind -> language -> ContentSid

    def sid(self, kind: str, language: str) -> str | None:
        by_language = self.sids.get(kind) or {}
        return by_language.get(language) or by_language.get(FALLBACK_LANGUAGE)

    def covers(self, kind: str) -> bool:
        return self.sid(kind, FALLBACK_LANGUAGE) is not None


def load_templates(path: Path) -> WhatsAppTemplates:
    if not path.exists():
        return WhatsAppTemplates({})
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected kind: {{language: ContentSid}}")
    sids: dict[str, dict[str, str]] = {}
    for kind, by_language in data.items():
        if not isinstance(by_language, dict):
            raise ValueError(f"{path}: {kind} must map languages to ContentSids")
        for language, sid in by_language.items():
            if sid and not str(sid).startswith("HX"):
                raise ValueError(f"{path}: {kind}/{language}: a ContentSid starts with HX")
        sids[str(kind)] = {str(lang): str(sid) for lang, sid in by_language.items() if sid}
    return WhatsAppTemplates(sids)
