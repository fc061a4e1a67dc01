"""What the minima check knows about a household. ``None`` means "weet ik niet"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class Household:
    """``adults`` are the ages of the person asking and, if any, their partner.
    ``co_residents`` counts the other adults of 27 or older who live in the same home and are
    not a student or a paying lodger (they make the kostendelersnorm apply).
    ``net_income`` is per month for the whole household."""

    on: date
    adults: tuple[int, ...]
    children: tuple[int, ...] = ()
    net_income: Decimal | None = None
    income_includes_vakantiegeld: bool = False
    assets: Decimal | None = None
    low_income_months: int | None = None
    student: bool | None = False
    renting: bool | None = None
    co_residents: int | None = 0
    has_debts: bool | None = None

    def __post_init__(self) -> None:
        if not 1 <= len(self.adults) <= 2:
            raise ValueError("a household has one adult, or two partners")

    @property
    def type(self) -> str:
        """``single``, ``single_parent`` or ``partners``: the rows of every norm table."""
        if len(self.adults) == 2:
            return "partners"
        return "single_parent" if self.minor_children else "single"

    @property
    def minor_children(self) -> tuple[int, ...]:
        return tuple(age for age in self.children if age < 18)

    @property
    def age(self) -> int:
        return self.adults[0]
