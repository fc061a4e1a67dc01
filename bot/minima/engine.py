"""Which schemes a household probably gets: ``likely``, ``maybe`` or ``no``, with reasons.

Each condition of a scheme gives *pass*, *fail* or *unknown* (we do not know the household's
answer, or the municipality's limit). One fail makes the scheme ``no``; otherwise any unknown
makes it ``maybe``. Reasons are catalog messages (context ``minima``) with their figures, so
the caller can translate them and format the money for the user's language. This is an
indication, never a decision; the answer says so.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from bot.i18n.catalog import N_
from bot.minima.household import Household
from bot.minima.norms import Norm, bijstand_norm, cents, pick, pick_limits, to_basis
from bot.minima.rulebook import Rulebook
from bot.minima.schema import UNKNOWN, Amount, Scheme

LIKELY, MAYBE, NO = "likely", "maybe", "no"
PASS, FAIL = "pass", "fail"
# Net income times 12 above this share of a gross yearly limit may be above it in gross.
NET_TO_GROSS_MARGIN = Decimal("0.75")


@dataclass(frozen=True)
class Reason:
    """A catalog message (context ``minima``) and its values: Decimals are money."""

    message: str
    values: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Money:
    value: Decimal
    per: str  # "maand" or "jaar"
    valid_from: date | None
    up_to: bool = False

    @property
    def per_year(self) -> Decimal:
        return self.value * 12 if self.per == "maand" else self.value


@dataclass(frozen=True)
class SchemeResult:
    scheme: Scheme
    status: str
    reasons: tuple[Reason, ...]
    amount: Money | None


@dataclass(frozen=True)
class Check:
    """Every scheme's result, best first, and the norm period used (for "bedragen van ...")."""

    results: tuple[SchemeResult, ...]
    norm: Norm | None

    def offer_ticket(self) -> bool:
        """A person should look at it: bijstand itself, or debts help, may apply."""
        return any(r.scheme.offer_ticket and r.status != NO for r in self.results)

    def shown(self) -> tuple[SchemeResult, ...]:
        return tuple(r for r in self.results if r.status != NO)


Outcome = tuple[str, Reason | None]  # (PASS|FAIL|UNKNOWN, reason)


def _age(scheme: Scheme, household: Household, aow_age: int) -> Outcome | None:
    test = scheme.age
    if test is None:
        return None
    if test.below_aow and household.age >= aow_age:
        if scheme.kind == "bijstand":
            return FAIL, Reason(
                N_(
                    "minima",
                    "U heeft de AOW-leeftijd. Vraag de SVB naar een aanvulling op uw AOW (AIO).",
                )
            )
        return FAIL, Reason(N_("minima", "Dit is voor mensen onder de AOW-leeftijd."))
    if test.min is not None and household.age < test.min:
        return FAIL, Reason(
            N_("minima", "Hiervoor moet u minstens {age} jaar zijn."), {"age": test.min}
        )
    return PASS, None


def _students(scheme: Scheme, household: Household) -> Outcome | None:
    if scheme.students is None:
        return None
    if household.student is None:
        return UNKNOWN, Reason(
            N_("minima", "Krijgt u studiefinanciering? Dan kunt u dit niet krijgen.")
        )
    if household.student:
        return FAIL, Reason(N_("minima", "Met studiefinanciering kunt u dit niet krijgen."))
    return PASS, None


def _children(scheme: Scheme, household: Household) -> Outcome | None:
    test = scheme.children
    if test is None:
        return None
    if any(test.min_age <= age <= test.max_age for age in household.children):
        return PASS, Reason(
            N_("minima", "Dit is voor kinderen van {low} tot en met {high} jaar."),
            {"low": test.min_age, "high": test.max_age},
        )
    return FAIL, None


def _flag(required: str | None, answer: bool | None, unknown_reason: Reason) -> Outcome | None:
    if required is None:
        return None
    if answer is None:
        return UNKNOWN, unknown_reason
    return (PASS, None) if answer else (FAIL, None)


