"""A local stand-in for Twilio's REST API (Messages), speaking its wire format.

The real ``twilio`` client is pointed at it (``client.api.base_url``). It checks HTTP basic
auth with the account SID and auth token, takes the same form fields (``To``, ``From`` or
``MessagingServiceSid``, ``Body``, ``StatusCallback``), answers ``201`` with a Message
resource, lists messages with ``To`` and ``DateSent>`` filters, answers errors as Twilio
does (``{"code", "message", "more_info", "status"}``), and posts signed status callbacks.
Tests script failures: ``fail_next(500)``, ``fail_next(429)``, ``fail_next("timeout")``.

WhatsApp: a message with ``ContentSid`` (an approved template) and ``ContentVariables``
instead of ``Body``; with ``enforce_whatsapp_window`` a free-form body to a WhatsApp
address is refused with error 63016 unless ``open_session(address)`` was called (the
client wrote in the last 24 hours), as Twilio does.
"""

from __future__ import annotations

import base64
import contextlib
import json
import random
import threading
import time
import urllib.parse
import urllib.request
from collections import deque
from datetime import datetime, timezone
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from twilio.request_validator import RequestValidator

ERRORS = {
    400: (21211, "The 'To' number is not a valid phone number."),
    429: (20429, "Too Many Requests"),
    500: (20500, "Internal Server Error"),
    503: (20503, "Service Unavailable"),
}


class FakeTwilio:
    def __init__(
        self,
        account_sid: str = "AC" + "0" * 32,
        auth_token: str = "test-token",
        latency: tuple[float, float] = (0.0, 0.0),
        callbacks: bool = True,
    ) -> None:
        self.account_sid, self.auth_token = account_sid, auth_token
        self.latency, self.callbacks = latency, callbacks
        self.messages: list[dict] = []
        self.enforce_whatsapp_window = False
        self.sessions: set[str] = set()
        self.script: deque = deque()
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def start(self) -> FakeTwilio:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def open_session(self, address: str) -> None:
        """The client at ``whatsapp:+31...`` wrote: free-form messages are allowed."""
        self.sessions.add(address)

    def fail_next(self, *outcomes: int | str) -> None:
        """The next requests answer these statuses, or hang (``"timeout"``)."""
        self.script.extend(outcomes)

    def sent_to(self, number: str) -> list[dict]:
        return [m for m in self.messages if m["to"] == number]

    def _refusal(self, form: dict[str, str]) -> tuple[int, str] | None:
        to, body, content = form.get("To"), form.get("Body"), form.get("ContentSid")
        if not to or not (body or content):
            return 21604, "'To' and 'Body' (or 'ContentSid') are required"
        if content and not content.startswith("HX"):
            return 21655, "The ContentSid is invalid"
        if content and body:
            return 63016, "Remove 'Body' when sending a content template"
        whatsapp = to.startswith("whatsapp:")
        if whatsapp and body and self.enforce_whatsapp_window and to not in self.sessions:
            return 63016, (
                "Failed to send freeform message because you are outside the allowed window. "
                "If you are using WhatsApp, please use a Message Template."
            )
        return None

    def _resource(self, sid: str, form: dict[str, str], status: str) -> dict:
        now = format_datetime(datetime.now(timezone.utc))
        return {
            "sid": sid,
            "account_sid": self.account_sid,
            "to": form.get("To"),
            "from": form.get("From"),
            "messaging_service_sid": form.get("MessagingServiceSid"),
            "body": form.get("Body"),
            "content_sid": form.get("ContentSid"),
            "content_variables": form.get("ContentVariables"),
            "status": status,
            "num_segments": "1",
            "direction": "outbound-api",
            "date_created": now,
            "date_updated": now,
            "date_sent": now,
            "error_code": None,
            "error_message": None,
            "uri": f"/2010-04-01/Accounts/{self.account_sid}/Messages/{sid}.json",
        }

    def _callback(self, url: str, message: dict, status: str) -> None:
        params = {
            "MessageSid": message["sid"],
            "MessageStatus": status,
            "AccountSid": self.account_sid,
            "To": message["to"],
        }
        signature = RequestValidator(self.auth_token).compute_signature(url, params)
        request = urllib.request.Request(
            url,
            data=urllib.parse.urlencode(params).encode(),
            headers={"X-Twilio-Signature": signature},
        )
        with contextlib.suppress(OSError):  # a lost callback shows up as a test failure
            urllib.request.urlopen(request, timeout=5).read()

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:
                return

            def _send(self, status: int, body: dict) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _authorised(self) -> bool:
                expected = base64.b64encode(
                    f"{fake.account_sid}:{fake.auth_token}".encode()
                ).decode()
                if self.headers.get("Authorization") == f"Basic {expected}":
                    return True
                self._send(401, {"code": 20003, "message": "Authenticate", "status": 401})
                return False

            def _path_ok(self) -> bool:
                wanted = f"/2010-04-01/Accounts/{fake.account_sid}/Messages.json"
                if urllib.parse.urlparse(self.path).path == wanted:
                    return True
                self._send(404, {"code": 20404, "message": "Not Found", "status": 404})
                return False

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                form = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode()))
                if not self._authorised() or not self._path_ok():
                    return
                time.sleep(random.uniform(*fake.latency))
                with fake.lock:
                    outcome = fake.script.popleft() if fake.script else 201
                if outcome == "timeout":
                    time.sleep(30)
                    return
                if outcome != 201:
                    code, text = ERRORS[outcome]
                    more = f"https://www.twilio.com/docs/errors/{code}"
                    body = {"code": code, "message": text, "more_info": more, "status": outcome}
                    self._send(outcome, body)
                    return
                refusal = fake._refusal(form)
                if refusal:
                    code, text = refusal
                    self._send(400, {"code": code, "message": text, "status": 400})
                    return
                with fake.lock:
                    sid = f"SM{len(fake.messages) + 1:032x}"
                    message = fake._resource(sid, form, "queued")
                    fake.messages.append(message)
                self._send(201, message)
                if fake.callbacks and form.get("StatusCallback"):
                    threading.Thread(
                        target=fake._callback,
                        args=(form["StatusCallback"], message, "delivered"),
                        daemon=True,
                    ).start()

            def do_GET(self) -> None:
                if not self._authorised() or not self._path_ok():
                    return
                query = dict(urllib.parse.parse_qsl(urllib.parse.urlparse(self.path).query))
                found = [m for m in fake.messages if m["to"] == query.get("To", m["to"])]
                self._send(
                    200,
                    {
                        "messages": found,
                        "page": 0,
                        "page_size": 50,
                        "next_page_uri": None,
                        "previous_page_uri": None,
                    },
                )

        return Handler
