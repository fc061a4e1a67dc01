"""Desk accounts: argon2 hashes, lockout, who may see which ticket, session cookies."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from bot.desk.sessions import new_session, read_session
from bot.store.consultants import AccountError, authenticate, create_consultant, may_see
from bot.store.db import session_scope
from bot.store.models import Consultant, Ticket

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=timezone.utc)
PASSWORD = "correct horse battery"


def make(username: str = "anna", **kwargs) -> None:
    with session_scope() as session:
        create_consultant(
            session,
            username,
            "Anna",
            PASSWORD,
            kwargs.pop("municipalities", ["deventer"]),
            **kwargs,
        )


def login(password: str, now: datetime = NOW, username: str = "anna"):
    with session_scope() as session:
        return authenticate(session, username, password, now)


@pytest.mark.usefixtures("database_url")
def test_the_password_is_stored_as_an_argon2_hash_and_checked() -> None:
    make()
    with session_scope() as session:
        stored = session.query(Consultant).one().password_hash
    assert stored.startswith("$argon2") and PASSWORD not in stored
    assert login(PASSWORD).consultant is not None
    assert login("wrong password").consultant is None
    assert login(PASSWORD, username="nobody").consultant is None


@pytest.mark.usefixtures("database_url")
def test_five_wrong_passwords_lock_the_account_for_15_minutes() -> None:
    make()
    results = [login(f"guess {n}") for n in range(5)]
    assert [r.locked for r in results] == [False] * 4 + [True]
    assert login(PASSWORD, NOW + timedelta(minutes=5)).locked  # even the right one
    assert login(PASSWORD, NOW + timedelta(minutes=16)).consultant is not None


@pytest.mark.usefixtures("database_url")
def test_accounts_are_checked_when_made() -> None:
    with pytest.raises(AccountError, match="10 characters"), session_scope() as session:
        create_consultant(session, "bob", "Bob", "short", ["deventer"])
    with pytest.raises(AccountError, match="role"):
        make("carl", roles=["boss"])
    make()
    with pytest.raises(AccountError, match="taken"):
        make()


def test_a_consultant_sees_only_their_municipalities_and_queues() -> None:
    def ticket(municipality: str, queue: str) -> Ticket:
        return Ticket(municipality=municipality, queue=queue)

    deventer = Consultant(roles=["consultant"], municipalities=["deventer"], queues=[])
    intake = Consultant(roles=["consultant"], municipalities=["deventer"], queues=["intake"])
    admin = Consultant(roles=["admin"], municipalities=["deventer"], queues=[])
    assert may_see(deventer, ticket("deventer", "spoed"))
    assert not may_see(deventer, ticket("steenwijkerland", "spoed"))
    assert may_see(intake, ticket("deventer", "intake"))
    assert not may_see(intake, ticket("deventer", "spoed"))
    assert may_see(admin, ticket("steenwijkerland", "spoed"))


def test_a_session_cookie_cannot_be_forged_and_expires(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BAKEN_SECRET_KEY", "test-secret")
    cookie, session = new_session(7)
    assert read_session(cookie) == session
    assert read_session(cookie[:-2] + "xx") is None
    assert read_session("7") is None and read_session(None) is None
    monkeypatch.setenv("BAKEN_SECRET_KEY", "another-secret")
    assert read_session(cookie) is None
    monkeypatch.setenv("BAKEN_SECRET_KEY", "test-secret")
    later = datetime.now(timezone.utc).timestamp() + 9 * 3600
    monkeypatch.setattr("itsdangerous.timed.time.time", lambda: later)
    assert read_session(cookie) is None  # after 8 hours


@pytest.mark.usefixtures("database_url")
def test_make_run_creates_one_demo_account_on_an_empty_database(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from bot.cli import main

    assert main(["demo-account"]) == 0
    printed = capsys.readouterr().out
    password = printed.split("password '")[1].split("'")[0]
    assert login(password, username="demo").consultant is not None
    with session_scope() as session:
        assert session.query(Consultant).one().roles == ["teamlead"]
    assert main(["demo-account"]) == 0  # not again: the database has an account now
    assert capsys.readouterr().out == ""
