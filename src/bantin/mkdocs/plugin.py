"""``BantinPlugin``: bantin's one object on the MkDocs side.

A site that installs bantin writes ``plugins: [bantin]`` (the entry point
in pyproject.toml); this repository hands MkDocs' events to one instance
from ``hooks/bantin_hooks.py``. Each handler only passes work to a module
of ``bantin.mkdocs``; the state of one build lives on the instance and is
reset in ``on_config`` and ``on_pre_build``, because ``mkdocs serve``
rebuilds in one process and must never show pages from the previous build.
"""

from __future__ import annotations

import logging

from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from watchdog.observers.api import BaseObserver

from bantin import gcpause
from bantin.memo import Memo, Shards, code_version, read_pickle, write_pickle
from bantin.search import Kept as SearchKept
from bantin.search import SearchDoc

from . import cache, csp, feeds, filters, nav, offline, serving, site, theme, watch
from .config import BantinConfig, option_problems
from .pack import Pack
from .release import Release
from .search import SearchFiles, SearchIndexer


log = logging.getLogger("mkdocs.plugins.bantin")


class BantinPlugin(BasePlugin[BantinConfig]):
    """Content → pages, the shared navigation, search, feeds, offline reading
    and each page's Content-Security-Policy, for one bulletin site."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self._raw: dict[str, Any] = {}
        self.options = BantinConfig()
        # Kept from build to build (each drops what the last build did not use):
        self.memo = Memo()
        self.kept = site.Kept()
        self.prints = cache.Fingerprints()
        self.pages = cache.PageCache()
        self.code = code_version()
        self.search_kept = SearchKept()
        self.search_disk: Shards | None = None  # search counts and weights on disk
        self.search_docs: dict[str, SearchDoc] = {}  # the last build's ``search_docs_now``
        self.templates = cache.Templates()
        self.builds = 0
        self.serving = False
        self.folder: Path | None = None  # the cache on disk
        self.watcher: BaseObserver | None = None  # the content folder's, while previewing
        self._reset()

    def _reset(self) -> None:
        self.build: site.Build | None = None
        self.env: Environment | None = None
        self.search = SearchIndexer(kept=self.search_kept)
        self.shell = offline.Shell()
        self.hits: dict[str, cache.Rendered] = {}
        self.release = Release()
        self.search_docs_now: dict[str, SearchDoc] = {}  # documents' search entries by page fingerprint

    def load_config(self, options: dict[str, Any], config_file_path: str | None = None):  # type: ignore[override]
        """Options under ``plugins: [{bantin: …}]``, checked with Vietnamese messages."""
        self._raw = dict(options)
        self.config, problems = option_problems(self._raw)
        return problems, []

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Settle the options once (``extra.bantin`` over the plugin's own), so
        every part and the templates read the same values and defaults; add
        bantin's theme files to Material's. Priority: default."""
        self._reset()
        extra = dict(config.extra.get("bantin") or {})
        self.options, problems = option_problems({**self._raw, **extra})
        if problems:
            raise PluginError("mkdocs.yml: " + "; ".join(f"extra.bantin.{key}: {text}" for key, text in problems))
        config.extra["bantin"] = self.options
        theme.install(config)
        return config

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Once per ``mkdocs`` command. Being here makes MkDocs keep this one
        instance across the rebuilds of ``mkdocs serve``, and with it the memo
        and the page cache that make a rebuild fast."""
        self.serving = command == "serve"
        self.pages.in_memory = self.serving
        cache.quiet_dirty_warning()

    def on_serve(self, server, config: MkDocsConfig, builder):  # type: ignore[no-untyped-def]
        """Rebuild the preview when content changes, as soon as a file is
        written (``watch``). Here rather than in ``watch:``, which MkDocs
        checks before any plugin runs, in English, when the folder is
        missing: ``on_pre_build`` says it in Vietnamese instead."""
        content = Path(config.config_file_path).parent / self.options.content_dir
        if content.is_dir():
            self.watcher = watch.watch(server, content)
        serving.Answering(server)  # pages served while a rebuild runs
        # MkDocs calls this once the first build is done: its garbage (every
        # page's Markdown instance) is collected now, as the preview starts,
        # rather than by the first save's rebuild (0.7 s at 5,000 directives).
        # What that build alone used is let go first: frozen, its cycles
        # would never be collected.
        self._reset()
        gcpause.settle()
        return server

    def on_pre_build(self, config: MkDocsConfig) -> None:
        """Load and validate all content (unchanged files from the memo), then
        build the citation graph and the page specs, before MkDocs cleans the
        site: an error keeps the last site. Priority: default."""
        self._reset()
        root = Path(config.config_file_path).parent
        self._open_cache(cache.disk_folder(root, self.options.cache_dir, self.code))
        self.builds += 1
        if self.serving and self.builds >= 2:
            gcpause.settle()  # the last build's garbage collected, what previews keep frozen
        self.memo.begin()
        with gcpause.paused():
            self.build = site.load(root, self.options.content_dir, self.memo, self.kept if self.serving else None)
        self.release = Release({uri: spec.embeds for uri, spec in self.build.specs.items()})

    def _open_cache(self, folder: Path | None) -> None:
        """The first build of a process reads what earlier builds left on disk."""
        if folder == self.folder:
            return
        self.folder = folder
        self.pages.pack = Pack(folder) if folder is not None else None
        if folder is not None:
            self.memo.load(folder / cache.MEMO_FILE)
            self.search_disk = Shards(folder / cache.SEARCH_FILE)
            self.search_kept.saved = self.search_disk.read()
            self.templates.compiled.update(read_pickle(folder / cache.TEMPLATES_FILE) or {})

    @event_priority(100)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Add the generated pages, the originals and the offline notice; keep
        the theme's non-HTML templates (feed, worker) out of the site; tell
        each generated page whether it changed since the last build.

        Priority: 100 (run first), so other plugins (sitemap) see the pages.
        """
        assert self.build is not None
        files = cache.always_built(files)
        site.add_pages(self.build, files, config)
        self.shell.add_notice(files, config)
        for template in (feeds.TEMPLATE, offline.WORKER_TEMPLATE):
            file = files.get_file_from_path(template)
            if file is not None:
                files.remove(file)
        self._fingerprint(files, config)
        if not self.serving:
            site.forget_markdown(self.build)
        return files

    def _fingerprint(self, files: Files, config: MkDocsConfig) -> None:
        """Each generated page's fingerprint; which ones a dirty build skips."""
        assert self.build is not None
        shared = cache.shared_inputs(config, files, self.code)
        caching = self.serving or self.folder is not None  # else nothing would use the fingerprints
        with gcpause.paused():
            self.pages.begin(self.prints.of(self.build.specs, shared, self.memo.key_of) if caching else {})
        self.pages.mark_files(files)
        self.build.bodies = self.pages.body

    def on_nav(self, nav, config: MkDocsConfig, files: Files):  # type: ignore[no-untyped-def]
        """Pages rendered before skip Markdown (``cache.CachedPage``). Here, once
        MkDocs has made every page, to leave the navigation's own. Priority: default."""
        self.pages.cached_pages(files, config, nav.pages)
        return nav

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        """Register the templates' filters and the shared navigation render, and
        keep the environment for the feed and the worker. Priority: default."""
        env.bytecode_cache = self.templates
        filters.register(env, lambda: self.build, self.options, files)
        nav.install(env)
        self.env = env
        return env

    @event_priority(100)
    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Give generated pages their title and template before rendering.

        Priority: 100 (run first), so other plugins see the real title.
        """
        assert self.build is not None
        # A CachedPage already holds what the cache had (a build that keeps no
        # page in memory would otherwise read and unpack it from disk again).
        hit = page.rendered if isinstance(page, cache.CachedPage) else self.pages.hit(page.file.src_uri)
        site.set_meta(self.build, page, cached=hit is not None)
        if hit is None:
            return markdown
        self.hits[page.file.src_uri] = hit
        return ""

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """A page rendered before gets its article and contents back from the
        cache (its Markdown was skipped); a generated page's Markdown is let
        go (``release``). Priority: default."""
        self.release.converted(page)
        hit = self.hits.get(page.file.src_uri)
        if hit is None:
            return html
        page.toc = hit.toc
        return hit.content

    def on_page_context(self, context: dict, page: Page, config: MkDocsConfig, nav) -> dict:  # type: ignore[no-untyped-def]
        """Hand the template what it shows (as ``bantin``), and note each
        directive for the feed and each document for search. Priority: default."""
        assert self.build is not None
        if page.file.src_uri in self.hits:
            return context
        shown = site.page_context(self.build, page)
        if shown is not None:
            context["bantin"] = shown
        spec = self.build.specs.get(page.file.src_uri)
        if spec is not None:
            self.search.add_document(page, spec.context)
        return context

    @event_priority(-100)
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """Index the page's text, then insert its Content-Security-Policy and
        keep it if the worker precaches it; let go of its article once no
        page embeds it any more (``release``).

        Priority: -100 (run last): the policy hashes the inline scripts that
        every other plugin and template put on the page.
        """
        output = self._written(page, output)
        self.release.written_out(page)
        return output

    def _written(self, page: Page, output: str) -> str:
        hit = self.hits.get(page.file.src_uri)
        if hit is not None:
            self._restore(page, hit)
            return hit.output
        self.search.add_page(page, output)
        output = csp.page(output, self.options)
        self.shell.keep(page, output, self.search.results_url)
        if page.file.src_uri in self.pages.prints:
            rendered = self._rendered(page, output)
            self.pages.keep(page.file.src_uri, rendered, page.file.abs_dest_path)
            if rendered.search is None and page.url in self.search.docs:
                self.search_docs_now[self.pages.prints[page.file.src_uri]] = self.search.docs[page.url]
        return output

    def _rendered(self, page: Page, output: str) -> cache.Rendered:
        """What to keep of a page: its article only if another page embeds it,
        its search document only if it is not a document (those are indexed
        from their records, which is cheap)."""
        assert self.build is not None
        spec = self.build.specs[page.file.src_uri]
        document = spec.context.get("entry") is not None
        return cache.Rendered(page.content or "" if page.file.src_uri in self.build.embedded else "", page.toc,
                              output, None if document else self.search.docs.get(page.url))

    def _restore(self, page: Page, rendered: cache.Rendered) -> None:
        """What a page rendered before gives search and the worker."""
        assert self.build is not None
        fp = self.pages.prints[page.file.src_uri]
        doc = rendered.search or self.search_docs.get(fp)
        if doc is None:  # a document: indexed from its records, then kept while its page is
            site.read_front_matter(self.build, page)
            self.search.add_document(page, self.build.specs[page.file.src_uri].context)
            doc = self.search.docs.get(page.url)
        self.search.restore(page, doc)
        if doc is not None and rendered.search is None:
            self.search_docs_now[fp] = doc
        self.shell.keep(page, rendered.output, self.search.results_url)

    @event_priority(-100)
    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        """The policy for pages built from theme templates alone (404.html).
        Priority: -100 (run last), as for ``on_post_page``."""
        return csp.template(output_content, template_name, self.options)

    @event_priority(-50)
    def on_post_build(self, config: MkDocsConfig) -> None:
        """Write the search index, the feeds, the web manifest and the worker,
        which precaches the search files: so in that order.

        Priority: -50 (run late), after other plugins have written their files.
        """
        assert self.env is not None and self.build is not None and self.build.files is not None
        site_dir = Path(config.site_dir)
        for page, rendered in self.pages.skipped(self.build.files):  # a dirty build left them as they were
            self._restore(page, rendered)
        search: SearchFiles = self.search.write(site_dir)
        feeds.write(self.env, site.published(self.build), config, self.options)
        for rel, text in self.shell.write(self.env, config, self.options, search).items():
            (site_dir / rel).write_text(text, encoding="utf-8")
        if self.pages.prints:
            log.info("bantin: %d trang dựng mới, %d trang lấy lại từ lần dựng trước", len(self.pages.new_uris),
                     len(self.pages.prints) - len(self.pages.new_uris))
        self.pages.end(self.build.files, config.site_dir)
        self.memo.end()
        self.search_kept.saved = {}
        self.search_docs = self.search_docs_now
        if not self.serving:  # a preview saves once, when it stops
            self._save()

    def on_shutdown(self) -> None:
        """``mkdocs serve`` stops: save for the next build, free the rest."""
        watch.stop(self.watcher)
        self.watcher = None
        self._save()
        self.memo, self.pages, self.search_kept, self.folder = Memo(), cache.PageCache(), SearchKept(), None
        self.search_disk = None
        self.kept, self.prints = site.Kept(), cache.Fingerprints()
        self.search_docs = {}

    def _save(self) -> None:
        """Records, search counts and compiled templates, for the next build (pages are saved as they go)."""
        folder = self.folder
        if folder is not None:
            self.pages.save()
            self.memo.save(folder / cache.MEMO_FILE)
            assert self.search_disk is not None  # opened with the folder (``_open_cache``)
            self.search_disk.write(self.search_kept.to_save())
            write_pickle(folder / cache.TEMPLATES_FILE, self.templates.compiled)
