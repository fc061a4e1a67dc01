"""A Babel extractor for the Rasa domain: every response text and button title.

Configured in ``babel.cfg``; each message gets its response name as context (msgctxt).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import yaml


def _scalar(node: yaml.Node) -> str:
    return node.value if isinstance(node, yaml.ScalarNode) else ""


def _mapping(node: yaml.Node) -> dict[str, yaml.Node]:
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {_scalar(k): v for k, v in node.value}


def extract_domain(
    fileobj: Any, keywords: Any, comment_tags: Any, options: Any
) -> Iterator[tuple[int, str, tuple[str, str], list[str]]]:
    root = yaml.compose(fileobj.read().decode("utf-8"))
    responses = _mapping(root).get("responses") if root else None
    for name_node, variations in responses.value if responses else []:
        name = _scalar(name_node)
        for variation in variations.value:
            fields = _mapping(variation)
            if "text" in fields:
                node = fields["text"]
                yield node.start_mark.line + 1, "pgettext", (name, _scalar(node)), []
            for button in getattr(fields.get("buttons"), "value", []):
                title = _mapping(button).get("title")
                if title is not None:
                    yield title.start_mark.line + 1, "pgettext", (name, _scalar(title)), []
