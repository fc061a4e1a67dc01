"""The reminder SMS in the client's language, within two segments.

Each kind has a full text and a short one; the full one is used when it fits in two SMS
segments (GSM-7 or UCS-2, see ``segments``), else the short one. Arabic and other
non-Latin scripts are UCS-2 and usually get the short text.
"""

from __future__ import annotations

from datetime import datetime

from babel.dates import format_date, format_time

from bot.i18n.catalog import N_, translate
from bot.municipality.calendar import AMSTERDAM
from bot.reminders.segments import segments

MAX_SEGMENTS = 2

TEMPLATES: dict[str, tuple[str, str]] = {
    "appointment": (
        N_(
            "reminder",
            "Baken, gemeente {municipality}: u heeft een afspraak op {day} om {time}. "
            "Waar: {place}. Stuur 1 als u komt, 2 als u niet kunt komen, 3 voor een andere tijd.",
        ),
        N_(
            "reminder",
            "Afspraak gemeente {day} {time}, {place}. "
            "1 = ik kom, 2 = ik kan niet, 3 = andere tijd.",
        ),
    ),
    "huisbezoek": (
        N_(
            "reminder",
            "Baken, gemeente {municipality}: een medewerker komt op {day} om {time} bij u thuis. "
            "Stuur 1 als het goed is, 2 als het niet kan, 3 voor een andere tijd.",
        ),
        N_(
            "reminder", "Huisbezoek gemeente {day} {time}. 1 = goed, 2 = kan niet, 3 = andere tijd."
        ),
    ),
    "vragenlijst": (
        N_(
            "reminder",
            "Baken, gemeente {municipality}: vul de vragenlijst in voor {day}. "
            "Lukt het niet? Stuur 3, dan belt een medewerker u.",
        ),
        N_("reminder", "Vul de vragenlijst in voor {day}. Hulp nodig? Stuur 3."),
    ),
    "documenten": (
        N_(
            "reminder",
            "Baken, gemeente {municipality}: lever uw papieren in voor het einde van {day}. "
            "Lukt het niet? Stuur 3, dan belt een medewerker u.",
        ),
        N_("reminder", "Lever uw papieren in voor {day}. Hulp nodig? Stuur 3."),
    ),
}


def template_for(kind: str) -> tuple[str, str]:
    return TEMPLATES.get(kind, TEMPLATES["appointment"])


def reminder_values(
    starts_at: datetime, place: str | None, municipality: str, lang: str
) -> dict[str, str]:
    local = starts_at.astimezone(AMSTERDAM)
    return {
        "municipality": municipality,
        "day": format_date(local.date(), format="EEEE d MMMM", locale=lang),
        "time": format_time(local.time(), format="HH:mm", locale=lang),
        "place": place or translate(lang, "reminder", N_("reminder", "zie uw brief")),
    }


def template_variables(values: dict[str, str]) -> dict[str, str]:
    """The same values as numbered WhatsApp template variables ``{{1}}`` .. ``{{4}}``."""
    names = ("day", "time", "place", "municipality")
    return {str(number): values[name] for number, name in enumerate(names, start=1)}


def reminder_text(
    kind: str, starts_at: datetime, place: str | None, municipality: str, lang: str
) -> str:
    """The full text if it fits in two segments, else the short one."""
    values = reminder_values(starts_at, place, municipality, lang)
    full, short = (translate(lang, "reminder", t).format(**values) for t in template_for(kind))
    return full if segments(full).count <= MAX_SEGMENTS else short
