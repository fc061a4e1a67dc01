"""What SMS, WhatsApp and Telegram users see: numbered options, long texts cut at
sensible places, right-to-left lines, commands."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.channels.numbered import chosen_number, with_options
from bot.channels.split import fits_sms, fits_whatsapp, split
from bot.channels.telegram import RIGHT_TO_LEFT_MARK, callback_data, command_text, right_to_left
from bot.i18n.nlg import render_response
from bot.i18n.responses import domain_responses
from bot.reminders.segments import segments

BUTTONS = [
    {"title": "Bijstand aanvragen", "payload": "/melding_bijstand"},
    {"title": "Regelingen voor een laag inkomen", "payload": "/minima_check"},
]


def test_options_are_numbered_in_the_readers_language() -> None:
    assert with_options("Waarmee kan ik helpen?", BUTTONS, "nl") == (
        "Waarmee kan ik helpen?\n\n"
        "Stuur 1 voor Bijstand aanvragen\n"
        "Stuur 2 voor Regelingen voor een laag inkomen"
    )
    assert "Send 2 for Regelingen" in with_options("?", BUTTONS, "en")
    assert "أرسل 1" in with_options("?", BUTTONS, "ar")
    assert with_options("Geen keuze", [], "nl") == "Geen keuze"


def test_the_nlg_numbers_buttons_only_on_text_channels() -> None:
    responses = domain_responses()
    sms = render_response("utter_offer_handoff", "nl", {}, responses, "twilio_sms")
    web = render_response("utter_offer_handoff", "nl", {}, responses, "rest")
    assert "Stuur 1 voor Ja, graag" in sms["text"] and "Stuur 2 voor Nee, bedankt" in sms["text"]
    assert "Stuur 1" not in web["text"]
    assert sms["buttons"] == web["buttons"]  # kept, so the channel remembers the menu


def test_only_a_number_is_a_choice() -> None:
    assert [chosen_number(t) for t in ("1", " 2 ", "3.", "٢", "۳", "12")] == [1, 2, 3, 2, 3, 12]
    assert [chosen_number(t) for t in ("1 kind", "een", "", "1,5", "-1")] == [None] * 5


def test_a_long_answer_is_cut_between_paragraphs_then_sentences() -> None:
    first = "Eerste alinea. " * 25  # 375 characters: fits in 3 segments
    second = "Tweede alinea met een vraag? " * 5
    parts = split(f"{first}\n\n{second}", fits_sms)
    assert parts == [first.strip(), second.strip()]
    arabic = "هذه جملة عربية قصيرة. " * 30
    parts = split(arabic, fits_sms)
    assert len(parts) > 1 and all(segments(p).count <= 3 for p in parts)
    assert all(p.endswith(".") for p in parts)  # whole sentences


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("abc أب€😀 .\n?"), max_size=2500))
def test_every_part_fits_and_no_word_is_lost(text: str) -> None:
    for fits in (fits_sms, fits_whatsapp):
        parts = split(text, fits)
        assert all(fits(p) and p.strip() for p in parts)
        assert "".join("".join(parts).split()) == "".join(text.split())


def test_telegram_commands() -> None:
    assert command_text("/start") == "/greet"
    assert command_text("/start@baken_bot") == "/greet"
    assert command_text("/taal") == "/set_language"
    assert command_text("/stop") == "/cancel"
    assert command_text("/onbekend") == "/onbekend"
    assert command_text("hallo /start") == "hallo /start"


def test_arabic_lines_that_start_with_a_latin_word_stay_right_to_left() -> None:
    text = "اتصل بالرقم\n14 0570 للمساعدة\nBaken هنا\nT-2026-000123 رقم"
    shown = right_to_left(text).split("\n")
    assert shown[:2] == ["اتصل بالرقم", "14 0570 للمساعدة"]  # digits are weak: already RTL
    assert shown[2] == RIGHT_TO_LEFT_MARK + "Baken هنا"
    assert shown[3] == RIGHT_TO_LEFT_MARK + "T-2026-000123 رقم"
    assert right_to_left("Bel 14 0570") == "Bel 14 0570"  # Dutch is left alone


def test_telegram_button_data_stays_within_64_bytes() -> None:
    assert callback_data("/affirm", 1) == "/affirm"
    long = '/inform_municipality{"municipality": "steenwijkerland-en-omstreken"}'
    assert callback_data(long, 3) == "#3"
