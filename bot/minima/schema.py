"""The shape of the rules-as-data: ``norms/*.yml`` and the ``schemes:`` of a municipality.

Every amount is a ``Decimal`` read from a string, carries a ``valid_from`` date, and may be
``unknown``. "unknown" is a value the engine understands (the result becomes *maybe*), not a
missing field: a gap in our knowledge must be visible in the data.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal

from pydantic import validator

from bot.strict import Strict

Unknown = Literal["unknown"]
UNKNOWN = "unknown"
HOUSEHOLD_TYPES = ("single", "single_parent", "partners")
NORM_CATEGORIES = (
    "single_18_20",
    "single_21_aow",
    "couple_21_aow",
    "couple_one_18_20",
    "couple_one_18_20_children",
    "couple_both_18_20",
    "couple_both_18_20_children",
    "single_aow",
    "couple_aow",
)


class ByHousehold(Strict):
    """One amount per household type (a single parent is not a toeslagpartner)."""

    single: Decimal
    single_parent: Decimal
    partners: Decimal


class DatedLimits(Strict):
    valid_from: date
    source: str | None = None
    limits: Unknown | ByHousehold


class AmountPeriod(Strict):
    valid_from: date
    values: Unknown | ByHousehold | None = None
    per_child: Unknown | Decimal | None = None
    extra_12_15: Decimal | None = None
    extra_16_17: Decimal | None = None
    single_parent_extra: Decimal | None = None

    @property
    def known(self) -> bool:
        return UNKNOWN not in (self.values, self.per_child)


class Amount(Strict):
    per: Literal["maand", "jaar"]
    up_to: bool = False
    periods: list[AmountPeriod]


class IncomeTest(Strict):
    """Income at most ``pct_of_norm`` % of the bijstandsnorm. ``plain``: the norm without
    kostendelersnorm (what most municipal schemes use); ``applicable``: with it."""

    pct_of_norm: Unknown | int
    norm: Literal["plain", "applicable"]
    vakantietoeslag: Literal["excluded", "included"]


class IncomeYear(Strict):
    """A limit on the yearly (gross) income, as the national toeslagen have."""

    above: Literal["no", "maybe"]
    periods: list[DatedLimits]


class AgeTest(Strict):
    min: int | None = None
    below_aow: bool = False


class ChildrenTest(Strict):
    min_age: int
    max_age: int


class Apply(Strict):
    """How to apply; ``documents`` only where a source lists what to bring."""

    how: str
    website: str | None = None
    phone: str | None = None
    documents: list[str] = []


class Scheme(Strict):
    id: str
    kind: Literal["regeling", "bijstand"] = "regeling"
    name: str
    summary: str
    income: IncomeTest | None = None
    income_year: IncomeYear | None = None
    age: AgeTest | None = None
    children: ChildrenTest | None = None
    low_income_months: Unknown | int | None = None
    assets: Literal["bijstand", "unknown"] | list[DatedLimits] | None = None
    students: Literal["excluded"] | None = None
    renting: Literal["required"] | None = None
    debts: Literal["required"] | None = None
    offer_ticket: bool = False
    amount: Literal["unknown", "computed", "none"] | Amount
    amount_note: str | None = None
    apply: Apply
    source: str

    @validator("amount")
    def _computed_only_for_bijstand(cls, value, values: dict):
        if value == "computed" and values.get("kind") != "bijstand":
            raise ValueError("only the bijstand scheme has a computed amount")
        return value


class NormPeriod(Strict):
    valid_from: date
    source: str
    norms: Unknown | dict[str, Decimal]

    @validator("norms")
    def _every_category(cls, value):
        if value != UNKNOWN and set(value) != set(NORM_CATEGORIES):
            missing = sorted(set(NORM_CATEGORIES) - set(value))
            extra = sorted(set(value) - set(NORM_CATEGORIES))
            raise ValueError(f"norm categories wrong: missing {missing}, unknown {extra}")
        return value


class Norms(Strict):
    periods: list[NormPeriod]
    assets: list[DatedLimits]
    aow_age: int
    aow_age_source: str


class NationalSchemes(Strict):
    schemes: list[Scheme]
