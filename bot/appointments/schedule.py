"""Appointments in the database and their reminders in the outbox.

``sync_reminders`` is the one place that turns an appointment into outbox rows: it plans
the reminders, renders them in the client's language, and cancels pending rows that no
longer match (a moved, changed or cancelled appointment). The idempotency key is derived
from what the message says, so running it twice, or importing the same file twice,
changes nothing.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot import settings
from bot.appointments.rows import AppointmentRow, RowError, read_row
from bot.i18n.languages import SHIPPED
from bot.municipality.registry import municipalities
from bot.reminders.planning import plan
from bot.reminders.texts import reminder_text, reminder_values, template_variables
from bot.reminders.whatsapp_templates import load_templates
from bot.store.models import Appointment, Contact, OutboxMessage

ACTIVE = ("scheduled", "confirmed")
FIELDS = ("phone_e164", "municipality", "kind", "starts_at", "location", "language", "consultant")


def opted_out(session: Session, phone: str) -> bool:
    """STOP on any channel with this number stops every SMS to it."""
    return bool(
        session.execute(
            select(Contact.id).where(Contact.phone_e164 == phone, Contact.sms_opt_out.is_(True))
        ).first()
    )


def uses_whatsapp(session: Session, phone: str) -> bool:
    """The client has written to Baken on WhatsApp from this number."""
    return bool(
        session.execute(
            select(Contact.id).where(
                Contact.phone_e164 == phone, Contact.channel == "twilio_whatsapp"
            )
        ).first()
    )


def reminder_channel(session: Session, appointment: Appointment) -> str:
    """WhatsApp for a client who uses it, when an approved template exists; else SMS."""
    templates = load_templates(settings.load().whatsapp_templates)
    if templates.covers(appointment.kind) and uses_whatsapp(session, appointment.phone_e164):
        return "whatsapp"
    return "sms"


def sync_reminders(
    session: Session, appointment: Appointment, now: datetime
) -> list[OutboxMessage]:
    """Make the pending outbox rows match the appointment as it is now."""
    wanted: dict[str, tuple[datetime, str]] = {}
    channel = "sms"
    template = None
    if appointment.status in ACTIVE and not opted_out(session, appointment.phone_e164):
        municipality = municipalities()[appointment.municipality]
        body = reminder_text(
            appointment.kind,
            appointment.starts_at,
            appointment.location,
            municipality.name,
            appointment.language,
        )
        channel = reminder_channel(session, appointment)
        if channel == "whatsapp":
            values = reminder_values(
                appointment.starts_at, appointment.location, municipality.name, appointment.language
            )
            template = {
                "name": appointment.kind,
                "language": appointment.language,
                "variables": template_variables(values),
            }
        for planned in plan(appointment.kind, appointment.starts_at, now, municipality.closed_days):
            digest = hashlib.sha256(
                f"{channel}|{appointment.phone_e164}|{planned.step}|{body}".encode()
            ).hexdigest()[:24]
            wanted[f"appointment:{appointment.id}:{digest}"] = (planned.due, body)
    existing = session.execute(
        select(OutboxMessage).where(OutboxMessage.appointment_id == appointment.id)
    ).scalars()
    have = {row.idempotency_key: row for row in existing}
    session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.appointment_id == appointment.id,
            OutboxMessage.status == "pending",
            OutboxMessage.idempotency_key.not_in(list(wanted) or [""]),
        )
        .values(status="cancelled")
        .execution_options(synchronize_session=False)
    )
    added = []
    for key, (due, body) in wanted.items():
        if key in have:
            if have[key].status == "cancelled":  # moved back, or START after STOP
                have[key].status, have[key].error, have[key].send_after = "pending", None, due
            continue
        row = OutboxMessage(
            channel=channel,
            to=appointment.phone_e164,
            body=body,
            send_after=due,
            idempotency_key=key,
            appointment_id=appointment.id,
            template=template,
        )
        session.add(row)
        added.append(row)
    session.flush()
    return added


def upsert(session: Session, row: AppointmentRow, now: datetime) -> str:
    """Insert or update by ``external_id``; ``"imported"``, ``"updated"`` or ``"unchanged"``."""
    found = session.execute(
        select(Appointment).where(Appointment.external_id == row.external_id)
    ).scalar_one_or_none()
    values = {name: getattr(row, name) for name in FIELDS}
    if found is None:
        found = Appointment(external_id=row.external_id, status="scheduled", **values)
        session.add(found)
        session.flush()
        outcome = "imported"
    elif all(getattr(found, name) == value for name, value in values.items()):
        outcome = "unchanged"
    else:
        for name, value in values.items():
            setattr(found, name, value)
        if found.status not in ACTIVE:
            found.status = "scheduled"
        outcome = "updated"
    sync_reminders(session, found, now)
    return outcome


@dataclass
class ImportReport:
    counts: dict[str, int] = field(
        default_factory=lambda: {"imported": 0, "updated": 0, "unchanged": 0}
    )
    errors: list[tuple[int, str]] = field(default_factory=list)

    def lines(self) -> Iterable[str]:
        yield ", ".join(f"{name}: {count}" for name, count in self.counts.items())
        for line, reason in self.errors:
            yield f"line {line}: {reason}"


def import_csv(session: Session, path: Path, now: datetime | None = None) -> ImportReport:
    """Good rows are imported; each bad row is reported with its line number and reason."""
    now = now or datetime.now(timezone.utc)
    report = ImportReport()
    known, languages = set(municipalities()), set(SHIPPED)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        sample = handle.read(2048)
        handle.seek(0)
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t") if sample else csv.excel
        reader = csv.DictReader(handle, dialect=dialect)
        missing = {"external_id", "phone", "municipality", "kind", "starts_at"} - set(
            reader.fieldnames or []
        )
        if missing:
            report.errors.append((1, f"missing columns: {sorted(missing)}"))
            return report
        for record in reader:
            try:
                row = read_row(record, known, languages)
            except RowError as error:
                report.errors.append((reader.line_num, str(error)))
                continue
            with session.begin_nested():
                report.counts[upsert(session, row, now)] += 1
    return report
