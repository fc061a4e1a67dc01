"""Knowledge-base answers over HTTP: the municipality's answer, its source, feedback."""

import re

import pytest

from tests.integration.conftest import Conversation, Stack

pytestmark = pytest.mark.integration

ARABIC = re.compile(r"[\u0600-\u06ff]")


def test_abroad_answer_source_and_a_stored_vote(stack: Stack) -> None:
    c = Conversation(stack)
    answer = c("hoe lang mag ik met bijstand in het buitenland zijn?")
    assert "4 weken" in answer
    assert "Heeft dit antwoord u geholpen?" in answer
    assert "Fijn" in c("ja")
    source = c("waar staat dat?")
    assert source.startswith("Dit staat in:") and "Participatiewet" in source
    votes = stack.sql(
        "SELECT topic, language, helped FROM faq_vote WHERE topic = 'vakantie_buitenland'"
    )
    assert ("vakantie_buitenland", "nl", True) in [tuple(v) for v in votes]


def test_feedback_is_asked_once_per_topic(stack: Stack) -> None:
    c = Conversation(stack)
    first = c("hoe lang mag ik op vakantie naar het buitenland")
    c("nee")
    again = c("en hoeveel weken vakantie in het buitenland mag ik")
    assert "geholpen" in first and "geholpen" not in again


def test_no_vote_offers_a_person(stack: Stack) -> None:
    c = Conversation(stack)
    assert "geholpen" in c("hoeveel spaargeld mag ik hebben als ik bijstand krijg")
    reply = c("nee")
    assert "medewerker" in reply


def test_a_municipality_specific_answer_asks_where_first(stack: Stack) -> None:
    c = Conversation(stack)
    first = c("kan ik een voorschot krijgen als ik wacht op mijn uitkering")
    assert "In welke gemeente woont u?" in first
    second = c("Deventer")
    assert "voorschot" in second.lower()
    assert "In welke gemeente" not in second


def test_arabic_question_gets_an_arabic_answer(stack: Stack) -> None:
    c = Conversation(stack)
    answer = c("هل يسمح لي أن أسافر خارج هولندا وأنا آخذ المساعدة؟")
    assert ARABIC.search(answer) and "4" in answer
