"""A local stand-in for the Telegram Bot API, speaking its wire format.

The real ``python-telegram-bot`` client is pointed at it with
``telegram.Bot(token, base_url=fake.base_url)``: it calls ``{base_url}{token}/{method}``, so
the fake serves ``/bot<token>/<method>`` (method names case-insensitive, as Telegram's are).
It reads parameters the ways Telegram does: url-encoded form fields where complex values are
JSON strings (what PTB posts), ``multipart/form-data`` when files are sent, a JSON body (what
other clients send), and the query string. It answers ``{"ok": true, "result": ...}`` for the
methods the bot uses (getMe, sendMessage, answerCallbackQuery, editMessageReplyMarkup,
sendChatAction, setWebhook, deleteWebhook, getWebhookInfo, getUpdates with long polling,
setMyCommands, getMyCommands, deleteMessage) and errors as Telegram sends them
(``{"ok": false, "error_code", "description"}``, plus ``parameters.retry_after`` on 429):
a wrong token is 401, an unknown method 404, a blocked user 403, an unknown chat, empty or
too long text 400. Tests script failures: ``fail_next(429)``, ``fail_next(500)``,
``fail_next("timeout")``.

Builders at the bottom (``message_update``, ``callback_update``, ...) make incoming updates
in the shape Telegram posts to a webhook or returns from getUpdates, for webhook tests and for
``fake.push_update``.
"""

from __future__ import annotations

import itertools
import json
import re
import sys
import threading
import time
import urllib.parse
from collections import deque
from email import policy
from email.parser import BytesParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

DEFAULT_TOKEN = "123456:TEST-token"
BOT_USERNAME = "baken_test_bot"
BOT_FIRST_NAME = "Baken"
MAX_TEXT_LENGTH = 4096  # telegram.constants.MessageLimit.MAX_TEXT_LENGTH
MAX_CALLBACK_DATA = 64  # bytes, telegram.constants.InlineKeyboardButtonLimit
LONG_POLL_CAP = 2.0  # getUpdates waits at most this long, whatever ``timeout`` asks for
HANG_SECONDS = 30.0

ERRORS = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden: bot was blocked by the user",
    404: "Not Found",
    409: "Conflict: terminated by other getUpdates request; "
    "make sure that only one bot instance is running",
    429: "Too Many Requests: retry after 1",
    500: "Internal Server Error",
    502: "Bad Gateway",
}

CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)

# Free-text parameters are kept as sent, even when they happen to read as JSON ("123", "true").
# Every other form value is JSON-decoded when it can be (chat_id, reply_markup, offset, ...).
TEXT_PARAMS = frozenset(
    {
        "text",
        "caption",
        "callback_query_id",
        "url",
        "secret_token",
        "ip_address",
        "parse_mode",
        "action",
        "language_code",
        "inline_message_id",
        "business_connection_id",
        "message_effect_id",
        "description",
        "short_description",
        "name",
        "title",
        "emoji",
    }
)

SECRET_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,256}")

# Shared by the builders and FakeTelegram so that ids only grow within a test process.
_update_ids = itertools.count(1)
_message_ids = itertools.count(1)
_file_numbers = itertools.count(1)


class ApiError(Exception):
    """A Bot API error answer."""

    def __init__(self, code: int, description: str, parameters: dict | None = None) -> None:
        super().__init__(description)
        self.code, self.description, self.parameters = code, description, parameters

    def body(self) -> dict:
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.code,
            "description": self.description,
        }
        if self.parameters:
            body["parameters"] = self.parameters
        return body


def _bad_request(detail: str) -> ApiError:
    return ApiError(400, f"Bad Request: {detail}")


def _scripted_error(code: int) -> ApiError:
    if code == 429:
        return ApiError(429, ERRORS[429], {"retry_after": 1})
    return ApiError(code, ERRORS.get(code, "Error"))


def _ok(result: Any, description: str | None = None) -> dict:
    body: dict[str, Any] = {"ok": True, "result": result}
    if description:
        body["description"] = description
    return body


def _decode(name: str, value: str) -> Any:
    if name in TEXT_PARAMS:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


