"""The schema of ``municipalities/<id>.yml`` (pydantic 1.10, Rasa's pin).

Every contact point carries its source, because a phone number or opening time in an
answer is a fact a client acts on. Opening hours that are not known are written as
``unknown`` and the bot then says so instead of guessing.
"""

from __future__ import annotations

import re
from datetime import date, time
from typing import Literal

from pydantic import validator

from bot.minima.schema import Scheme
from bot.strict import Strict

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_SPAN = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$")


class Span(Strict):
    opens: time
    closes: time


def parse_span(text: str) -> Span:
    match = _SPAN.match(text.replace(" ", ""))
    if not match:
        raise ValueError(f"{text!r} is not a time span like 09:00-16:00")
    h1, m1, h2, m2 = (int(g) for g in match.groups())
    span = Span(opens=time(h1, m1), closes=time(h2, m2))
    if span.closes <= span.opens:
        raise ValueError(f"{text!r} closes before it opens")
    return span


class WeeklyHours(Strict):
    """Opening hours per weekday, e.g. ``monday: ["09:00-12:00", "13:00-16:00"]``.
    A weekday that is missing is closed."""

    monday: list[str] = []
    tuesday: list[str] = []
    wednesday: list[str] = []
    thursday: list[str] = []
    friday: list[str] = []
    saturday: list[str] = []
    sunday: list[str] = []

    @validator("*", each_item=True)
    def _span(cls, value: str) -> str:
        parse_span(value)
        return value

    def spans(self, weekday: int) -> list[Span]:
        return [parse_span(s) for s in getattr(self, WEEKDAYS[weekday])]


class ContactPoint(Strict):
    id: str
    name: str
    purpose: str
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    website: str | None = None
    hours: WeeklyHours | Literal["unknown"] = "unknown"
    hours_note: str | None = None
    source: str

    @validator("phone")
    def _phone(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"[0-9 +\-()]{5,20}", value):
            raise ValueError(f"{value!r} does not look like a phone number")
        return value

    @validator("email")
    def _email(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", value):
            raise ValueError(f"{value!r} is not an e-mail address")
        return value


class Handover(Strict):
    """Who picks up a ticket from Baken, and through which contact point."""

    team: str
    contact_point: str
    source: str


class MeldingProcess(Strict):
    """What happens after a melding, in working days (``None`` where not known)."""

    call_back_working_days: int | None = None
    screening_working_days: int | None = None
    documents_working_days: int | None = None
    urgent_contact_point: str
    source: str


class Postcodes(Strict):
    """The four-digit postcode areas (PC4) that lie wholly in this municipality.

    ``ranges`` are "7411-7439" or "7946". Areas shared with a neighbour are left out on
    purpose: for those the bot asks for the place name. ``source`` says where the list
    comes from; ``scripts/postcodes_from_cbs.py`` rebuilds it from the CBS table.
    """

    ranges: list[str]
    source: str

    @validator("ranges", each_item=True)
    def _range(cls, value: str) -> str:
        low, _, high = value.partition("-")
        if not re.fullmatch(r"[1-9]\d{3}", low) or (high and not re.fullmatch(r"[1-9]\d{3}", high)):
            raise ValueError(f"{value!r} is not a postcode range like 7411-7439")
        if high and int(high) < int(low):
            raise ValueError(f"{value!r} ends before it starts")
        return value

    def contains(self, pc4: int) -> bool:
        for item in self.ranges:
            low, _, high = item.partition("-")
            if int(low) <= pc4 <= int(high or low):
                return True
        return False


class Municipality(Strict):
    id: str
    name: str
    cbs_code: str
    places: list[str]
    postcodes: Postcodes | None = None
    contact_points: list[ContactPoint]
    handover: Handover
    melding: MeldingProcess
    closed_days: list[date] = []
    checked_on: date
    schemes: list[Scheme] = []

    @validator("cbs_code")
    def _cbs_code(cls, value: str) -> str:
        if not re.fullmatch(r"\d{4}", value):
            raise ValueError("the CBS gemeentecode has four digits, e.g. 0150")
        return value

    @validator("id")
    def _id(cls, value: str) -> str:
        if not re.fullmatch(r"[a-z][a-z0-9_]*", value):
            raise ValueError("use lower case letters, digits and _ only")
        return value

    @validator("handover")
    def _handover_point_exists(cls, value: Handover, values: dict) -> Handover:
        ids = {cp.id for cp in values.get("contact_points", [])}
        if value.contact_point not in ids:
            raise ValueError(f"contact point {value.contact_point!r} is not in contact_points")
        return value

    @validator("melding")
    def _urgent_point_exists(cls, value: MeldingProcess, values: dict) -> MeldingProcess:
        ids = {cp.id for cp in values.get("contact_points", [])}
        if value.urgent_contact_point not in ids:
            raise ValueError(
                f"contact point {value.urgent_contact_point!r} is not in contact_points"
            )
        return value

    @validator("schemes")
    def _unique_scheme_ids(cls, value: list[Scheme]) -> list[Scheme]:
        ids = [scheme.id for scheme in value]
        if len(ids) != len(set(ids)):
            raise ValueError(f"scheme ids must be unique: {ids}")
        return value

    def contact_point(self, point_id: str) -> ContactPoint:
        return next(cp for cp in self.contact_points if cp.id == point_id)
