"""MkDocs hooks for bantin: the thin adapter between MkDocs and ``bantin``.

The work lives in the ``bantin`` package (corpus → links → pages); these
handlers only hand MkDocs what it produced. State is rebuilt in
``on_pre_build`` of every build, because ``mkdocs serve`` rebuilds in one
process and must never show pages from the previous build.

Named ``bantin_site`` rather than ``bantin``: MkDocs puts this folder first on
``sys.path`` while loading hooks, and a ``bantin.py`` here would shadow the
package. Other hooks read what this one gives each page (``bantin`` in the
page context) instead of importing it.
"""

from __future__ import annotations

import difflib
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, pass_context
from markupsafe import Markup
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from bantin import embed, formatting, links, originals, pages
from bantin.corpus import Corpus, load_corpus
from bantin.problems import WARNING, unexpected

log = logging.getLogger("mkdocs.plugins.bantin")


class BantinConfig(base.Config):
    """Options under ``extra.bantin`` in mkdocs.yml, read by every bantin hook
    (``on_config`` puts this object in their place)."""

    bulletin_name = c.Type(str, default="Bản tin Thông tin nội bộ")
    organisation = c.Type(str, default="")
    content_dir = c.Type(str, default="content")
    # The copy opened from disk turns it off: file:// pages have no origin
    # that 'self' could match (hooks/bantin_csp.py).
    csp = c.Type(bool, default=True)
    # The copy opened from disk (mkdocs.offline.yml): pages name nothing a
    # browser would fetch by itself, which file:// refuses with an error in
    # the console (the web app manifest; the feed, which makes the theme
    # fetch sitemap.xml).
    disk_copy = c.Type(bool, default=False)


@dataclass
class _Build:
    corpus: Corpus
    graph: links.Graph
    specs: dict[str, pages.PageSpec]
    files: Files | None = None
    urls: dict[str, str] | None = None  # page URL by source path, for ``doc_url``


_build: _Build | None = None


_TYPE_WORDS = {bool: "true hoặc false", str: "chữ"}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Validate ``extra.bantin`` once and put the typed options in its place,
    so the other hooks and the templates read the same values and defaults."""
    raw = dict(config.extra.get("bantin") or {})
    options = BantinConfig()
    schema = dict(options._schema)
    problems = []
    for key in raw:
        if key not in schema:  # a misspelt option would silently fall back to its default
            hint = difflib.get_close_matches(key, schema, n=1)
            tip = f"có phải là '{hint[0]}'?" if hint else f"các tùy chọn: {', '.join(schema)}"
            problems.append(f"extra.bantin.{key}: không có tùy chọn này; {tip}")
    options.load_dict({key: value for key, value in raw.items() if key in schema})
    errors, _ = options.validate()
    for key, _error in errors:
        problems.append(f"extra.bantin.{key}: phải là {_TYPE_WORDS[schema[key]._type]}, không phải {raw[key]!r}")
    if problems:
        raise PluginError("mkdocs.yml: " + "; ".join(problems))
    config.extra["bantin"] = options
    return config


def on_serve(server, config: MkDocsConfig, builder):  # type: ignore[no-untyped-def]
    """Rebuild the preview when content changes. Here rather than in
    ``watch:``, which MkDocs checks before any hook runs, in English, when the
    folder is missing: ``on_pre_build`` says it in Vietnamese instead."""
    content = Path(config.config_file_path).parent / config.extra["bantin"].content_dir
    if content.is_dir():
        server.watch(str(content))
    return server


def on_pre_build(config: MkDocsConfig) -> None:
    """Load and validate all content, then build the citation graph.

    Runs before MkDocs cleans the site directory, so a content error stops
    the build with the previous site still in place.
    """
    global _build
    _build = None
    try:
        _build = _load(Path(config.config_file_path).parent, config.extra["bantin"].content_dir)
    except PluginError:
        raise
    except Exception as error:  # the last resort: MkDocs prints a traceback for anything but its own errors
        if os.environ.get("BANTIN_DEBUG"):
            raise
        raise PluginError(unexpected(error)) from None


def _load(root: Path, content_dir: str) -> _Build:
    corpus = load_corpus(root, content_dir)
    if corpus.errors:
        listing = "\n".join(str(p) for p in corpus.errors)
        raise PluginError(f"Nội dung có {len(corpus.errors)} lỗi, không dựng trang:\n{listing}")
    graph = links.build_graph(corpus.published, corpus.references)
    for problem in corpus.problems + graph.problems:
        log.log(logging.WARNING if problem.level == WARNING else logging.INFO, str(problem))
    specs = {spec.src_uri: spec for spec in pages.build_pages(corpus, graph)}
    return _Build(corpus, graph, specs)


@event_priority(100)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add a generated page for every spec.

    Priority 100: before other plugins, so search and sitemap see the pages.
    """
    assert _build is not None
    for src_uri, spec in _build.specs.items():
        if files.get_file_from_path(src_uri) is not None:
            raise PluginError(f"docs/{src_uri}: trùng đường dẫn với một trang được tạo tự động; hãy đổi tên tệp")
        files.append(File.generated(config, src_uri, content=spec.markdown))
    # Original files (PDF, Word) beside their directive's page, as the editor left them.
    content = Path(config.config_file_path).parent / config.extra["bantin"].content_dir
    for d in _build.corpus.published:
        if d.original:
            files.append(File.generated(config, originals.site_name(d.original, pages.directive_uri(d)),
                                        abs_src_path=str(content / d.original)))
    _build.files = files
    return files


