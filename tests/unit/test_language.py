import pytest

from bot.i18n.conversation import conversation_language, language_of_tracker
from bot.i18n.detect import detect


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hallo", "nl"),
        ("ik wil praten met iemand van de gemeente", "nl"),
        ("goedemorgen, ik heb een vraag", "nl"),
        ("hello", "en"),
        ("I want to talk to a person", "en"),
        ("مرحبا", "ar"),
        ("أريد التحدث مع موظف", "ar"),
        ("ok", None),
        ("👍", None),
        ("12345", None),
    ],
)
def test_detect(text: str, expected: str | None) -> None:
    assert detect(text) == expected


def test_first_clear_message_decides_and_the_language_is_kept() -> None:
    assert conversation_language(None, ["ok", "hello", "ik wil praten"]) == "en"


def test_explicit_choice_wins_over_detection() -> None:
    assert conversation_language("ar", ["hallo"]) == "ar"


def test_button_payloads_are_not_read_as_language() -> None:
    assert conversation_language(None, ["/greet", "مرحبا"]) == "ar"


def test_unshipped_choice_falls_back_to_detection_then_dutch() -> None:
    assert conversation_language("xx", ["👍"]) == "nl"


def test_from_a_rasa_tracker() -> None:
    events = [{"event": "action"}, {"event": "user", "text": "hello"}]
    assert language_of_tracker({"language": None}, events) == "en"


def test_a_reply_word_routed_to_an_intent_keeps_its_language() -> None:
    from bot.i18n.conversation import language_of_tracker

    events = [{"event": "user", "text": "/sms_stop", "metadata": {"original_text": "توقف"}}]
    assert language_of_tracker({}, events) == "ar"
    assert language_of_tracker({}, [{"event": "user", "text": "/sms_stop"}]) == "nl"
