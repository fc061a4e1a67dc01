"""The consultant's transcript: masked, and with Baken's Dutch words under what an
Arabic or English client saw."""

from __future__ import annotations

from bot.handover.transcript import transcript
from bot.i18n.nlg import render_response
from bot.i18n.responses import domain_responses


def bot_event(response: str, text: str) -> dict:
    return {
        "event": "bot",
        "text": text,
        "timestamp": 1764000001.0,
        "metadata": {"utter_action": response},
    }


def test_a_bot_message_in_arabic_keeps_its_dutch_source() -> None:
    arabic = render_response("utter_greet", "ar", {}, domain_responses(), "rest")["text"]
    lines = transcript(
        [
            {"event": "user", "text": "مرحبا", "timestamp": 1764000000.0},
            bot_event("utter_greet", arabic),
        ]
    )
    assert lines[0].dutch is None  # the client's own words stay as they are
    assert lines[1].text == arabic and lines[1].dutch.startswith("Hallo! Ik ben Baken")


def test_no_dutch_line_when_the_client_read_dutch_or_a_value_is_missing() -> None:
    dutch = render_response("utter_greet", "nl", {}, domain_responses(), "rest")["text"]
    assert transcript([bot_event("utter_greet", dutch)])[0].dutch is None
    # utter_melding_done needs the reference the action passed: no Dutch line with a gap
    english = "Thank you. Your reference is M-2026-000001."
    assert transcript([bot_event("utter_melding_done", english)])[0].dutch is None
    assert transcript([{"event": "bot", "text": "x", "timestamp": 1.0}])[0].dutch is None
