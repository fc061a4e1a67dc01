"""The right bijstandsnorm for a household on a date, and the period it comes from.

Rules (Participatiewet art. 20-22a, formulas in research/minima.md §1.0):
- the tables hold norms *including* vakantietoeslag; without it is 95%;
- the kostendelersnorm per person is ``(40 + 30·A) / A`` % of the couple norm ``C``, with
  ``A`` the number of kostendelers including the applicant; it applies only from 21 to the
  AOW age, and only co-residents of 27 and older count (the caller counts those);
- a period whose table is ``unknown`` is skipped for the newest known one, and the caller
  is told so (``fell_back``) and which date was used.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Protocol, TypeVar

from bot.minima.household import Household
from bot.minima.schema import UNKNOWN, ByHousehold, DatedLimits, Norms

CENT = Decimal("0.01")
VAKANTIETOESLAG_FACTOR = Decimal("0.95")


def cents(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


class _Dated(Protocol):
    valid_from: date


P = TypeVar("P", bound=_Dated)


@dataclass(frozen=True)
class Picked:
    """A period's value, the date it is valid from, and whether a newer period was unknown."""

    value: object
    valid_from: date
    fell_back: bool


def pick(
    periods: Sequence[P], on: date, known: Callable[[P], bool], value: Callable[[P], object]
) -> Picked | None:
    """The period in force ``on``; if its figures are unknown, the newest known one before it.
    ``None`` when nothing is known up to that date."""
    in_force = [p for p in sorted(periods, key=lambda p: p.valid_from) if p.valid_from <= on]
    for position, period in enumerate(reversed(in_force)):
        if known(period):
            return Picked(value(period), period.valid_from, fell_back=position > 0)
    return None


def pick_limits(periods: Sequence[DatedLimits], on: date, household_type: str) -> Picked | None:
    picked = pick(periods, on, lambda p: p.limits != UNKNOWN, lambda p: p.limits)
    if picked is None:
        return None
    limits: ByHousehold = picked.value  # type: ignore[assignment]
    return Picked(getattr(limits, household_type), picked.valid_from, picked.fell_back)


@dataclass(frozen=True)
class Norm:
    """A monthly norm including vakantietoeslag, and where it comes from."""

    including_vt: Decimal
    valid_from: date
    fell_back: bool
    kostendelers: int = 0  # A, when the kostendelersnorm was applied

    @property
    def excluding_vt(self) -> Decimal:
        return cents(self.including_vt * VAKANTIETOESLAG_FACTOR)

    def basis(self, vakantietoeslag: str) -> Decimal:
        return self.including_vt if vakantietoeslag == "included" else self.excluding_vt


def category(household: Household, aow_age: int) -> str | None:
    """The row of the norm table, or ``None`` under 18 (no bijstand norm)."""
    ages = household.adults
    if min(ages) < 18:
        return None
    if len(ages) == 1:
        age = ages[0]
        return "single_aow" if age >= aow_age else "single_18_20" if age < 21 else "single_21_aow"
    if max(ages) >= aow_age:
        return "couple_aow"
    young = sum(1 for age in ages if age < 21)
    if young == 0:
        return "couple_21_aow"
    suffix = "_children" if household.minor_children else ""
    return ("couple_one_18_20" if young == 1 else "couple_both_18_20") + suffix


def bijstand_norm(
    norms: Norms, household: Household, *, applicable: bool, on: date | None = None
) -> Norm | None:
    """The norm for ``household``; with ``applicable`` the kostendelersnorm where it applies."""
    on = on or household.on
    row = category(household, norms.aow_age)
    picked = pick(norms.periods, on, lambda p: p.norms != UNKNOWN, lambda p: p.norms)
    if row is None or picked is None:
        return None
    table: dict[str, Decimal] = picked.value  # type: ignore[assignment]
    co_residents = household.co_residents or 0
    all_21_to_aow = all(21 <= age < norms.aow_age for age in household.adults)
    if applicable and co_residents > 0 and all_21_to_aow:
        sharers = len(household.adults) + co_residents
        per_person = table["couple_21_aow"] * (40 + 30 * sharers) / (100 * sharers)
        amount = cents(per_person) * len(household.adults)
        return Norm(amount, picked.valid_from, picked.fell_back, kostendelers=sharers)
    return Norm(table[row], picked.valid_from, picked.fell_back)


def to_basis(income: Decimal, includes_vt: bool, vakantietoeslag: str) -> Decimal:
    """Income on the same footing as a limit with or without vakantietoeslag (5%)."""
    if includes_vt and vakantietoeslag == "excluded":
        return cents(income * VAKANTIETOESLAG_FACTOR)
    if not includes_vt and vakantietoeslag == "included":
        return cents(income / VAKANTIETOESLAG_FACTOR)
    return income
