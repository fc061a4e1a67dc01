"""Rasa's lock store, chosen by REDIS_URL.

One machine: in memory. Several rasa servers: Redis, so two servers never handle the same
conversation at once. Rasa's endpoints file cannot express "Redis if configured", and a
missing environment variable there is an error, so this small class decides.
"""

from __future__ import annotations

import os
from typing import Any
from urllib.parse import urlsplit

from rasa.core.lock_store import InMemoryLockStore, LockStore, RedisLockStore


class ConfiguredLockStore(LockStore):
    def __new__(cls, endpoint_config: Any = None) -> LockStore:  # type: ignore[misc]
        url = os.environ.get("REDIS_URL")
        if not url:
            return InMemoryLockStore()
        parts = urlsplit(url)
        return RedisLockStore(
            host=parts.hostname or "localhost",
            port=parts.port or 6379,
            db=int(parts.path.strip("/") or 0),
            username=parts.username,
            password=parts.password,
            use_ssl=parts.scheme == "rediss",
            key_prefix="baken",
        )
