import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from bot.municipality.registry import MunicipalityConfigError, find_by_place, load_all, load_file

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "municipalities"


def test_shipped_files_are_valid_and_sourced() -> None:
    known = load_all(SHIPPED)
    assert set(known) == {"deventer", "steenwijkerland"}
    for municipality in known.values():
        assert all(point.source for point in municipality.contact_points)
        handover = municipality.contact_point(municipality.handover.contact_point)
        assert handover.phone, f"{municipality.id}: the handover team needs a phone number"


def _broken(tmp_path: Path, change: dict) -> Path:
    data = yaml.safe_load((SHIPPED / "deventer.yml").read_text())
    data.update(change)
    path = tmp_path / "deventer.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True))
    return path


def test_error_names_file_field_and_problem(tmp_path: Path) -> None:
    data = yaml.safe_load((SHIPPED / "deventer.yml").read_text())
    data["contact_points"][1]["hours"]["monday"] = ["9 tot 4"]
    path = tmp_path / "deventer.yml"
    path.write_text(yaml.safe_dump(data))
    with pytest.raises(MunicipalityConfigError) as error:
        load_file(path)
    message = str(error.value)
    assert str(path) in message
    assert "contact_points.1.hours" in message
    assert "is not a time span like 09:00-16:00" in message


def test_unknown_field_and_missing_source_are_errors(tmp_path: Path) -> None:
    with pytest.raises(
        MunicipalityConfigError, match="field 'telefoon': extra fields not permitted"
    ):
        load_file(_broken(tmp_path, {"telefoon": "123"}))
    data = yaml.safe_load((SHIPPED / "deventer.yml").read_text())
    del data["contact_points"][0]["source"]
    path = tmp_path / "deventer.yml"
    path.write_text(yaml.safe_dump(data))
    with pytest.raises(
        MunicipalityConfigError, match=r"field 'contact_points.0.source': field required"
    ):
        load_file(path)


def test_handover_must_point_to_a_known_contact_point(tmp_path: Path) -> None:
    change = {"handover": {"team": "T", "contact_point": "nergens", "source": "s"}}
    with pytest.raises(MunicipalityConfigError, match="'nergens' is not in contact_points"):
        load_file(_broken(tmp_path, change))


def test_file_name_must_match_id(tmp_path: Path) -> None:
    with pytest.raises(MunicipalityConfigError, match="must match the file name"):
        load_file(_broken(tmp_path, {"id": "zwolle"}))


def test_start_up_stops_with_the_message(tmp_path: Path) -> None:
    _broken(tmp_path, {"checked_on": "gisteren"})
    env = {**os.environ, "BAKEN_MUNICIPALITIES_DIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "check"], env=env, capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 1
    assert "deventer.yml" in result.stderr
    assert "field 'checked_on': invalid date format" in result.stderr


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Giethoorn", "steenwijkerland"),
        ("ik woon in sint jansklooster", "steenwijkerland"),
        ("DEVENTER", "deventer"),
        ("bathmen", "deventer"),
        ("Zwolle", None),
    ],
)
def test_find_by_place(text: str, expected: str | None) -> None:
    found = find_by_place(text, load_all(SHIPPED))
    assert (found.id if found else None) == expected
