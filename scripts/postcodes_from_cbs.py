#!/usr/bin/env python
"""Print the ``postcodes.ranges`` of every municipality from a CBS postcode-huisnummer CSV.

Usage: scripts/postcodes_from_cbs.py pc6hnr20240801_gwb.csv
Copy each printed list into ``municipalities/<id>.yml`` and set the source to the file name.
"""

import sys
from pathlib import Path

from bot.municipality.cbs_postcodes import postcodes_for
from bot.municipality.registry import municipalities


def main(path: str) -> None:
    for municipality in municipalities().values():
        with Path(path).open(encoding="utf-8-sig", newline="") as handle:
            whole, shared = postcodes_for(handle, municipality.cbs_code)
        print(f"{municipality.id}: ranges: {whole}")
        if shared:
            print(f"  shared with a neighbour (left out, the bot asks the place): {shared}")


if __name__ == "__main__":
    main(sys.argv[1])
