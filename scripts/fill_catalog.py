"""Put drafted translations into a language's catalog, marked for review.

    python scripts/fill_catalog.py tr drafts.json     # {"<context>\\u0004<msgid>": "translation"}
    python scripts/fill_catalog.py tr --export todo.json   # what still needs a translation

Every entry filled this way gets the translator comment "Machine-drafted translation; to
be reviewed by a native speaker.", so a reviewer finds them in Poedit or Weblate. The
``{placeholders}`` of a translation must be those of the Dutch source (the bot fills
them in), otherwise the entry is refused and reported. Existing translations are kept
unless ``--overwrite`` is given.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
NOTE = "Machine-drafted translation; to be reviewed by a native speaker."
SEPARATOR = "\u0004"
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def key(context: str | None, msgid: str) -> str:
    return f"{context or ''}{SEPARATOR}{msgid}"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("lang")
    parser.add_argument("drafts", nargs="?")
    parser.add_argument("--export")
    parser.add_argument("--overwrite", action="store_true")
    args = parser.parse_args()
    path = ROOT / "locales" / args.lang / "LC_MESSAGES" / "bot.po"
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=args.lang)
    if args.export:
        todo = {
            key(m.context, m.id): "" for m in catalog if m.id and (args.overwrite or not m.string)
        }
        Path(args.export).write_text(json.dumps(todo, ensure_ascii=False, indent=1))
        print(f"{len(todo)} entries to translate written to {args.export}")
        return 0
    drafts: dict[str, str] = json.loads(Path(args.drafts).read_text(encoding="utf-8"))
    filled, refused = 0, []
    for message in catalog:
        if not message.id:
            continue
        text = drafts.get(key(message.context, message.id), "").strip()
        if not text or (message.string and not args.overwrite):
            continue
        if set(PLACEHOLDER.findall(text)) != set(PLACEHOLDER.findall(message.id)):
            refused.append(f"{message.context}: {message.id[:60]!r} (placeholders differ)")
            continue
        message.string = text
        if NOTE not in message.user_comments:
            message.user_comments.append(NOTE)
        filled += 1
    with path.open("wb") as handle:
        write_po(handle, catalog, width=76)
    missing = sum(1 for m in catalog if m.id and not m.string)
    print(f"{filled} filled, {len(refused)} refused, {missing} still missing in {path}")
    for line in refused:
        print("  refused:", line)
    return 1 if refused else 0


if __name__ == "__main__":
    sys.exit(main())
