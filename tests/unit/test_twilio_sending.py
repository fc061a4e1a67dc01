"""The worker sending through the real ``twilio`` client to a local Twilio stand-in, and the
desk taking Twilio's signed delivery callbacks (SQLite and PostgreSQL)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone

import pytest
import uvicorn
from fastapi.testclient import TestClient
from sqlalchemy import select

from bot.reminders.twilio_sender import TwilioSender
from bot.reminders.worker import run_once
from bot.store.db import session_scope
from bot.store.models import OutboxMessage
from tests.conftest import free_port
from tests.fakes.twilio_server import FakeTwilio

SENDER = "+3197010000000"
NOW = datetime(2026, 11, 30, 9, 0, tzinfo=timezone.utc)


@pytest.fixture
def fake() -> Iterator[FakeTwilio]:
    server = FakeTwilio(callbacks=False).start()
    yield server
    server.stop()


def sender_for(fake: FakeTwilio, callback: str | None = None, timeout: float = 5) -> TwilioSender:
    return TwilioSender(fake.account_sid, fake.auth_token, SENDER, callback, fake.url, timeout)


def queue(to: str = "+31612345678", body: str = "Afspraak morgen om 10:00") -> int:
    with session_scope() as session:
        row = OutboxMessage(
            channel="sms", to=to, body=body, send_after=NOW, idempotency_key=f"test:{to}:{body}"
        )
        session.add(row)
        session.flush()
        return row.id


def row(row_id: int) -> OutboxMessage:
    with session_scope() as session:
        found = session.execute(
            select(OutboxMessage).where(OutboxMessage.id == row_id)
        ).scalar_one()
        session.expunge(found)
        return found


def test_sent_through_twilio_with_the_real_client(database_url: str, fake: FakeTwilio) -> None:
    row_id = queue()
    assert run_once(sender_for(fake), NOW) == 1
    [message] = fake.messages
    assert (message["to"], message["from"], message["body"]) == (
        "+31612345678",
        SENDER,
        "Afspraak morgen om 10:00",
    )
    assert (row(row_id).status, row(row_id).provider_id) == ("sent", message["sid"])
    assert run_once(sender_for(fake), NOW + timedelta(hours=1)) == 0  # never twice
    assert len(fake.messages) == 1


@pytest.mark.parametrize("trouble", [500, 503, 429, "timeout"])
def test_temporary_trouble_is_retried_with_backoff(
    database_url: str, fake: FakeTwilio, trouble: int | str
) -> None:
    row_id = queue()
    fake.fail_next(trouble)
    assert run_once(sender_for(fake, timeout=1), NOW) == 0
    waiting = row(row_id)
    assert waiting.status == "pending" and waiting.send_after > NOW and waiting.error
    assert run_once(sender_for(fake), NOW) == 0  # not before the backoff
    assert run_once(sender_for(fake), waiting.send_after) == 1
    assert row(row_id).status == "sent"
    assert len(fake.sent_to("+31612345678")) == 1


def test_a_refused_number_fails_at_once_with_the_reason(
    database_url: str, fake: FakeTwilio
) -> None:
    row_id = queue()
    fake.fail_next(400)
    run_once(sender_for(fake), NOW)
    failed = row(row_id)
    assert failed.status == "failed" and "21211" in failed.error
    assert run_once(sender_for(fake), NOW + timedelta(days=1)) == 0
    assert fake.messages == []


def test_a_worker_killed_mid_send_does_not_send_twice(database_url: str, fake: FakeTwilio) -> None:
    row_id = queue()
    sender = sender_for(fake)
    from bot.reminders.senders import Outgoing

    sid = sender.send(Outgoing("sms", "+31612345678", "Afspraak morgen om 10:00", "x"))
    with session_scope() as session:  # what a worker leaves behind when killed after sending
        found = session.get(OutboxMessage, row_id)
        found.status, found.claimed_at, found.attempts = "sending", NOW - timedelta(minutes=20), 1
    assert run_once(sender, NOW) == 1
    assert (row(row_id).status, row(row_id).provider_id) == ("sent", sid)
    assert len(fake.messages) == 1


@pytest.fixture
def desk(monkeypatch: pytest.MonkeyPatch, database_url: str) -> Iterator[tuple[str, FakeTwilio]]:
    twilio = FakeTwilio(callbacks=True).start()
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    for name, value in {
        "TWILIO_ACCOUNT_SID": twilio.account_sid,
        "TWILIO_AUTH_TOKEN": twilio.auth_token,
        "TWILIO_FROM": SENDER,
        "BAKEN_PUBLIC_URL": url,
    }.items():
        monkeypatch.setenv(name, value)
    from bot.desk.app import create_app

    server = uvicorn.Server(uvicorn.Config(create_app(), port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    yield url, twilio
    server.should_exit = True
    thread.join(5)
    twilio.stop()


def test_signed_delivery_callback_marks_delivered(desk: tuple[str, FakeTwilio]) -> None:
    url, twilio = desk
    row_id = queue()
    run_once(sender_for(twilio, callback=f"{url}/twilio/status"), NOW)
    deadline = time.monotonic() + 10
    while row(row_id).status != "delivered" and time.monotonic() < deadline:
        time.sleep(0.1)
    assert row(row_id).status == "delivered"


@pytest.mark.usefixtures("desk")
def test_unsigned_or_forged_callbacks_are_refused() -> None:
    from bot.desk.app import create_app

    client = TestClient(create_app())
    form = {"MessageSid": "SM1", "MessageStatus": "delivered"}
    assert client.post("/twilio/status?key=x", data=form).status_code == 403
    forged = client.post(
        "/twilio/status?key=x",
        data=form,
        headers={"X-Twilio-Signature": "bm90IHRoZSBzaWduYXR1cmU="},
    )
    assert forged.status_code == 403
