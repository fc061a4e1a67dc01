"""Loading the compiled gettext catalogs (``locales/<lang>/LC_MESSAGES/bot.mo``).

Messages are looked up with their response name as context (``pgettext``), so two
responses with the same Dutch text can still be translated differently.
"""

from __future__ import annotations

import gettext
from functools import lru_cache
from pathlib import Path

from babel.support import NullTranslations, Translations

from bot import settings
from bot.i18n.languages import SOURCE

DOMAIN = "bot"


@lru_cache(maxsize=32)
def translations(lang: str, locales_dir: Path | None = None) -> gettext.NullTranslations:
    """The catalog for ``lang``; Dutch (the source language) needs none."""
    if lang == SOURCE:
        return NullTranslations()
    directory = locales_dir or settings.load().locales_dir
    mo = directory / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    if not mo.exists():
        raise FileNotFoundError(f"{mo} is missing: run 'make i18n' to compile the catalogs")
    return Translations.load(str(directory), [lang], DOMAIN)


def translate(lang: str, context: str, source: str) -> str:
    """The translation of ``source``; the Dutch source when a catalog has a gap."""
    if not source:
        return source
    return translations(lang).pgettext(context, source)


def N_(context: str, message: str) -> str:
    """Mark a text in Python for extraction (``make i18n``); translate it later with
    ``translate(lang, context, message)``."""
    return message
