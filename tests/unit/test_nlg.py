from bot.i18n.nlg import LEFT_TO_RIGHT_ISOLATE, POP_ISOLATE, fill, render
from bot.i18n.responses import domain_responses
from bot.reminders.segments import segments


def request(name: str, texts: list[str], slots: dict | None = None, **arguments: object) -> dict:
    events = [{"event": "user", "text": t} for t in texts]
    return {
        "response": name,
        "arguments": arguments,
        "tracker": {"slots": slots or {}, "events": events},
        "channel": {"name": "rest"},
    }


def test_dutch_source_for_a_dutch_conversation() -> None:
    reply = render(request("utter_greet", ["hallo"]), domain_responses())
    assert reply["text"].startswith("Hallo! Ik ben Baken")
    assert [b["payload"] for b in reply["buttons"]] == [
        "/melding_bijstand",
        "/wijziging_doorgeven",
        "/minima_check",
        "/human_handoff",
        "/set_language",
        "/help",
    ]


def test_arabic_conversation_gets_arabic_text_and_buttons() -> None:
    reply = render(request("utter_greet", ["مرحبا"]), domain_responses())
    assert "Baken" in reply["text"]
    assert any("\u0600" <= ch <= "\u06ff" for ch in reply["text"])
    assert all(any("\u0600" <= ch <= "\u06ff" for ch in b["title"]) for b in reply["buttons"])


def test_english_by_choice_even_after_dutch() -> None:
    reply = render(request("utter_goodbye", ["hallo"], {"language": "en"}), domain_responses())
    assert reply["text"] != domain_responses()["utter_goodbye"][0]["text"]
    assert "bye" in reply["text"].lower()


def test_language_argument_renders_the_confirmation_in_the_new_language() -> None:
    reply = render(request("utter_language_set", ["hallo"], language="en"), domain_responses())
    assert "English" in reply["text"]


def test_placeholders_are_filled_and_isolated_in_right_to_left_text() -> None:
    reply = render(
        request(
            "utter_handoff_done",
            ["مرحبا"],
            team="KonnecteD",
            municipality_name="Deventer",
            ticket_ref="T-2026-000123",
        ),
        domain_responses(),
    )
    assert f"{LEFT_TO_RIGHT_ISOLATE}T-2026-000123{POP_ISOLATE}" in reply["text"]
    assert "{" not in reply["text"]


def test_fill_leaves_unknown_names() -> None:
    assert fill("{a} en {b}", {"a": 1}) == "1 en {b}"
    assert fill("{a}", {"a": None}) == ""


def test_unknown_response_renders_nothing() -> None:
    assert render(request("utter_does_not_exist", ["hallo"]), domain_responses()) == {}


def test_conditional_variations_follow_the_municipality() -> None:
    responses = domain_responses()
    unknown = render(request("utter_faq/voorschot", ["hallo"]), responses)
    assert "In welke gemeente woont u?" in unknown["text"]
    deventer = render(
        request("utter_faq/voorschot", ["hallo"], {"municipality": "deventer"}), responses
    )
    assert "0570 679500" in deventer["text"]
    # an action that just learned the municipality passes it as an argument
    argument = render(
        request("utter_faq/voorschot", ["hallo"], municipality="steenwijkerland"), responses
    )
    assert "14 0521" in argument["text"]


def test_helper_mode_speaks_about_the_client() -> None:
    reply = render(
        request("utter_ask_full_name", ["hallo"], {"on_behalf": True}), domain_responses()
    )
    assert "deze persoon" in reply["text"]
    assert (
        "uw voornaam"
        in render(request("utter_ask_full_name", ["hallo"]), domain_responses())["text"]
    )


def test_the_language_menu_asks_in_every_shipped_language_with_each_language_named_in_itself() -> (
    None
):
    from bot.i18n.languages import ENDONYMS, SHIPPED

    reply = render(request("utter_ask_language", ["salam"]), domain_responses())
    lines = reply["text"].splitlines()
    assert lines[0] == "In welke taal wilt u praten?"
    assert len(lines) == len(SHIPPED)
    assert any("\u0600" <= ch <= "\u06ff" for ch in reply["text"])  # the Arabic line
    assert [b["title"] for b in reply["buttons"]] == [ENDONYMS[code] for code in SHIPPED]
    assert reply["buttons"][2]["payload"] == '/set_language{"language": "ar"}'


def test_the_language_menu_on_sms_numbers_the_languages_without_guessing_a_language() -> None:
    body = request("utter_ask_language", ["salam"])
    body["channel"] = {"name": "twilio_sms"}
    text = render(body, domain_responses())["text"]
    assert "1 - Nederlands" in text and "3 - العربية" in text
    assert "Stuur" not in text
    # the question once, in one line of every language: half the price of the long form
    question = text.split("\n\n")[0]
    assert "\n" not in question and "Taal?" in question and "اللغة؟" in question
    assert (
        segments(text).count
        <= 3
        < segments(
            render(request("utter_ask_language", ["salam"]), domain_responses())["text"]
        ).count
    )


def test_helper_mode_shows_the_clients_language_first_and_dutch_below() -> None:
    slots = {"helper_language": "ar"}
    reply = render(request("utter_helper_mode_off", ["hallo"], slots), domain_responses())
    client, dutch = reply["text"].split("\n\n— Nederlands —\n")
    assert any("\u0600" <= ch <= "\u06ff" for ch in client)
    assert dutch == "De helpermodus staat uit. Ik schrijf nu weer in één taal."


def test_helper_mode_buttons_carry_both_languages() -> None:
    slots = {"helper_language": "ar", "helper_name": "Anna"}
    reply = render(request("utter_helper_ready", ["hallo"], slots), domain_responses())
    first = reply["buttons"][0]["title"]
    assert first.endswith(" / Bijstand aanvragen") and first != " / Bijstand aanvragen"


def test_helper_mode_for_a_client_who_reads_dutch_is_one_language() -> None:
    slots = {"helper_language": "nl"}
    reply = render(request("utter_helper_mode_off", ["hallo"], slots), domain_responses())
    assert "— Nederlands —" not in reply["text"]
