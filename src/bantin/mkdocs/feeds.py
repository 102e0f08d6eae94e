"""What other systems follow: the Atom feed (a theme template) and the JSON
index of directives (``bantin.feeds``), written after the build."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig

from bantin import feeds, paths

from .config import BantinConfig

FEED_PATH = paths.FEED
TEMPLATE = "bantin/feeds/atom.xml"
INDEX_PATH = paths.FEED_INDEX


def write(env: Environment, published: list[feeds.Published], config: MkDocsConfig, options: BantinConfig) -> None:
    """Render the feed with the pages' Jinja environment and write both files."""
    site = Path(config.site_dir)
    entries = feeds.feed_entries(published)
    base = (config.site_url or "").rstrip("/")
    updated = feeds.feed_updated(entries) or dt.date(1970, 1, 1)
    atom = env.get_template(TEMPLATE).render(
        title=options.bulletin_name or config.site_name,
        base=base,
        feed_id=f"{base}/{FEED_PATH}" if base else feeds.feed_id(config.site_name),
        self_url=FEED_PATH,
        home_url="./",
        updated=f"{updated.isoformat()}T00:00:00+07:00",
        entries=entries,
    )
    (site / FEED_PATH).write_text(atom, encoding="utf-8")
    (site / INDEX_PATH).write_text(feeds.json_index(published, config.site_url), encoding="utf-8")
