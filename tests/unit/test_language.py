import pytest

from bot.channels.commands import ask_language_first, command_for
from bot.i18n.conversation import conversation_language, known_language, language_of_tracker
from bot.i18n.detect import clear_switch, detect, flag_language, guess, is_unsure


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hallo", "nl"),
        ("hoi", "nl"),
        ("help", "nl"),
        ("ik wil praten met iemand van de gemeente", "nl"),
        ("goedemorgen, ik heb een vraag", "nl"),
        ("hello", "en"),
        ("I want to talk to a person", "en"),
        ("مرحبا", "ar"),
        ("أريد التحدث مع موظف", "ar"),
        ("3ndi so2al 3an el bijstand", "ar"),  # Arabizi
        ("سلام من کمک میخواهم", "fa"),
        ("salam mikham komak", "fa"),  # Finglish
        ("merhaba", "tr"),
        ("Merhaba yardım istiyorum", "tr"),
        ("dzień dobry", "pl"),
        ("potrzebuje pomocy z zasilkiem", "pl"),
        ("привіт", "uk"),
        ("Мені потрібна допомога", "uk"),
        ("ሰላም", "ti"),
        ("ሓገዝ ደልየ", "ti"),
        ("nabad", "so"),
        ("waxaan rabaa caawimo lacag", "so"),
        ("ok", None),
        ("👍", None),
        ("12345", None),
        ("salam", None),  # Arabic, Persian, Somali, Turkish speakers all say it
    ],
)
def test_detect(text: str, expected: str | None) -> None:
    assert detect(text) == expected


def test_no_words_is_not_unsure_but_a_shared_greeting_is() -> None:
    """ "ok" gives nothing to ask about; "salam" or "سلام" could be several languages."""
    assert not is_unsure("ok") and not is_unsure("2") and not is_unsure("👍")
    assert is_unsure("salam")
    assert is_unsure("سلام")
    assert guess("ok").words == 0


def test_a_switch_needs_a_clear_sentence() -> None:
    assert clear_switch("ok thanks") is None  # a Dutch client may say this
    assert clear_switch("DigiD werkt niet") is None  # nor does a Dutch phrase in passing
    assert clear_switch("I would like to talk to someone please") == "en"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("🇹🇷", "tr"),
        ("🇺🇦🇺🇦", "uk"),
        (" 🇪🇷 ", "ti"),
        ("🇦🇫", "fa"),
        ("🇹🇷🇳🇱", None),
        ("🇫🇷", None),
        ("hi", None),
    ],
)
def test_a_flag_names_a_language(text: str, expected: str | None) -> None:
    assert flag_language(text) == expected


def test_flags_and_stop_helper_become_payloads() -> None:
    assert command_for("🇵🇱") == '/set_language{"language": "pl"}'
    assert command_for("Stop helper!") == "/helper_stop"
    assert command_for("stop") is None
    assert command_for("ik wil stoppen met de helper") is None


def test_the_words_that_start_helper_mode_start_it_whatever_the_model_thinks() -> None:
    for text in (
        "Helper",
        "helpermodus",
        "ik help iemand",
        "hallo, ik help iemand van Vluchtelingenwerk met haar aanvraag",
        "Ik help een cliënt met de melding",
        "I am helping someone",
    ):
        assert command_for(text) == "/helper_on_behalf", text
    for text in ("help", "ik heb hulp nodig", "kan iemand mij helpen", "de helper stopt"):
        assert command_for(text) is None, text


async def _unknown() -> None:
    return None


async def _dutch() -> str:
    return "nl"


async def test_only_an_unclear_first_message_gets_the_language_menu() -> None:
    assert await ask_language_first("salam", _unknown)
    assert not await ask_language_first("salam", _dutch)  # the conversation has a language
    assert not await ask_language_first("hallo", _unknown)  # clear enough
    assert not await ask_language_first("ok", _unknown)  # nothing to go on
    assert not await ask_language_first("/greet", _unknown)


def test_first_clear_message_decides_and_the_language_is_kept() -> None:
    assert conversation_language(None, ["ok", "hello", "ja", "DigiD werkt niet"]) == "en"


def test_a_clear_switch_changes_the_language() -> None:
    texts = ["hello", "ik wil graag een afspraak maken met mijn consulent"]
    assert conversation_language(None, texts) == "nl"


def test_explicit_choice_wins_over_detection_and_switches() -> None:
    assert conversation_language("ar", ["hallo", "ik wil graag een afspraak maken"]) == "ar"


def test_helper_mode_keeps_the_clients_language_while_the_helper_writes_dutch() -> None:
    texts = ["ik help een vrouw uit Eritrea met haar aanvraag voor bijstand"]
    assert conversation_language(None, texts, helper="ar") == "ar"
    assert (
        language_of_tracker({"helper_language": "ar"}, [{"event": "user", "text": texts[0]}])
        == "ar"
    )


def test_nothing_known_yet() -> None:
    assert known_language(None, ["ok", "/greet"]) is None
    assert conversation_language(None, ["ok"]) == "nl"


def test_button_payloads_are_not_read_as_language() -> None:
    assert conversation_language(None, ["/greet", "مرحبا"]) == "ar"


def test_unshipped_choice_falls_back_to_detection_then_dutch() -> None:
    assert conversation_language("xx", ["👍"]) == "nl"


def test_from_a_rasa_tracker() -> None:
    events = [{"event": "action"}, {"event": "user", "text": "hello"}]
    assert language_of_tracker({"language": None}, events) == "en"


def test_a_reply_word_routed_to_an_intent_keeps_its_language() -> None:
    events = [{"event": "user", "text": "/sms_stop", "metadata": {"original_text": "توقف"}}]
    assert language_of_tracker({}, events) == "ar"
    assert language_of_tracker({}, [{"event": "user", "text": "/sms_stop"}]) == "nl"
