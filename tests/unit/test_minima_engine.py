"""The minima engine against cases worked out by hand from the sourced figures.

Norms of 1 July 2025 (incl. vakantietoeslag; excl. is x 0.95): single 1369.06 -> 1300.61,
couple 1955.80 -> 1858.01, couple at AOW age 2094.98 -> 1990.23, couple with one partner
of 18-20 1315.88 -> 1250.09. Kostendelersnorm with A=2: 50% of 1955.80 = 977.90 -> 929.01.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.minima.engine import LIKELY, MAYBE, NO, check
from bot.minima.household import Household
from bot.minima.norms import bijstand_norm
from bot.minima.rulebook import load_rulebook
from bot.municipality.registry import load_all
from tests.unit.test_municipalities import ROOT, SHIPPED

RULES = load_rulebook(ROOT / "norms")
SCHEMES = {m.id: m.schemes for m in load_all(SHIPPED).values()}
SEPT_2025 = date(2025, 9, 1)


def run(municipality: str, **fields):
    fields.setdefault("on", SEPT_2025)
    result = check(Household(**fields), SCHEMES[municipality], RULES)
    return {r.scheme.id: r for r in result.results}, result


def messages(result) -> str:
    return " ".join(r.message.format(**r.values) for r in result.reasons)


def test_single_gets_bijstand_top_up_and_steenwijkerland_iit() -> None:
    found, _ = run(
        "steenwijkerland",
        adults=(30,),
        net_income=D("1000"),
        assets=D(0),
        low_income_months=40,
        renting=True,
    )
    assert found["algemene_bijstand"].status == LIKELY
    assert found["algemene_bijstand"].amount.value == D("300.61")
    iit = found["individuele_inkomenstoeslag"]
    assert iit.status == LIKELY
    assert (iit.amount.value, iit.amount.per, iit.amount.valid_from) == (
        D("479"),
        "jaar",
        date(2024, 1, 1),
    )


def test_single_parent_with_children_3_and_14() -> None:
    found, result = run(
        "deventer", adults=(30,), children=(3, 14), net_income=D("1500"), assets=D(0), renting=True
    )
    assert found["algemene_bijstand"].status == NO  # 1500 is not below 1300.61
    assert found["stichting_leergeld"].status == LIKELY  # 120% = 1560.73; the 14-year-old
    assert "1560.73" in messages(found["stichting_leergeld"])
    kgb = found["kindgebonden_budget"]
    assert kgb.status == LIKELY
    assert kgb.amount.value == D("9114")  # 2 x 2511 + 703 (age 14) + 3389 (single parent)
    assert result.results[0].scheme.id == "kindgebonden_budget"  # the most valuable first


def test_couple_at_aow_age_goes_to_the_svb_but_gets_the_premium_contribution() -> None:
    found, _ = run("steenwijkerland", adults=(67, 68), net_income=D("2500"), assets=D(0))
    assert found["algemene_bijstand"].status == NO
    assert "SVB" in messages(found["algemene_bijstand"])
    assert found["individuele_inkomenstoeslag"].status == NO
    premium = found["premiebijdrage_zorg"]
    assert premium.status == LIKELY and "2587.30" in messages(premium)  # 130% of 1990.23


def test_couple_with_one_partner_of_19() -> None:
    found, _ = run("deventer", adults=(25, 19), net_income=D("1200"), assets=D(0))
    assert found["algemene_bijstand"].status == LIKELY
    assert found["algemene_bijstand"].amount.value == D("50.09")  # 1250.09 - 1200


def test_kostendelers_lower_bijstand_but_not_the_plain_norm_schemes() -> None:
    household = dict(
        adults=(30,), net_income=D("950"), assets=D(0), low_income_months=48, co_residents=1
    )
    norm = bijstand_norm(RULES.norms, Household(on=SEPT_2025, **household), applicable=True)
    assert (norm.including_vt, norm.excluding_vt, norm.kostendelers) == (
        D("977.90"),
        D("929.01"),
        2,
    )
    found, _ = run("steenwijkerland", **household)
    assert found["algemene_bijstand"].status == NO  # 950 is above the kostendelersnorm 929.01
    assert found["individuele_inkomenstoeslag"].status == LIKELY  # 110% of the plain 1300.61


@pytest.mark.parametrize(("income", "status"), [("1430.67", LIKELY), ("1431.67", NO)])
def test_income_exactly_at_the_limit_and_one_euro_above(income: str, status: str) -> None:
    found, _ = run(
        "steenwijkerland", adults=(40,), net_income=D(income), assets=D(0), low_income_months=36
    )
    assert found["individuele_inkomenstoeslag"].status == status


@pytest.mark.parametrize(("income", "status"), [("1505.97", LIKELY), ("1507.00", NO)])
def test_income_with_vakantiegeld_is_compared_like_with_like(income: str, status: str) -> None:
    found, _ = run(
        "steenwijkerland",
        adults=(40,),
        net_income=D(income),
        assets=D(0),
        low_income_months=36,
        income_includes_vakantiegeld=True,
    )
    assert found["individuele_inkomenstoeslag"].status == status  # x 0.95 vs 1430.67


def test_assets_above_the_limit() -> None:
    found, _ = run("deventer", adults=(30,), net_income=D("500"), assets=D("8000"))
    assert found["algemene_bijstand"].status == NO
    assert "7575" in messages(found["algemene_bijstand"])
    found, _ = run("deventer", adults=(30,), net_income=D("500"), assets=D("7575"))
    assert found["algemene_bijstand"].status == LIKELY


def test_a_student_gets_no_bijstand_and_no_iit() -> None:
    found, _ = run(
        "steenwijkerland",
        adults=(22,),
        net_income=D("600"),
        assets=D(0),
        low_income_months=40,
        student=True,
    )
    assert found["algemene_bijstand"].status == NO
    assert found["individuele_inkomenstoeslag"].status == NO
    assert "studiefinanciering" in messages(found["algemene_bijstand"])


def test_a_date_between_two_norm_periods_uses_the_one_in_force() -> None:
    found, result = run(
        "deventer", on=date(2025, 3, 15), adults=(30,), net_income=D("1000"), assets=D(0)
    )
    assert (result.norm.valid_from, result.norm.fell_back) == (date(2025, 1, 1), False)
    assert found["algemene_bijstand"].amount.value == D("278.18")  # 1345.45 x 0.95 - 1000


def test_unknown_period_falls_back_and_says_which_date() -> None:
    _, result = run("deventer", on=date(2026, 11, 25), adults=(30,), net_income=D("1000"))
    assert (result.norm.valid_from, result.norm.fell_back) == (date(2025, 7, 1), True)


def test_weet_ik_niet_makes_maybe_with_what_to_check() -> None:
    found, _ = run("deventer", adults=(30,), net_income=None, assets=None)
    bijstand = found["algemene_bijstand"]
    assert bijstand.status == MAYBE
    assert "1300.61" in messages(bijstand) and "7575" in messages(bijstand)


def test_unknown_municipal_limit_is_never_likely() -> None:
    found, _ = run("deventer", adults=(30,), net_income=D("100"), assets=D(0))
    assert found["individuele_inkomenstoeslag"].status == MAYBE
    assert found["individuele_inkomenstoeslag"].amount is None  # unknown amount stays unknown


def test_debts_offer_a_ticket_and_no_debts_and_high_income_do_not() -> None:
    _, result = run("deventer", adults=(30,), net_income=D("3000"), assets=D(0), has_debts=True)
    assert result.offer_ticket()
    _, result = run("deventer", adults=(30,), net_income=D("3000"), assets=D(0), has_debts=False)
    assert not result.offer_ticket()


def test_under_18_has_no_norm_and_gets_no_bijstand() -> None:
    found, _ = run("deventer", adults=(17,), net_income=D("0"), assets=D(0))
    assert found["algemene_bijstand"].status == NO


ages = st.integers(min_value=18, max_value=80)
households = st.builds(
    dict,
    adults=st.lists(ages, min_size=1, max_size=2).map(tuple),
    children=st.lists(st.integers(0, 25), max_size=4).map(tuple),
    assets=st.one_of(st.none(), st.integers(0, 30000).map(D)),
    low_income_months=st.one_of(st.none(), st.integers(0, 120)),
    student=st.one_of(st.none(), st.booleans()),
    renting=st.one_of(st.none(), st.booleans()),
    co_residents=st.integers(0, 3),
    has_debts=st.one_of(st.none(), st.booleans()),
    on=st.dates(date(2024, 7, 1), date(2027, 12, 31)),
)
RANK = {LIKELY: 0, MAYBE: 1, NO: 2}


@settings(max_examples=300, deadline=None)
@given(households, st.sampled_from(sorted(SCHEMES)), st.integers(0, 4000), st.integers(1, 2000))
def test_more_income_never_adds_a_scheme(fields, municipality, income, more) -> None:
    low, _ = run(municipality, net_income=D(income), **fields)
    high, _ = run(municipality, net_income=D(income + more), **fields)
    for scheme_id, result in high.items():
        assert RANK[result.status] >= RANK[low[scheme_id].status], scheme_id


@settings(max_examples=300, deadline=None)
@given(households, st.sampled_from(sorted(SCHEMES)), st.integers(0, 4000), st.integers(0, 17))
def test_adding_a_child_never_removes_a_child_scheme(fields, municipality, income, age) -> None:
    before, _ = run(municipality, net_income=D(income), **fields)
    fields["children"] = (*fields["children"], age)
    after, _ = run(municipality, net_income=D(income), **fields)
    for scheme_id, result in after.items():
        if result.scheme.children is not None:
            assert RANK[result.status] <= RANK[before[scheme_id].status], scheme_id
