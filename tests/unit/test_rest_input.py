import pytest

from bot.channels.inbound import EMPTY_MESSAGE, MAX_NLU_CHARS, clean
from bot.channels.rest import BadRequest, parse_body


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"{not json", "body is not valid JSON"),
        (b"\xff\xfe", "body is not valid JSON"),
        (b"[1, 2]", "body must be a JSON object"),
        (b'{"message": "hoi"}', "'sender' must be a non-empty string"),
        (b'{"sender": "a", "message": 5}', "'message' must be a string"),
        (b'{"sender": "a", "message": "x", "metadata": 3}', "'metadata' must be an object"),
        (b'{"sender": "' + b"a" * 200 + b'", "message": "x"}', "'sender' is longer"),
        (b'{"sender": "a", "message": "' + b"x" * 70000 + b'"}', "body is larger"),
    ],
)
def test_bad_bodies_say_why(body: bytes, reason: str) -> None:
    with pytest.raises(BadRequest, match=reason):
        parse_body(body)


def test_good_body() -> None:
    assert parse_body(b'{"sender": " web-1 ", "message": "hoi"}') == ("web-1", "hoi", None)


def test_empty_and_blank_messages_become_the_empty_intent() -> None:
    assert clean("").text == EMPTY_MESSAGE
    assert clean(" \n\t ").text == EMPTY_MESSAGE
    assert clean("\x00\x07\x1b").text == EMPTY_MESSAGE


def test_control_characters_are_removed_but_emoji_and_joiners_kept() -> None:
    assert clean("ha\x00llo\x1b").text == "hallo"
    family = "👨\u200d👩\u200d👧"
    assert clean(family).text == family
    assert clean("می\u200cخواهم").text == "می\u200cخواهم"


def test_long_messages_are_cut_for_the_nlu_but_stored_whole() -> None:
    cleaned = clean("a" * 10_000)
    assert len(cleaned.text) == MAX_NLU_CHARS
    assert len(cleaned.stored) == 10_000
    assert cleaned.truncated


def test_bsn_never_reaches_the_bot_or_the_database() -> None:
    cleaned = clean("mijn bsn is 111222333")
    assert "111222333" not in cleaned.text
    assert "111222333" not in cleaned.stored


def test_digits_of_any_script_reach_the_model_as_0_to_9_and_are_stored_as_typed() -> None:
    cleaned = clean("٢٥٠٠ يورو")
    assert cleaned.text == "2500 يورو" and cleaned.stored == "٢٥٠٠ يورو"
