"""The timeline page (/dong-thoi-gian/)."""

from __future__ import annotations

from . import PageSpec, Site


def build(site: Site) -> list[PageSpec]:
    return []
