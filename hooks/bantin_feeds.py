"""MkDocs hooks: write the Atom feed and the JSON index after the build.

Directive pages are collected from the context the site hook gives them
(``context["bantin"]["directive"]``), so this hook needs no state of its own
beyond one build's list, reset in ``on_pre_build``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from bantin import feeds

FEED_PATH = "van-ban-moi.xml"
TEMPLATE = "bantin/feeds/atom.xml"
INDEX_PATH = "van-ban.json"

_published: list[feeds.Published] = []
_env: list[Environment] = []  # this build's theme environment, set in on_env


def on_pre_build(config: MkDocsConfig) -> None:
    """Forget the previous build's pages (``mkdocs serve`` rebuilds in one process)."""
    _published.clear()
    _env.clear()


@event_priority(-50)
def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Keep the environment the pages render with; priority -50: after the site
    hook has registered its filters and options there."""
    _env.append(env)
    return env


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Keep the feed template out of the site: MkDocs copies theme files that
    are not ``.html`` as static assets."""
    template = files.get_file_from_path(TEMPLATE)
    if template is not None:
        files.remove(template)
    return files


@event_priority(-50)
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    """Note each directive page; priority -50: after the site hook has set its context."""
    directive = (context.get("bantin") or {}).get("directive")
    if directive is not None:
        _published.append(feeds.Published(directive, page.url))
    return context


def on_post_build(config: MkDocsConfig) -> None:
    """Render the feed with the pages' Jinja environment and write both files."""
    env = _env[-1]
    site = Path(config.site_dir)
    entries = feeds.feed_entries(_published)
    base = (config.site_url or "").rstrip("/")
    updated = feeds.feed_updated(entries) or dt.date(1970, 1, 1)
    atom = env.get_template(TEMPLATE).render(
        title=config.extra["bantin"].bulletin_name or config.site_name,
        base=base,
        feed_id=f"{base}/{FEED_PATH}" if base else feeds.feed_id(config.site_name),
        self_url=FEED_PATH,
        home_url="./",
        updated=f"{updated.isoformat()}T00:00:00+07:00",
        entries=entries,
    )
    (site / FEED_PATH).write_text(atom, encoding="utf-8")
    (site / INDEX_PATH).write_text(feeds.json_index(_published, config.site_url), encoding="utf-8")
