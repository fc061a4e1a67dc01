"""The rules-as-data files: valid at start-up, sourced, and without estimates."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.minima.rulebook import NormsConfigError, load_rulebook
from bot.municipality.registry import load_all
from tests.unit.test_municipalities import ROOT, SHIPPED

NORMS = ROOT / "norms"
# The ESTIMATE figures of research/minima.md §1.1 (1 January 2026): never shown to a user.
ESTIMATES = {"345", "1398.5", "1997.9", "1563", "2140"}


def _copy_with(tmp_path: Path, change) -> Path:
    for name in ("bijstandsnormen.yml", "toeslagen.yml"):
        data = yaml.safe_load((NORMS / name).read_text())
        change(name, data)
        (tmp_path / name).write_text(yaml.safe_dump(data, allow_unicode=True))
    return tmp_path


def test_shipped_rules_load_and_every_scheme_is_sourced() -> None:
    rules = load_rulebook(NORMS)
    schemes = [*rules.national, *(s for m in load_all(SHIPPED).values() for s in m.schemes)]
    assert {s.id for s in rules.national} == {"zorgtoeslag", "huurtoeslag", "kindgebonden_budget"}
    assert all(s.source and s.apply.how for s in schemes)
    assert all(p.source for p in rules.norms.periods)


def test_no_estimate_is_in_the_data() -> None:
    text = " ".join(p.read_text() for p in [*NORMS.glob("*.yml"), *SHIPPED.glob("*.yml")])
    assert not [e for e in ESTIMATES if f'"{e}"' in text]


def test_a_norm_period_missing_a_household_type_stops_start_up(tmp_path: Path) -> None:
    def drop(name, data):
        if name == "bijstandsnormen.yml":
            del data["periods"][0]["norms"]["single_aow"]

    with pytest.raises(NormsConfigError, match=r"bijstandsnormen.yml.*missing \['single_aow'\]"):
        load_rulebook(_copy_with(tmp_path, drop))


def test_an_amount_without_a_date_stops_start_up(tmp_path: Path) -> None:
    def undate(name, data):
        if name == "toeslagen.yml":
            del data["schemes"][0]["amount"]["periods"][0]["valid_from"]

    with pytest.raises(NormsConfigError, match=r"toeslagen.yml.*valid_from': field required"):
        load_rulebook(_copy_with(tmp_path, undate))
