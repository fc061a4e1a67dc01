"""The desk web app (FastAPI): ``/healthz``, the public web chat under ``/chat/`` and the
consultants' desk under ``/desk/`` (``bot.desk.ui``).

The web chat page talks to its own origin (``/chat/api/message``) and the desk forwards
to rasa's REST channel. So rasa stays bound to 127.0.0.1 and needs no CORS, and the one
public process is the desk.
"""

from __future__ import annotations

import json
from pathlib import Path

import httpx
from fastapi import FastAPI, Request
from fastapi.responses import (
    FileResponse,
    HTMLResponse,
    JSONResponse,
    RedirectResponse,
    Response,
)
from fastapi.staticfiles import StaticFiles
from sqlalchemy import text
from twilio.request_validator import RequestValidator

from bot import settings
from bot.desk import appointments_api, ui
from bot.desk.ui import common as desk
from bot.desk.ui.common import templates
from bot.i18n.catalog import translate
from bot.i18n.languages import ENDONYMS, SHIPPED, direction
from bot.municipality.registry import municipalities
from bot.reminders.delivery import record_delivery
from bot.store import live_chat
from bot.store.db import engine, session_scope

HERE = Path(__file__).parent


def web_sender(body: bytes) -> bytes:
    """Every web chat sender id starts with ``web-``: a browser can never pose as a phone
    number, which on SMS identifies a client and their appointments. A body that is not a
    JSON object goes through unchanged; the REST channel answers it with a 400."""
    try:
        data = json.loads(body)
    except ValueError:
        return body
    if isinstance(data, dict) and isinstance(data.get("sender"), str):
        if not data["sender"].startswith("web-"):
            data["sender"] = f"web-{data['sender']}"
        return json.dumps(data).encode()
    return body


def create_app() -> FastAPI:
    municipalities()  # a broken municipality file stops start-up here
    config = settings.load()
    app = FastAPI(title="Baken desk", docs_url=None, redoc_url=None)
    app.mount("/chat/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.mount("/desk/static", StaticFiles(directory=str(HERE / "static")), name="desk_static")
    app.include_router(appointments_api.router)
    for router in ui.ROUTERS:
        app.include_router(router)

    @app.exception_handler(desk.NotLoggedIn)
    async def _login_first(request: Request, _: Exception) -> Response:
        if request.url.path.startswith("/desk/api/"):
            return JSONResponse({"error": "log in first"}, status_code=401)
        return RedirectResponse("/desk/login", status_code=303)

    @app.exception_handler(desk.NotFound)
    async def _not_found(request: Request, _: Exception) -> Response:
        return HTMLResponse("Dit ticket bestaat niet.", status_code=404)

    @app.exception_handler(desk.BadToken)
    async def _bad_token(request: Request, _: Exception) -> Response:
        return HTMLResponse("CSRF-token ontbreekt of klopt niet.", status_code=403)

    @app.exception_handler(desk.Forbidden)
    async def _forbidden(request: Request, _: Exception) -> Response:
        return HTMLResponse(
            "<!doctype html><html lang='nl'><title>Geen toegang</title>"
            "<p>U heeft geen toegang tot dit ticket. Het hoort bij een andere gemeente of "
            "wachtrij.</p><p><a href='/desk/'>Terug naar de wachtrij</a></p></html>",
            status_code=403,
        )

    client = httpx.AsyncClient(base_url=config.rasa_url, timeout=30)

    @app.on_event("shutdown")
    async def _close() -> None:
        await client.aclose()

    @app.get("/healthz")
    async def healthz() -> JSONResponse:
        checks = {"database": "ok", "rasa": "ok"}
        try:
            with engine().connect() as connection:
                connection.execute(text("SELECT 1"))
        except Exception as error:
            checks["database"] = f"error: {type(error).__name__}"
        try:
            reply = await client.get("/", timeout=3)
            reply.raise_for_status()
        except httpx.HTTPError as error:
            checks["rasa"] = f"unreachable: {type(error).__name__}"
        healthy = all(value == "ok" for value in checks.values())
        return JSONResponse(
            {"status": "ok" if healthy else "degraded", **checks},
            status_code=200 if healthy else 503,
        )

    @app.post("/twilio/status")
    async def twilio_status(request: Request) -> Response:
        """Twilio's delivery callback: ``sent`` becomes ``delivered`` or ``failed``.
        Unsigned or wrongly signed requests get 403 and change nothing."""
        twilio = config.twilio
        if twilio is None or not twilio.status_callback:
            return Response(status_code=403)
        form = dict((await request.form()).items())
        signed_url = f"{twilio.status_callback}?{request.url.query}"
        signature = request.headers.get("X-Twilio-Signature", "")
        if not RequestValidator(twilio.auth_token).validate(signed_url, form, signature):
            return Response(status_code=403)
        record_delivery(
            request.query_params.get("key", ""),
            form.get("MessageSid", ""),
            form.get("MessageStatus", ""),
            form.get("ErrorCode"),
        )
        return Response(status_code=204)

    @app.get("/chat/", response_class=HTMLResponse)
    async def chat_page(request: Request, lang: str = "nl", embed: bool = False) -> HTMLResponse:
        lang = lang if lang in SHIPPED else "nl"
        page = templates.TemplateResponse(
            "chat.html",
            {
                "request": request,
                "pgettext": lambda context, message: translate(lang, context, message),
                "lang": lang,
                "dir": direction(lang),
                "embed": embed,
                "languages": [(code, ENDONYMS[code]) for code in SHIPPED],
            },
        )
        # Only the municipality sites in BAKEN_WIDGET_ORIGINS may show the chat in a frame.
        ancestors = " ".join(["'self'", *config.widget_origins])
        page.headers["Content-Security-Policy"] = f"frame-ancestors {ancestors}"
        return page

    @app.get("/chat/widget.js")
    async def widget() -> FileResponse:
        """The one script a municipality puts on its website (a stable address)."""
        return FileResponse(
            HERE / "static" / "widget.js",
            media_type="text/javascript",
            headers={"Cache-Control": "public, max-age=3600"},
        )

    @app.get("/chat/api/updates")
    def chat_updates(sender: str, after: int = 0) -> JSONResponse:
        """What a consultant wrote to this web chat since message ``after`` (the page asks
        every few seconds; the REST channel cannot push). Only ``web-`` conversations: the
        random sender id is what lets a browser read its own messages."""
        if not sender.startswith("web-"):
            return JSONResponse({"error": "web chat senders only"}, status_code=400)
        with session_scope() as session:
            found = live_chat.messages_for_client(session, sender, after)
            return JSONResponse([{"id": m.id, "text": m.text} for m in found])

    @app.post("/chat/api/message")
    async def chat_message(request: Request) -> Response:
        try:
            reply = await client.post(
                "/webhooks/rest/webhook",
                content=web_sender(await request.body()),
                headers={"content-type": "application/json"},
            )
        except httpx.HTTPError:
            # The page shows its own translated text for this code.
            return JSONResponse({"error": "rasa_unreachable"}, status_code=503)
        return Response(reply.content, status_code=reply.status_code, media_type="application/json")

    return app