def _as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _multipart(content_type: str, body: bytes) -> dict[str, Any]:
    head = f"Content-Type: {content_type}\r\n\r\n".encode("latin-1")
    message = BytesParser(policy=policy.HTTP).parsebytes(head + body)
    params: dict[str, Any] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if not name:
            continue
        payload = part.get_payload(decode=True) or b""
        filename = part.get_filename()
        if filename is None:
            params[name] = _decode(name, payload.decode("utf-8", errors="replace"))
        else:
            params[name] = {
                "filename": filename,
                "content_type": part.get_content_type(),
                "content": payload,
            }
    return params


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that gave up (a cancelled long poll, a read timeout) is no error.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class FakeTelegram:
    def __init__(self, token: str = DEFAULT_TOKEN) -> None:
        self.token = token
        bot_id = _as_int(token.split(":", 1)[0]) or 123456
        self.bot_user = {
            "id": bot_id,
            "is_bot": True,
            "first_name": BOT_FIRST_NAME,
            "username": BOT_USERNAME,
        }
        self.calls: list[tuple[str, dict]] = []  # every request that reached a method
        self.webhook: dict | None = None  # the params of the last setWebhook, None when deleted
        self.commands: list[dict] = []
        self.updates: list[dict] = []  # queued for getUpdates, confirmed ones are dropped
        self.blocked: set[int] = set()
        self.chats: dict[int, dict] = {}  # groups and channels the bot is in (add_chat)
        self.script: deque[tuple[int | str, str | None]] = deque()
        self.lock = threading.Lock()
        self._arrived = threading.Condition(self.lock)
        self._stopping = threading.Event()
        self._delivered: list[dict] = []  # params of sendMessage calls answered ok
        self._messages: dict[tuple[int, int], dict] = {}  # (chat_id, message_id) -> Message
        self._methods = {
            name.lower(): (name, getattr(self, f"_{name}"))
            for name in (
                "getMe",
                "sendMessage",
                "answerCallbackQuery",
                "editMessageReplyMarkup",
                "sendChatAction",
                "setWebhook",
                "deleteWebhook",
                "getWebhookInfo",
                "getUpdates",
                "setMyCommands",
                "getMyCommands",
                "deleteMessage",
            )
        }
        self.server = _QuietServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    @property
    def base_url(self) -> str:
        """For ``telegram.Bot(token, base_url=fake.base_url)``."""
        return f"{self.url}/bot"

    def start(self) -> FakeTelegram:
        self.thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        with self._arrived:
            self._arrived.notify_all()
        self.server.shutdown()
        self.server.server_close()

    def __enter__(self) -> FakeTelegram:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- test helpers ---------------------------------------------------------------------

    def fail_next(self, *outcomes: int | str, method: str | None = None) -> None:
        """The next requests answer these statuses (429 carries ``retry_after: 1``), or hang
        (``"timeout"``). With ``method``, only calls of that method take them, so a polling
        getUpdates does not swallow a failure meant for sendMessage."""
        with self.lock:
            self.script.extend((outcome, method) for outcome in outcomes)

    def block(self, chat_id: int) -> None:
        """The user blocked the bot: sending to the chat answers 403."""
        with self.lock:
            self.blocked.add(int(chat_id))

    def unblock(self, chat_id: int) -> None:
        with self.lock:
            self.blocked.discard(int(chat_id))

    def add_chat(self, chat_id: int, type: str = "supergroup", **fields: Any) -> None:
        """Make a group or channel known; unknown negative chat ids answer chat not found."""
        with self.lock:
            self.chats[int(chat_id)] = {"id": int(chat_id), "type": type, **fields}

    def push_update(self, update: dict) -> dict:
        """Queue an incoming update for getUpdates; an ``update_id`` is assigned if missing."""
        update = dict(update)
        if "update_id" not in update:
            update["update_id"] = next(_update_ids)
        with self._arrived:
            self.updates.append(update)
            self.updates.sort(key=lambda queued: queued["update_id"])
            self._arrived.notify_all()
        return update

    def sent_messages(self, chat_id: int | str | None = None) -> list[dict]:
        """The params of sendMessage calls Telegram accepted, optionally for one chat."""
        with self.lock:
            delivered = list(self._delivered)
        if chat_id is None:
            return delivered
        wanted = _as_int(chat_id)
        return [params for params in delivered if _as_int(params.get("chat_id")) == wanted]

    def calls_of(self, method: str) -> list[dict]:
        with self.lock:
            return [params for name, params in self.calls if name.lower() == method.lower()]

    # -- request handling -----------------------------------------------------------------

    def _take_script(self, method: str) -> int | str | None:
        with self.lock:
            for index, (outcome, only) in enumerate(self.script):
                if only is None or only.lower() == method.lower():
                    del self.script[index]
                    return outcome
        return None

    def _call(self, method: str, params: dict) -> tuple[int, dict | None]:
        """Status and body for one call; body None means hang up without answering."""
        found = self._methods.get(method.lower())
        if found is None:
            return 404, ApiError(404, ERRORS[404]).body()
        name, handler = found
        with self.lock:
            self.calls.append((name, params))
        outcome = self._take_script(name)
        if outcome == "timeout":
            self._stopping.wait(HANG_SECONDS)
            return 0, None
        try:
            if isinstance(outcome, int) and outcome != 200:
                raise _scripted_error(outcome)
            return 200, handler(params)
        except ApiError as error:
            return error.code, error.body()

    def _chat(self, params: dict, *, sending: bool = False) -> dict:
        chat_id = params.get("chat_id")
        if chat_id is None or chat_id == "":
            raise _bad_request("chat_id is empty")
        number = _as_int(chat_id)
        with self.lock:
            if number is None:
                known = [c for c in self.chats.values() if f"@{c.get('username')}" == chat_id]
                if not known:
                    raise _bad_request("chat not found")
                chat = dict(known[0])
            elif number in self.chats:
                chat = dict(self.chats[number])
            elif number > 0:
                chat = {"id": number, "type": "private"}
            else:
                raise _bad_request("chat not found")
            if sending and chat["id"] in self.blocked:
                raise ApiError(403, ERRORS[403])
        return chat

    @staticmethod
    def _inline_keyboard(markup: Any) -> dict | None:
        """The markup Telegram echoes in a Message: only an inline keyboard, checked."""
        if not isinstance(markup, dict) or "inline_keyboard" not in markup:
            return None
        for row in markup["inline_keyboard"]:
            for button in row:
                if not button.get("text"):
                    raise _bad_request("can't parse inline keyboard button: text is empty")
                data = button.get("callback_data")
                if data is not None and len(str(data).encode()) > MAX_CALLBACK_DATA:
                    raise _bad_request("BUTTON_DATA_INVALID")
        return markup

    def _getMe(self, params: dict) -> dict:
        return _ok(
            {
                **self.bot_user,
                "can_join_groups": True,
                "can_read_all_group_messages": False,
                "supports_inline_queries": False,
                "can_connect_to_business": False,
                "has_main_web_app": False,
            }
        )

    def _sendMessage(self, params: dict) -> dict:
        chat = self._chat(params, sending=True)
        text = params.get("text")
        if not isinstance(text, str) or not text.strip():
            raise _bad_request("message text is empty")
        if len(text) > MAX_TEXT_LENGTH:
            raise _bad_request("message is too long")
        markup = self._inline_keyboard(params.get("reply_markup"))
        message: dict[str, Any] = {
            "message_id": next(_message_ids),
            "from": self.bot_user,
            "chat": chat,
            "date": int(time.time()),
            "text": text,
        }
        if isinstance(params.get("entities"), list):
            message["entities"] = params["entities"]
        if markup is not None:
            message["reply_markup"] = markup
        with self.lock:
            self._messages[(chat["id"], message["message_id"])] = message
            self._delivered.append(params)
        return _ok(message)

    def _answerCallbackQuery(self, params: dict) -> dict:
        if not params.get("callback_query_id"):
            raise _bad_request(
                "query is too old and response timeout expired or query ID is invalid"
            )
        return _ok(True)

    def _editMessageReplyMarkup(self, params: dict) -> dict:
        markup = self._inline_keyboard(params.get("reply_markup"))
        if params.get("inline_message_id"):
            return _ok(True)
        chat = self._chat(params)
        message_id = _as_int(params.get("message_id"))
        if message_id is None:
            raise _bad_request("message identifier is not specified")
        now = int(time.time())
        with self.lock:
            known = self._messages.get((chat["id"], message_id))
            if known is not None and known.get("reply_markup") == markup:
                raise _bad_request(
                    "message is not modified: specified new message content and reply markup "
                    "are exactly the same as a current content and reply markup of the message"
                )
            # A message the fake did not send (say one from callback_update) is edited too.
            message = dict(known or {"message_id": message_id, "from": self.bot_user})
            message.update(chat=chat, date=message.get("date", now), edit_date=now)
            message.pop("reply_markup", None)
            if markup is not None:
                message["reply_markup"] = markup
            self._messages[(chat["id"], message_id)] = message
        return _ok(message)

    def _sendChatAction(self, params: dict) -> dict:
        self._chat(params, sending=True)
        if params.get("action") not in CHAT_ACTIONS:
            raise _bad_request("wrong parameter action in request")
        return _ok(True)

    def _deleteMessage(self, params: dict) -> dict:
        chat = self._chat(params)
        message_id = _as_int(params.get("message_id"))
        if message_id is None:
            raise _bad_request("message identifier is not specified")
        with self.lock:
            self._messages.pop((chat["id"], message_id), None)
        return _ok(True)

    def _setWebhook(self, params: dict) -> dict:
        url = params.get("url") or ""
        secret = params.get("secret_token")
        if secret is not None and not SECRET_TOKEN.fullmatch(str(secret)):
            raise _bad_request("secret token contains unallowed characters")
        with self.lock:
            if params.get("drop_pending_updates") is True:
                self.updates.clear()
            if not url:
                self.webhook = None
                return _ok(True, "Webhook was deleted")
            self.webhook = dict(params)
        return _ok(True, "Webhook was set")

    def _deleteWebhook(self, params: dict) -> dict:
        with self.lock:
            if params.get("drop_pending_updates") is True:
                self.updates.clear()
            had, self.webhook = self.webhook, None
        return _ok(True, "Webhook was deleted" if had else "Webhook is already deleted")

    def _getWebhookInfo(self, params: dict) -> dict:
        with self.lock:
            webhook = self.webhook or {}
            info: dict[str, Any] = {
                "url": webhook.get("url", ""),
                "has_custom_certificate": isinstance(webhook.get("certificate"), dict),
                "pending_update_count": len(self.updates),
            }
        if webhook:
            info["max_connections"] = webhook.get("max_connections", 40)
            if webhook.get("allowed_updates"):
                info["allowed_updates"] = webhook["allowed_updates"]
            if webhook.get("ip_address"):
                info["ip_address"] = webhook["ip_address"]
        return _ok(info)

    def _getUpdates(self, params: dict) -> dict:
        offset = _as_int(params.get("offset")) or 0
        limit = min(max(_as_int(params.get("limit")) or 100, 1), 100)
        timeout = max(_as_int(params.get("timeout")) or 0, 0)
        deadline = time.monotonic() + min(timeout, LONG_POLL_CAP)
        with self._arrived:
            if self.webhook is not None:
                raise ApiError(
                    409,
                    "Conflict: can't use getUpdates method while webhook is active; "
                    "use deleteWebhook to delete the webhook first",
                )
            # offset is the first update_id wanted: asking for it confirms all earlier ones.
            if offset > 0:
                self.updates[:] = [u for u in self.updates if u["update_id"] >= offset]
            elif offset < 0:
                self.updates[:] = self.updates[offset:]
            while not self.updates and not self._stopping.is_set():
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                self._arrived.wait(remaining)
            return _ok([dict(u) for u in self.updates[:limit]])

    def _setMyCommands(self, params: dict) -> dict:
        commands = params.get("commands")
        if not isinstance(commands, list):
            raise _bad_request("can't parse commands JSON object")
        with self.lock:
            self.commands = commands
        return _ok(True)

    def _getMyCommands(self, params: dict) -> dict:
        with self.lock:
            return _ok(list(self.commands))

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:
                return

            def _send(self, status: int, body: dict) -> None:
                data = json.dumps(body, ensure_ascii=False).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _params(self, query: str, body: bytes) -> dict[str, Any]:
                params: dict[str, Any] = {
                    name: _decode(name, value)
                    for name, value in urllib.parse.parse_qsl(query, keep_blank_values=True)
                }
                content_type = self.headers.get("Content-Type") or ""
                kind = content_type.split(";", 1)[0].strip().lower()
                if not body:
                    return params
                if kind == "application/json":
                    loaded = json.loads(body)
                    if not isinstance(loaded, dict):
                        raise ValueError("not an object")
                    for name, value in loaded.items():
                        looks_json = isinstance(value, str) and value[:1] in ("{", "[")
                        params[name] = _decode(name, value) if looks_json else value
                elif kind == "multipart/form-data":
                    params.update(_multipart(content_type, body))
                else:
                    pairs = urllib.parse.parse_qsl(body.decode(), keep_blank_values=True)
                    params.update((name, _decode(name, value)) for name, value in pairs)
                return params

            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                parsed = urllib.parse.urlparse(self.path)
                match = re.fullmatch(r"/bot([^/]+)/([A-Za-z]+)/?", parsed.path)
                if match is None:
                    self._send(404, ApiError(404, ERRORS[404]).body())
                    return
                token, method = match.groups()
                if token != fake.token:
                    self._send(401, ApiError(401, ERRORS[401]).body())
                    return
                try:
                    params = self._params(parsed.query, body)
                except ValueError:
                    self._send(400, _bad_request("can't parse JSON object").body())
                    return
                status, answer = fake._call(method, params)
                if answer is None:
                    self.close_connection = True
                    return
                self._send(status, answer)

            do_GET = do_POST = _serve

        return Handler