def _income(scheme: Scheme, household: Household, rules: Rulebook) -> Outcome | None:
    test = scheme.income
    if test is None:
        return None
    if test.pct_of_norm == UNKNOWN:
        return UNKNOWN, Reason(
            N_("minima", "Wij weten de inkomensgrens niet. Vraag het na bij de gemeente.")
        )
    applicable = test.norm == "applicable"
    if applicable and household.co_residents is None:
        return UNKNOWN, Reason(
            N_(
                "minima",
                "Wonen er andere volwassenen bij u? Dan krijgt u minder. "
                "Vraag het na bij de gemeente.",
            )
        )
    norm = bijstand_norm(rules.norms, household, applicable=applicable)
    if norm is None:
        return UNKNOWN, Reason(
            N_("minima", "Wij weten de inkomensgrens niet. Vraag het na bij de gemeente.")
        )
    limit = cents(norm.basis(test.vakantietoeslag) * test.pct_of_norm / 100)
    # Shown without vakantiegeld, like the monthly income the client was asked for.
    shown_limit = cents(norm.excluding_vt * test.pct_of_norm / 100)
    if household.net_income is None:
        return UNKNOWN, Reason(
            N_("minima", "Kijk of uw inkomen lager is dan {limit} per maand."),
            {"limit": shown_limit},
        )
    income = to_basis(
        household.net_income, household.income_includes_vakantiegeld, test.vakantietoeslag
    )
    if scheme.kind == "bijstand":
        if income < limit:
            return PASS, Reason(
                N_("minima", "Uw inkomen is lager dan de bijstandsnorm van {limit} per maand."),
                {"limit": shown_limit},
            )
        return FAIL, Reason(
            N_("minima", "Uw inkomen is niet lager dan de bijstandsnorm van {limit} per maand."),
            {"limit": shown_limit},
        )
    if income <= limit:
        return PASS, Reason(
            N_("minima", "Uw inkomen is niet hoger dan de grens van {limit} per maand."),
            {"limit": shown_limit},
        )
    return FAIL, Reason(
        N_("minima", "Uw inkomen is hoger dan de grens van {limit} per maand."),
        {"limit": shown_limit},
    )


def _income_year(scheme: Scheme, household: Household) -> Outcome | None:
    test = scheme.income_year
    if test is None:
        return None
    picked = pick_limits(test.periods, household.on, household.type)
    if picked is None:
        return UNKNOWN, Reason(
            N_("minima", "Wij weten de inkomensgrens niet. Vraag het na bij de gemeente.")
        )
    limit: Decimal = picked.value  # type: ignore[assignment]
    if household.net_income is None:
        return UNKNOWN, Reason(
            N_("minima", "Kijk of uw bruto inkomen per jaar lager is dan {limit}."),
            {"limit": limit},
        )
    yearly = household.net_income * 12
    if yearly > limit:
        reason = Reason(N_("minima", "Uw inkomen per jaar is hoger dan {limit}."), {"limit": limit})
        return (FAIL if test.above == "no" else UNKNOWN), reason
    if yearly > limit * NET_TO_GROSS_MARGIN:
        return UNKNOWN, Reason(
            N_(
                "minima",
                "Uw inkomen zit dicht bij de grens van {limit} per jaar (bruto). "
                "Reken het na op belastingdienst.nl/toeslagen.",
            ),
            {"limit": limit},
        )
    return PASS, None


def _assets(scheme: Scheme, household: Household, rules: Rulebook) -> Outcome | None:
    test = scheme.assets
    if test is None:
        return None
    if test == UNKNOWN:
        if household.assets == 0:
            return PASS, None
        return UNKNOWN, Reason(
            N_("minima", "Er is ook een grens voor spaargeld. Vraag het na bij de gemeente.")
        )
    periods = rules.norms.assets if test == "bijstand" else test
    picked = pick_limits(periods, household.on, household.type)
    if picked is None:
        return UNKNOWN, Reason(
            N_("minima", "Er is ook een grens voor spaargeld. Vraag het na bij de gemeente.")
        )
    limit: Decimal = picked.value  # type: ignore[assignment]
    if household.assets is None:
        return UNKNOWN, Reason(
            N_("minima", "Kijk of uw spaargeld lager is dan {limit}."), {"limit": limit}
        )
    if household.assets > limit:
        return FAIL, Reason(N_("minima", "Uw spaargeld is hoger dan {limit}."), {"limit": limit})
    return PASS, None


