"""Report for ``bench/training_cost.sh``: training time and model size, three languages
against nine. See the shell script for how the time is measured."""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "bench" / "reports" / "training_cost.md"
# The last update of each finished progress bar: "100/100 [02:46<00:00".
FINISHED = re.compile(r"Epochs: 100%\|[^|]*\| (\d+)/\1 \[(?:(\d+):)?(\d+):(\d+)<")


def _seconds(match: tuple[str, ...]) -> int:
    _, hours, minutes, seconds = match
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)


def component_seconds(log: str) -> tuple[int, int]:
    """(DIET, ResponseSelector) seconds: the two bars that reach 100%, in that order."""
    finished: list[int] = []
    for match in FINISHED.findall(log):
        seconds = _seconds(match)
        if not finished or len(finished) == 1 and seconds != finished[0]:
            finished.append(seconds)
        elif seconds > finished[-1]:
            finished[-1] = seconds
    # Rasa repeats the final bar; keep the first two distinct bars.
    return finished[0], finished[1]


def configured_epochs() -> int:
    config = yaml.safe_load((ROOT / "config.yml").read_text())
    return max(c.get("epochs", 0) for c in config["pipeline"])


def main(work: Path, epochs: int) -> None:
    full = configured_epochs()
    rows = []
    for name in ("three", "nine"):
        log = (work / f"{name}.log").read_text(encoding="utf-8", errors="replace")
        diet, selector = component_seconds(log)
        wall = float((work / f"{name}.wall").read_text())
        user, system, peak_kb = (work / f"{name}.time").read_text().split()[-3:]
        fixed = wall - diet - selector
        estimate = fixed + (diet + selector) * full / epochs
        size = (work / name / f"{name}.tar.gz").stat().st_size / 1e6
        rows.append((name, diet / epochs, selector / epochs, fixed, estimate, size, int(peak_kb)))
    base = rows[0]
    lines = [
        "# Training cost: three languages against nine",
        "",
        f"`bench/training_cost.sh`, {date.today().isoformat()}. NLU only (`rasa train nlu`),",
        f"config.yml with {epochs} epochs instead of {full}; the full time is the fixed part",
        f"plus {full} epochs at the measured time per epoch. Same machine, one after the other.",
        "",
        "| data | s per DIET epoch | s per ResponseSelector epoch | fixed part | full training "
        "(estimate) | model size | peak memory |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, diet, selector, fixed, estimate, size, peak in rows:
        lines.append(
            f"| {name} | {diet:.1f} | {selector:.1f} | {fixed / 60:.1f} min "
            f"| {estimate / 60:.0f} min ({estimate / base[4]:.1f}×) "
            f"| {size:.0f} MB ({size / base[5]:.1f}×) | {peak / 1024:.0f} MB |"
        )
    REPORT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]))
