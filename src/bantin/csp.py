"""Content-Security-Policy for the built pages: nothing from other origins.

The theme puts a few small scripts inline (Material's base template sets up
its storage scope that way); instead of allowing every inline script, each
page's policy lists the SHA-256 of the inline scripts it actually contains.
JSON data blocks (``type="application/json"``) are not scripts and need none.
"""

from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_CHARSET = re.compile(r"<meta charset=[^>]*>", re.I)

BASE_POLICY = (
    "default-src 'self'",
    "style-src 'self' 'unsafe-inline'",  # the theme sets style attributes from script
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)


def inline_script_hashes(html: str) -> list[str]:
    """CSP sources for the inline scripts of ``html``, in order, unique."""
    hashes: dict[str, None] = {}
    for match in _INLINE_SCRIPT.finditer(html):
        attrs = match.group("attrs").lower()
        if "src=" in attrs or "application/json" in attrs or "application/ld+json" in attrs:
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        hashes[f"'sha256-{base64.b64encode(digest).decode()}'"] = None
    return list(hashes)


def policy(html: str) -> str:
    scripts = " ".join(["'self'", *inline_script_hashes(html)])
    return "; ".join((BASE_POLICY[0], f"script-src {scripts}", *BASE_POLICY[1:]))


def with_policy(html: str) -> str:
    """``html`` with a CSP <meta> right after its charset, before any script."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    match = _CHARSET.search(html)
    if match is None:
        return html
    return html[: match.end()] + meta + html[match.end():]
