"""Conversations over HTTP with a real rasa server and action server, on both databases."""

import re
import uuid

import httpx
import pytest

from bot.i18n.languages import ENDONYMS, LAUNCH
from tests.integration.conftest import Stack, texts

pytestmark = pytest.mark.integration

ARABIC = re.compile(r"[\u0600-\u06ff]")


def sender() -> str:
    return f"test-{uuid.uuid4().hex[:10]}"


def test_greeting_shows_the_menu_in_dutch(stack: Stack) -> None:
    reply = stack.say(sender(), "hallo")
    assert reply[0]["text"].startswith("Hallo! Ik ben Baken")
    assert [b["title"] for b in reply[0]["buttons"]] == [
        "Bijstand aanvragen",
        "Een verandering doorgeven",
        "Regelingen voor een laag inkomen",
        "Praten met een medewerker",
        "Andere taal",
        "Wat kan Baken?",
    ]


def test_arabic_is_detected_and_kept_for_the_conversation(stack: Stack) -> None:
    user = sender()
    first = stack.say(user, "مرحبا")
    assert ARABIC.search(first[0]["text"]) and "Baken" in first[0]["text"]
    # "ok" alone shows no language; the conversation stays Arabic.
    later = stack.say(user, "شكرا")
    assert ARABIC.search(texts(later))
    assert ARABIC.search(texts(stack.say(user, "ok")))


def test_set_language_switches_and_remembers(stack: Stack) -> None:
    user = sender()
    stack.say(user, "hallo")
    switched = stack.say(user, "kun je engels praten?")
    assert "English" in texts(switched)
    assert "Hello" in texts(stack.say(user, "hoi")) or "Baken" in texts(stack.say(user, "hoi"))
    assert re.search(r"\b(the|you|I)\b", texts(stack.say(user, "wat kan je")))


def test_language_menu_when_no_language_is_named(stack: Stack) -> None:
    reply = stack.say(sender(), "/set_language")
    assert [b["title"] for b in reply[0]["buttons"]] == [ENDONYMS[code] for code in LAUNCH]


def test_bot_challenge_is_honest(stack: Stack) -> None:
    reply = stack.say(sender(), "ben jij een robot?")
    assert "computer" in texts(reply) and "mens" in texts(reply)


def test_two_misses_in_a_row_offer_a_person(stack: Stack) -> None:
    user = sender()
    first = stack.say(user, "")
    assert "geen tekst" in texts(first)
    second = stack.say(user, "   ")
    assert "medewerker" in texts(second)
    assert [b["payload"] for b in second[0]["buttons"]] == ["/human_handoff", "/deny"]
    # Saying yes to that offer starts the hand-over.
    assert "gemeente" in texts(stack.say(user, "ja"))


def test_handoff_in_english_gives_a_ticket_with_the_conversation(stack: Stack) -> None:
    user = sender()
    asked = stack.say(user, "I want to talk to a real person please")
    assert "municipality" in texts(asked).lower()
    assert [b["title"] for b in asked[0]["buttons"]][:2] == ["Deventer", "Steenwijkerland"]
    phone_question = stack.say(user, "I live in Bathmen")
    assert "phone" in texts(phone_question).lower()
    assert "number" in texts(stack.say(user, "12")).lower()  # invalid number: asked again
    done = stack.say(user, "06 12345678")
    reference = re.search(r"T-\d{4}-\d{6}", texts(done)).group(0)
    assert "KonnecteD" in texts(done) and "Deventer" in texts(done)
    [(language, municipality, status, sla)] = stack.sql(
        "SELECT language, municipality, status, sla_due_at FROM ticket WHERE reference = :r",
        r=reference,
    )
    assert (language, municipality, status) == ("en", "deventer", "open") and sla is not None
    messages = stack.sql(
        "SELECT m.direction, m.text FROM ticket_message m JOIN ticket t ON t.id = m.ticket_id "
        "WHERE t.reference = :r ORDER BY m.id",
        r=reference,
    )
    assert ("client", "I want to talk to a real person please") in messages
    assert ("client", "[telefoonnummer]") in messages  # masked in the transcript
    assert any(direction == "bot" for direction, _ in messages)
    [(phone,)] = stack.sql("SELECT phone_e164 FROM contact WHERE channel_user_id = :u", u=user)
    assert phone == "+31612345678"


def test_municipality_is_remembered_for_the_next_handoff(stack: Stack) -> None:
    user = sender()
    stack.say(user, "/human_handoff")
    stack.say(user, '/inform_municipality{"municipality": "steenwijkerland"}')
    first = stack.say(user, "0612345678")
    assert "Steenwijkerland" in texts(first) and "14 0521" in texts(first)
    second = stack.say(user, "ik wil nog een keer een medewerker spreken")
    assert re.search(r"T-\d{4}-\d{6}", texts(second)), "no questions asked the second time"


def test_other_municipality_gets_a_pointer_not_a_ticket(stack: Stack) -> None:
    user = sender()
    stack.say(user, "ik wil een medewerker")
    reply = stack.say(user, '/inform_municipality{"municipality": "other"}')
    assert "eigen gemeente" in texts(reply)
    assert stack.sql("SELECT count(*) FROM ticket WHERE conversation_id = :u", u=user) == [(0,)]


def test_no_stops_the_handoff(stack: Stack) -> None:
    user = sender()
    stack.say(user, "ik wil een medewerker")
    assert "niet door" in texts(stack.say(user, "nee"))


@pytest.mark.parametrize(
    "message", ["", "a" * 10_000, "😀😀😀", "\x00\x01hallo\x1b[31m", "mijn bsn is 111222333"]
)
def test_bad_input_gets_a_kind_answer_and_is_stored(stack: Stack, message: str) -> None:
    user = sender()
    reply = stack.say(user, message)
    assert reply and all(m.get("text") for m in reply)
    stored = stack.sql("SELECT text, status FROM inbound_message WHERE sender = :u", u=user)
    assert len(stored) == 1 and stored[0][1] == "answered"
    assert "111222333" not in stored[0][0]
    assert "\x00" not in stored[0][0]


def test_bsn_is_not_needed_and_not_kept_by_rasa(stack: Stack) -> None:
    user = sender()
    stack.say(user, "mijn bsn is 111222333")
    events = stack.sql("SELECT data FROM events WHERE sender_id = :u", u=user)
    assert events, "the tracker store is SQL on the same database"
    assert not [row for row in events if "111222333" in row[0]]


@pytest.mark.parametrize(
    ("body", "reason"),
    [(b"{not json", "not valid JSON"), (b'{"message": "hoi"}', "'sender'"), (b"[]", "JSON object")],
)
def test_malformed_requests_get_400_with_a_reason(stack: Stack, body: bytes, reason: str) -> None:
    reply = httpx.post(
        f"{stack.rasa_url}/webhooks/rest/webhook",
        content=body,
        headers={"content-type": "application/json"},
    )
    assert reply.status_code == 400
    assert reason in reply.json()["error"]
    assert httpx.get(f"{stack.rasa_url}/").status_code == 200  # still up


def test_http_api_is_enabled_and_guarded_by_the_token_when_set(stack: Stack) -> None:
    url = f"{stack.rasa_url}/conversations/someone/tracker"
    if stack.token is None:
        assert httpx.get(url).status_code == 200
        parsed = httpx.post(f"{stack.rasa_url}/model/parse", json={"text": "hallo"}).json()
        assert parsed["intent"]["name"] == "greet"
    else:
        assert httpx.get(url).status_code == 401
        assert httpx.get(url, params={"token": stack.token}).status_code == 200
