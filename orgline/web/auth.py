"""Who may edit, and proof that a form was sent by our own page.

Editing is off unless the server was started with an edit token. Signing in with it sets a
cookie naming the reviewer, signed with a key derived from the token (HttpOnly,
SameSite=Strict); every form carries a CSRF token derived from that cookie, which a page on
another site cannot read or forge. Restarting the server with another token signs everyone
out. No state is kept on the server.
"""
from __future__ import annotations

import base64
import hashlib
import hmac

COOKIE = "orgline_editor"


class Editors:
    def __init__(self, token: str | None) -> None:
        self.token = token or None
        self._key = hashlib.sha256(b"orgline-edit:" + token.encode()).digest() if token else b""

    @property
    def enabled(self) -> bool:
        return self.token is not None

    def _sign(self, purpose: str, value: str) -> str:
        return hmac.new(self._key, f"{purpose}:{value}".encode(), hashlib.sha256).hexdigest()

    def check_token(self, given: str) -> bool:
        return self.token is not None and hmac.compare_digest(given.encode(), self.token.encode())

    def cookie_for(self, reviewer: str) -> str:
        name = base64.urlsafe_b64encode(reviewer.encode()).decode()
        return f"{name}.{self._sign('cookie', name)}"

    def reviewer(self, cookie: str | None) -> str | None:
        """The signed-in reviewer's name, or None (editing off, no cookie, or a forged one)."""
        if not self.enabled or not cookie or "." not in cookie:
            return None
        name, sig = cookie.rsplit(".", 1)
        if not hmac.compare_digest(sig, self._sign("cookie", name)):
            return None
        try:
            return base64.urlsafe_b64decode(name.encode()).decode()
        except (ValueError, UnicodeDecodeError):
            return None

    def csrf(self, cookie: str | None) -> str:
        return self._sign("csrf", cookie or "")

    def csrf_ok(self, cookie: str | None, given: str) -> bool:
        return bool(cookie) and hmac.compare_digest(given, self.csrf(cookie))
