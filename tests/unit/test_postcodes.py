import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.municipality.cbs_postcodes import postcodes_for, ranges
from bot.municipality.postcode import find_by_postcode, find_postcode
from bot.municipality.registry import MunicipalityConfigError, load_all, load_file
from tests.unit.test_municipalities import SHIPPED, _broken

KNOWN = load_all(SHIPPED)


@pytest.mark.parametrize(
    ("text", "pc4"),
    [
        ("7415 AB", 7415),
        ("7415ab", 7415),
        ("mijn postcode is 8331 kl", 8331),
        ("٨٣٣١ KL", 8331),
        ("7415", 7415),
        ("Deventer", None),
        ("0123 AB", None),  # Dutch postcodes never start with 0
        ("06 12345678", None),
    ],
)
def test_find_postcode(text: str, pc4: int | None) -> None:
    assert find_postcode(text) == pc4


@pytest.mark.parametrize(
    ("pc4", "municipality"),
    [(7415, "deventer"), (7437, "deventer"), (8331, "steenwijkerland"), (7946, "steenwijkerland")],
)
def test_postcode_areas_we_are_sure_of(pc4: int, municipality: str) -> None:
    assert find_by_postcode(pc4, KNOWN).id == municipality


@pytest.mark.parametrize("pc4", [1012, 7440, 8300, 7436])
def test_other_or_uncertain_areas_are_not_guessed(pc4: int) -> None:
    """Amsterdam, Nijverdal, Emmeloord, and a PC4 near Deventer we are not sure of."""
    assert find_by_postcode(pc4, KNOWN) is None


def test_no_postcode_belongs_to_two_municipalities() -> None:
    for pc4 in range(1000, 10000):
        owners = [m for m in KNOWN.values() if m.postcodes and m.postcodes.contains(pc4)]
        assert len(owners) <= 1, pc4


def test_bad_postcode_range_is_a_start_up_error(tmp_path) -> None:
    with pytest.raises(MunicipalityConfigError, match="is not a postcode range"):
        load_file(_broken(tmp_path, {"postcodes": {"ranges": ["74xx"], "source": "x"}}))
    with pytest.raises(MunicipalityConfigError, match="ends before it starts"):
        load_file(_broken(tmp_path, {"postcodes": {"ranges": ["7439-7411"], "source": "x"}}))
    with pytest.raises(MunicipalityConfigError, match="gemeentecode has four digits"):
        load_file(_broken(tmp_path, {"cbs_code": "GM0150"}))


CBS_SAMPLE = """PC6;Huisnummer;Buurt2024;Wijk2024;Gemeente2024
7411AB;1;01500101;015001;150
7411AB;3;01500101;015001;150
7412CD;10;01500201;015002;150
7413EF;2;01500301;015003;150
7439XY;5;01501001;015010;150
7439XZ;7;17420101;174201;1742
8331KL;1;17080101;170801;1708
"""


def test_cbs_table_gives_whole_areas_and_reports_shared_ones() -> None:
    whole, shared = postcodes_for(io.StringIO(CBS_SAMPLE), "0150")
    assert whole == ["7411-7413"]
    assert shared == [7439]
    assert postcodes_for(io.StringIO(CBS_SAMPLE), "1708") == (["8331"], [])


@given(st.sets(st.integers(1000, 9999), max_size=60))
def test_ranges_cover_exactly_the_numbers(numbers: set[int]) -> None:
    covered = set()
    for item in ranges(numbers):
        low, _, high = item.partition("-")
        covered.update(range(int(low), int(high or low) + 1))
    assert covered == numbers
