"""Load and validate ``norms/*.yml`` once, at start-up.

Like the municipality files, a broken norms file stops the process with the file and field:
an indication built on a wrong norm is worse than no indication.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import ValidationError

from bot import settings
from bot.minima.schema import NationalSchemes, Norms, Scheme


class NormsConfigError(Exception):
    """A norms file is missing, unreadable or does not match the schema."""


@dataclass(frozen=True)
class Rulebook:
    norms: Norms
    national: list[Scheme]


def _parse(path: Path, model: type):
    try:
        return model.parse_obj(yaml.safe_load(path.read_text(encoding="utf-8")))
    except (OSError, yaml.YAMLError) as error:
        raise NormsConfigError(f"{path}: {error}") from error
    except ValidationError as error:
        fields = "; ".join(
            f"field '{'.'.join(str(p) for p in e['loc'])}': {e['msg']}" for e in error.errors()
        )
        raise NormsConfigError(f"{path}: invalid norms file: {fields}") from error


def load_rulebook(directory: Path) -> Rulebook:
    norms = _parse(directory / "bijstandsnormen.yml", Norms)
    national = _parse(directory / "toeslagen.yml", NationalSchemes).schemes
    return Rulebook(norms=norms, national=national)


@lru_cache(maxsize=1)
def rulebook() -> Rulebook:
    return load_rulebook(settings.load().norms_dir)
