"""Engines and sessions (SQLAlchemy 1.4 in 2.0 style)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot import settings


@lru_cache(maxsize=8)
def engine_for(url: str) -> Engine:
    """One engine per URL and process. SQLite gets WAL and a busy timeout, because the
    rasa server, the action server, the desk and the worker all write to the same file."""
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, future=True, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()

        return engine
    return create_engine(url, future=True, pool_pre_ping=True)


def engine() -> Engine:
    return engine_for(settings.load().database_url)


@contextmanager
def session_scope() -> Iterator[Session]:
    """A unit of work: commit on success, roll back on error."""
    factory = sessionmaker(bind=engine(), future=True, expire_on_commit=False)
    with factory() as session, session.begin():
        yield session
