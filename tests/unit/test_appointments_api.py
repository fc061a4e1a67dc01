"""The appointment API on the desk, in-process, on both databases."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from bot.store.db import session_scope
from bot.store.models import Appointment, OutboxMessage

TOKEN = "s3cret-token"
ROW = {
    "phone": "06 12345678",
    "municipality": "deventer",
    "kind": "screening",
    "starts_at": "2030-03-05 10:00",
    "location": "Kamperstraat 40",
    "language": "ar",
}


@pytest.fixture
def client(database_url: str, monkeypatch: pytest.MonkeyPatch) -> TestClient:
    monkeypatch.setenv("BAKEN_API_TOKEN", TOKEN)
    from bot.desk.app import create_app

    return TestClient(create_app())


def auth(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_without_the_token_nothing_happens(client: TestClient) -> None:
    assert client.put("/api/appointments/X-1", json=ROW).status_code == 401
    assert client.put("/api/appointments/X-1", json=ROW, headers=auth("wrong")).status_code == 401
    with session_scope() as session:
        assert session.execute(select(Appointment)).first() is None


def test_create_change_and_cancel(client: TestClient) -> None:
    created = client.put("/api/appointments/X-1", json=ROW, headers=auth())
    assert created.json() == {"external_id": "X-1", "result": "imported"}
    again = client.put("/api/appointments/X-1", json=ROW, headers=auth())
    assert again.json()["result"] == "unchanged"
    moved = client.put(
        "/api/appointments/X-1", json={**ROW, "starts_at": "2030-03-06 11:00"}, headers=auth()
    )
    assert moved.json()["result"] == "updated"
    assert client.delete("/api/appointments/X-1", headers=auth()).json()["result"] == "cancelled"
    assert client.delete("/api/appointments/NOPE", headers=auth()).status_code == 404
    with session_scope() as session:
        statuses = [r.status for r in session.execute(select(OutboxMessage)).scalars()]
    assert statuses == ["cancelled", "cancelled"]  # moved, then cancelled: nothing will go out


def test_a_bad_row_gets_the_reasons(client: TestClient) -> None:
    bad = client.put(
        "/api/appointments/X-2", json={**ROW, "phone": "123", "kind": "feest"}, headers=auth()
    )
    assert bad.status_code == 422
    assert "phone '123'" in bad.json()["detail"] and "kind 'feest'" in bad.json()["detail"]
