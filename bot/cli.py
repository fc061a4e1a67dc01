"""``python -m bot <command>``: the operator's commands and the process entry points."""

from __future__ import annotations

import argparse
import contextlib
import logging
import sys
from pathlib import Path

from bot import settings


def _migrate(_: argparse.Namespace) -> int:
    from bot.store.migrate import upgrade

    upgrade()
    print(f"database is up to date ({_safe_url(settings.load().database_url)})")
    return 0


def _check(_: argparse.Namespace) -> int:
    from bot.action_server import check_configuration
    from bot.minima.rulebook import NormsConfigError
    from bot.municipality.registry import MunicipalityConfigError

    try:
        check_configuration()
    except (MunicipalityConfigError, NormsConfigError, FileNotFoundError) as error:
        print(error, file=sys.stderr)
        return 1
    print("configuration is valid")
    return 0


def _action_server(args: argparse.Namespace) -> int:
    from bot.action_server import run
    from bot.municipality.registry import MunicipalityConfigError

    try:
        run(args.host, args.port)
    except (MunicipalityConfigError, FileNotFoundError) as error:
        print(error, file=sys.stderr)
        return 1
    return 0


def _desk(args: argparse.Namespace) -> int:
    import uvicorn

    from bot.desk.app import create_app
    from bot.municipality.registry import MunicipalityConfigError

    try:
        app = create_app()
    except MunicipalityConfigError as error:
        print(error, file=sys.stderr)
        return 1
    uvicorn.run(app, host=args.host, port=args.port, log_level="info")
    return 0


def _worker(args: argparse.Namespace) -> int:
    from bot.reminders.senders import ChannelSender, LogSender, Sender
    from bot.reminders.telegram_sender import TelegramSender
    from bot.reminders.twilio_sender import TwilioSender
    from bot.reminders.whatsapp_templates import load_templates
    from bot.reminders.worker import run_forever

    config = settings.load()
    log = LogSender(config.outbox_log)
    by_channel: dict[str, Sender] = {}
    if config.twilio is None:
        print(f"no Twilio credentials: SMS and WhatsApp are written to {config.outbox_log}")
    else:
        twilio = config.twilio
        by_channel["sms"] = by_channel["whatsapp"] = TwilioSender(
            twilio.account_sid,
            twilio.auth_token,
            twilio.sender,
            twilio.status_callback,
            twilio.api_url,
            whatsapp_sender=config.whatsapp_sender,
            templates=load_templates(config.whatsapp_templates),
        )
    if config.telegram is not None:
        by_channel["telegram"] = TelegramSender(config.telegram.token, config.telegram.base_url)
    run_forever(ChannelSender(by_channel, log), interval=args.interval)
    return 0


def _import_appointments(args: argparse.Namespace) -> int:
    from bot.appointments.schedule import import_csv
    from bot.store.db import session_scope

    with session_scope() as session:
        report = import_csv(session, Path(args.file))
    for line in report.lines():
        print(line)
    return 1 if report.errors else 0


def _telegram_webhook(args: argparse.Namespace) -> int:
    import asyncio

    from bot.channels import telegram_admin

    config = settings.load()
    if config.telegram is None:
        print("set TELEGRAM_BOT_TOKEN and TELEGRAM_SECRET_TOKEN first", file=sys.stderr)
        return 1
    if args.action == "set":
        if not config.webhook_url:
            print("set BAKEN_WEBHOOK_URL (the rasa server's public https address)", file=sys.stderr)
            return 1
        url = asyncio.run(telegram_admin.set_webhook(config.telegram, config.webhook_url))
        print(f"Telegram now sends updates to {url}")
    elif args.action == "delete":
        asyncio.run(telegram_admin.delete_webhook(config.telegram))
        print("webhook removed")
    else:
        info = asyncio.run(telegram_admin.webhook_info(config.telegram))
        for key, value in sorted(info.items()):
            print(f"{key}: {value}")
    return 0


