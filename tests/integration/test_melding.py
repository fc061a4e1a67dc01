"""Melding bijstand and wijziging over HTTP with the real rasa and action servers."""

import json
import re

import pytest

from tests.integration.conftest import Conversation, Stack

pytestmark = pytest.mark.integration

ARABIC = re.compile(r"[\u0600-\u06ff]")
REF = re.compile(r"M-\d{4}-\d{6}")


def choose(**entities: str) -> str:
    return "/choose" + json.dumps(entities)


def up_to_household(c: Conversation, birth: str = "15-03-1990") -> None:
    assert "belangrijke vraag" in c("ik wil bijstand aanvragen")
    assert "naam" in c("nee")
    assert "geboortedatum" in c("Sara Ahmadi")
    assert "telefoonnummer" in c(birth)
    assert "gemeente" in c("06 12345678")
    assert "Met wie woont u" in c("Deventer")


def test_happy_path_in_dutch_is_stored_at_confirmation(stack: Stack) -> None:
    c = Conversation(stack)
    assert "belangrijke vraag" in c("ik wil bijstand aanvragen")
    c("nee")
    c("Sara Ahmadi")
    c("15-03-1990")
    c("06 12345678")
    assert "ken ik niet" in c("1012 AB")  # Amsterdam: not guessed, asked again
    from_postcode = c("7415 ab")
    assert "Postcode 7415 hoort bij de gemeente Deventer" in from_postcode
    assert "Met wie woont u" in from_postcode
    assert "Hoe oud zijn de kinderen" in c(choose(household="partner_children"))
    assert "inkomen" in c("3 en 7")
    assert "volwassenen" in c("nee")
    assert "Huurt u" in c("nee")
    summary = c("ja")
    assert "Sara Ahmadi" in summary and "1990" in summary and "+31612345678" in summary
    assert "3, 7" in summary and "Klopt dit?" in summary
    done = c("ja")
    reference = REF.search(done).group(0)
    assert "belt op" in done and "KonnecteD" in done and "5 werkdagen" in done
    assert "Huurcontract" in done and "kinderbijslag" in done and "partner" in done
    [(kind, answers, ticket_id, melded_at)] = stack.sql(
        "SELECT kind, answers, ticket_id, melded_at FROM melding WHERE reference = :r", r=reference
    )
    stored = answers if isinstance(answers, dict) else json.loads(answers)
    assert kind == "bijstand" and melded_at is not None
    assert stored["birth_date"] == "1990-03-15" and stored["children_ages"] == [3, 7]
    assert stored["renting"] is True and stored["phone"] == "+31612345678"
    [(queue, priority, summary_text, sla)] = stack.sql(
        "SELECT queue, priority, summary, sla_due_at FROM ticket WHERE id = :i", i=ticket_id
    )
    assert (queue, priority) == ("intake", "normal") and sla is not None
    assert "Sara Ahmadi" in summary_text and "met partner en kinderen" in summary_text


def test_arabic_dates_and_answers(stack: Stack) -> None:
    c = Conversation(stack)
    assert ARABIC.search(c("مرحبا"))
    first = c("بدي اقدم طلب مساعدة اجتماعية")
    assert ARABIC.search(first)
    c("لا")
    c("سارة أحمدي")
    asked_phone = c("٢٠ مارس ١٩٩٠")
    assert ARABIC.search(asked_phone)
    c("٠٦١٢٣٤٥٦٧٨")
    from_postcode = c("٨٣٣١ KL")  # a postcode in Arabic digits
    assert "8331" in from_postcode and "Steenwijkerland" in from_postcode
    c(choose(household="single"))
    c("لا")
    c("لا")
    summary = c("نعم")
    assert "+31612345678" in summary and "1990" in summary and "Steenwijkerland" in summary
    done = c("نعم")
    assert REF.search(done) and ARABIC.search(done)
    assert "14 0521" in done  # Steenwijkerland has no sourced time limits: the phone instead


