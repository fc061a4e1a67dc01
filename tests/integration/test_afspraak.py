"""Reminder replies and appointment questions over HTTP, with the real servers. The
client's phone number is the sender id, as on SMS."""

from __future__ import annotations

import re
import subprocess
import sys
import uuid
from datetime import datetime, timedelta, timezone

import pytest

from tests.conftest import ROOT
from tests.integration.conftest import Stack, texts

pytestmark = pytest.mark.integration


def new_phone() -> str:
    """A valid Dutch mobile number (06-1...), different for every test."""
    return f"+3161{uuid.uuid4().int % 10**7:07d}"


def reminded(stack: Stack, phone: str, tmp_path, kind: str = "screening") -> None:
    """An appointment next week, imported like the municipality does, and its reminder sent."""
    starts = (datetime.now(timezone.utc) + timedelta(days=7)).strftime("%Y-%m-%d 10:00")
    path = tmp_path / f"{phone[1:]}.csv"
    path.write_text(
        "external_id,phone,municipality,kind,starts_at,location\n"
        f"{phone},{phone},deventer,{kind},{starts},Kamperstraat 40\n"
    )
    subprocess.run(
        [sys.executable, "-m", "bot", "import-appointments", str(path)],
        cwd=ROOT,
        env=stack.env,
        check=True,
        capture_output=True,
    )
    stack.sql(
        "UPDATE outbox_message SET status = 'sent', sent_at = :at WHERE appointment_id IN "
        "(SELECT id FROM appointment WHERE phone_e164 = :phone)",
        at=datetime.now(timezone.utc) - timedelta(minutes=5),
        phone=phone,
    )


def test_one_confirms_the_appointment(stack: Stack, tmp_path) -> None:
    phone = new_phone()
    reminded(stack, phone, tmp_path)
    reply = texts(stack.say(phone, "1"))
    assert "Dank u. U komt op" in reply and "10:00" in reply
    assert stack.sql("SELECT status FROM appointment WHERE phone_e164 = :p", p=phone) == [
        ("confirmed",)
    ]


def test_cannot_come_in_own_words_cancels_and_makes_a_ticket(stack: Stack, tmp_path) -> None:
    phone = new_phone()
    reminded(stack, phone, tmp_path)
    reply = texts(stack.say(phone, "ik kan niet komen want mijn kind is ziek"))
    assert "consulent belt u" in reply and re.search(r"T-\d{4}-\d{6}", reply)
    assert stack.sql("SELECT status FROM appointment WHERE phone_e164 = :p", p=phone) == [
        ("cancelled",)
    ]
    assert stack.sql("SELECT queue FROM ticket WHERE conversation_id = :p", p=phone) == [
        ("afspraken",)
    ]


def test_stop_in_arabic_opts_out_and_confirms_in_arabic(stack: Stack, tmp_path) -> None:
    phone = new_phone()
    reminded(stack, phone, tmp_path)
    reply = texts(stack.say(phone, "توقف"))
    assert re.search(r"[\u0600-\u06ff]", reply) and "START" in reply
    assert stack.sql("SELECT sms_opt_out FROM contact WHERE phone_e164 = :p", p=phone) == [(True,)]


def test_when_is_my_appointment(stack: Stack, tmp_path) -> None:
    phone = new_phone()
    reminded(stack, phone, tmp_path)
    reply = texts(stack.say(phone, "wanneer is mijn afspraak bij de gemeente"))
    assert "Uw volgende afspraak is op" in reply and "Kamperstraat 40" in reply
    web = texts(stack.say("web-someone", "wanneer is mijn afspraak bij de gemeente"))
    assert "niet zien of veranderen" in web and "brief" in web  # no details for the web chat
