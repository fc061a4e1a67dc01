"""Reading answers as people type them: dates, numbers and lists in any script.

"1 jan 90", "1-1-1990", "01.01.1990", "20 maart 1990", "March 20, 1990" and
"٢٠ مارس ١٩٩٠" are the same kind of answer; digits may be Western, Arabic-Indic or
Persian. Returns ``None`` when the text is not a date, never a guess.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import Decimal, InvalidOperation

MONTHS: dict[str, int] = {}
_MONTH_NAMES = {
    1: "jan januari january janvier يناير كانون_الثاني جانفي",
    2: "feb februari february فبراير شباط فيفري",
    3: "mrt maart mar march مارس آذار اذار",
    4: "apr april أبريل ابريل نيسان إبريل",
    5: "mei may مايو أيار ايار ماي",
    6: "jun juni june يونيو حزيران جوان",
    7: "jul juli july يوليو تموز جويلية",
    8: "aug augustus august أغسطس اغسطس آب اب أوت",
    9: "sep sept september سبتمبر أيلول ايلول",
    10: "okt oct oktober october أكتوبر اكتوبر تشرين_الأول تشرين_الاول",
    11: "nov november نوفمبر تشرين_الثاني",
    12: "dec december ديسمبر كانون_الأول كانون_الاول",
}
for _number, _names in _MONTH_NAMES.items():
    for _name in _names.split():
        MONTHS[_name.replace("_", " ")] = _number


def normalise_digits(text: str) -> str:
    """Any Unicode decimal digit (Arabic-Indic, Persian, ...) to 0-9."""
    return "".join(str(unicodedata.digit(ch)) if ch.isdigit() else ch for ch in text)


def numbers(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"\d+", normalise_digits(text))]


def _year(value: int, today: date) -> int:
    if value >= 100:
        return value
    century = today.year - today.year % 100
    return century + value if century + value <= today.year else century - 100 + value


def _month_in(text: str) -> tuple[int, str] | None:
    lowered = text.casefold()
    for name in sorted(MONTHS, key=len, reverse=True):
        pattern = rf"(?<![^\W\d_]){re.escape(name)}\.?(?![^\W\d_])"
        if re.search(pattern, lowered):
            return MONTHS[name], re.sub(pattern, " ", lowered, count=1)
    return None


def parse_date(text: str, today: date) -> date | None:
    """A calendar date from free text, or ``None``."""
    cleaned = normalise_digits(text).strip()
    iso = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", cleaned)
    try:
        if iso:
            return date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        named = _month_in(cleaned)
        if named:
            month, rest = named
            parts = [int(n) for n in re.findall(r"\d+", rest)]
            if len(parts) != 2:
                return None
            year, day = parts if parts[0] > 31 else parts[::-1]
            return date(_year(year, today), month, day)
        parts = [int(n) for n in re.findall(r"\d+", cleaned)]
        if len(parts) == 3 and re.fullmatch(
            r"\d{1,2}\s*[-/. ]\s*\d{1,2}\s*[-/. ]\s*\d{2,4}", cleaned
        ):
            day, month, year = parts
            return date(_year(year, today), month, day)
        if len(parts) == 1 and re.fullmatch(r"\d{8}", cleaned):  # 01011990
            return date(int(cleaned[4:]), int(cleaned[2:4]), int(cleaned[:2]))
    except ValueError:  # 31 February and the like
        return None
    return None


def age_on(birth: date, today: date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def parse_ages(text: str) -> list[int] | None:
    """Children's ages: "3 en 7", "3, 7", "٣ و ٧". ``None`` when none or implausible."""
    ages = numbers(text)
    if not ages or any(age > 30 for age in ages) or len(ages) > 15:
        return None
    return ages


def parse_amount(text: str) -> Decimal | None:
    """An amount in euro: "250", "€ 1.250,50", "ongeveer 900". ``None`` when there is none.
    A ``Decimal``: money is never a float."""
    cleaned = normalise_digits(text).replace("€", " ").replace("euro", " ")
    match = re.search(r"\d[\d.,]*", cleaned)
    if not match:
        return None
    number = match.group(0).rstrip(".,")
    if re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d{1,2})?", number):  # 1.250,50
        number = number.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d+,\d{1,2}", number):  # 12,50
        number = number.replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d{1,2})?", number):  # 1,250.50
        number = number.replace(",", "")
    try:
        return Decimal(number)
    except InvalidOperation:
        return None


_UNKNOWN = re.compile(
    r"weet (ik )?(het )?niet|geen idee|onbekend|don'?t know|not sure|no idea|unknown"
    r"|لا ا?أ?عرف|ما بعرف|مش عارف|ما عارف|معرفش|ما اعرف|ما أعرف|bilmiyorum|nie wiem|не знаю"
    r"|نمی.?دانم|نمیدونم|ኣይፈልጥን|ma aqaan|ma garanayo"
)


def is_unknown(text: str) -> bool:
    """ "weet ik niet" and its kin in the launch languages: a valid answer, not a bad one."""
    return bool(_UNKNOWN.search(text.casefold()))


def words_of(text: str) -> list[str]:
    """Lower-case words without the punctuation around them ("Stop!" → "stop")."""
    return [word.strip(".,!?؟،") for word in text.casefold().split()]


# Words that join the parts of a name ("Mohammed Al Hassan", "Jan van der Berg", "Fatima
# bint Ali"): never a reason to think a longer message is no name, even when a stop
# sentence uses them too ("ik heb geen zin meer in al die vragen, stop").
NAME_PARTICLES = frozenset(
    {"al", "el", "abu", "bin", "ben", "bint", "ibn", "ould"}  # Arabic
    | {"van", "de", "der", "den", "ter", "ten", "te"}  # Dutch
    | {"la", "le", "da", "di", "du"}
)


def looks_like_a_name(
    text: str, not_name_words: frozenset[str], not_one_word_names: frozenset[str]
) -> bool:
    """One to five words of letters, none of them a word people use to stop ("laat maar",
    "إلغاء"): "سارة أحمدي" is a name, whatever the model made of it. A single word must
    also not be one of ``not_one_word_names``: "Piet" is a name, "medewerker" or "english"
    a request the model read right. (Those words are allowed inside longer names, which
    often hold a "van", "de" or "al".)"""
    words = words_of(text)
    return (
        1 <= len(words) <= 5
        and not any(ch.isdigit() for ch in text)
        and all(any(ch.isalpha() for ch in word) for word in words)
        and not any(w in not_name_words and w not in NAME_PARTICLES for w in words)
        and not (len(words) == 1 and words[0] in not_one_word_names)
    )
