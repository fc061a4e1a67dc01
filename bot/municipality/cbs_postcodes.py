"""Build the PC4 lists of ``municipalities/<id>.yml`` from the CBS postcode table.

CBS publishes every address as PC6 + house number with its buurt, wijk and gemeente
("Buurt, wijk en gemeente <jaar> voor postcode-huisnummer", a ``;``-separated CSV whose
last column is the gemeentecode). A PC4 goes into a municipality's list only when *all*
its addresses lie in that municipality; PC4s shared with a neighbour are reported, so an
operator can see why the bot asks those clients for their place name.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable
from typing import TextIO


def pc4_municipalities(rows: Iterable[list[str]]) -> dict[int, set[str]]:
    """PC4 → the four-digit gemeentecodes of its addresses. Skips the header and bad rows."""
    found: dict[int, set[str]] = defaultdict(set)
    for row in rows:
        if len(row) < 2 or not row[0][:4].isdigit() or not row[-1].strip().isdigit():
            continue
        found[int(row[0][:4])].add(row[-1].strip().zfill(4))
    return found


def ranges(numbers: Iterable[int]) -> list[str]:
    """[7411, 7412, 7413, 7420] → ["7411-7413", "7420"]."""
    result: list[str] = []
    for number in sorted(set(numbers)):
        if result and int(result[-1].split("-")[-1]) == number - 1:
            result[-1] = f"{result[-1].split('-')[0]}-{number}"
        else:
            result.append(str(number))
    return result


def postcodes_for(csv_file: TextIO, cbs_code: str) -> tuple[list[str], list[int]]:
    """(ranges wholly in the municipality, PC4s it shares with a neighbour)."""
    table = pc4_municipalities(csv.reader(csv_file, delimiter=";"))
    code = cbs_code.zfill(4)
    whole = [pc4 for pc4, codes in table.items() if codes == {code}]
    shared = sorted(pc4 for pc4, codes in table.items() if code in codes and len(codes) > 1)
    return ranges(whole), shared
