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
# A finished progress bar: "5/5 [04:04<00:00, 39.20s/it" (or "1.27it/s" when fast). The
# rate is tqdm's moving average, so the slow first epoch (graph building) weighs little.
# The bar's losses tell which classifier it is: the selector reports r_acc, DIET does not.
FINISHED = re.compile(
    r"Epochs: 100%\|[^|]*\| (\d+)/\1 \[(?:(\d+):)?(\d+):(\d+)<[^,]*, +([\d.]+)(s/it|it/s)"
    r"([^\]]*)\]"
)


def _seconds(match: tuple[str, ...]) -> int:
    _, hours, minutes, seconds, *_ = match
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)


def _per_epoch(match: tuple[str, ...]) -> float:
    rate, unit = float(match[4]), match[5]
    return rate if unit == "s/it" else 1 / rate


def components(log: str) -> list[tuple[int, float]]:
    """(seconds in all, seconds per epoch at the end) for DIET, then the ResponseSelector.
    Rasa may train either first, and repeats a finished bar with new losses: the first
    finished bar of each counts."""
    found: dict[str, tuple[int, float]] = {}
    for match in FINISHED.findall(log):
        kind = "selector" if "r_acc" in match[6] else "diet"
        found.setdefault(kind, (_seconds(match), _per_epoch(match)))
    return [found["diet"], found["selector"]]


def configured_epochs() -> int:
    config = yaml.safe_load((ROOT / "config.yml").read_text())
    return max(c.get("epochs", 0) for c in config["pipeline"])


def main(work: Path, epochs: int) -> None:
    full = configured_epochs()
    rows = []
    for name in ("three", "nine"):
        log = (work / f"{name}.log").read_text(encoding="utf-8", errors="replace")
        (diet, diet_epoch), (selector, selector_epoch) = components(log)
        wall = float((work / f"{name}.wall").read_text())
        peak_kb = (work / f"{name}.time").read_text().split()[-1]
        fixed = wall - diet - selector
        estimate = fixed + (diet_epoch + selector_epoch) * full
        size = (work / name / f"{name}.tar.gz").stat().st_size / 1e6
        rows.append((name, diet_epoch, selector_epoch, fixed, estimate, size, int(peak_kb)))
    base = rows[0]
    lines = [
        "# Training cost: three languages against nine",
        "",
        f"`bench/training_cost.sh`, {date.today().isoformat()}. NLU only (`rasa train nlu`),",
        f"config.yml with {epochs} epochs instead of {full}; the full time is the time outside",
        f"the two classifiers plus {full} epochs at the time per epoch at the end of the run",
        "(tqdm's moving average). Same machine, one after the other.",
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
