"""The consultants' desk in headless Chromium: log in, a new ticket from a bot
conversation appears in the queue without reloading, the ticket page with its transcript,
and what a consultant may not do (wrong password, forged forms, another municipality)."""

from __future__ import annotations

import re
import subprocess
import sys
import uuid
from datetime import date, timedelta
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

from tests.integration.conftest import Stack, Stacks

pytestmark = [pytest.mark.integration, pytest.mark.browser]
PASSWORD = "een lang wachtwoord 42"


def create_consultant(stack: Stack, username: str, municipality: str, role: str = "") -> None:
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "bot",
            "create-consultant",
            "--username",
            username,
            "--name",
            username.capitalize(),
            "--municipality",
            municipality,
            "--password-stdin",
            *(["--role", role] if role else []),
        ],
        input=PASSWORD + "\n",
        env=stack.env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr


@pytest.fixture(scope="module")
def accounts(stacks: Stacks) -> dict[str, str]:
    stack = stacks.get("sqlite")
    suffix = uuid.uuid4().hex[:6]
    names = {"deventer": f"anna{suffix}", "steenwijkerland": f"sven{suffix}"}
    for municipality, username in names.items():
        create_consultant(stack, username, municipality)
    names["teamlead"] = f"tess{suffix}"
    create_consultant(stack, names["teamlead"], "deventer", role="teamlead")
    return names


def log_in(page: Page, desk_url: str, username: str, password: str = PASSWORD) -> None:
    page.goto(f"{desk_url}/desk/")
    expect(page).to_have_url(re.compile(r"/desk/login$"))
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()


def handoff(
    stack: Stack, municipality: str, user: str | None = None, asking: str = "ik wil een medewerker"
) -> str:
    """The reference of the ticket a conversation gets when it asks for a person."""
    user = user or f"desk-{uuid.uuid4().hex[:8]}"
    stack.say(user, asking)
    stack.say(user, f'/inform_municipality{{"municipality": "{municipality}"}}')
    done = stack.say(user, "0612345678")
    return re.search(r"T-\d{4}-\d{6}", " ".join(m.get("text", "") for m in done)).group(0)


def test_a_new_ticket_appears_in_the_queue_and_opens_with_its_transcript(
    browser: Browser, desk_url: str, stacks: Stacks, accounts: dict[str, str]
) -> None:
    stack = stacks.get("sqlite")
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    log_in(page, desk_url, accounts["deventer"])
    expect(page.get_by_role("heading", name="Wachtrij")).to_be_visible()
    reference = handoff(stack, "deventer")  # while the queue page is open
    row = page.get_by_role("link", name=reference)
    expect(row).to_be_visible(timeout=15_000)  # refreshed without reloading
    other = handoff(stack, "steenwijkerland")
    page.wait_for_timeout(6_000)
    expect(page.get_by_role("link", name=other)).to_have_count(0)

    row.click()
    expect(page.get_by_role("heading", name=re.compile(reference))).to_be_visible()
    expect(page.locator(".transcript")).to_contain_text("ik wil een medewerker")
    expect(page.locator(".transcript")).to_contain_text("[telefoonnummer]")  # masked
    viewed = stack.sql(
        "SELECT actor FROM audit_event WHERE action = 'ticket.viewed' AND object_id = :r",
        r=reference,
    )
    assert viewed == [(accounts["deventer"],)]

    page.get_by_role("button", name="Uitloggen").click()
    expect(page).to_have_url(re.compile(r"/desk/login$"))
    page.goto(f"{desk_url}/desk/tickets/{reference}")
    expect(page).to_have_url(re.compile(r"/desk/login$"))  # logged out means logged out


def test_a_steenwijkerland_consultant_cannot_open_a_deventer_ticket(
    page: Page, desk_url: str, stacks: Stacks, accounts: dict[str, str]
) -> None:
    reference = handoff(stacks.get("sqlite"), "deventer")
    log_in(page, desk_url, accounts["steenwijkerland"])
    expect(page.get_by_role("heading", name="Wachtrij")).to_be_visible()
    expect(page.get_by_role("link", name=reference)).to_have_count(0)
    response = page.goto(f"{desk_url}/desk/tickets/{reference}")  # guessing the URL
    assert response is not None and response.status == 403
    expect(page.get_by_text("U heeft geen toegang tot dit ticket")).to_be_visible()
    attempts = stacks.get("sqlite").sql(
        "SELECT actor FROM audit_event WHERE action = 'ticket.forbidden' AND object_id = :r",
        r=reference,
    )
    assert attempts == [(accounts["steenwijkerland"],)]


