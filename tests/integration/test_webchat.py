"""The web chat in a real browser (headless Chromium via Playwright), and /healthz."""

import re
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.conftest import free_port
from tests.integration.conftest import Stacks, start, stop

pytestmark = [pytest.mark.integration, pytest.mark.browser]


def test_healthz_reports_database_and_rasa(desk_url: str) -> None:
    reply = httpx.get(f"{desk_url}/healthz")
    assert reply.status_code == 200
    assert reply.json() == {"status": "ok", "database": "ok", "rasa": "ok"}


def test_hallo_shows_the_menu(page: Page, desk_url: str) -> None:
    page.goto(f"{desk_url}/chat/")
    page.get_by_label("Uw bericht").fill("hallo")
    page.get_by_role("button", name="Verstuur").click()
    bot = page.locator("li.bot").first
    expect(bot).to_contain_text("Ik ben Baken")
    expect(bot.get_by_role("button", name="1. Bijstand aanvragen")).to_be_visible()
    expect(bot.get_by_role("button", name="4. Praten met een medewerker")).to_be_visible()


def test_a_number_picks_the_menu_option_and_handoff_gives_a_reference(
    page: Page, desk_url: str
) -> None:
    page.goto(f"{desk_url}/chat/")
    box = page.get_by_label("Uw bericht")
    box.fill("hallo")
    box.press("Enter")
    expect(page.locator("li.bot").first).to_contain_text("Ik ben Baken")
    box.fill("4")
    box.press("Enter")
    expect(page.locator("li.me").nth(1)).to_have_text("4. Praten met een medewerker")
    expect(page.locator("li.bot").nth(1)).to_contain_text("In welke gemeente woont u?")
    page.get_by_role("button", name="2. Steenwijkerland").click()
    expect(page.locator("li.bot").nth(2)).to_contain_text("telefoonnummer")
    box.fill("06 12345678")
    box.press("Enter")
    expect(page.locator("li.bot").nth(3)).to_contain_text(re.compile(r"T-\d{4}-\d{6}"))


def test_arabic_page_is_right_to_left_and_answers_in_arabic(page: Page, desk_url: str) -> None:
    page.goto(f"{desk_url}/chat/?lang=ar")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"
    box = page.locator("#message")
    box.fill("مرحبا")
    box.press("Enter")
    answer = page.locator("li.bot").first
    expect(answer).to_contain_text(re.compile(r"[\u0600-\u06ff]"))
    assert answer.evaluate("e => getComputedStyle(e).direction") == "rtl"


DIRECTION = "e => getComputedStyle(e).direction"
PERSIAN = re.compile(r"[\u0600-\u06ff]")


def test_the_language_menu_gives_each_line_its_own_direction(page: Page, desk_url: str) -> None:
    page.goto(f"{desk_url}/chat/")
    box = page.get_by_label("Uw bericht")
    box.fill("salam")
    box.press("Enter")
    menu = page.locator("li.bot").first
    persian = menu.get_by_role("button", name="7. فارسی")
    expect(persian).to_be_visible()
    lines = menu.locator(".line")
    assert lines.first.evaluate(DIRECTION) == "ltr"  # "In welke taal wilt u praten?"
    assert lines.filter(has_text=PERSIAN).first.evaluate(DIRECTION) == "rtl"
    persian.click()
    answer = page.locator("li.bot").nth(1)
    expect(answer).to_contain_text(PERSIAN)
    assert answer.locator(".line").first.evaluate(DIRECTION) == "rtl"


def test_helper_mode_shows_persian_right_to_left_above_dutch(page: Page, desk_url: str) -> None:
    page.goto(f"{desk_url}/chat/")
    box = page.get_by_label("Uw bericht")
    for text, question in (
        ("ik help iemand met de aanvraag", "uw naam"),
        ("Sara", "organisatie"),
        ("Vluchtelingenwerk", "vindt die persoon dat goed"),
        ("ja", "In welke taal leest de persoon"),
    ):
        box.fill(text)
        box.press("Enter")
        expect(page.locator("li.bot").last).to_contain_text(question)
    page.locator("li.bot").last.get_by_role("button", name=re.compile("فارسی")).click()
    ready = page.locator("li.bot").last
    expect(ready).to_contain_text("— Nederlands —")
    lines = ready.locator(".line")
    assert lines.first.evaluate(DIRECTION) == "rtl"
    assert lines.filter(has_text="Dank u.").first.evaluate(DIRECTION) == "ltr"


