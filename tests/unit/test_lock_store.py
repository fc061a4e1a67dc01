"""Rasa's lock store follows REDIS_URL: several rasa servers share locks in Redis."""

import pytest
from rasa.core.lock_store import InMemoryLockStore, RedisLockStore

from bot.store.lock_store import ConfiguredLockStore


def test_in_memory_without_redis(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REDIS_URL", raising=False)
    assert isinstance(ConfiguredLockStore(endpoint_config=None), InMemoryLockStore)


def test_two_servers_share_the_conversation_lock(
    redis_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REDIS_URL", redis_url)
    server_a, server_b = ConfiguredLockStore(), ConfiguredLockStore()
    assert isinstance(server_a, RedisLockStore)
    first = server_a.issue_ticket("conversation-1")
    second = server_b.issue_ticket("conversation-1")
    assert second == first + 1
    assert server_b.get_lock("conversation-1").is_locked(second)  # b waits for a
    server_a.finish_serving("conversation-1", first)
    assert not server_b.get_lock("conversation-1").is_locked(second)