@event_priority(100)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Give generated pages their title and template before rendering."""
    spec = _build.specs.get(page.file.src_uri) if _build else None
    if spec is not None:
        # Titles come from content and Material's templates print them
        # unescaped: hand them over already escaped (Markup is not escaped twice).
        page.meta.update(title=Markup.escape(spec.title), template=spec.template)
        if spec.description:
            page.meta["description"] = Markup.escape(spec.description)
    return markdown


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    """Hand the template the objects it shows (escaped there, never here)."""
    assert _build is not None
    spec = _build.specs.get(page.file.src_uri)
    if spec is not None:
        context["bantin"] = spec.context
    elif page.is_homepage:
        context["bantin"] = pages.home_context(_build.corpus, _build.specs)
    return context


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Register the filters templates use to write dates and links."""
    env.filters["short_date"] = formatting.short_date
    env.filters["issued_line"] = formatting.issued_line
    env.filters["issued_slots"] = formatting.issued_slots
    env.filters["keep_place"] = formatting.keep_place
    env.filters["doc_url"] = _doc_url
    env.filters["embedded"] = _embedded
    env.globals["bantin_options"] = config.extra["bantin"]
    if _build is not None:
        # Every file is known by now; listings ask for thousands of URLs.
        _build.urls = {f.src_uri: f.url for f in files}
    return env


@pass_context
def _doc_url(context, src_uri: str) -> str:
    """URL of the page built from ``src_uri``, relative to the current page."""
    assert _build is not None and _build.urls is not None
    url = _build.urls.get(src_uri)
    if url is None:
        raise PluginError(f"bantin: không có trang {src_uri}")
    page = context.get("page")
    return get_relative_url(url, page.url if page else "") or "./"


@pass_context
def _embedded(context, src_uri: str, prefix: str) -> Markup:
    """The rendered body of the page built from ``src_uri``, fit for this page.

    Every page's Markdown is rendered before any template runs, so the body
    is there; it was rendered from Markdown like ``page.content`` itself.
    """
    assert _build is not None and _build.files is not None
    file = _build.files.get_file_from_path(src_uri)
    if file is None or file.page is None or file.page.content is None:
        raise PluginError(f"bantin: chưa có nội dung trang {src_uri} (bản tin tháng cần dựng đầy đủ, không dùng --dirty)")
    page = context["page"]
    return Markup(embed.rebase(file.page.content, file.page.url, page.url, prefix))
