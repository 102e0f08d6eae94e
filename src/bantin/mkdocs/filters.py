"""The Jinja filters and globals bantin's templates use to write dates and links."""

from __future__ import annotations

from typing import Callable

from jinja2 import Environment, pass_context
from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.utils import get_relative_url

from bantin import embed, formatting, paths

from .config import BantinConfig
from .site import Build


def register(env: Environment, build: Callable[[], Build | None], options: BantinConfig, files: Files) -> None:
    """Add the filters to ``env``; ``build`` gives the current build when a
    filter runs (every file is known by now: listings ask for thousands of URLs)."""
    env.filters["short_date"] = formatting.short_date
    env.filters["issued_line"] = formatting.issued_line
    env.filters["issued_slots"] = formatting.issued_slots
    env.filters["keep_place"] = formatting.keep_place
    env.filters["state_authority"] = formatting.state_authority
    env.filters["doc_url"] = _doc_url(build)
    env.filters["root_url"] = _root_url(build)
    env.filters["embedded"] = _embedded(build)
    env.globals["bantin_options"] = options
    env.globals["bantin_paths"] = paths
    current = build()
    if current is not None:
        current.urls = {f.src_uri: f.url for f in files}


def _url_of(build: Callable[[], Build | None], src_uri: str) -> str:
    """URL of the page built from ``src_uri``, from the site's root."""
    current = build()
    url = current.urls.get(src_uri) if current else None
    if url is None:
        raise PluginError(f"bantin: không có trang {src_uri}")
    return url


def _doc_url(build: Callable[[], Build | None]):  # type: ignore[no-untyped-def]
    @pass_context
    def doc_url(context, src_uri: str) -> str:
        """URL of the page built from ``src_uri``, relative to the current page."""
        page = context.get("page")
        return get_relative_url(_url_of(build, src_uri), page.url if page else "") or "./"
    return doc_url


def _root_url(build: Callable[[], Build | None]):  # type: ignore[no-untyped-def]
    def root_url(src_uri: str) -> str:
        """URL of the page built from ``src_uri``, relative to the site's root
        (for scripts, which resolve it from there: a 404 page has no place)."""
        return _url_of(build, src_uri) or "./"
    return root_url


def _embedded(build: Callable[[], Build | None]):  # type: ignore[no-untyped-def]
    @pass_context
    def embedded(context, src_uri: str, prefix: str) -> Markup:
        """The rendered body of the page built from ``src_uri``, fit for this page.

        Every page's Markdown is rendered before any template runs, so the body
        is there; it was rendered from Markdown like ``page.content`` itself.
        """
        current = build()
        body = current.body_of(src_uri) if current else None
        if body is None:
            raise PluginError(f"bantin: chưa có nội dung trang {src_uri}")
        return Markup(embed.rebase(body[0], body[1], context["page"].url, prefix))
    return embedded
