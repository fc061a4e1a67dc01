"""Make the desk screenshots in ``docs/`` (the queue and a ticket page) from made-up
tickets in a throwaway SQLite database: ``python scripts/desk_screenshots.py``.

Needs Chromium (``/usr/bin/chromium`` or ``BAKEN_CHROMIUM``); no rasa server.
"""

from __future__ import annotations

import os
import socket
import sys
import tempfile
import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def seed() -> None:
    from bot.handover.transcript import Line
    from bot.i18n.nlg import render_response
    from bot.i18n.responses import domain_responses
    from bot.store.consultants import create_consultant
    from bot.store.db import session_scope
    from bot.store.models import Ticket
    from bot.store.tickets import NewTicket, create_ticket

    now = datetime.now(timezone.utc)
    greet = render_response("utter_greet", "ar", {}, domain_responses(), "rest")["text"]
    dutch = render_response("utter_greet", "nl", {}, domain_responses(), "rest")["text"]
    examples = [
        ("melding", "intake", "ar", "urgent", 2, "Geen geld voor eten vandaag. Melding bijstand."),
        ("melding", "intake", "nl", "normal", 20, "Melding bijstand, alleenstaand, huur."),
        ("vraag", "algemeen", "en", "normal", 3, "Question about the holiday allowance."),
        ("wijziging", "consulent", "nl", "normal", 30, "Wijziging: werk gevonden, 20 uur."),
        ("afspraak", "afspraken", "tr", "normal", 26, "Kan niet komen op dinsdag."),
    ]
    with session_scope() as session:
        create_consultant(session, "anna", "Anna", "screenshot-password", ["deventer"])
        for number, (kind, queue, lang, priority, hours, summary) in enumerate(examples):
            lines = [
                Line("client", "مرحبا، ليس لدي مال للطعام اليوم", now - timedelta(hours=hours)),
                Line("bot", greet, now - timedelta(hours=hours), dutch),
            ]
            new = NewTicket(
                kind,
                queue,
                "deventer",
                lang,
                summary,
                now - timedelta(hours=hours - 24),
                f"+3161234567{number}",
                "twilio_whatsapp",
                priority,
            )
            ticket = create_ticket(session, new, lines if lang == "ar" else [])
            session.get(Ticket, ticket.id).created_at = now - timedelta(hours=hours)


def main() -> None:
    workdir = Path(tempfile.mkdtemp(prefix="baken-shots-"))
    os.environ.update(
        DATABASE_URL=f"sqlite:///{workdir / 'baken.db'}",
        BAKEN_SECRET_KEY="screenshots",
        RASA_URL="http://127.0.0.1:9",
    )
    import uvicorn
    from playwright.sync_api import sync_playwright

    from bot.desk.app import create_app
    from bot.store.migrate import upgrade

    upgrade()
    seed()
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(), port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.1)
    url = f"http://127.0.0.1:{port}"
    chromium = os.environ.get("BAKEN_CHROMIUM", "/usr/bin/chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 720})
        page.goto(f"{url}/desk/login")
        page.get_by_label("Gebruikersnaam").fill("anna")
        page.get_by_label("Wachtwoord").fill("screenshot-password")
        page.get_by_role("button", name="Inloggen").click()
        page.wait_for_selector("#queue-rows tr")
        page.screenshot(path=str(ROOT / "docs" / "desk-queue.png"))
        page.locator("#queue-rows a").first.click()
        page.wait_for_selector(".transcript")
        page.screenshot(path=str(ROOT / "docs" / "desk-ticket.png"), full_page=True)
        browser.close()
    server.should_exit = True
    print("docs/desk-queue.png and docs/desk-ticket.png written")


if __name__ == "__main__":
    main()
