from hypothesis import given
from hypothesis import strategies as st

from bot.reminders.segments import segments


def test_gsm_boundaries() -> None:
    assert (segments("a" * 160).encoding, segments("a" * 160).count) == ("GSM-7", 1)
    assert segments("a" * 161).count == 2
    assert segments("a" * 306).count == 2
    assert segments("a" * 307).count == 3


def test_extension_characters_take_two_septets() -> None:
    assert segments("€" * 80).units == 160 and segments("€" * 80).count == 1
    assert segments("€" * 81).count == 2


def test_one_arabic_letter_or_emoji_makes_it_ucs2() -> None:
    assert segments("a" * 70).encoding == "GSM-7"
    mixed = "a" * 69 + "ب"
    assert (segments(mixed).encoding, segments(mixed).count) == ("UCS-2", 1)
    assert segments("a" * 70 + "ب").count == 2
    assert segments("ب" * 134).count == 2 and segments("ب" * 135).count == 3
    assert segments("😀").units == 2  # outside the BMP: a surrogate pair


@given(st.text(max_size=400))
def test_count_grows_with_the_text(text: str) -> None:
    found = segments(text)
    longer = segments(text + "x")
    assert longer.count >= found.count
    assert found.count >= 1