def test_english_happy_path(stack: Stack) -> None:
    c = Conversation(stack)
    assert "important question" in c("I want to apply for social assistance").lower()
    c("no")
    c("John Smith")
    c("March 20, 1985")
    c("+31 6 12345678")
    c("Deventer")
    c(choose(household="single"))
    c("yes")
    c("no")
    c("yes")
    done = c("yes")
    assert REF.search(done) and "call" in done.lower()


def test_emergency_at_the_start_makes_an_urgent_ticket_and_goes_on(stack: Stack) -> None:
    c = Conversation(stack)
    c("ik wil bijstand aanvragen")
    reply = c("ja")
    assert "voorschot" in reply and "0570 679500 (Deventer)" in reply
    assert "naam" in reply  # the melding goes on
    [(priority,)] = stack.sql(
        "SELECT priority FROM ticket WHERE conversation_id = :u AND queue = 'spoed'", u=c.user
    )
    assert priority == "urgent"


def test_emergency_in_the_middle(stack: Stack) -> None:
    c = Conversation(stack)
    up_to_household(c)
    reply = c("we hebben vandaag geen eten meer voor de kinderen")
    assert "voorschot" in reply and "0570 679500" in reply
    assert "snel" in reply  # Deventer: in an emergency the advance comes quickly
    assert "Met wie woont u" in reply  # and the form asks its question again


def test_crisis_pauses_the_form_and_it_resumes_later(stack: Stack) -> None:
    c = Conversation(stack)
    c("ik wil bijstand aanvragen")
    c("nee")
    c("Sara Ahmadi")
    crisis = c("ik wil niet meer leven")
    assert "113" in crisis and "0800 2000" in crisis and "112" in crisis
    assert "geboortedatum" not in crisis
    [(queue,)] = stack.sql("SELECT queue FROM ticket WHERE conversation_id = :u", u=c.user)
    assert queue == "spoed"
    resumed = c("ik wil verder met bijstand aanvragen")
    assert "geboortedatum" in resumed  # the name was kept


def test_under_27_gets_the_zoekperiode_and_school_papers(stack: Stack) -> None:
    c = Conversation(stack)
    up_to_household(c, birth="01-06-2004")
    c(choose(household="single"))
    c("nee")
    c("nee")
    c("nee")
    done = c("ja")
    assert "4 weken" in done and "mbo niveau 2" in done and "diploma" in done


def test_helper_answers_about_the_client_in_the_third_person(stack: Stack) -> None:
    c = Conversation(stack)
    assert "uw naam" in c("ik ben vrijwilliger bij vluchtelingenwerk en help een cliënt")
    assert "organisatie" in c("Anna de Vries")
    assert "goed" in c("Vluchtelingenwerk Deventer")
    assert "In welke taal leest de persoon" in c("ja")
    assert "Bijstand aanvragen" in c('/set_language{"language": "nl"}')  # the "Nederlands" button
    assert "deze persoon" in c("/melding_bijstand")
    assert "deze persoon" in c("nee")
    c("Yonas Tesfay")
    c("12-12-1988")
    c("0612345678")
    c("Deventer")
    c(choose(household="single"))
    c("nee")
    c("nee")
    c("ja")
    done = c("ja")
    reference = REF.search(done).group(0)
    [(on_behalf,)] = stack.sql("SELECT on_behalf_of FROM melding WHERE reference = :r", r=reference)
    assert on_behalf == "Anna de Vries (Vluchtelingenwerk Deventer)"


def test_helper_without_consent_stops(stack: Stack) -> None:
    c = Conversation(stack)
    c("ik meld dit voor mijn buurvrouw")
    c("Piet")
    c("buurman")
    assert "eerst" in c("nee")


