"""The action server: rasa-sdk's actions from ``actions/`` plus the NLG endpoint.

Municipality files and catalogs are checked before the server accepts a request, so a
broken file stops start-up with a clear message instead of a wrong answer later.
"""

from __future__ import annotations

import logging

from rasa_sdk.endpoint import create_app as create_sdk_app
from sanic import Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.i18n.catalog import translations
from bot.i18n.languages import SHIPPED
from bot.i18n.nlg import render
from bot.i18n.responses import domain_responses
from bot.minima.rulebook import rulebook
from bot.municipality.registry import municipalities

logger = logging.getLogger(__name__)


def check_configuration() -> None:
    """Raise on a broken municipality or norms file or a missing compiled catalog."""
    municipalities()
    rulebook()
    for lang in SHIPPED:
        translations(lang)
    domain_responses()


def create_app() -> Sanic:
    check_configuration()
    app = create_sdk_app("actions", cors_origins=None)
    responses = domain_responses()

    @app.post("/nlg")
    async def nlg(request: Request) -> HTTPResponse:
        body = request.json if request.body else None
        if not isinstance(body, dict) or not isinstance(body.get("response"), str):
            return response.json({"error": "expected {'response': name, ...}"}, status=400)
        return response.json(render(body, responses))

    return app


def run(host: str, port: int) -> None:
    app = create_app()
    logger.info("action server and NLG on http://%s:%s", host, port)
    app.run(host=host, port=port, workers=1, access_log=False, motd=False)
