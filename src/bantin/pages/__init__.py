"""Pages: the last step, from records and the citation graph to page specs.

A ``PageSpec`` says where a page lives (its source URI, which MkDocs turns
into the URL), its title, which template in ``bantin/theme/`` renders it, its
Markdown, and the objects the template shows. Nothing here renders HTML:
the templates do, with every content value escaped.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Iterable, Mapping

from .. import paths
from ..corpus import Corpus, issuer_label
from ..derived import once
from ..links import Document, Graph
from ..records import Directive
from .passages import Excerpt, Passage
from .reuse import Never, Reuse

HOME_NEWEST = 20
ARCHIVE_URI = paths.ARCHIVE_URI
CITATION_CLASS = "bt-cite"  # a number linked in a directive's text (bantin.css keeps it on one line)
OUT_OF_SEARCH = "---\nsearch:\n  exclude: true\n---\n"  # Markdown of a page search leaves out


@dataclass(frozen=True)
class PageSpec:
    src_uri: str
    title: str
    template: str
    markdown: str = ""
    context: Mapping[str, Any] = field(default_factory=dict)
    description: str | None = None
    embeds: tuple[str, ...] = ()  # pages whose rendered text this one shows (a bulletin's print page)


@dataclass(frozen=True)
class Entry:
    """A document as one line of a listing: enough to tell documents apart."""

    src_uri: str
    kind: str | None
    number: str | None
    date: dt.date | None
    title: str | None
    issuer: str | None
    is_directive: bool


@dataclass(frozen=True)
class Said:
    """One value citing texts give a cited document, and the directives that give it."""

    value: str
    sources: tuple[Entry, ...]


@dataclass(frozen=True)
class CitingEntry:
    """A directive that cites a document, with the sentences that do."""

    entry: Entry
    excerpts: tuple[Excerpt, ...]


@dataclass(frozen=True)
class Facet:
    """One way of browsing: a kind, an issuer or a year, with its page."""

    label: str
    src_uri: str
    count: int


def directive_uri(d: Directive) -> str:
    return paths.directive_uri(d.folder, d.slug)


def document_uri(doc: Document) -> str:
    return directive_uri(doc.directive) if doc.directive else f"{doc.id}.md"


def directive_entry(d: Directive) -> Entry:
    return once(d, "entry", lambda: Entry(directive_uri(d), d.kind, d.number, d.date, d.title, issuer_label(d), True))


def document_entry(doc: Document) -> Entry:
    if doc.directive:
        return directive_entry(doc.directive)
    info = doc.info
    kind = info.kind if info and info.kind else (doc.kind_words[0] if doc.kind_words else None)
    number = str(doc.number) if doc.number else None
    # Without an editor's reference file, what the citing texts say, where
    # they all agree: a listing line has no room to show a disagreement.
    title = info.title if info and info.title else _agreed(doc.subjects)
    issuer = info.issuer if info and info.issuer else _agreed(doc.issuers)
    return Entry(document_uri(doc), kind, number, doc.date, title, issuer, False)


def _agreed(values: tuple[str, ...]) -> str | None:
    return values[0] if len(values) == 1 else None


def newest_first(d: Directive) -> tuple:
    return d.newest_first


def relative_uri(uri: str, here: str) -> str:
    """``posixpath.relpath(uri, here)`` for page URIs, which are relative and
    normalised already, without the two ``abspath`` calls that make most of
    its time (there is one call per citation)."""
    base, parts = (here.split("/") if here else []), uri.split("/")
    common = 0
    while common < min(len(base), len(parts)) and base[common] == parts[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + parts[common:]) or "."


def linked_body(d: Directive, src_uri: str, placed: Iterable[Passage], docs: Mapping[str, Document]) -> str:
    """The body with the first mention of each document in each section
    turned into a relative Markdown link carrying its anchor (``passages``).

    Links point at source ``.md`` files so MkDocs validates them and writes
    the right URL for both directory and ``.html`` URLs (the offline copy).
    """
    here = posixpath.dirname(src_uri)
    out, pos = [], 0
    for p in placed:
        if not p.linked:
            continue
        start, end = p.citation.mention.start, p.citation.mention.end
        target = relative_uri(document_uri(docs[p.citation.target]), here)
        out.append(d.body[pos:start])
        out.append(f"[{d.body[start:end]}]({target}){{: #{p.anchor} .{CITATION_CLASS} }}")
        pos = end
    out.append(d.body[pos:])
    return "".join(out)


def directive_title(d: Directive) -> str:
    return f"{d.kind} {d.number}" if d.number else f"{d.kind} {d.title}"


def document_title(doc: Document) -> str:
    entry = document_entry(doc)
    label = f"{entry.kind} {entry.number}" if entry.kind else f"Văn bản {entry.number}"
    return f"{label} (nhiều văn bản cùng số hiệu)" if doc.is_ambiguous else label


@dataclass(frozen=True)
class Site:
    """Everything a page family needs to build its pages."""

    corpus: Corpus
    graph: Graph
    published: tuple[Directive, ...]  # newest first
    entries: Mapping[str, Entry]  # by directive path
    reuse: Reuse = field(default_factory=Never)

    @cached_property
    def records(self) -> dict[str, Directive]:
        """The published directives by path."""
        return {d.path: d for d in self.published}


def build_pages(corpus: Corpus, graph: Graph, reuse: Reuse | None = None) -> list[PageSpec]:
    """Every generated page of the site, in a stable order; ``reuse``: the
    last build's specs, where their inputs are unchanged (a preview)."""
    from . import archive, bulletins, documents, slogans, timeline

    published = tuple(sorted(corpus.published, key=newest_first))
    site = Site(corpus, graph, published, {d.path: directive_entry(d) for d in published}, reuse or Never())
    site.reuse.begin()
    specs: list[PageSpec] = []
    for family in (documents, archive, timeline, slogans):
        specs += family.build(site)
    # A bulletin's contents show each directive's summary, made once for its page.
    specs += bulletins.build(site, {s.src_uri: s for s in specs if s.template == "bantin/directive.html"})
    return [site.reuse.same(("spec", s.src_uri), s) for s in specs]


def home_context(corpus: Corpus, specs: Mapping[str, PageSpec]) -> dict[str, Any]:
    """What the home page shows: the newest directives and ways to browse."""
    newest = sorted(corpus.published, key=newest_first)[:HOME_NEWEST]
    # Two ways in that a cell meeting needs: the latest monthly bulletin and the slogans in use.
    from . import bulletins, slogans
    months = specs[bulletins.INDEX_URI].context["months"]
    in_use = next((sets for key, _, sets in specs[slogans.SLOGANS_URI].context["sections"] if key == "dang-dung"), [])
    return {"newest": [directive_entry(d) for d in newest], **specs[ARCHIVE_URI].context,
            "latest_bulletin": months[0] if months else None,
            "slogans_uri": slogans.SLOGANS_URI, "slogan_sets_in_use": len(in_use)}
