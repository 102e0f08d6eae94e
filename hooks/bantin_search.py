"""MkDocs hook: the search index (``bantin.search``) of the built site.

Documents (directives and the documents they cite) are indexed from the
records the site hook hands each page (``context["bantin"]``); other pages
from the text a reader sees in their article. The index files are written
after the build, into ``search/`` of the site.

Replaces Material's search plugin, which makes every phone download the
whole text of the archive (see ``bantin.search``).
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from bantin import search, search_facets

log = logging.getLogger("mkdocs.plugins.bantin.search")

RESULTS_PAGE = "tim-kiem.md"
GUIDE = "huong-dan-bien-tap/"  # the editors' guide: its own group of results, below the documents

_docs: dict[str, search.SearchDoc] = {}
_results_url = {"url": ""}


def on_pre_build(config: MkDocsConfig) -> None:
    _docs.clear()  # ``mkdocs serve`` rebuilds in one process
    _results_url["url"] = ""


def _excluded(page: Page) -> bool:
    # Material's convention: ``search: {exclude: true}`` in front matter.
    options = page.meta.get("search")
    return isinstance(options, dict) and bool(options.get("exclude"))


def _document(page: Page, ctx: dict) -> search.SearchDoc:
    """A directive or a cited document, from the records its page shows."""
    e = ctx["entry"]
    d = ctx.get("directive")
    if d is not None:
        # The documents it cites, as the site hook resolved them (bantin.refs
        # and the citation graph): counted by how often the body spells them.
        cited = [c.number for c in (*ctx.get("implements", ()), *ctx.get("cites", ())) if c.number
                 for _ in range(max(1, d.body.count(c.number)))]
        return search.SearchDoc(
            url=page.url, title=e.title or page.title, group=search.DIRECTIVE, kind=e.kind, number=e.number,
            date=e.date, issuer=e.issuer,
            head=(e.kind or "", e.number or "", e.title or "", *d.topics),
            meta=(e.issuer or "", d.place or "", d.signer.name if d.signer and d.signer.name else ""),
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


@event_priority(-50)  # after the site hook has put ``bantin`` in the context
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    ctx = context.get("bantin")
    if not _excluded(page) and isinstance(ctx, dict) and ctx.get("entry") is not None:
        _docs[page.url] = _document(page, ctx)
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Other pages: their title, and the article as the reader sees it."""
    if page.file.src_uri == RESULTS_PAGE:
        _results_url["url"] = page.url
    if page.url not in _docs and not _excluded(page):
        title = page.title or ""
        _docs[page.url] = search.SearchDoc(url=page.url, title=title, head=(title,),
                                           body=search.html_text(output, within="md-content__inner"))
    return output


def on_post_build(config: MkDocsConfig) -> None:
    index = search.build_index(_docs.values())
    out = search.files(index, _results_url["url"], extra={"f": search_facets.facets(index.docs, GUIDE)})
    folder = Path(config.site_dir) / search.FOLDER
    if folder.exists():
        shutil.rmtree(folder)  # versions of earlier builds (``mkdocs serve``, --dirty)
    for rel, text in out.items():
        path = Path(config.site_dir) / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    log.info("bantin search: %d documents, %d files", len(index.docs), len(out))

