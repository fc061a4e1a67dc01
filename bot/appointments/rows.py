"""Reading appointment rows (CSV import, HTTP API) into checked values, with a reason per
bad field, so an operator can fix the file and import it again.

Columns: ``external_id`` (the id in the municipality's agenda), ``phone`` (any Dutch or
international notation), ``municipality`` (id, e.g. ``deventer``), ``kind`` (screening,
ambitiegesprek, kick_off, kennismakingsgesprek, huisbezoek, gesprek, vragenlijst,
documenten), ``starts_at`` (``2026-12-01 10:00`` in Amsterdam time, or ISO 8601 with an
offset), and optional ``location``, ``language`` (nl, en, ar, ...), ``consultant``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timezone

from bot.handover.phone import to_e164
from bot.municipality.calendar import AMSTERDAM
from bot.reminders.planning import APPOINTMENT_KINDS, DEADLINE_KINDS

KINDS = (*APPOINTMENT_KINDS, *DEADLINE_KINDS)
COLUMNS = (
    "external_id",
    "phone",
    "municipality",
    "kind",
    "starts_at",
    "location",
    "language",
    "consultant",
)


@dataclass(frozen=True)
class AppointmentRow:
    external_id: str
    phone_e164: str
    municipality: str
    kind: str
    starts_at: datetime  # aware, UTC
    location: str | None
    language: str
    consultant: str | None


class RowError(ValueError):
    """What is wrong with a row, in words an operator can act on."""


def parse_moment(text: str) -> datetime:
    """``2026-12-01 10:00`` (Amsterdam) or ``2026-12-01T10:00:00+01:00``, as aware UTC."""
    moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=AMSTERDAM)
    return moment.astimezone(timezone.utc)


def read_row(
    row: Mapping[str, str | None], municipalities: set[str], languages: set[str]
) -> AppointmentRow:
    """Check one row; raise ``RowError`` with every problem found."""
    value = {key: (row.get(key) or "").strip() for key in COLUMNS}
    problems = []
    if not value["external_id"]:
        problems.append("external_id is empty")
    phone = to_e164(value["phone"]) if value["phone"] else None
    if phone is None:
        problems.append(f"phone {value['phone']!r} is not a phone number")
    if value["municipality"] not in municipalities:
        problems.append(
            f"municipality {value['municipality']!r} is not one of {sorted(municipalities)}"
        )
    if value["kind"] not in KINDS:
        problems.append(f"kind {value['kind']!r} is not one of {list(KINDS)}")
    starts_at = None
    try:
        starts_at = parse_moment(value["starts_at"])
    except ValueError:
        problems.append(
            f"starts_at {value['starts_at']!r} is not a date and time like 2026-12-01 10:00"
        )
    language = value["language"] or "nl"
    if language not in languages:
        problems.append(f"language {language!r} is not one of {sorted(languages)}")
    if problems:
        raise RowError("; ".join(problems))
    return AppointmentRow(
        external_id=value["external_id"],
        phone_e164=phone,  # type: ignore[arg-type]
        municipality=value["municipality"],
        kind=value["kind"],
        starts_at=starts_at,  # type: ignore[arg-type]
        location=value["location"] or None,
        language=language,
        consultant=value["consultant"] or None,
    )
