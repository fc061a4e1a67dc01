"""Load and validate every ``municipalities/*.yml`` at start-up.

A broken file must stop the process with a message a person can act on: which file,
which field, what is wrong. Serving with a wrong phone number is worse than not serving.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import ValidationError

from bot import settings
from bot.municipality.schema import Municipality


class MunicipalityConfigError(Exception):
    """A municipality file is missing, unreadable or does not match the schema."""


def _describe(path: Path, error: ValidationError) -> str:
    lines = [f"{path}: invalid municipality file"]
    for item in error.errors():
        field = ".".join(str(part) for part in item["loc"])
        lines.append(f"  field '{field}': {item['msg']}")
    return "\n".join(lines)


def load_file(path: Path) -> Municipality:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise MunicipalityConfigError(f"{path}: not valid YAML: {error}") from error
    if not isinstance(data, dict):
        raise MunicipalityConfigError(f"{path}: expected a mapping at the top level")
    try:
        municipality = Municipality.parse_obj(data)
    except ValidationError as error:
        raise MunicipalityConfigError(_describe(path, error)) from error
    if municipality.id != path.stem:
        raise MunicipalityConfigError(
            f"{path}: field 'id': is {municipality.id!r} but must match the file name {path.stem!r}"
        )
    return municipality


def load_all(directory: Path) -> dict[str, Municipality]:
    files = sorted(directory.glob("*.yml"))
    if not files:
        raise MunicipalityConfigError(f"{directory}: no municipality files (*.yml)")
    return {m.id: m for m in (load_file(f) for f in files)}


@lru_cache(maxsize=1)
def municipalities() -> dict[str, Municipality]:
    return load_all(settings.load().municipalities_dir)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if c.isalnum())


def find_by_place(text: str, known: dict[str, Municipality]) -> Municipality | None:
    """The municipality whose name or one of whose places is mentioned in ``text``."""
    words = {_fold(w) for w in text.replace(",", " ").split()}
    folded = _fold(text)
    for municipality in known.values():
        for place in [municipality.name, *municipality.places]:
            key = _fold(place)
            if key in words or (" " in place and key in folded) or key == folded:
                return municipality
    return None