# -- incoming updates, as Telegram posts them to a webhook ------------------------------------

BOT_USER = {
    "id": int(DEFAULT_TOKEN.split(":", 1)[0]),
    "is_bot": True,
    "first_name": BOT_FIRST_NAME,
    "username": BOT_USERNAME,
}


def _user(user_id: int, first_name: str, language_code: str | None) -> dict:
    user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first_name}
    if language_code:
        user["language_code"] = language_code
    return user


def _chat_object(chat_id: int, first_name: str) -> dict:
    if chat_id > 0:
        return {"id": chat_id, "first_name": first_name, "type": "private"}
    kind = "supergroup" if str(chat_id).startswith("-100") else "group"
    return {"id": chat_id, "title": "Testgroep", "type": kind}


def _sender(chat_id: int, user_id: int | None) -> int:
    """Who speaks: in a private chat the chat id is the user id."""
    if user_id is not None:
        return user_id
    return chat_id if chat_id > 0 else 1


def _message(
    chat_id: int,
    *,
    message_id: int | None,
    first_name: str,
    language_code: str | None,
    user_id: int | None,
    content: dict,
) -> dict:
    return {
        "message_id": message_id if message_id is not None else next(_message_ids),
        "from": _user(_sender(chat_id, user_id), first_name, language_code),
        "chat": _chat_object(chat_id, first_name),
        "date": int(time.time()),
        **content,
    }


