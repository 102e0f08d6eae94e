"""The search index (``bantin.search``) of the built site.

Documents (directives and the documents they cite) are indexed from the
records their page specs hold; other pages from the text a reader sees in
their article. The index files are written after the build, into
``search/`` of the site, and handed to the offline part as ``SearchFiles``.

Replaces Material's search plugin, which makes every phone download the
whole text of the archive (see ``bantin.search``).
"""

from __future__ import annotations

import json
import logging
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from mkdocs.structure.pages import Page

from bantin import formatting, paths, search, search_facets

log = logging.getLogger("mkdocs.plugins.bantin.search")

RESULTS_PAGE = paths.SEARCH_URI
GUIDE = "huong-dan-bien-tap/"  # the editors' guide: its own group of results, below the documents


@dataclass(frozen=True)
class SearchFiles:
    """What one build wrote for search: file texts by path in the site, the
    results page's URL, the script that reads them, the index's version."""

    texts: Mapping[str, str]
    files: tuple[str, ...]  # the index's own files, which the worker fetches on request
    page: str
    script: str
    version: str


@dataclass
class SearchIndexer:
    """Collects one build's documents, page by page."""

    docs: dict[str, search.SearchDoc] = field(default_factory=dict)
    results_url: str = ""
    kept: search.Kept = field(default_factory=search.Kept)  # what ``build_index`` keeps between builds

    def add_document(self, page: Page, context: Mapping[str, Any] | None) -> None:
        """A directive or cited document, from its page spec's records."""
        if not excluded(page) and context is not None and context.get("entry") is not None:
            self.docs[page.url] = _document(page, context)

    def restore(self, page: Page, doc: search.SearchDoc | None) -> None:
        """A page rendered in an earlier build: its document as it was then."""
        if page.file.src_uri == RESULTS_PAGE:
            self.results_url = page.url
        if doc is not None:
            self.docs[page.url] = doc

    def add_page(self, page: Page, output: str) -> None:
        """Any other page: its title, and the article as the reader sees it."""
        if page.file.src_uri == RESULTS_PAGE:
            self.results_url = page.url
        if page.url not in self.docs and not excluded(page):
            title = page.title or ""
            self.docs[page.url] = search.SearchDoc(url=page.url, title=title, head=(title,),
                                                   body=search.html_text(output, within="md-content__inner"))

    def write(self, site_dir: Path) -> SearchFiles:
        """Build the index and write its files, dropping earlier builds' versions."""
        index = search.build_index(self.docs.values(), self.kept)
        out = search.files(index, self.results_url, extra={"f": search_facets.facets(index.docs, GUIDE)})
        folder = site_dir / search.FOLDER
        if folder.exists():
            shutil.rmtree(folder)  # versions of earlier builds (``mkdocs serve``, --dirty)
        for rel, text in out.items():
            path = site_dir / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        log.info("bantin search: %d documents, %d files", len(index.docs), len(out))
        # The manifest is for the browser; read here from memory, once, not from the site.
        manifest = json.loads(out[f"{search.FOLDER}/manifest.json"])
        return SearchFiles(texts=out, files=tuple(manifest["files"]), page=manifest["page"],
                           script=manifest["script"], version=manifest["version"])


def excluded(page: Page) -> bool:
    """Material's convention: ``search: {exclude: true}`` in front matter."""
    options = page.meta.get("search")
    return isinstance(options, dict) and bool(options.get("exclude"))


def _document(page: Page, ctx: Mapping[str, Any]) -> search.SearchDoc:
    e = ctx["entry"]
    d = ctx.get("directive")
    if d is not None:
        # The documents it cites, as the citation graph resolved them:
        # counted by how often the body spells them.
        cited = [c.number for c in (*ctx.get("implements", ()), *ctx.get("cites", ())) if c.number
                 for _ in range(max(1, d.body.count(c.number)))]
        return search.SearchDoc(
            url=page.url, title=e.title or page.title, group=search.DIRECTIVE, kind=e.kind, number=e.number,
            date=e.date, issuer=e.issuer,
            head=(e.kind or "", e.number or "", e.title or "", *d.topics),
            # The place and the date as printed: "tháng 12 năm 2024" finds it
            # (not the page's remark on a missing place).
            meta=(e.issuer or "", d.place or "", formatting.issued_date(d.date) if d.date else "",
                  d.signer.name if d.signer and d.signer.name else ""),
            body=(d.body,), own_numbers=(d.number,) if d.number else (), cited_numbers=tuple(cited))
    doc = ctx.get("document")
    spellings = tuple(doc.spellings) if doc is not None else ()
    sentences = tuple(x.before + x.marked + x.after for c in ctx.get("citing", ()) for x in c.excerpts)
    return search.SearchDoc(
        url=page.url, title=e.title or "", group=search.CITED, kind=e.kind, number=e.number,
        date=e.date, issuer=e.issuer,
        # Its subject and issuer, when known, come from the citing texts (or an
        # editor's reference file) and count as body text: the directives that
        # say it rank first.
        head=(e.kind or "", e.number or ""),
        # What the citing directives say about it; the numbers in those
        # sentences are the citers' business, so none are indexed here.
        body=(e.title or "", e.issuer or "", *sentences), own_numbers=tuple(dict.fromkeys((*spellings, *([e.number] if e.number else ())))))
