"""What other systems follow: an Atom feed of new directives, a JSON index.

The feed carries the newest dated directives; an undated directive has no
date to put in Atom's required ``updated`` and is never given an invented
one: it is in the JSON index with ``"date": null``.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from .records import Directive

FEED_SIZE = 50


@dataclass(frozen=True)
class Published:
    """A directive and the URL (relative to the site root) of its page."""

    directive: Directive
    url: str

    @property
    def id(self) -> str:
        # Stable without a site URL: the same page always has the same id.
        return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'bantin:' + self.directive.path)}"


def _newest_first(p: Published) -> tuple:
    return p.directive.newest_first


def feed_id(site_name: str) -> str:
    """A stable Atom id for a site that has no ``site_url``."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'bantin-feed:' + site_name)}"


def feed_entries(published: Iterable[Published], size: int = FEED_SIZE) -> list[Published]:
    """The newest dated directives, newest first."""
    dated = sorted((p for p in published if p.directive.date is not None), key=_newest_first)
    return dated[:size]


def feed_updated(entries: list[Published]) -> dt.date | None:
    return entries[0].directive.date if entries else None


def json_index(published: Iterable[Published], site_url: str | None) -> str:
    """Every published directive, newest first, as stable, sorted JSON."""
    base = (site_url or "").rstrip("/")
    return _json_text(tuple(
        (p.directive.number, p.directive.kind, p.directive.date.isoformat() if p.directive.date else None,
         p.directive.title, p.directive.issuer, p.directive.parent, f"{base}/{p.url}" if base else p.url)
        for p in sorted(published, key=_newest_first)))


@lru_cache(maxsize=1)  # a preview's save seldom changes what the index shows: the text of the last one
def _json_text(rows: tuple[tuple[str | None, ...], ...]) -> str:
    names = ("number", "kind", "date", "title", "issuer", "parent", "url")
    records = [dict(zip(names, row)) for row in rows]
    return json.dumps({"directives": records}, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
