"""Real servers on free ports: the action server, the rasa server (started with the
Procfile's own command line) and the desk, on SQLite and on PostgreSQL."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Page, sync_playwright
from sqlalchemy import text
from sqlalchemy.engine import make_url

from bot.store.db import engine_for
from bot.store.migrate import upgrade
from tests.conftest import ROOT, free_port, wait_for_port
from tests.fakes.telegram_server import FakeTelegram
from tests.fakes.twilio_server import FakeTwilio

MODEL = ROOT / "models" / "baken.tar.gz"
TOKEN = "integration-secret"
TELEGRAM_SECRET = "telegram-webhook-secret-for-tests"
TWILIO_NUMBER = "+3197010000001"


def procfile_command(name: str) -> str:
    for line in (ROOT / "Procfile").read_text().splitlines():
        if line.startswith(f"{name}:"):
            return line.split(":", 1)[1].strip()
    raise KeyError(name)


@dataclass
class Fakes:
    """Twilio's and Telegram's APIs, as the channels of every stack see them."""

    twilio: FakeTwilio
    telegram: FakeTelegram

    def env(self) -> dict[str, str]:
        return {
            "TWILIO_ACCOUNT_SID": self.twilio.account_sid,
            "TWILIO_AUTH_TOKEN": self.twilio.auth_token,
            "TWILIO_FROM": TWILIO_NUMBER,
            "TWILIO_API_URL": self.twilio.url,
            "TELEGRAM_BOT_TOKEN": self.telegram.token,
            "TELEGRAM_SECRET_TOKEN": TELEGRAM_SECRET,
            "TELEGRAM_API_URL": self.telegram.base_url,
        }


@dataclass
class Stack:
    kind: str
    database_url: str
    rasa_url: str
    token: str | None
    env: dict[str, str]
    fakes: Fakes
    processes: list[subprocess.Popen] = field(default_factory=list)

    def say(self, sender: str, message: str) -> list[dict]:
        reply = httpx.post(
            f"{self.rasa_url}/webhooks/rest/webhook",
            json={"sender": sender, "message": message},
            timeout=60,
        )
        reply.raise_for_status()
        return reply.json()

    def kill_actions(self) -> None:
        """Kill the action server the hard way (SIGKILL), as a crash would."""
        os.killpg(self.processes[0].pid, 9)
        self.processes[0].wait(timeout=10)

    def sql(self, query: str, **params: object) -> list[tuple]:
        with engine_for(self.database_url).begin() as connection:
            result = connection.execute(text(query), params)
            return [tuple(row) for row in result] if result.returns_rows else []


def texts(messages: list[dict]) -> str:
    """Everything the client sees in a reply: the texts and the button titles."""
    parts = []
    for message in messages:
        parts.append(message.get("text") or "")
        parts += [button["title"] for button in message.get("buttons") or []]
    return "\n".join(parts)


class Conversation:
    """One client talking to a stack: ``c("hallo")`` returns what they see."""

    def __init__(self, stack: Stack) -> None:
        self.stack, self.user = stack, f"test-{uuid.uuid4().hex[:10]}"

    def __call__(self, message: str) -> str:
        return texts(self.stack.say(self.user, message))


def start(
    command: list[str] | str, env: dict[str, str], log: Path, port: int, timeout: float = 180
) -> subprocess.Popen:
    process = subprocess.Popen(
        command,
        shell=isinstance(command, str),
        cwd=ROOT,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    wait_for_port(port, process, timeout, log)
    return process


def stop(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, 15)
        process.wait(timeout=20)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(process.pid, 9)


def _fresh_database(kind: str, workdir: Path, request: pytest.FixtureRequest) -> str:
    if kind == "sqlite":
        return f"sqlite:///{workdir / 'baken.db'}"
    server = request.getfixturevalue("postgres_url")
    name = f"baken_it_{free_port()}"
    with engine_for(server).connect().execution_options(isolation_level="AUTOCOMMIT") as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    return make_url(server).set(database=name).render_as_string(hide_password=False)


class Stacks:
    """Starts each kind of stack once per test session, on first use."""

    def __init__(self, request: pytest.FixtureRequest, tmp: pytest.TempPathFactory) -> None:
        self.request, self.tmp, self.started = request, tmp, {}

    def get(self, kind: str) -> Stack:
        """``sqlite`` or ``postgresql``; any other name is a SQLite stack of its own, for a
        test that breaks it."""
        if kind not in self.started:
            self.started[kind] = self._start(kind)
        return self.started[kind]

    def _start(self, kind: str) -> Stack:
        if not MODEL.exists():
            pytest.fail(f"{MODEL} is missing: run the tests with 'make test'")
        workdir = self.tmp.mktemp(f"stack-{kind}")
        database = "postgresql" if kind == "postgresql" else "sqlite"
        database_url = _fresh_database(database, workdir, self.request)
        upgrade(database_url)
        action_port, rasa_port = free_port(), free_port()
        token = TOKEN if kind == "postgresql" else None  # one stack checks the token
        fakes = self.request.getfixturevalue("fakes")
        env = {
            **os.environ,
            **fakes.env(),
            # Twilio signs the URL it called; here that is the server's own address.
            "BAKEN_WEBHOOK_URL": f"http://127.0.0.1:{rasa_port}",
            "DATABASE_URL": database_url,
            "RASA_INTERFACE": "127.0.0.1",
            "RASA_PORT": str(rasa_port),
            "ACTION_PORT": str(action_port),
            "ACTION_SERVER_URL": f"http://127.0.0.1:{action_port}/webhook",
            "NLG_URL": f"http://127.0.0.1:{action_port}/nlg",
            "RASA_TELEMETRY_ENABLED": "false",
            "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}",
        }
        env.pop("RASA_AUTH_TOKEN", None)
        if token:
            env["RASA_AUTH_TOKEN"] = token
        stack = Stack(kind, database_url, f"http://127.0.0.1:{rasa_port}", token, env, fakes)
        stack.processes.append(
            start(procfile_command("actions"), env, workdir / "actions.log", action_port, 60)
        )
        stack.processes.append(
            start(procfile_command("rasa"), env, workdir / "rasa.log", rasa_port, timeout=240)
        )
        return stack

    def close(self) -> None:
        for stack in self.started.values():
            for process in reversed(stack.processes):
                if process.poll() is None:
                    stop(process)


@pytest.fixture(scope="session")
def fakes() -> Iterator[Fakes]:
    twilio, telegram = FakeTwilio(callbacks=False).start(), FakeTelegram().start()
    yield Fakes(twilio, telegram)
    twilio.stop()
    telegram.stop()


@pytest.fixture(scope="session")
def stacks(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Stacks]:
    started = Stacks(request, tmp_path_factory)
    yield started
    started.close()


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def stack(request: pytest.FixtureRequest, stacks: Stacks) -> Stack:
    return stacks.get(request.param)


@pytest.fixture(scope="session")
def desk_url(stacks: Stacks, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The desk (web chat, health) in front of the SQLite stack."""
    backend = stacks.get("sqlite")
    port = free_port()
    # the widget test's host page runs on another port: another origin than the desk
    env = {
        **backend.env,
        "RASA_URL": backend.rasa_url,
        "BAKEN_WIDGET_ORIGINS": "http://127.0.0.1:*",
        "BAKEN_SECRET_KEY": "desk-secret-for-tests",
    }
    log = tmp_path_factory.mktemp("desk") / "desk.log"
    process = start([sys.executable, "-m", "bot", "desk", "--port", str(port)], env, log, port, 60)
    yield f"http://127.0.0.1:{port}"
    stop(process)


CHROMIUM = os.environ.get("BAKEN_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing (apt install chromium, or set BAKEN_CHROMIUM)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 390, "height": 844})  # a phone
    page = context.new_page()
    yield page
    context.close()
