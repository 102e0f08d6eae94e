"""Which URLs content may carry: links to the web, mail and phone; images only
from the site itself. One rule, applied to the URL as a browser reads it:
HTML entities decoded (``&#106;avascript:`` is ``javascript:``), blanks and
control characters dropped, backslashes read as slashes.

Checked twice: ``corpus`` names the file and line of a bad link in a body, and
``mdext`` removes whatever still reaches HTML, so a form the check does not
recognise is inert all the same.
"""

from __future__ import annotations

import html
import re

LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

# Browsers drop tabs and line ends inside a URL, spaces and control
# characters at its ends, and read a backslash as a slash: "java\tscript:" is
# "javascript:". Dropping all of them everywhere errs only on the strict side.
_IGNORED = re.compile(r"[\x00-\x20]")
_MAX_DECODING = 4
_SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):")


def _as_read(url: str) -> str:
    # Markdown writes entities into attributes as they were typed, and the
    # browser decodes them; decoding until nothing changes errs on the strict side.
    for _ in range(_MAX_DECODING):
        decoded = html.unescape(url)
        if decoded == url:
            break
        url = decoded
    return _IGNORED.sub("", url).replace("\\", "/").lower()


def scheme(url: str) -> str | None:
    """The scheme a browser sees in ``url``, lower case; None for a relative URL."""
    found = _SCHEME.match(_as_read(url))
    return found.group(1) if found else None


def link_allowed(url: str) -> bool:
    """A link may go to the web, mail or phone, or stay on the site."""
    found = scheme(url)
    return found is None or found in LINK_SCHEMES


def image_allowed(url: str) -> bool:
    """An image must come from the site itself: the site requests nothing
    from any other host."""
    return scheme(url) is None and not _as_read(url).startswith("//")