@pytest.fixture(scope="module")
def desk_without_rasa(stacks: Stacks, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A desk whose rasa server is down (nothing listens on its port)."""
    port = free_port()
    env = {**stacks.get("sqlite").env, "RASA_URL": f"http://127.0.0.1:{free_port()}"}
    log = tmp_path_factory.mktemp("desk-down") / "desk.log"
    process = start([sys.executable, "-m", "bot", "desk", "--port", str(port)], env, log, port, 60)
    yield f"http://127.0.0.1:{port}"
    stop(process)


def test_rasa_down_is_reported_by_healthz(desk_without_rasa: str) -> None:
    reply = httpx.get(f"{desk_without_rasa}/healthz")
    assert reply.status_code == 503
    assert reply.json()["database"] == "ok"
    assert reply.json()["rasa"].startswith("unreachable")


def test_rasa_down_is_explained_in_the_page_language(page: Page, desk_without_rasa: str) -> None:
    page.goto(f"{desk_without_rasa}/chat/?lang=en")
    page.locator("#message").fill("hello")
    page.locator("#message").press("Enter")
    expect(page.locator("#status")).to_contain_text("Baken is not available right now")
    expect(page.locator("li.me")).to_have_text("hello")  # what the user typed stays visible


@pytest.fixture(scope="module")
def municipality_site(desk_url: str) -> Iterator[str]:
    """A municipality's web page on another origin, with the one widget script tag."""
    html = (
        '<!doctype html><html lang="nl"><head><title>Gemeente</title></head><body>'
        "<h1>Werk en inkomen</h1><a href='#'>Eerste link</a>"
        f'<script src="{desk_url}/chat/widget.js" defer></script></body></html>'
    ).encode()

    class Page(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(html)))
            self.end_headers()
            self.wfile.write(html)

        def log_message(self, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    # Another origin (port) on the same host: Chromium then keeps the frame in the page's
    # process, where Playwright's key presses reach it as a user's keyboard would.
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_the_widget_works_with_the_keyboard_and_keeps_the_conversation(
    page: Page, municipality_site: str
) -> None:
    page.goto(municipality_site)
    launcher = page.get_by_role("button", name="Chat met Baken")
    expect(launcher).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Tab")  # the site's own link
    page.keyboard.press("Tab")
    expect(launcher).to_be_focused()
    page.keyboard.press("Enter")
    launcher = page.locator("#baken-widget-button")
    expect(launcher).to_have_attribute("aria-expanded", "true")
    expect(launcher).to_have_accessible_name("Sluit de chat")
    chat = page.frame_locator("#baken-widget-panel iframe")
    expect(page.locator("#baken-widget-panel iframe")).to_be_focused()
    expect(chat.get_by_label("Uw bericht")).to_be_visible()
    page.keyboard.type("hallo")  # typing right away lands in the text box
    page.keyboard.press("Enter")
    expect(chat.locator("li.bot").first).to_contain_text("Ik ben Baken")
    menu = chat.get_by_role("button", name="1. Bijstand aanvragen")
    expect(menu).to_be_visible()

    page.reload()  # another page of the site: the chat is still open, with its history
    chat = page.frame_locator("#baken-widget-panel iframe")
    expect(chat.locator("li.bot").first).to_contain_text("Ik ben Baken")
    chat.get_by_role("button", name="1. Bijstand aanvragen").click()
    expect(chat.locator("li.bot").nth(1)).to_contain_text("belangrijke vraag")

    chat.get_by_label("Uw bericht").press("Escape")  # closes, focus back on the button
    launcher = page.get_by_role("button", name="Chat met Baken")
    expect(launcher).to_be_focused()
    expect(page.locator("#baken-widget-panel")).to_be_hidden()


def test_only_configured_sites_may_frame_the_chat(desk_url: str) -> None:
    policy = httpx.get(f"{desk_url}/chat/?embed=1").headers["content-security-policy"]
    assert policy == "frame-ancestors 'self' http://127.0.0.1:*"
    script = httpx.get(f"{desk_url}/chat/widget.js")
    assert script.status_code == 200 and "javascript" in script.headers["content-type"]