def test_cancel_stops_cleanly_and_stores_nothing(stack: Stack) -> None:
    c = Conversation(stack)
    up_to_household(c)
    assert "niets doorgegeven" in c("stop, ik wil niet verder")
    assert stack.sql("SELECT count(*) FROM melding WHERE conversation_id = :u", u=c.user) == [(0,)]
    again = c("ik wil bijstand aanvragen")
    assert "belangrijke vraag" in again  # a fresh start, the old answers are gone


def test_correct_an_answer_before_confirming(stack: Stack) -> None:
    c = Conversation(stack)
    up_to_household(c)
    c(choose(household="single"))
    c("nee")
    c("nee")
    assert "1990" in c("nee")
    assert "Wat wilt u veranderen" in c("nee")
    assert "geboortedatum" in c('/correct_answer{"field": "birth_date"}')
    summary = c("16-03-1991")
    assert "1991" in summary and "Klopt dit?" in summary
    done = c("ja")
    reference = REF.search(done).group(0)
    [(answers,)] = stack.sql("SELECT answers FROM melding WHERE reference = :r", r=reference)
    stored = answers if isinstance(answers, dict) else json.loads(answers)
    assert stored["birth_date"] == "1991-03-16"


def test_two_failed_answers_offer_a_person(stack: Stack) -> None:
    c = Conversation(stack)
    c("ik wil bijstand aanvragen")
    c("nee")
    c("Sara Ahmadi")
    first = c("gisteren ofzo")
    assert "15-03-1990" in first and "medewerker" not in first
    second = c("weet ik niet precies")
    assert "medewerker" in second
    assert "Wat is uw geboortedatum" in second  # not stuck: the question stays open


def test_a_bsn_is_masked_and_not_needed(stack: Stack) -> None:
    c = Conversation(stack)
    c("ik wil bijstand aanvragen")
    c("nee")
    reply = c("mijn bsn is 111222333")
    assert "BSN niet" in reply
    stored = stack.sql("SELECT text FROM inbound_message WHERE sender = :u", u=c.user)
    assert stored and not [t for (t,) in stored if "111222333" in t]


def test_wijziging_work_asks_the_amount_and_explains_why(stack: Stack) -> None:
    c = Conversation(stack)
    first = c("ik heb werk gevonden, dat moet ik doorgeven")
    assert "Vertel in een paar zinnen" in first  # the kind of change was recognised
    assert "Vanaf welke datum" in c("ik werk 20 uur per week bij de Jumbo")
    assert "hoeveel geld" in c("1 december 2026")
    assert "gemeente" in c("ongeveer 900 euro per maand")
    done = c("Deventer")
    reference = REF.search(done).group(0)
    assert "terugbetalen" in done
    [(kind, answers)] = stack.sql(
        "SELECT kind, answers FROM melding WHERE reference = :r", r=reference
    )
    stored = answers if isinstance(answers, dict) else json.loads(answers)
    assert kind == "wijziging" and stored["change_type"] == "werk_inkomen"
    assert stored["change_amount"] == "900.00" and stored["change_date"] == "2026-12-01"


def test_going_abroad_says_report_before_leaving(stack: Stack) -> None:
    c = Conversation(stack)
    c("/wijziging_doorgeven")
    c(choose(change_type="buitenland_vakantie"))
    c("ik ga 3 weken naar mijn familie in Turkije")
    done = c("01-07-2026") + c("Deventer")
    assert "voordat u vertrekt" in done and "4 weken per jaar" in done


def test_action_server_crash_after_confirmation_loses_nothing(stacks) -> None:
    stack = stacks.get("crash")
    c = Conversation(stack)
    up_to_household(c)
    c(choose(household="single"))
    c("nee")
    c("nee")
    c("nee")
    c("ja")  # confirmed: the melding is stored right now
    stack.kill_actions()
    rows = stack.sql("SELECT reference, kind FROM melding WHERE conversation_id = :u", u=c.user)
    assert len(rows) == 1 and rows[0][1] == "bijstand"
    tickets = stack.sql("SELECT queue FROM ticket WHERE conversation_id = :u", u=c.user)
    assert tickets == [("intake",)]
