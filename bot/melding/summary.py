"""The one-screen summary the intake team reads (Dutch, for consultants)."""

from __future__ import annotations

from datetime import date

from bot.handover.summary import LANGUAGE_NAMES_NL
from bot.melding.answers import MeldingAnswers

HOUSEHOLD_NL = {
    "single": "alleenstaand",
    "partner": "met partner",
    "single_parent": "alleenstaande ouder",
    "partner_children": "met partner en kinderen",
}


def yes_no(value: bool) -> str:
    return "ja" if value else "nee"


def melding_summary(answers: MeldingAnswers, language: str, urgent: bool, today: date) -> str:
    lines = [
        f"Melding bijstand{' — SPOED' if urgent else ''}",
        f"Naam: {answers.full_name}",
        f"Geboortedatum: {answers.birth_date:%d-%m-%Y} (leeftijd {answers.age(today)})",
        f"Huishouden: {HOUSEHOLD_NL[answers.household]}",
    ]
    if answers.has_children:
        lines.append("Leeftijden kinderen: " + ", ".join(str(a) for a in answers.children_ages))
    lines += [
        f"Inkomen nu: {yes_no(answers.has_income)}",
        f"Andere volwassenen in huis: {yes_no(answers.other_adults)}",
        f"Huurt: {yes_no(answers.renting)}",
        f"Taal: {LANGUAGE_NAMES_NL.get(language, language)}"
        + ("; tolk waarschijnlijk nodig" if language != "nl" else ""),
    ]
    if answers.under_27(today):
        lines.append("Jonger dan 27: zoekperiode van 4 weken en studieplicht uitgelegd")
    if answers.helper:
        lines.append(f"Gemeld door helper: {answers.helper} (klant akkoord)")
    return "\n".join(lines)
