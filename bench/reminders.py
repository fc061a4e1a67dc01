"""Reminder benchmark: plan and send N reminders for N appointments through 1, 2 and 4
workers against the local Twilio stand-in, which answers like Twilio after 50-150 ms.

For each worker count: messages per second, duplicates (must be 0), losses (must be 0),
and the time relative to the stand-in's own limit, measured in the same run: the same
number of sends made straight to it by as many concurrent clients as there are workers.
Run with ``make bench`` (or ``python bench/reminders.py --count 1000``); the report goes
to ``bench/reports/reminders.md``.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import func, select, update

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.appointments.rows import AppointmentRow  # noqa: E402
from bot.appointments.schedule import upsert  # noqa: E402
from bot.reminders.senders import Outgoing  # noqa: E402
from bot.reminders.twilio_sender import TwilioSender  # noqa: E402
from bot.reminders.worker import run_once  # noqa: E402
from bot.store.db import session_scope  # noqa: E402
from bot.store.migrate import upgrade  # noqa: E402
from bot.store.models import OutboxMessage  # noqa: E402
from tests.fakes.twilio_server import FakeTwilio  # noqa: E402

NOW = datetime(2026, 11, 20, 11, 0, tzinfo=timezone.utc)
SENDER = "+3197010000000"
BASELINE_SAMPLE = 1_000


def plan(count: int) -> None:
    """``count`` appointments next week, each with its reminder, all made due now."""
    with session_scope() as session:
        for number in range(count):
            upsert(
                session,
                AppointmentRow(
                    external_id=f"B-{number}",
                    phone_e164=f"+316{number:08d}",
                    municipality="deventer",
                    kind="screening",
                    starts_at=NOW + timedelta(days=7, minutes=number % 480),
                    location="Kamperstraat 40, Deventer",
                    language=("nl", "en", "ar")[number % 3],
                    consultant=None,
                ),
                NOW,
            )
        session.execute(update(OutboxMessage).values(send_after=NOW))


def work(url: str, sid: str, token: str, database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    sender = TwilioSender(sid, token, SENDER, api_url=url)
    later = NOW + timedelta(days=1)
    while run_once(sender, later) or pending():
        pass


def pending() -> int:
    with session_scope() as session:
        return session.execute(
            select(func.count()).where(OutboxMessage.status.in_(("pending", "sending")))
        ).scalar_one()


def send_through(workers: int, fake: FakeTwilio, database_url: str) -> float:
    start = time.perf_counter()
    processes = [
        multiprocessing.Process(
            target=work, args=(fake.url, fake.account_sid, fake.auth_token, database_url)
        )
        for _ in range(workers)
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join()
    return time.perf_counter() - start


def direct(count: int, clients: int, fake: FakeTwilio) -> float:
    """The stand-in's own limit for ``count`` sends by ``clients`` concurrent callers,
    measured on up to ``BASELINE_SAMPLE`` sends and scaled (its rate does not drift)."""
    sender = TwilioSender(fake.account_sid, fake.auth_token, SENDER, api_url=fake.url)
    message = Outgoing("sms", "+31600000000", "baseline", "baseline")
    sample = min(count, BASELINE_SAMPLE)
    start = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(lambda _: sender.send(message), range(sample)))
    return (time.perf_counter() - start) * count / sample


def run(count: int, workers: int) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        database_url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        os.environ["DATABASE_URL"] = database_url
        upgrade(database_url)
        plan(count)
        fake = FakeTwilio(latency=(0.05, 0.15), callbacks=False).start()
        try:
            elapsed = send_through(workers, fake, database_url)
            per_body = Counter((m["to"], m["body"]) for m in fake.messages)
            duplicates = sum(n - 1 for n in per_body.values())
            with session_scope() as session:
                sent = session.execute(
                    select(func.count()).where(OutboxMessage.status == "sent")
                ).scalar_one()
            baseline = direct(count, workers, fake)
        finally:
            fake.stop()
    lost = count - sent
    return (
        f"| {workers} | {count:,} | {elapsed:,.1f} s | {count / elapsed:,.1f} | {duplicates} | "
        f"{lost} | {baseline:,.1f} s | {elapsed / baseline:.2f}x |"
    )


def main() -> str:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10_000)
    args = parser.parse_args()
    lines = [
        f"# Reminder benchmark ({date.today().isoformat()})",
        "",
        "SQLite, the local Twilio stand-in answering after 50-150 ms. Baseline: the stand-in's own",
        "limit for the same number of sends by as many concurrent callers as there are workers",
        f"(measured on {BASELINE_SAMPLE:,} sends and scaled).",
        "",
        "| workers | reminders | time | messages/s | duplicates | lost | baseline | vs baseline |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for workers in (1, 2, 4):
        lines.append(run(args.count, workers))
        print(lines[-1], flush=True)
    report = "\n".join(lines) + "\n"
    (ROOT / "bench" / "reports" / "reminders.md").write_text(report, encoding="utf-8")
    return report


if __name__ == "__main__":
    sys.stdout.write(main())
