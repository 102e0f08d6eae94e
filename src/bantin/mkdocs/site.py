"""The bulletin's content as one build sees it: loaded, linked, turned into pages.

Loaded in ``on_pre_build``, before MkDocs cleans the site directory, so a
content error stops the build with the previous site still in place.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from bantin import feeds as feed_records
from bantin import links, originals, pages, paths, relink
from bantin.corpus import Corpus, load_corpus
from bantin.memo import Memo
from bantin.pages.reuse import Never, Reuse
from bantin.problems import WARNING, build_log, unexpected

from .cache import CACHED_TEMPLATE, PageFile

log = logging.getLogger("mkdocs.plugins.bantin")


@dataclass
class Build:
    """One build's content and what MkDocs made of it."""

    corpus: Corpus
    graph: links.Graph
    specs: dict[str, pages.PageSpec]
    content: Path
    files: Files | None = None
    urls: dict[str, str] = field(default_factory=dict)  # page URL by source path, for ``doc_url``
    bodies: Callable[[str], str | None] = lambda src_uri: None  # a page's rendered article not built this time
    embedded: frozenset[str] = frozenset()  # pages another page embeds (``PageSpec.embeds``)

    def body_of(self, src_uri: str) -> tuple[str, str] | None:
        """The rendered article of the page built from ``src_uri`` and its URL:
        from this build, or (a page a dirty build skipped) from the cache."""
        file = self.files.get_file_from_path(src_uri) if self.files else None
        if file is None or file.page is None:
            return None
        content = file.page.content if file.page.content is not None else self.bodies(src_uri)
        return (content, file.page.url) if content is not None else None


@dataclass
class Kept:
    """What a preview keeps of its last build to make the next one faster:
    the citation graph (``relink``) and the page specs (``pages.reuse``)."""

    graph: links.Graph | None = None
    reuse: Reuse = field(default_factory=Reuse)


def load(root: Path, content_dir: str, memo: Memo | None = None, kept: Kept | None = None) -> Build:
    """Load and validate all content, then build the citation graph and the
    page specs; any unexpected failure becomes one Vietnamese message
    (``BANTIN_DEBUG=1`` shows the traceback instead)."""
    try:
        return _load(root, content_dir, memo, kept or Kept(reuse=Never()))
    except PluginError:
        raise
    except Exception as error:  # the last resort: MkDocs prints a traceback for anything but its own errors
        if os.environ.get("BANTIN_DEBUG"):
            raise
        raise PluginError(unexpected(error)) from None


def _load(root: Path, content_dir: str, memo: Memo | None, kept: Kept) -> Build:
    corpus = load_corpus(root, content_dir, memo=memo)
    if corpus.errors:
        listing = "\n".join(str(p) for p in corpus.errors)
        raise PluginError(f"Nội dung có {len(corpus.errors)} lỗi, không dựng trang:\n{listing}")
    graph = kept.graph = relink.graph(corpus.published, corpus.references, previous=kept.graph)
    for level, line in build_log(corpus.problems + graph.problems):
        log.log(logging.WARNING if level == WARNING else logging.INFO, line)
    specs = {spec.src_uri: spec for spec in pages.build_pages(corpus, graph, kept.reuse)}
    embedded = frozenset(uri for spec in specs.values() for uri in spec.embeds)
    return Build(corpus, graph, specs, root / content_dir, embedded=embedded)


def add_pages(build: Build, files: Files, config: MkDocsConfig) -> None:
    """A generated page for every spec, and each original file (PDF, Word)
    beside its directive's page, as the editor left it.

    Generated pages, and the search results page, are reached from listings
    and the search box, not the nav: NOT_IN_NAV tells MkDocs so.
    """
    for src_uri, spec in build.specs.items():
        if files.get_file_from_path(src_uri) is not None:
            raise PluginError(f"docs/{src_uri}: trùng đường dẫn với một trang được tạo tự động; hãy đổi tên tệp")
        files.append(PageFile.generated(config, src_uri, content=spec.markdown, inclusion=InclusionLevel.NOT_IN_NAV))
    results = files.get_file_from_path(paths.SEARCH_URI)
    if results is not None and results.inclusion is InclusionLevel.INCLUDED:  # no exclude_docs etc. named it
        results.inclusion = InclusionLevel.NOT_IN_NAV
    for d in build.corpus.published:
        if d.original:
            files.append(File.generated(config, originals.site_name(d.original, pages.directive_uri(d)),
                                        abs_src_path=str(build.content / d.original)))
    build.files = files


def forget_markdown(build: Build) -> None:
    """A single build's specs without their Markdown, once MkDocs has it
    (``on_files``) and their fingerprints are made: the files hold it until
    MkDocs converts it (``release``). A preview keeps it, to reuse specs."""
    build.specs = {uri: replace(spec, markdown="") if spec.markdown else spec for uri, spec in build.specs.items()}


def published(build: Build) -> list[feed_records.Published]:
    """Every directive with its page's URL, for the feeds."""
    return [feed_records.Published(spec.context["directive"], build.urls[uri]) for uri, spec in build.specs.items()
            if spec.context.get("directive") is not None]


def set_meta(build: Build, page: Page, cached: bool = False) -> None:
    """A generated page's title, description and template, before rendering;
    a page taken from the cache gets a template that renders nothing.

    Titles come from content and Material's templates print them unescaped:
    they are handed over already escaped (Markup is not escaped twice).
    """
    spec = build.specs.get(page.file.src_uri)
    if spec is not None:
        page.meta.update(title=Markup.escape(spec.title), template=CACHED_TEMPLATE if cached else spec.template)
        if spec.description:
            page.meta["description"] = Markup.escape(spec.description)


def read_front_matter(build: Build, page: Page) -> None:
    """The front matter of a page a dirty build skipped, which MkDocs did
    not read: ``search: exclude`` must hold for it too."""
    spec = build.specs.get(page.file.src_uri)
    if spec is not None:
        page.meta.update(get_data(spec.markdown)[1])


def page_context(build: Build, page: Page) -> object | None:
    """What the page's template shows as ``bantin`` (escaped there, never here)."""
    spec = build.specs.get(page.file.src_uri)
    if spec is not None:
        return spec.context
    if page.is_homepage:
        return pages.home_context(build.corpus, build.specs)
    return None
