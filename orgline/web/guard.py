"""The outermost layer of the web app, in plain ASGI: whatever happens inside, a response
carries the security headers, a request body is capped, and an unexpected exception
becomes a plain 500 page (logged) rather than a bare one without headers.

Starlette's ``@app.middleware("http")`` does not see the 500 its own error middleware
sends, and Starlette's own limits on form parts do not cap a whole body; this does both.
"""
from __future__ import annotations

import logging
from typing import Any, Awaitable, Callable, MutableMapping

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
           (b"referrer-policy", b"same-origin")]
MAX_BODY = 64 * 1024  # every form orgline serves fits in a few kilobytes
log = logging.getLogger("orgline.web")


class Guard:
    """Wraps an ASGI app: headers on every response, bodies over ``max_body`` answered 413
    before the app sees them, unexpected exceptions answered 500."""

    def __init__(self, app: ASGIApp, max_body: int = MAX_BODY) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [h for h in HEADERS if h[0] not in names]
            await send(message)

        body = await self._read_body(scope, receive)
        if body is None:
            await _plain(send_with_headers, 413, f"request body over {self.max_body // 1024} KiB; orgline's forms "
                                                 "send far less")
            return
        try:
            await self.app(scope, _replay(body, receive), send_with_headers)
        except Exception:  # noqa: BLE001 — the last line of defence: logged, answered, not re-raised
            log.exception("unexpected error on %s %s", scope.get("method"), scope.get("path"))
            if not started:
                await _plain(send_with_headers, 500, "orgline failed on this request; the error is in the "
                                                     "server's log")

    async def _read_body(self, scope: Scope, receive: Receive) -> bytes | None:
        """The whole request body, or None when it is longer than allowed (told by its
        Content-Length, or found while reading)."""
        for name, value in scope.get("headers", []):
            if name.lower() == b"content-length" and (not value.isdigit() or int(value) > self.max_body):
                return None
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break  # the client went away; the app will see the disconnect too
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > self.max_body:
                return None
            if not message.get("more_body", False):
                break
        return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    """A receive callable that gives the app the body read already, then the real stream
    (a later disconnect)."""
    done = False

    async def again() -> Message:
        nonlocal done
        if not done:
            done = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()
    return again


async def _plain(send: Send, status: int, text: str) -> None:
    body = (text + "\n").encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