def test_a_wrong_password_is_refused_kindly(page: Page, desk_url: str, accounts: dict) -> None:
    log_in(page, desk_url, accounts["deventer"], "niet het goede wachtwoord")
    expect(page.get_by_role("alert")).to_have_text(
        "De gebruikersnaam of het wachtwoord klopt niet."
    )
    expect(page).to_have_url(re.compile(r"/desk/login$"))


def test_forms_without_the_csrf_token_are_refused(
    page: Page, desk_url: str, accounts: dict[str, str]
) -> None:
    form = {"username": accounts["deventer"], "password": PASSWORD, "csrf": "guessed"}
    refused = httpx.post(f"{desk_url}/desk/login", data=form, cookies={"baken_login_csrf": "x"})
    assert refused.status_code == 403 and "baken_desk" not in refused.cookies
    log_in(page, desk_url, accounts["deventer"])
    expect(page.get_by_role("heading", name="Wachtrij")).to_be_visible()
    cookies = {c["name"]: c["value"] for c in page.context.cookies()}
    forged = httpx.post(
        f"{desk_url}/desk/logout",
        data={"csrf": "from another site"},
        cookies={"baken_desk": cookies["baken_desk"]},
    )
    assert forged.status_code == 403
    page.reload()
    expect(page.get_by_role("heading", name="Wachtrij")).to_be_visible()  # still logged in


def test_live_takeover_the_bot_stays_silent_and_hands_back(
    browser: Browser, desk_url: str, stacks: Stacks, accounts: dict[str, str]
) -> None:
    client = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    client.goto(f"{desk_url}/chat/")
    box = client.get_by_label("Uw bericht")
    for text in ("ik wil een medewerker", "Deventer", "06 12345678"):
        box.fill(text)
        box.press("Enter")
        expect(client.locator("li.bot").last).not_to_have_text("")
        client.wait_for_timeout(300)
    with_reference = client.locator("li.bot", has_text=re.compile(r"T-\d{4}-\d{6}"))
    expect(with_reference).to_have_count(1)
    reference = re.search(r"T-\d{4}-\d{6}", with_reference.inner_text()).group(0)

    desk = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    log_in(desk, desk_url, accounts["deventer"])
    desk.get_by_role("link", name=reference).click()
    desk.get_by_role("button", name="Pak dit ticket op").click()
    desk.get_by_role("button", name="Neem gesprek over").click()
    expect(desk.get_by_role("status")).to_contain_text("Baken zwijgt")
    name = accounts["deventer"].capitalize()
    expect(client.locator("li.person")).to_contain_text(f"Nu helpt {name} van de gemeente")

    bot_answers = client.locator("li.bot").count()
    box.fill("hallo, ik heb een vraag over mijn brief")
    box.press("Enter")
    transcript = desk.locator("#transcript")
    expect(transcript).to_contain_text("ik heb een vraag over mijn brief", timeout=3_000)
    client.wait_for_timeout(1_500)
    assert client.locator("li.bot").count() == bot_answers  # the bot said nothing

    desk.get_by_label("Bericht aan de cliënt").fill("Goedemiddag, welke brief bedoelt u?")
    desk.get_by_label("Bericht aan de cliënt").press("Enter")
    expect(client.locator("li.person").last).to_have_text("Goedemiddag, welke brief bedoelt u?")

    desk.get_by_role("button", name="Geef terug aan Baken").click()
    expect(client.locator("li.person").last).to_contain_text("teruggegeven aan Baken")
    box.fill("hallo")
    box.press("Enter")
    expect(client.locator("li.bot").last).to_contain_text("Ik ben Baken")  # the bot is back

    desk.get_by_label("Uitkomst").select_option("afgehandeld")
    desk.get_by_role("button", name="Sluit ticket").click()
    expect(desk.locator("#ticket-status")).to_have_text("gesloten (afgehandeld)")
    stack = stacks.get("sqlite")
    actions = [
        row[0]
        for row in stack.sql(
            "SELECT action FROM audit_event WHERE object_id = :r ORDER BY id", r=reference
        )
    ]
    assert [a for a in actions if a != "ticket.viewed"] == [
        "ticket.created",
        "ticket.claimed",
        "ticket.takeover",
        "ticket.handback",
        "ticket.closed",
    ]


