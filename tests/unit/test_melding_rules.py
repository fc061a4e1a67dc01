"""Melding domain logic: parsing answers in any script, checklist, triage, summary."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.handover.phone import to_e164
from bot.melding.answers import MeldingAnswers, plausible_birth_date
from bot.melding.checklist import checklist
from bot.melding.household import parse_household
from bot.melding.parsing import is_unknown, normalise_digits, parse_ages, parse_amount, parse_date
from bot.melding.summary import melding_summary
from bot.melding.triage import urgency
from bot.melding.yes_no import parse_yes_no
from bot.municipality.calendar import add_working_days

TODAY = date(2026, 11, 25)
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 jan 90", date(1990, 1, 1)),
        ("1-1-1990", date(1990, 1, 1)),
        ("01.01.1990", date(1990, 1, 1)),
        ("20 maart 1990", date(1990, 3, 20)),
        ("March 20, 1990", date(1990, 3, 20)),
        ("٢٠ مارس ١٩٩٠", date(1990, 3, 20)),
        ("20 آذار 1990", date(1990, 3, 20)),
        ("1990-03-20", date(1990, 3, 20)),
        ("15/06/85", date(1985, 6, 15)),
        ("3 december 05", date(2005, 12, 3)),
        ("01011990", date(1990, 1, 1)),
    ],
)
def test_dates_as_people_type_them(text: str, expected: date) -> None:
    assert parse_date(text, TODAY) == expected


@pytest.mark.parametrize("text", ["31-02-1990", "hallo", "", "12", "1 2 3 4", "13-13-1990"])
def test_not_a_date_is_none_not_a_guess(text: str) -> None:
    assert parse_date(text, TODAY) is None


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2026, 11, 25)))
def test_any_date_round_trips_in_every_digit_script(day: date) -> None:
    for text in (f"{day:%d-%m-%Y}", f"{day.day}/{day.month}/{day.year}", day.isoformat()):
        assert parse_date(text, TODAY) == day
        assert parse_date(text.translate(ARABIC_INDIC), TODAY) == day
        assert parse_date(text.translate(PERSIAN), TODAY) == day


@given(st.text(max_size=40))
def test_parse_date_never_crashes(text: str) -> None:
    result = parse_date(text, TODAY)
    assert result is None or isinstance(result, date)


# Dutch mobile numbers in use start with 061-065 or 068.
@given(st.builds(lambda a, b: f"{a}{b:07d}", st.sampled_from("123458"), st.integers(0, 9_999_999)))
def test_dutch_mobile_numbers_in_any_form_become_e164(rest: str) -> None:
    expected = f"+316{rest}"
    digits = f"06{rest}"
    for text in (digits, f"06-{rest}", f"+31 6 {rest}", f"0031 6{rest}"):
        assert to_e164(normalise_digits(text)) == expected
    assert to_e164(normalise_digits(digits.translate(ARABIC_INDIC))) == expected


@given(st.text(max_size=30))
def test_phone_parsing_never_crashes(text: str) -> None:
    result = to_e164(normalise_digits(text))
    assert result is None or result.startswith("+")


def test_impossible_numbers_are_refused() -> None:
    assert to_e164("12") is None
    assert to_e164("0600000000000000") is None


def test_plausible_birth_dates() -> None:
    assert plausible_birth_date(date(1990, 1, 1), TODAY)
    assert not plausible_birth_date(date(2027, 1, 1), TODAY)  # the future
    assert not plausible_birth_date(date(2020, 1, 1), TODAY)  # a six-year-old
    assert not plausible_birth_date(date(1890, 1, 1), TODAY)


def test_ages_amounts_yes_no_and_household() -> None:
    assert parse_ages("3 en 7") == [3, 7]
    assert parse_ages("٣ و ٧") == [3, 7]
    assert parse_ages("geen idee") is None
    assert parse_amount("€ 1.250,50") == 1250.5
    assert parse_amount("weet ik niet") is None
    assert parse_yes_no("ja hoor") is True
    assert parse_yes_no("لا") is False
    assert parse_yes_no("misschien") is None
    assert parse_household("met mijn vrouw en 2 kinderen") == "partner_children"
    assert parse_household("لوحدي") == "single"
    assert parse_household("met mijn moeder") is None


def answers(**changes: object) -> MeldingAnswers:
    base = dict(
        full_name="Sara Ahmadi",
        birth_date=date(1985, 5, 1),
        phone_e164="+31612345678",
        municipality="deventer",
        household="single",
    )
    return MeldingAnswers(**{**base, **changes})


def test_checklist_depends_on_the_answers() -> None:
    assert [i.id for i in checklist(answers(), TODAY)] == ["id", "bank"]
    full = answers(household="partner_children", renting=True, has_income=True, other_adults=True)
    assert [i.id for i in checklist(full, TODAY)] == [
        "id",
        "bank",
        "income",
        "partner",
        "rent",
        "children",
        "housemates",
    ]
    young = answers(birth_date=date(2004, 1, 1))
    assert "school" in [i.id for i in checklist(young, TODAY)]
    assert all(item.source for item in checklist(full, TODAY))


def test_under_27_on_the_day_of_the_melding() -> None:
    assert answers(birth_date=date(1999, 11, 26)).under_27(TODAY)  # 27 tomorrow
    assert not answers(birth_date=date(1999, 11, 25)).under_27(TODAY)  # 27 today


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ik wil dood", "crisis"),
        ("mijn man slaat mij", "crisis"),
        ("I want to die", "crisis"),
        ("بدي موت", "crisis"),
        ("ik heb net een heleboel pillen genomen", "crisis"),
        ("mijn partner heeft mij gewurgd", "crisis"),
        ("we hebben geen eten meer", "broodnood"),
        ("morgen word ik uit huis gezet", "broodnood"),
        ("they cut off the electricity, cut off", "broodnood"),
        ("Sara Ahmadi", None),
        ("ik heb honderd vragen", None),
        ("dün gece yine intihar etmeyi düşündüm", "crisis"),
        ("bu hafta yemek için param yok, maaş pazartesi yatıyor", "broodnood"),
        ("bu evde yaşamak istemiyorum, başka bir ev arıyorum", None),
        ("колишній мене бʼє, коли приходить за дітьми", "crisis"),
        ("у нас два дні нема їжі, а виплата тільки в понеділок", "broodnood"),
        ("не хочу жити з батьками, шукаю окрему кімнату", None),
        ("od tygodnia mam myśli samobójcze i nie śpię", "crisis"),
        ("w piątek odcięli mi prąd, a mam małe dziecko", "broodnood"),
        ("czy gmina pomaga, jeśli za kilka miesięcy grozi mi eksmisja?", None),
        ("دیشب باز شوهرم کتکم میزنه و از خونه بیرون نمیرم", "crisis"),
        ("صاحبخونه گفته آخر هفته بیرونم میکنن", "broodnood"),
        ("قرار فردا رو میخوام عوض کنم، بچه‌ام مریضه", None),
        ("ሰብኣየይ ኩሉ ግዜ ይወቕዓኒ ሓግዙኒ", "crisis"),
        ("ካብ ሰሉስ መብራህቲ ቆሪጾምለይ ገንዘብ የብለይን", "broodnood"),
        ("ቆጸራይ ናብ ሰሉስ ክቕይሮ እደሊ", None),
        ("ninkaygii hore ayaa shalay i garaacay, waan baqayaa", "crisis"),
        ("carruurta cunto uma hayo maanta, lacagtii way dhammaatay", "broodnood"),
        ("maanta wax ma cunin waan soomanahay, ballanta ma dib u dhigi karaa", None),
    ],
)
def test_triage_safety_net(text: str, expected: str | None) -> None:
    assert urgency(text) == expected


def test_summary_has_everything_on_one_screen() -> None:
    text = melding_summary(
        answers(household="single_parent", children_ages=(3, 7), helper="Jan (Vluchtelingenwerk)"),
        "ar",
        urgent=True,
        today=TODAY,
    )
    assert "SPOED" in text and "Sara Ahmadi" in text and "3, 7" in text
    assert "tolk" in text and "Vluchtelingenwerk" in text and "01-05-1985" in text


def test_working_days_skip_weekends_and_holidays() -> None:
    assert add_working_days(date(2026, 11, 27), 1) == date(2026, 11, 30)
    assert add_working_days(date(2026, 12, 23), 2) == date(2026, 12, 28)


@pytest.mark.parametrize(
    ("text", "household"),
    [
        ("eşim ve iki çocuğum", "partner_children"),
        ("yalnız yaşıyorum", "single"),
        ("з дружиною", "partner"),
        ("сама з дітьми", "single_parent"),
        ("z żoną i dziećmi", "partner_children"),
        ("mieszkam sama", "single"),
        ("با همسر و دو فرزند", "partner_children"),
        ("تنها", "single"),
        ("ምስ ሰበይተይን ቆልዑን", "partner_children"),
        ("kali", "single"),
        ("xaaskayga iyo carruurta", "partner_children"),
    ],
)
def test_household_in_the_other_launch_languages(text: str, household: str) -> None:
    assert parse_household(text) == household


@pytest.mark.parametrize("text", ["نمی‌دانم", "نمیدانم", "ኣይፈልጥን", "ma aqaan", "bilmiyorum"])
def test_i_do_not_know_in_the_other_launch_languages(text: str) -> None:
    assert is_unknown(text)
