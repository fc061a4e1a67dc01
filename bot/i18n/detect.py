"""Guess the language of a short chat message, and say how sure the guess is.

Three signals, strongest first:

1. The script. Ge'ez letters are Tigrinya (the only launch language written in them),
   Cyrillic is Ukrainian. Arabic letters are Arabic or Persian; lingua decides between
   the two, and the Persian-only letters (پ چ ژ گ) settle a tie.
2. Chat words. Statistical detectors are trained on prose and do badly on "hoi",
   "slm", "tnx" or Arabic and Persian typed in Latin letters ("3ndi so2al", "mikham
   komak"), so a small list of words people type per language comes first for short
   messages.
3. lingua-language-detector (its models ship in the wheel, nothing is downloaded) for
   Latin-script Dutch, English, Turkish, Polish and Somali.

A message without words ("ok", "👍", "2") gives no guess at all, so the caller keeps
the language it has. ``bench/language_detection.py`` measures the accuracy per language
and message length, and shows why :data:`THRESHOLD` is where it is.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lingua import LanguageDetector

# Below this the conversation's language is not decided by the message; on the first
# message the bot asks which language instead (bench/reports/language_detection.md).
THRESHOLD = 0.7
# A conversation already in one language changes language only on a message that is
# this clear and at least SWITCH_WORDS words long: "ok thanks" from a Dutch client or
# "DigiD werkt niet" in an Arabic conversation changes nothing.
SWITCH_THRESHOLD = 0.9
SWITCH_WORDS = 4


@dataclass(frozen=True)
class Guess:
    """``language`` is None when the message has no words to go on."""

    language: str | None
    confidence: float
    words: int


NO_WORDS = Guess(None, 0.0, 0)


def _vocabulary(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Words people type in chat, per language; only words that are not also common in one
# of the other Latin-script languages here.
_CHAT_WORDS: dict[str, frozenset[str]] = {
    "nl": _vocabulary(
        """
        hallo hoi hoii goedemorgen goedemiddag goedenavond doei dank bedankt dankjewel
        dankuwel ik je jij uw mijn het een de en zijn ben bent wil wilt kan kun kunt
        niet geen wat waar wanneer hoe waarom wie met van voor naar op aan bij ook maar
        graag alstublieft alsjeblieft aub ja nee nou even praten medewerker iemand gemeente
        uitkering bijstand afspraak hulp help vraag vragen heb hebt heeft moet mag taal
        nederlands engels arabisch spreken spreek mensen persoon echt goed welke woon wonen
        geld werk brief hoeveel krijg krijgen
        """
    ),
    "en": _vocabulary(
        """
        hello hi hey good morning evening afternoon bye goodbye thanks thank you yes no not
        i my me the a an and is are am want can could would please what where when how why
        who with from for to on at also but talk speak person human someone employee agent
        question appointment money benefit language english dutch arabic really do
        does have has need get which live work letter much
        """
    ),
    "tr": _vocabulary(
        """
        merhaba merhabalar selam selamlar günaydın gunaydin iyi akşamlar aksamlar teşekkür
        tesekkur tesekkurler teşekkürler sağol sagol sağolun evet hayır hayir yok var
        benim bir ve ama için icin nasıl nasil nerede ne zaman neden istiyorum istiyom
        yardım yardim lütfen lutfen para randevu belediye türkçe turkce konuşmak konusmak
        biri değil degil mı mi mu mü
        """
    ),
    "pl": _vocabulary(
        """
        dzień dzien dobry cześć czesc witam dziękuję dziekuje dzięki dzieki tak nie jestem
        mam chcę chce moja mój moj jak gdzie kiedy dlaczego proszę prosze pomoc pomocy
        pieniądze pieniadze wizyta gmina polski polsku rozmawiać rozmawiac ktoś ktos
        potrzebuję potrzebuje że ze się sie
        """
    ),
    "so": _vocabulary(
        """
        nabad iska warran salaan mahadsanid mahadsanidiin haa maya waan waxaan rabaa
        caawimo lacag ballan dowladda hooyo aabe sidee xagee goorma maxaa maxaan aniga
        waa haddii soomaali ku hadal qof shaqo
        """
    ),
    # Arabic typed in Latin letters ("Arabizi"), with digits for letters (see _ARABIZI).
    "ar": _vocabulary(
        """
        marhaba mar7aba ahlan shukran shokran yalla inshallah inchallah habibi bddi biddi
        baddi bade bidi ana ani mafi fi shu shou sho kifak kifik keefak ayza ayez 3ndi
        3andi ma3 mo3a3ada musa3ada ma3lesh wallah mish msh
        """
    ),
    # Persian typed in Latin letters ("Finglish").
    "fa": _vocabulary(
        """
        dorood mersi merci mamnoon mamnun mikham mikhaam mikhastam lotfan khahesh
        chetori khubi khoobi komak mishe nemidunam kojast kei chera farsi dari bezanam
        sohbat darkhast
        """
    ),
}
# Greetings every Muslim-majority language shares: no signal on their own.
_SHARED = _vocabulary("salam salaam slm salamu alaikum assalamu aleikum asalam")
# Dutch words for the municipality's things, which people keep in Dutch whatever language
# they write ("arbeidsplicht nedir", "درخواست bijstand"): no signal for the language
# the rest of the message is in, and Dutch only when nothing else is there.
_DUTCH_TERMS = _vocabulary(
    """
    bijstand bijstandsuitkering uitkering gemeente afspraak consulent klantmanager
    huurtoeslag zorgtoeslag kinderopvangtoeslag toeslag toeslagen digid ind uwv duo svb
    inburgering voedselbank aanvraag aanvragen bezwaar voorschot vakantiegeld melding
    brief taaleis taalplan tegenprestatie arbeidsplicht sollicitatieplicht
    inlichtingenplicht kostendelersnorm vermogensgrens schuldhulp schuldsanering
    bewindvoerder werkervaringsplaats uitstroompremie studiefinanciering peuterspeelzaal
    kinderopvang vrijwilligerswerk ontheffing maatregel huisbezoek jeugdfonds
    participatiewet marktplaats belastingdienst loket wijkteam vluchtelingenwerk
    deventer steenwijk steenwijkerland giethoorn vollenhove oldemarkt bathmen colmschate
    schalkhaar diepenveen okkenbroek zwolle meppel
    """
)

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# Arabizi writes ع ح ء ق with 3 7 2 9 inside a word: "3ndi", "ma7al", "so2al".
_ARABIZI = re.compile(r"(?i)\b[a-z]*[a-z][2379][a-z]+\b|\b[2379][a-z]{2,}\b")
_PERSIAN_LETTERS = frozenset("پچژگ")
_LATIN_MODEL_LANGUAGES = ("nl", "en", "tr", "pl", "so")

# Flags people send to mean "this language": the country most speakers come from.
FLAGS: dict[str, str] = {
    "🇳🇱": "nl",
    "🇧🇪": "nl",
    "🇬🇧": "en",
    "🇺🇸": "en",
    "🇸🇾": "ar",
    "🇸🇦": "ar",
    "🇮🇶": "ar",
    "🇲🇦": "ar",
    "🇪🇬": "ar",
    "🇹🇷": "tr",
    "🇺🇦": "uk",
    "🇵🇱": "pl",
    "🇮🇷": "fa",
    "🇦🇫": "fa",
    "🇪🇷": "ti",
    "🇪🇹": "ti",
    "🇸🇴": "so",
}


def flag_language(text: str) -> str | None:
    """The language of a message that is only a flag (or the same flag a few times)."""
    flags = "".join(text.split())
    pairs = [flags[i : i + 2] for i in range(0, len(flags), 2)]
    found = {FLAGS.get(pair) for pair in pairs}
    return found.pop() if len(found) == 1 and None not in found else None


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    """Built once per process: about 2.5 s and 200 MB once every model is loaded
    (bench/reports/language_detection.md)."""
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    languages = [
        Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper()))
        for code in (*_LATIN_MODEL_LANGUAGES, "ar", "fa")
    ]
    return LanguageDetectorBuilder.from_languages(*languages).build()


def _model(text: str, among: tuple[str, ...]) -> tuple[str, float]:
    values = {
        v.language.iso_code_639_1.name.lower(): v.value
        for v in _detector().compute_language_confidence_values(text)
    }
    total = sum(values.get(code, 0.0) for code in among) or 1.0
    best = max(among, key=lambda code: values.get(code, 0.0))
    return best, values.get(best, 0.0) / total


_SCRIPTS = (("ETHIOPIC", "ti"), ("CYRILLIC", "uk"), ("ARABIC", "arabic"))


def _script_of(word: str) -> str | None:
    names = [unicodedata.name(c, "") for c in word if c.isalpha()]
    for script, code in _SCRIPTS:
        if sum(script in n for n in names) * 2 > len(names):
            return code
    return None


def _script(words: list[str]) -> tuple[str | None, list[str]]:
    """The non-Latin script most words are in, and those words. Dutch words are mixed
    into other languages ("скільки коштує peuterspeelzaal"), not the other way round,
    so one word in another script outweighs any number of Latin ones."""
    by_script: dict[str, list[str]] = {}
    for word in words:
        script = _script_of(word)
        if script:
            by_script.setdefault(script, []).append(word)
    if not by_script:
        return None, []
    script = max(by_script, key=lambda code: len(by_script[code]))
    return script, by_script[script]


def _arabic_script(words: list[str]) -> Guess:
    text = " ".join(words)
    language, confidence = _model(text, ("ar", "fa"))
    if confidence < THRESHOLD and _PERSIAN_LETTERS & set(text):
        return Guess("fa", THRESHOLD, len(words))
    return Guess(language, confidence, len(words))


def _latin(words: list[str]) -> Guess:
    lowered = [w.casefold() for w in words]
    if sum(bool(_ARABIZI.fullmatch(w)) for w in lowered) >= max(1, len(lowered) // 4):
        return Guess("ar", 0.9, len(words))
    content = [w for w in lowered if w not in _DUTCH_TERMS and w not in _SHARED]
    if not content:  # only the municipality's words ("bijstand aanvragen") or "salam"
        dutch = any(w in _DUTCH_TERMS for w in lowered)
        return Guess("nl" if dutch else None, 0.8 if dutch else 0.0, len(words))
    hits = {lang: sum(w in vocab for w in content) for lang, vocab in _CHAT_WORDS.items()}
    ranked = sorted(hits.items(), key=lambda item: item[1], reverse=True)
    (best, best_hits), (_, second_hits) = ranked[0], ranked[1]
    clear_vocabulary = best_hits > second_hits and (best_hits >= 2 or best_hits * 2 >= len(content))
    if len(content) == 1 and len(content[0]) <= 3 and not clear_vocabulary:
        return NO_WORDS  # "ok", "top", "xd": nothing to go on, and nothing to ask about
    if best in ("ar", "fa") and clear_vocabulary:  # no model knows Arabizi or Finglish
        return Guess(best, 0.9, len(words))
    language, confidence = _model(" ".join(content), _LATIN_MODEL_LANGUAGES)
    if clear_vocabulary and best != language:
        # Short chat beats the model ("hoi" is not Somali); longer prose the other way.
        return Guess(best, 0.8, len(words)) if len(words) <= 3 else Guess(language, 0.5, len(words))
    if clear_vocabulary:
        return Guess(language, max(confidence, 0.9), len(words))
    # One word is thin evidence: only a very clear one ("istemiyorum") passes the threshold.
    return Guess(language, confidence if len(content) > 1 else confidence * 0.8, len(words))


@lru_cache(maxsize=4096)
def guess(text: str) -> Guess:
    """The most likely language of ``text`` and how sure that is (0 to 1). Cached: the
    conversation's language is derived from all its user messages on every reply, so the
    same texts come back each turn."""
    words = [w for w in _WORD.findall(text) if any(c.isalpha() for c in w)]
    if sum(c.isalpha() for w in words for c in w) < 2:
        return NO_WORDS
    script, in_script = _script(words)
    if script == "arabic":
        return _arabic_script(in_script)
    if script:
        return Guess(script, 1.0, len(words))
    return _latin(words)


def detect(text: str) -> str | None:
    """The language code of ``text`` or ``None`` when it is not clear."""
    found = guess(text)
    return found.language if found.confidence >= THRESHOLD else None


def is_unsure(text: str) -> bool:
    """The message has words, but not enough to tell the language: ask the user. Not
    when Dutch is the best guess: Dutch is what the bot answers in anyway."""
    found = guess(text)
    return found.words > 0 and found.confidence < THRESHOLD and found.language != "nl"


def clear_switch(text: str) -> str | None:
    """The language of a message clear enough to change a conversation's language."""
    found = guess(text)
    if found.words >= SWITCH_WORDS and found.confidence >= SWITCH_THRESHOLD:
        return found.language
    return None