def test_team_leads_see_the_numbers_and_the_audit_log_consultants_do_not(
    browser: Browser, desk_url: str, stacks: Stacks, accounts: dict[str, str]
) -> None:
    handoff(stacks.get("sqlite"), "deventer")
    lead = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = lead.new_page()
    log_in(page, desk_url, accounts["teamlead"])
    page.get_by_role("link", name="Cijfers").click()
    expect(page.get_by_role("img", name="Tickets per week")).to_be_visible()
    expect(page.get_by_role("img", name="Overdrachten per reden")).to_be_visible()
    with page.expect_download() as download:
        page.locator("a[href='/desk/stats/handovers.csv']").click()
    lines = Path(download.value.path()).read_text(encoding="utf-8").splitlines()
    assert lines[0] == "soort,wachtrij,aantal" and any(line.startswith("vraag,") for line in lines)
    page.get_by_role("link", name="Auditlog").click()
    expect(page.get_by_role("cell", name="stats.exported")).to_be_visible()

    consultant = browser.new_context().new_page()
    log_in(consultant, desk_url, accounts["deventer"])
    expect(consultant.get_by_role("link", name="Cijfers")).to_have_count(0)
    for path in ("/desk/stats", "/desk/audit", "/desk/stats/tickets.csv"):
        assert consultant.request.get(f"{desk_url}{path}").status == 403


def test_plan_an_appointment_on_a_ticket_and_mark_a_no_show(
    browser: Browser, desk_url: str, stacks: Stacks, accounts: dict[str, str]
) -> None:
    stack = stacks.get("sqlite")
    reference = handoff(stack, "deventer")
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    log_in(page, desk_url, accounts["deventer"])
    page.goto(f"{desk_url}/desk/tickets/{reference}")
    day = (date.today() + timedelta(days=9)).isoformat()
    page.get_by_label("Soort").select_option("screening")
    page.get_by_label("Datum").fill(day)
    page.get_by_label("Tijd").fill("10:30")
    place = f"Kamperstraat {uuid.uuid4().hex[:6]}"  # other tests plan appointments too
    page.get_by_label("Plaats").fill(place)
    expect(page.get_by_label("Telefoon (voor de sms-herinnering)")).to_have_value("+31612345678")
    page.get_by_role("button", name="Plan afspraak").click()
    row = page.get_by_role("row", name=re.compile("screening"))
    expect(row).to_contain_text("gepland")
    expect(row).to_contain_text("pending")  # the reminder the day before is planned
    [(status, kind)] = stack.sql(
        "SELECT a.status, a.kind FROM appointment a JOIN ticket t ON t.contact_id = a.contact_id "
        "WHERE t.reference = :r",
        r=reference,
    )
    assert (status, kind) == ("scheduled", "screening")

    page.get_by_role("link", name="Afspraken").click()
    row = page.get_by_role("row", name=re.compile(f"screening.*{place}"))
    row.get_by_role("button", name="niet gekomen").click()
    row = page.get_by_role("row", name=re.compile(f"screening.*{place}"))
    expect(row).to_contain_text("niet gekomen")
    expect(row).to_contain_text("cancelled")  # no reminder for an appointment that is over


def test_an_arabic_conversation_reads_right_to_left_inside_the_dutch_desk(
    page: Page, desk_url: str, stacks: Stacks, accounts: dict[str, str]
) -> None:
    stack = stacks.get("sqlite")
    user = f"desk-{uuid.uuid4().hex[:8]}"
    stack.say(user, "مرحبا")
    reference = handoff(stack, "deventer", user, asking="أريد التحدث مع موظف")
    log_in(page, desk_url, accounts["deventer"])
    page.goto(f"{desk_url}/desk/tickets/{reference}")
    client_line = page.locator(".transcript li.client p", has_text="مرحبا")
    assert client_line.evaluate("e => getComputedStyle(e).direction") == "rtl"
    bot_line = page.locator(".transcript li.bot").first
    expect(bot_line.locator("p.dutch")).to_contain_text("Hallo! Ik ben Baken")  # and in Dutch
    assert page.locator("h1").evaluate("e => getComputedStyle(e).direction") == "ltr"


def test_the_ticket_shows_helper_mode_and_the_clients_language(
    page: Page, desk_url: str, stacks: Stacks, accounts: dict[str, str]
) -> None:
    stack = stacks.get("sqlite")
    user = f"desk-{uuid.uuid4().hex[:8]}"
    for text in ("ik help iemand met zijn aanvraag", "Sara", "Vluchtelingenwerk", "ja"):
        stack.say(user, text)
    stack.say(user, '/set_language{"language": "fa"}')
    reference = handoff(stack, "deventer", user)
    log_in(page, desk_url, accounts["deventer"])
    page.goto(f"{desk_url}/desk/tickets/{reference}")
    helper = page.locator("#helper-mode")
    expect(helper).to_contain_text("een helper zit bij de cliënt")
    expect(helper.locator("span[lang=fa]")).to_have_text("فارسی")