def _update(kind: str, payload: dict, update_id: int | None) -> dict:
    return {"update_id": update_id if update_id is not None else next(_update_ids), kind: payload}


def _text_content(text: str) -> dict:
    content: dict[str, Any] = {"text": text}
    if text.startswith("/"):
        command = text.split(maxsplit=1)[0]
        length = len(command.encode("utf-16-le")) // 2  # entity offsets are UTF-16 units
        content["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
    return content


def _file_ids(prefix: str) -> dict:
    number = next(_file_numbers)
    return {"file_id": f"{prefix}{number:012d}", "file_unique_id": f"AgAD{number:08d}"}


def message_update(
    chat_id: int,
    text: str,
    *,
    update_id: int | None = None,
    first_name: str = "Amal",
    language_code: str | None = "ar",
    user_id: int | None = None,
    message_id: int | None = None,
) -> dict:
    """A user's text message; a leading ``/command`` gets its bot_command entity."""
    message = _message(
        chat_id,
        message_id=message_id,
        first_name=first_name,
        language_code=language_code,
        user_id=user_id,
        content=_text_content(text),
    )
    return _update("message", message, update_id)


def edited_message_update(
    chat_id: int,
    text: str,
    *,
    update_id: int | None = None,
    first_name: str = "Amal",
    language_code: str | None = "ar",
    user_id: int | None = None,
    message_id: int | None = None,
) -> dict:
    """The user edited an earlier message (``message_id``) to read ``text``."""
    message = _message(
        chat_id,
        message_id=message_id,
        first_name=first_name,
        language_code=language_code,
        user_id=user_id,
        content=_text_content(text),
    )
    message["edit_date"] = message["date"]
    message["date"] -= 60
    return _update("edited_message", message, update_id)


def callback_update(
    chat_id: int,
    data: str,
    *,
    with_message: bool = True,
    update_id: int | None = None,
    first_name: str = "Amal",
    language_code: str | None = "ar",
    user_id: int | None = None,
    message_id: int | None = None,
    message_text: str = "Kies een antwoord",
) -> dict:
    """The user pressed an inline button with ``callback_data`` ``data``.

    With ``with_message`` the query carries the bot's message that held the keyboard; without,
    it carries an ``inline_message_id`` instead, as for a message sent in inline mode."""
    sender = _sender(chat_id, user_id)
    query: dict[str, Any] = {
        "id": f"{sender}{next(_file_numbers):06d}",
        "from": _user(sender, first_name, language_code),
        "chat_instance": str(7_000_000_000_000_000_000 + abs(chat_id)),
        "data": data,
    }
    if with_message:
        query["message"] = {
            "message_id": message_id if message_id is not None else next(_message_ids),
            "from": BOT_USER,
            "chat": _chat_object(chat_id, first_name),
            "date": int(time.time()) - 5,
            "text": message_text,
            "reply_markup": {"inline_keyboard": [[{"text": data, "callback_data": data}]]},
        }
    else:
        query["inline_message_id"] = f"AQAAA{next(_file_numbers):010d}"
    return _update("callback_query", query, update_id)


def sticker_update(
    chat_id: int,
    *,
    emoji: str = "👍",
    update_id: int | None = None,
    first_name: str = "Amal",
    language_code: str | None = "ar",
    user_id: int | None = None,
    message_id: int | None = None,
) -> dict:
    """A message holding only a sticker (no text)."""
    sticker = {
        **_file_ids("CAACAgIAAxkBAAE"),
        "width": 512,
        "height": 512,
        "is_animated": False,
        "is_video": False,
        "type": "regular",
        "emoji": emoji,
        "set_name": "HotCherry",
        "file_size": 23_456,
    }
    message = _message(
        chat_id,
        message_id=message_id,
        first_name=first_name,
        language_code=language_code,
        user_id=user_id,
        content={"sticker": sticker},
    )
    return _update("message", message, update_id)


def photo_update(
    chat_id: int,
    *,
    caption: str | None = None,
    update_id: int | None = None,
    first_name: str = "Amal",
    language_code: str | None = "ar",
    user_id: int | None = None,
    message_id: int | None = None,
) -> dict:
    """A photo (three PhotoSizes, smallest first, as Telegram lists them), optional caption."""
    sizes = [(90, 68, 1_234), (320, 240, 15_678), (800, 600, 67_890)]
    photo = [
        {**_file_ids("AgACAgQAAxkBAAE"), "width": w, "height": h, "file_size": size}
        for w, h, size in sizes
    ]
    content: dict[str, Any] = {"photo": photo}
    if caption is not None:
        content["caption"] = caption
    message = _message(
        chat_id,
        message_id=message_id,
        first_name=first_name,
        language_code=language_code,
        user_id=user_id,
        content=content,
    )
    return _update("message", message, update_id)


def location_update(
    chat_id: int,
    latitude: float = 52.2551,
    longitude: float = 6.1639,
    *,
    update_id: int | None = None,
    first_name: str = "Amal",
    language_code: str | None = "ar",
    user_id: int | None = None,
    message_id: int | None = None,
) -> dict:
    """A shared location (by default the centre of Deventer)."""
    message = _message(
        chat_id,
        message_id=message_id,
        first_name=first_name,
        language_code=language_code,
        user_id=user_id,
        content={"location": {"latitude": latitude, "longitude": longitude}},
    )
    return _update("message", message, update_id)


def my_chat_member_blocked_update(
    chat_id: int,
    *,
    update_id: int | None = None,
    first_name: str = "Amal",
    language_code: str | None = "ar",
    user_id: int | None = None,
) -> dict:
    """The user blocked the bot: the bot's own membership went from member to kicked."""
    sender = _sender(chat_id, user_id)
    member = {
        "chat": _chat_object(chat_id, first_name),
        "from": _user(sender, first_name, language_code),
        "date": int(time.time()),
        "old_chat_member": {"user": BOT_USER, "status": "member"},
        "new_chat_member": {"user": BOT_USER, "status": "kicked", "until_date": 0},
    }
    return _update("my_chat_member", member, update_id)
