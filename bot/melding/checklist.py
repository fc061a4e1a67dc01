"""A personal list of papers for the intake, from the answers.

The municipality sends the exact list after the first conversation (seed 004 L1165-1166);
this list helps people start collecting. The items are the ones Dutch municipalities ask
for with a bijstand application; each carries its source.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.i18n.catalog import N_
from bot.melding.answers import MeldingAnswers

_GENERAL = "e.g. https://www.orioniswalcheren.nl/uitkering/uitkering-aanvragen (bewijsstukken)"


@dataclass(frozen=True)
class Item:
    id: str
    text: str  # Dutch source; translated through the "checklist" context
    source: str


ID = Item(
    "id",
    N_("checklist", "Paspoort, ID-kaart of verblijfsdocument (geen rijbewijs)"),
    "Participatiewet art. 17 lid 3-4 (identificatieplicht)",
)
BANK = Item(
    "bank",
    N_("checklist", "Bankafschriften van de laatste 3 maanden, van alle rekeningen"),
    _GENERAL,
)
INCOME = Item(
    "income",
    N_(
        "checklist",
        "Bewijs van het inkomen nu, zoals een loonstrook of een brief over een uitkering",
    ),
    _GENERAL,
)
PARTNER = Item(
    "partner",
    N_("checklist", "Identiteitsbewijs en bankafschriften van de partner"),
    _GENERAL,
)
RENT = Item("rent", N_("checklist", "Huurcontract en een bewijs van betaalde huur"), _GENERAL)
CHILDREN = Item(
    "children",
    N_(
        "checklist",
        "Papieren over de kinderen, zoals kinderbijslag, kindgebonden budget of alimentatie",
    ),
    _GENERAL,
)
SCHOOL = Item(
    "school",
    N_("checklist", "Diploma's of een bewijs van de laatste school"),
    "seed 004 L1499-1549 (jongeren: studieplicht)",
)
HOUSEMATES = Item(
    "housemates",
    N_("checklist", "Namen en geboortedata van de andere volwassenen in huis"),
    "Participatiewet art. 22a (kostendelersnorm)",
)


def checklist(answers: MeldingAnswers, today: date) -> list[Item]:
    items = [ID, BANK]
    if answers.has_income:
        items.append(INCOME)
    if answers.has_partner:
        items.append(PARTNER)
    if answers.renting:
        items.append(RENT)
    if answers.has_children:
        items.append(CHILDREN)
    if answers.other_adults:
        items.append(HOUSEMATES)
    if answers.under_27(today):
        items.append(SCHOOL)
    return items
