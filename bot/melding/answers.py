"""What a melding bijstand records, and the rules that follow from the answers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.melding.parsing import age_on

HOUSEHOLDS = ("single", "partner", "single_parent", "partner_children")
YOUTH_AGE_LIMIT = (
    27  # zoekperiode and studieplicht apply below this age (Participatiewet art. 41, 13)
)


@dataclass(frozen=True)
class MeldingAnswers:
    full_name: str
    birth_date: date
    phone_e164: str
    municipality: str
    household: str
    children_ages: tuple[int, ...] = ()
    has_income: bool = False
    other_adults: bool = False
    renting: bool = False
    helper: str | None = None  # "name (organisation)" when a helper acts for the client

    @property
    def has_partner(self) -> bool:
        return self.household in ("partner", "partner_children")

    @property
    def has_children(self) -> bool:
        return self.household in ("single_parent", "partner_children")

    def age(self, today: date) -> int:
        return age_on(self.birth_date, today)

    def under_27(self, today: date) -> bool:
        return self.age(today) < YOUTH_AGE_LIMIT


def plausible_birth_date(birth: date, today: date) -> bool:
    """Bijstand is for people from 18; we accept 15+ so a 17-year-old can still be helped."""
    return birth <= today and 15 <= age_on(birth, today) <= 120
