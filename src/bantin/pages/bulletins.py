"""Monthly bulletins (/ban-tin/<yyyy>-<mm>/) and their index."""

from __future__ import annotations

from . import PageSpec, Site


def build(site: Site) -> list[PageSpec]:
    return []
