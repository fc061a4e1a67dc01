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
class TwilioSettings:
    """Set ``TWILIO_ACCOUNT_SID``, ``TWILIO_AUTH_TOKEN`` and ``TWILIO_FROM`` (a number or a
    messaging service ``MG...``) to send real SMS. ``BAKEN_PUBLIC_URL`` is the desk's public
    address, for Twilio's delivery callbacks. ``TWILIO_API_URL`` only for tests."""

    account_sid: str
    auth_token: str
    sender: str
    public_url: str | None
    api_url: str | None

    @property
    def status_callback(self) -> str | None:
        return f"{self.public_url.rstrip('/')}/twilio/status" if self.public_url else None


def _twilio() -> TwilioSettings | None:
    sid, token, sender = (
        _env(name, "") for name in ("TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM")
    )
    if not (sid and token and sender):
        return None
    return TwilioSettings(
        sid, token, sender, _env("BAKEN_PUBLIC_URL", "") or None, _env("TWILIO_API_URL", "") or None
    )


@dataclass(frozen=True)
class TelegramSettings:
    """``TELEGRAM_BOT_TOKEN`` from BotFather and ``TELEGRAM_SECRET_TOKEN`` (any long random
    string): Telegram sends it with every webhook call. ``TELEGRAM_API_URL`` only for tests."""

    token: str
    secret: str
    api_url: str | None

    @property
    def base_url(self) -> str:
        return self.api_url or "https://api.telegram.org/bot"


def _telegram() -> TelegramSettings | None:
    token, secret = _env("TELEGRAM_BOT_TOKEN", ""), _env("TELEGRAM_SECRET_TOKEN", "")
    if not (token and secret):
        return None
    return TelegramSettings(token, secret, _env("TELEGRAM_API_URL", "") or None)


@dataclass(frozen=True)
class Settings:
    database_url: str
    rasa_url: str
    municipalities_dir: Path
    norms_dir: Path
    locales_dir: Path
    domain_dir: Path
    outbox_log: Path
    twilio: TwilioSettings | None
    # TWILIO_WHATSAPP_FROM: the WhatsApp sender ("whatsapp:+31..."), when WhatsApp is used
    whatsapp_sender: str | None
    # BAKEN_WEBHOOK_URL: the rasa server's public address, as Twilio and Telegram call it
    # (behind a proxy the server cannot know it; Twilio signs this exact URL)
    webhook_url: str | None
    telegram: TelegramSettings | None
    whatsapp_templates: Path  # WHATSAPP_TEMPLATES_FILE
    # BAKEN_WIDGET_ORIGINS: the websites that may embed the chat widget, space-separated
    # ("https://www.deventer.nl https://www.steenwijkerland.nl")
    widget_origins: tuple[str, ...]
    api_token: str | None  # BAKEN_API_TOKEN: the appointment API is closed without it


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
        twilio=_twilio(),
        whatsapp_sender=_env("TWILIO_WHATSAPP_FROM", "") or None,
        webhook_url=(_env("BAKEN_WEBHOOK_URL", "") or None),
        telegram=_telegram(),
        widget_origins=tuple(_env("BAKEN_WIDGET_ORIGINS", "").split()),
        whatsapp_templates=Path(
            _env("WHATSAPP_TEMPLATES_FILE", str(ROOT / "whatsapp_templates.yml"))
        ),
        api_token=_env("BAKEN_API_TOKEN", "") or None,
    )
