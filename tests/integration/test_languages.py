"""Every launch language end to end over HTTP: detection on the first message, the
language menu, a switch, flags, and helper mode with two languages side by side.

Expected texts come from the catalogs (the same renderer the NLG endpoint uses), so a
reply in the wrong language, or in Dutch because a catalog entry is missing, fails.
"""

import uuid

import pytest
from sqlalchemy import create_engine, select

from bot.i18n.languages import ENDONYMS, LAUNCH
from bot.i18n.nlg import DUTCH_BELOW, render_response
from bot.i18n.responses import domain_responses
from bot.store.models import Contact
from tests.integration.conftest import Stack, texts

pytestmark = pytest.mark.integration

# greet, start a melding, switch language (to Dutch; Dutch switches to English), stop the
# melding, ask whether a holiday abroad is allowed: as a client of each language types it.
CONVERSATIONS = {
    "nl": ("goedemiddag", "ik wil bijstand aanvragen", "kun je engels praten", "stop maar",
           "hoe lang mag ik op vakantie naar het buitenland met een uitkering"),
    "en": ("hello there", "i want to apply for social assistance", "can we speak dutch please",
           "stop please", "how many weeks holiday am i allowed on benefits"),
    "ar": ("مرحبا", "اريد ان اقدم طلب مساعدة اجتماعية", "بدي احكي هولندي", "إلغاء",
           "مسموح سافر برا البلد مع الاعانة"),
    "tr": ("merhaba", "sosyal yardım başvurusu yapmak istiyorum", "Hollandaca konuşalım lütfen",
           "dur lütfen", "ödenek alırken kaç hafta tatile izin var"),
    "uk": ("вітаю", "хочу подати заяву на соціальну допомогу", "давай нідерландською будь ласка",
           "стоп будь ласка", "скільки тижнів відпустки можна на uitkering"),
    "pl": ("dzień dobry", "chcę złożyć wniosek o zasiłek", "proszę po holendersku", "przestan",
           "czy mogę wyjechać za granicę z zasiłkiem"),
    "fa": ("سلام خوبین", "میخوام درخواست کمک هزینه بدم", "میشه هلندی صحبت کنیم لطفا", "استاپ",
           "با کمک هزینه چند هفته تعطیلات مجازم"),
    "ti": ("ከመይ ኣለኹም", "ማሕበራዊ ሓገዝ ክሓትት እደሊ", "ብሆላንድኛ ክንዛረብ ንኽእል ዶ በጃኻ", "ኣቋርጾ",
           "ምስ uitkering ክንደይ ሰሙን ዕረፍቲ ይፍቀደለይ"),
    "so": ("nabad", "waxaan rabaa inaan codsado bijstand", "af holandays ila hadal fadlan",
           "jooji fadlan", "immisa toddobaad ayaan fasax aadi karaa anigoo qaata bijstand"),
}  # fmt: skip


def sender() -> str:
    return f"test-{uuid.uuid4().hex[:10]}"


def openings(response: str, lang: str, **values: object) -> list[str]:
    """The start of every variation of ``response`` in ``lang``, as the bot renders it."""
    variations = domain_responses()[response]
    rendered = [
        render_response(response, lang, values, {response: [v]}, "rest")["text"] for v in variations
    ]
    return [text[:40] for text in rendered]


def says(reply: list[dict], response: str, lang: str, **values: object) -> bool:
    shown = texts(reply)
    return any(opening in shown for opening in openings(response, lang, **values))


@pytest.mark.parametrize("lang", LAUNCH)
def test_a_conversation_in_every_language(stack: Stack, lang: str) -> None:
    """greet → melding start → set_language switch → FAQ answer, in the new language."""
    greeting, melding, switch, stop, question = CONVERSATIONS[lang]
    target = "en" if lang == "nl" else "nl"
    user = sender()
    assert says(stack.say(user, greeting), "utter_greet", lang)
    assert says(stack.say(user, melding), "utter_ask_emergency", lang)
    assert says(stack.say(user, switch), "utter_language_set", target)
    assert says(stack.say(user, stop), "utter_melding_cancelled", target)
    assert says(stack.say(user, question), "utter_faq/vakantie_buitenland", target)


def test_an_unclear_first_message_gets_the_menu_in_every_language(stack: Stack) -> None:
    user = sender()
    reply = stack.say(user, "salam")
    assert [b["title"] for b in reply[0]["buttons"]] == [ENDONYMS[code] for code in LAUNCH]
    assert len(reply[0]["text"].splitlines()) == len(LAUNCH)
    somali = reply[0]["buttons"][-1]["payload"]
    assert says(stack.say(user, somali), "utter_language_set", "so")
    assert says(stack.say(user, "salam"), "utter_greet", "so")  # no menu a second time


def test_a_flag_switches_the_language(stack: Stack) -> None:
    user = sender()
    stack.say(user, "hallo")
    assert says(stack.say(user, "🇺🇦"), "utter_language_set", "uk")
    assert says(stack.say(user, "/help"), "utter_help", "uk")


def test_taal_opens_the_language_menu(stack: Stack) -> None:
    user = sender()
    stack.say(user, "hallo")
    reply = stack.say(user, "taal")
    assert [b["title"] for b in reply[0]["buttons"]] == [ENDONYMS[code] for code in LAUNCH]


def test_helper_mode_shows_the_clients_language_above_the_dutch(stack: Stack) -> None:
    user = sender()
    stack.say(user, "hallo, ik help iemand van Vluchtelingenwerk met haar aanvraag")
    stack.say(user, "Anna de Vries")
    stack.say(user, "Vluchtelingenwerk")
    asked = stack.say(user, "ja")
    assert says(asked, "utter_ask_helper_language", "nl")
    ready = stack.say(user, '/set_language{"language": "ti"}')
    shown = texts(ready)
    client, dutch = shown.split(DUTCH_BELOW, 1)
    assert any("\u1200" <= ch <= "\u137f" for ch in client)  # Ge'ez script first
    assert "Dank u." in dutch
    # The helper types Dutch; the client's language stays first.
    reply = texts(stack.say(user, "ik wil bijstand aanvragen"))
    assert DUTCH_BELOW in reply and any("\u1200" <= ch <= "\u137f" for ch in reply)
    engine = create_engine(stack.database_url, future=True)
    with engine.connect() as connection:
        stored = connection.execute(
            select(Contact.helper_language).where(Contact.channel_user_id == user)
        ).scalar_one()
    assert stored == "ti"
    stack.say(user, "stop")  # the melding
    off = texts(stack.say(user, "stop helper"))
    assert DUTCH_BELOW in off and "helpermodus staat uit" in off
    with engine.connect() as connection:
        stored = connection.execute(
            select(Contact.helper_language).where(Contact.channel_user_id == user)
        ).scalar_one()
    assert stored is None
    after = texts(stack.say(user, "/help"))
    assert DUTCH_BELOW not in after and any("\u1200" <= ch <= "\u137f" for ch in after)
