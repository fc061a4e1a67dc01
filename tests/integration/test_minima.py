"""The minima check over HTTP with the real rasa and action servers, for four households."""

import re

import pytest

from tests.integration.conftest import Conversation, Stack, Stacks

pytestmark = pytest.mark.integration

ARABIC = re.compile(r"[\u0600-\u06ff]")


@pytest.fixture(scope="module")
def sqlite(stacks: Stacks) -> Stack:
    return stacks.get("sqlite")


def test_single_in_deventer_in_dutch_then_a_person(stack: Stack) -> None:
    c = Conversation(stack)
    assert "paar vragen" in c("ik heb weinig geld, welke regelingen zijn er voor mij?")
    assert "Met wie woont u" in c("Deventer")
    assert "Hoe oud bent u" in c("alleen")
    assert "per maand binnen" in c("45")
    assert "spaargeld" in c("ongeveer 1100")
    assert "Huurt u" in c("geen")
    assert "27 jaar of ouder" in c("ja")
    assert "Hoe lang" in c("nee, niemand")
    assert "schulden" in c("weet ik niet")
    answer = c("nee")
    assert "indicatie, geen besluit" in answer
    assert "Bijstand (grote kans)" in answer
    assert "Tot €\xa0200,61 per maand" in answer  # 1300.61 - 1100
    assert "Zorgtoeslag" in answer and "Huurtoeslag" in answer
    assert "1 juli 2025" in answer  # the newest norms we know: it says which date
    assert "medewerker van de gemeente met u meekijkt" in answer
    assert "telefoonnummer" in c("ja")  # the municipality is known: the phone number next
    reply = c("06 12345678")
    assert re.search(r"T-\d{4}-\d{6}", reply)


def test_single_parent_in_steenwijkerland_in_english(sqlite: Stack) -> None:
    c = Conversation(sqlite)
    c("are there any allowances for families with a low income")
    c("Steenwijk")
    c("alone with my children")
    c("30")
    c("3 and 14")
    c("1500")
    c("0")
    c("yes")
    c("no")
    c("4 years")
    answer = c("no")
    assert "indication" in answer.lower()
    assert "Kindgebonden budget" in answer and "€9,114" in answer  # 2x2511 + 703 + 3389
    assert "Bijstand (" not in answer  # 1500 is above the norm
    assert "meekijkt" not in answer and "colleague" not in answer.lower()


def test_couple_over_aow_age_in_arabic(sqlite: Stack) -> None:
    c = Conversation(sqlite)
    first = c("شو المساعدات اللي ممكن ناخدها من البلدية دخلنا قليل")
    assert ARABIC.search(first)
    c("Steenwijkerland")
    c(r'/choose{"household": "partner"}')
    c("٦٧")
    c("٦٨")
    c("٢٥٠٠")
    c("لا أعرف")
    c("نعم")
    c("0")
    answer = c("لا")
    assert ARABIC.search(answer)
    assert "Bijdrage in de premie" in answer  # 130% of the AOW couple norm: 2587.30
    assert "Bijstand (" not in answer  # at AOW age the SVB pays, not the municipality


def test_couple_with_children_and_debts_can_stop_halfway_and_start_again(sqlite: Stack) -> None:
    c = Conversation(sqlite)
    c("welke regelingen zijn er voor ons gezin met kinderen")
    assert "Postcode 7415 hoort bij de gemeente Deventer" in c("7415 AB")
    assert "ik stop met de check" in c("laat maar")
    c("welke regelingen zijn er voor ons gezin met kinderen")
    assert "Met wie woont u" in c("Deventer")
    assert "Hoe oud bent u" in c("met mijn vrouw en 2 kinderen")
    assert "Hoe oud is uw partner" in c("38")
    assert "Hoe oud zijn de kinderen" in c("36")
    assert "per maand binnen" in c("6 en 10")
    c("2100")
    c("geen")
    c("ja")
    assert "Hoe lang" in c("0")  # 38: no question about studiefinanciering
    assert "schulden" in c("2 jaar")
    answer = c("ja")
    assert "Stichting Leergeld" in answer  # 2100 is below 120% of the couple norm (2229.61)
    assert "Budget Adviesbureau Deventer" in answer
    assert "Bijstand (" not in answer  # 2100 is above the couple norm (1858.01)
    assert "meekijkt" in answer  # debts: a person is offered
