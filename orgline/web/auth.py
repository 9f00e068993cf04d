"""Who may edit, and proof that a form was sent by our own page.

Editing is off unless the server was started with an edit token. Signing in with it starts
a session kept in the server's memory: the cookie holds only a random session id
(HttpOnly, SameSite=Strict), and each session has its own random CSRF token that every
form carries, which a page on another site cannot read. Signing out ends the session on
the server, so a copied cookie no longer edits; a session ends by itself after
``SESSION_SECONDS``; a restart ends them all. Failed sign-ins are counted per client
address: after ``MAX_FAILURES`` within ``WINDOW_SECONDS`` that address is refused (429)
until the window has passed, so the token cannot be guessed at speed.
"""
from __future__ import annotations

import hmac
import secrets
import threading
import time
from collections import deque
from dataclasses import dataclass
from typing import Callable

COOKIE = "orgline_editor"
SESSION_SECONDS = 8 * 3600  # a working day
MAX_FAILURES = 5
WINDOW_SECONDS = 15 * 60
MAX_SESSIONS = 10_000  # the oldest go first beyond this: memory stays bounded whoever signs in
Clock = Callable[[], float]


def same(a: str, b: str) -> bool:
    """Constant-time equality of two strings of any characters (``hmac.compare_digest``
    refuses non-ASCII ``str``: compare their bytes)."""
    return hmac.compare_digest(a.encode("utf-8", "surrogatepass"), b.encode("utf-8", "surrogatepass"))


@dataclass
class Session:
    reviewer: str
    csrf: str
    expires: float


class Editors:
    def __init__(self, token: str | None, clock: Clock = time.monotonic) -> None:
        self.token = token or None
        self.clock = clock
        self._sessions: dict[str, Session] = {}
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()  # routes run in a thread pool

    @property
    def enabled(self) -> bool:
        return self.token is not None

    def check_token(self, given: str) -> bool:
        return self.token is not None and same(given, self.token)

    def admit(self, client: str) -> bool:
        """Whether ``client`` may try a token now: False once it has failed MAX_FAILURES
        times within the window. An admitted attempt counts as a failure until
        :meth:`succeeded` says otherwise, so that attempts sent at once cannot pass the
        limit before their failures are recorded."""
        with self._lock:
            times = self._recent_failures(client)
            if len(times) >= MAX_FAILURES:
                return False
            times.append(self.clock())
            self._failures[client] = times
            if len(self._failures) > MAX_SESSIONS:  # forget addresses whose failures have aged out
                for k in [k for k in self._failures if not self._recent_failures(k)]:
                    del self._failures[k]
            return True

    def succeeded(self, client: str) -> None:
        """The admitted attempt was right: it is not a failure."""
        with self._lock:
            times = self._failures.get(client)
            if times:
                times.pop()

    def _recent_failures(self, client: str) -> deque[float]:
        """The client's failures within the window (older ones dropped); kept only for
        clients that have failed, so checking the others stores nothing."""
        times = self._failures.get(client, deque())
        while times and times[0] <= self.clock() - WINDOW_SECONDS:
            times.popleft()
        return times

    def sign_in(self, reviewer: str) -> str:
        """A new session for ``reviewer``; returns the cookie value (its id)."""
        sid = secrets.token_urlsafe(32)
        with self._lock:
            if len(self._sessions) >= MAX_SESSIONS:
                del self._sessions[min(self._sessions, key=lambda k: self._sessions[k].expires)]
            self._sessions[sid] = Session(reviewer, secrets.token_urlsafe(32), self.clock() + SESSION_SECONDS)
        return sid

    def sign_out(self, cookie: str | None) -> None:
        with self._lock:
            self._sessions.pop(cookie or "", None)

    def _session(self, cookie: str | None) -> Session | None:
        if not self.enabled or not cookie:
            return None
        with self._lock:
            found = self._sessions.get(cookie)
            if found is not None and found.expires <= self.clock():
                del self._sessions[cookie]
                return None
            return found

    def reviewer(self, cookie: str | None) -> str | None:
        """The signed-in reviewer's name, or None (editing off, no cookie, a session
        ended or never started)."""
        found = self._session(cookie)
        return found.reviewer if found else None

    def csrf(self, cookie: str | None) -> str:
        found = self._session(cookie)
        return found.csrf if found else ""

    def csrf_ok(self, cookie: str | None, given: str) -> bool:
        found = self._session(cookie)
        return found is not None and same(given, found.csrf)
