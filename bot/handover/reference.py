"""Case references shown to clients and searched in the desk (CONTRACT.md).

Random rather than sequential: a client cannot guess another client's number, the
reference does not reveal how many cases a municipality has, and several servers can
create them without a shared counter (the database's unique index catches the rare clash).
"""

from __future__ import annotations

import re
import secrets

REFERENCE_RE = re.compile(r"^(M|T)-(\d{4})-(\d{6})$")


def new_reference(prefix: str, year: int) -> str:
    if prefix not in ("M", "T"):
        raise ValueError("prefix is M (melding) or T (ticket)")
    return f"{prefix}-{year}-{secrets.randbelow(1_000_000):06d}"