def _telegram_poll(args: argparse.Namespace) -> int:
    import asyncio

    from bot.channels import telegram_admin

    config = settings.load()
    if config.telegram is None:
        print("set TELEGRAM_BOT_TOKEN and TELEGRAM_SECRET_TOKEN first", file=sys.stderr)
        return 1
    print(f"polling Telegram, forwarding to {config.rasa_url} (Ctrl-C stops)")
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(telegram_admin.poll(config.telegram, config.rasa_url, rounds=args.rounds))
    return 0


def _create_consultant(args: argparse.Namespace) -> int:
    import getpass

    from bot.municipality.registry import municipalities
    from bot.store.consultants import AccountError, create_consultant
    from bot.store.db import session_scope

    unknown = set(args.municipality) - set(municipalities())
    if unknown:
        print(f"unknown municipality: {', '.join(sorted(unknown))}", file=sys.stderr)
        return 1
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass("Wachtwoord: ")
        if getpass.getpass("Nog een keer: ") != password:
            print("the passwords differ", file=sys.stderr)
            return 1
    try:
        with session_scope() as session:
            create_consultant(
                session,
                args.username,
                args.name,
                password,
                args.municipality,
                roles=args.role or ["consultant"],
                queues=args.queue or [],
            )
    except AccountError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"consultant {args.username} created")
    return 0


def _demo_account(_: argparse.Namespace) -> int:
    """On an empty database: one team-lead account for every municipality, printed once."""
    import secrets

    from bot.municipality.registry import municipalities
    from bot.store.consultants import create_consultant, has_consultants
    from bot.store.db import session_scope

    with session_scope() as session:
        if has_consultants(session):
            return 0
        password = secrets.token_urlsafe(12)
        create_consultant(
            session, "demo", "Demo", password, sorted(municipalities()), roles=["teamlead"]
        )
    print(f"desk demo account: user 'demo', password '{password}' (shown only now)")
    return 0


def _safe_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    commands.add_parser("migrate", help="apply database migrations").set_defaults(func=_migrate)
    commands.add_parser("check", help="validate municipality, norms and catalogs").set_defaults(
        func=_check
    )
    action = commands.add_parser("action-server", help="run the actions and the NLG endpoint")
    action.add_argument("--host", default="127.0.0.1")
    action.add_argument("--port", type=int, default=5055)
    action.set_defaults(func=_action_server)
    desk = commands.add_parser("desk", help="run the desk (web chat, health)")
    desk.add_argument("--host", default="127.0.0.1")
    desk.add_argument("--port", type=int, default=8000)
    desk.set_defaults(func=_desk)
    worker = commands.add_parser("worker", help="run the reminder worker")
    worker.add_argument("--interval", type=float, default=2.0)
    worker.set_defaults(func=_worker)

    importer = commands.add_parser(
        "import-appointments",
        help="import appointments from a CSV file (see bot/appointments/rows.py)",
    )
    importer.add_argument("file")
    importer.set_defaults(func=_import_appointments)

    account = commands.add_parser("create-consultant", help="create a desk account")
    account.add_argument("--username", required=True)
    account.add_argument("--name", required=True, help="first name, shown to clients")
    account.add_argument("--municipality", action="append", required=True)
    account.add_argument("--queue", action="append", help="only these queues (default: all)")
    account.add_argument("--role", action="append", choices=["consultant", "teamlead", "admin"])
    account.add_argument(
        "--password-stdin", action="store_true", help="read the password from stdin"
    )
    account.set_defaults(func=_create_consultant)
    commands.add_parser(
        "demo-account", help="on an empty database: create a demo desk account and print it"
    ).set_defaults(func=_demo_account)

    webhook = commands.add_parser(
        "telegram-webhook", help="register (set), remove (delete) or show (info) the webhook"
    )
    webhook.add_argument("action", choices=["set", "delete", "info"])
    webhook.set_defaults(func=_telegram_webhook)
    poller = commands.add_parser(
        "telegram-poll", help="local development: fetch Telegram updates, pass them to rasa"
    )
    poller.add_argument("--rounds", type=int, default=None, help=argparse.SUPPRESS)
    poller.set_defaults(func=_telegram_poll)

    args = parser.parse_args(argv)
    return args.func(args)