def _months(scheme: Scheme, household: Household) -> Outcome | None:
    required = scheme.low_income_months
    if required is None:
        return None
    if required == UNKNOWN:
        return UNKNOWN, Reason(
            N_(
                "minima",
                "U moet al langere tijd een laag inkomen hebben. Vraag de gemeente hoe lang.",
            )
        )
    reason = Reason(
        N_("minima", "U moet al {years} jaar of langer een laag inkomen hebben."),
        {"years": required // 12},
    )
    if household.low_income_months is None:
        return UNKNOWN, reason
    return (PASS, None) if household.low_income_months >= required else (FAIL, reason)


def _conditions(scheme: Scheme, household: Household, rules: Rulebook) -> list[Outcome]:
    outcomes = [
        _age(scheme, household, rules.norms.aow_age),
        _students(scheme, household),
        _children(scheme, household),
        _flag(
            scheme.renting,
            household.renting,
            Reason(N_("minima", "Dit is alleen als u een huis huurt.")),
        ),
        _flag(
            scheme.debts,
            household.has_debts,
            Reason(N_("minima", "Dit is voor als u schulden heeft of geldzorgen.")),
        ),
        _income(scheme, household, rules),
        _income_year(scheme, household),
        _assets(scheme, household, rules),
        _months(scheme, household),
    ]
    return [outcome for outcome in outcomes if outcome is not None]


def _amount(scheme: Scheme, household: Household, rules: Rulebook) -> Money | None:
    if scheme.amount == "computed":
        norm = bijstand_norm(rules.norms, household, applicable=True)
        if norm is None or household.net_income is None:
            return None
        income = to_basis(household.net_income, household.income_includes_vakantiegeld, "excluded")
        return Money(
            max(norm.excluding_vt - income, Decimal(0)), "maand", norm.valid_from, up_to=True
        )
    if not isinstance(scheme.amount, Amount):
        return None
    amount = scheme.amount
    picked = pick(amount.periods, household.on, lambda p: p.known, lambda p: p)
    if picked is None:
        return None
    period = picked.value
    if period.values is not None:
        value = getattr(period.values, household.type)
    else:
        value = Decimal(0)
        for age in household.minor_children:
            value += period.per_child
            value += (period.extra_12_15 or 0) if 12 <= age <= 15 else 0
            value += (period.extra_16_17 or 0) if 16 <= age <= 17 else 0
        if household.type == "single_parent":
            value += period.single_parent_extra or 0
    return Money(value, amount.per, picked.valid_from, up_to=amount.up_to)


def evaluate(scheme: Scheme, household: Household, rules: Rulebook) -> SchemeResult:
    outcomes = _conditions(scheme, household, rules)
    failed = [reason for status, reason in outcomes if status == FAIL]
    unknown = [reason for status, reason in outcomes if status == UNKNOWN]
    if failed:
        status, reasons = NO, [r for r in failed if r]
    elif unknown:
        status, reasons = MAYBE, [r for r in unknown if r]
    else:
        status, reasons = LIKELY, [r for s, r in outcomes if r]
    amount = _amount(scheme, household, rules) if status != NO else None
    return SchemeResult(scheme, status, tuple(reasons), amount)


def check(household: Household, schemes: Iterable[Scheme], rules: Rulebook) -> Check:
    """Every scheme of the municipality and the national ones, the most valuable first."""
    ordered = [*schemes, *rules.national]
    rank = {LIKELY: 0, MAYBE: 1, NO: 2}
    scored = [
        (position, evaluate(scheme, household, rules)) for position, scheme in enumerate(ordered)
    ]
    scored.sort(
        key=lambda item: (
            rank[item[1].status],
            -(item[1].amount.per_year if item[1].amount else 0),
            item[0],
        )
    )
    results = [result for _, result in scored]
    norm = bijstand_norm(rules.norms, household, applicable=False)
    return Check(tuple(results), norm)
