"""Appointments: CSV import, reminders in the outbox, changes and cancellations, on SQLite
and PostgreSQL."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import select

from bot.appointments.schedule import import_csv, sync_reminders
from bot.reminders.planning import AMSTERDAM
from bot.reminders.segments import segments
from bot.reminders.texts import reminder_text
from bot.store.db import session_scope
from bot.store.models import Appointment, Contact, OutboxMessage

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 11, 20, 11, 0, tzinfo=timezone.utc)  # Friday 12:00 in Amsterdam

GOOD_AND_BAD = """external_id;phone;municipality;kind;starts_at;location;language;consultant
A-1;06 12345678;deventer;screening;2026-12-01 10:00;Kamperstraat 40, Deventer;nl;jdevries
A-2;+31 6 87654321;steenwijkerland;huisbezoek;2026-12-02 14:30;;ar;
A-3;12345;deventer;screening;2026-12-01 10:00;;nl;
A-4;0612345679;amsterdam;ontbijt;1 december;;xx;
;0612345670;deventer;vragenlijst;2026-12-29;;en;
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "afspraken.csv"
    path.write_text(text, encoding="utf-8")
    return path


def outbox(session) -> list[OutboxMessage]:
    return list(session.execute(select(OutboxMessage).order_by(OutboxMessage.id)).scalars())


def test_good_rows_are_imported_and_bad_rows_reported_by_line(
    database_url: str, tmp_path: Path
) -> None:
    with session_scope() as session:
        report = import_csv(session, write(tmp_path, GOOD_AND_BAD), NOW)
    assert report.counts == {"imported": 2, "updated": 0, "unchanged": 0}
    lines = dict(report.errors)
    assert set(lines) == {4, 5, 6}
    assert "phone '12345' is not a phone number" in lines[4]
    assert "municipality 'amsterdam'" in lines[5] and "kind 'ontbijt'" in lines[5]
    assert "starts_at '1 december'" in lines[5] and "language 'xx'" in lines[5]
    assert "external_id is empty" in lines[6]
    with session_scope() as session:
        rows = outbox(session)
        assert [r.to for r in rows] == ["+31612345678", "+31687654321"]
        first = rows[0]
        assert first.send_after == datetime(2026, 11, 30, 9, 0, tzinfo=timezone.utc)  # 10:00 CET
        assert "dinsdag 1 december om 10:00" in first.body and "Kamperstraat 40" in first.body
        assert "Stuur 1 als u komt" in first.body
        arabic = rows[1].body
        assert any("\u0600" <= ch <= "\u06ff" for ch in arabic)
        assert segments(arabic).count <= 2


def test_importing_the_same_file_again_changes_nothing(database_url: str, tmp_path: Path) -> None:
    path = write(tmp_path, GOOD_AND_BAD)
    with session_scope() as session:
        import_csv(session, path, NOW)
    with session_scope() as session:
        before = [(r.id, r.idempotency_key, r.status) for r in outbox(session)]
        report = import_csv(session, path, NOW)
    assert report.counts == {"imported": 0, "updated": 0, "unchanged": 2}
    with session_scope() as session:
        assert [(r.id, r.idempotency_key, r.status) for r in outbox(session)] == before
        assert len(session.execute(select(Appointment)).all()) == 2


def test_a_moved_appointment_replaces_its_pending_reminder(
    database_url: str, tmp_path: Path
) -> None:
    with session_scope() as session:
        import_csv(session, write(tmp_path, GOOD_AND_BAD), NOW)
    moved = GOOD_AND_BAD.replace("2026-12-01 10:00;Kamperstraat", "2026-12-03 09:00;Kamperstraat")
    with session_scope() as session:
        report = import_csv(session, write(tmp_path, moved), NOW)
    assert report.counts["updated"] == 1
    with session_scope() as session:
        rows = [r for r in outbox(session) if r.to == "+31612345678"]
        assert [r.status for r in rows] == ["cancelled", "pending"]
        assert "donderdag 3 december om 09:00" in rows[1].body


def test_cancelled_appointment_and_stop_leave_nothing_pending(
    database_url: str, tmp_path: Path
) -> None:
    with session_scope() as session:
        import_csv(session, write(tmp_path, GOOD_AND_BAD), NOW)
    with session_scope() as session:
        appointment = session.execute(
            select(Appointment).where(Appointment.external_id == "A-1")
        ).scalar_one()
        appointment.status = "cancelled"
        sync_reminders(session, appointment, NOW)
        session.add(
            Contact(
                channel="twilio_sms",
                channel_user_id="+31687654321",
                phone_e164="+31687654321",
                sms_opt_out=True,
            )
        )
        session.flush()
        other = session.execute(
            select(Appointment).where(Appointment.external_id == "A-2")
        ).scalar_one()
        sync_reminders(session, other, NOW)
    with session_scope() as session:
        assert {r.status for r in outbox(session)} == {"cancelled"}


def test_reminder_text_fits_two_segments_in_every_language() -> None:
    starts = datetime(2026, 12, 1, 10, 0, tzinfo=AMSTERDAM)
    place = "Stadhuis, Grote Kerkhof 1, Deventer"
    for lang in ("nl", "en", "ar"):
        for kind in ("screening", "huisbezoek", "vragenlijst", "documenten"):
            text = reminder_text(kind, starts, place, "Deventer", lang)
            assert segments(text).count <= 2, (lang, kind, text)
    assert "1 December" in reminder_text("screening", starts, place, "Deventer", "en")


def test_cli_import_reports_bad_lines_and_exits_non_zero(database_url: str, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "import-appointments", str(write(tmp_path, GOOD_AND_BAD))],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**__import__("os").environ, "DATABASE_URL": database_url},
    )
    assert result.returncode == 1
    assert "imported: 2" in result.stdout and "line 4: phone '12345'" in result.stdout


def test_dutch_reminders_stay_in_the_cheap_gsm_alphabet() -> None:
    starts = datetime(2026, 12, 1, 10, 0, tzinfo=AMSTERDAM)
    for kind in ("screening", "huisbezoek", "vragenlijst", "documenten"):
        text = reminder_text(kind, starts, "Kamperstraat 40, Deventer", "Deventer", "nl")
        assert segments(text).encoding == "GSM-7", text
