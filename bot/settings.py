"""Configuration from the environment, in one place.

Every variable is documented in the README. Defaults make a fresh checkout run with no
accounts: SQLite in ``var/``, the in-memory lock store, SMS written to a log file.
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
    rasa_auth_token: str | None
    redis_url: str | None
    municipalities_dir: Path
    locales_dir: Path
    domain_dir: Path
    outbox_log: Path
    timezone: str = "Europe/Amsterdam"


def load() -> Settings:
    """Read the settings now (tests change the environment between servers)."""
    var = ROOT / "var"
    return Settings(
        database_url=_env("DATABASE_URL", f"sqlite:///{var / 'baken.db'}"),
        rasa_url=_env("RASA_URL", "http://127.0.0.1:5005").rstrip("/"),
        rasa_auth_token=os.environ.get("RASA_AUTH_TOKEN") or None,
        redis_url=os.environ.get("REDIS_URL") or None,
        municipalities_dir=Path(_env("BAKEN_MUNICIPALITIES_DIR", str(ROOT / "municipalities"))),
        locales_dir=ROOT / "locales",
        domain_dir=ROOT / "domain",
        outbox_log=Path(_env("BAKEN_OUTBOX_LOG", str(var / "outbox.log"))),
    )
