"""A Babel extractor for the Rasa domain: every response text and button title.

Configured in ``babel.cfg``; each message gets its response name as context (msgctxt).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import yaml

from bot.knowledge.sources import source_for, sources

# Buttons that choose a language carry the language's own name ("Türkçe").
ENDONYM_PAYLOAD = "/set_language{"


def _scalar(node: yaml.Node) -> str:
    return node.value if isinstance(node, yaml.ScalarNode) else ""


def _mapping(node: yaml.Node) -> dict[str, yaml.Node]:
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {_scalar(k): v for k, v in node.value}


def _condition_value(fields: dict[str, yaml.Node]) -> str | None:
    for condition in getattr(fields.get("condition"), "value", []):
        return _scalar(_mapping(condition).get("value"))  # type: ignore[arg-type]
    return None


def extract_domain(
    fileobj: Any, keywords: Any, comment_tags: Any, options: Any
) -> Iterator[tuple[int, str, tuple[str, str], list[str]]]:
    """Translator comments carry the source of knowledge-base answers
    (``knowledge/sources.yml``), so a translator sees where each fact comes from."""
    known = sources()
    root = yaml.compose(fileobj.read().decode("utf-8"))
    responses = _mapping(root).get("responses") if root else None
    for name_node, variations in responses.value if responses else []:
        name = _scalar(name_node)
        for variation in variations.value:
            fields = _mapping(variation)
            if "text" in fields:
                node = fields["text"]
                source = source_for(name, _condition_value(fields), known)
                comments = [f"Source: {source}"] if source else []
                yield node.start_mark.line + 1, "pgettext", (name, _scalar(node)), comments
            for button in getattr(fields.get("buttons"), "value", []):
                title = _mapping(button).get("title")
                if _scalar(_mapping(button).get("payload")).startswith(ENDONYM_PAYLOAD):
                    continue  # a language named in itself: the same in every catalog
                if title is not None:
                    yield title.start_mark.line + 1, "pgettext", (name, _scalar(title)), []


SCHEME_FIELDS = (("summary",), ("apply", "how"), ("amount_note",))


def extract_schemes(
    fileobj: Any, keywords: Any, comment_tags: Any, options: Any
) -> Iterator[tuple[int, str, tuple[str, str], list[str]]]:
    """The client-facing texts of the minimaregelingen (``municipalities/*.yml``,
    ``norms/toeslagen.yml``), with context ``scheme/<owner>/<id>/<field>`` as
    ``actions/minima.py`` looks them up; the scheme's source is the translator comment."""
    root = _mapping(yaml.compose(fileobj.read().decode("utf-8")))
    owner = _scalar(root["id"]) if "id" in root else "national"
    for scheme in getattr(root.get("schemes"), "value", []):
        fields = _mapping(scheme)
        scheme_id = _scalar(fields["id"])
        comments = [f"Source: {_scalar(fields['source'])}"] if "source" in fields else []
        for path in SCHEME_FIELDS:
            node = fields.get(path[0])
            for key in path[1:]:
                node = _mapping(node).get(key) if node is not None else None
            if node is not None:
                context = f"scheme/{owner}/{scheme_id}/{path[-1]}"
                yield node.start_mark.line + 1, "pgettext", (context, _scalar(node)), comments
        documents = _mapping(fields.get("apply")).get("documents")
        for item in getattr(documents, "value", []):
            context = f"scheme/{owner}/{scheme_id}/documents"
            yield item.start_mark.line + 1, "pgettext", (context, _scalar(item)), comments
