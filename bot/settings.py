"""Configuration from the environment, in one place.

Every variable is documented in the README. Defaults make a fresh checkout run with no
accounts: SQLite in ``var/``, SMS written to a log file. (RASA_AUTH_TOKEN is read by the
Procfile's rasa command, REDIS_URL by ``bot.store.lock_store``.)
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _env(name: str, default: str) -> str:
    value = os.environ.get(name, "").strip()
    return value or default


@dataclass(frozen=True)
class Settings:
    database_url: str
    rasa_url: str
    municipalities_dir: Path
    norms_dir: Path
    locales_dir: Path
    domain_dir: Path
    outbox_log: Path


def load() -> Settings:
    """Read the settings now (tests change the environment between servers)."""
    var = ROOT / "var"
    return Settings(
        database_url=_env("DATABASE_URL", f"sqlite:///{var / 'baken.db'}"),
        rasa_url=_env("RASA_URL", "http://127.0.0.1:5005").rstrip("/"),
        municipalities_dir=Path(_env("BAKEN_MUNICIPALITIES_DIR", str(ROOT / "municipalities"))),
        norms_dir=ROOT / "norms",
        locales_dir=ROOT / "locales",
        domain_dir=ROOT / "domain",
        outbox_log=Path(_env("BAKEN_OUTBOX_LOG", str(var / "outbox.log"))),
    )
