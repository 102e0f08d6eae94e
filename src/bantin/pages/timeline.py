"""The timeline: /dong-thoi-gian/, one page per year, and the undated group.

A timeline of thousands of directives cannot be one page on a phone. The
main page holds the newest months up to ``MAIN_BUDGET`` lines and an index of
every year; each year has its own page (/dong-thoi-gian/2024/), which lists
its months on pages of their own (/dong-thoi-gian/2024/12/) once it has more
than ``YEAR_BUDGET`` lines; undated directives have /dong-thoi-gian/chua-ro-ngay/,
on pages of ``YEAR_BUDGET`` lines (…/trang-2/, …).
Every page is linear in the lines it shows. Year and month pages are left
out of search: each of their lines is a page of its own already.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

from .. import paths, timeline
from ..formatting import month_label
from ..records import KIND_BY_NAME, KINDS, LEVELS, UNDATED_FOLDER
from . import OUT_OF_SEARCH, Entry, PageSpec, Site, document_entry
from .archive import Pager

MAIN_BUDGET = 250  # lines on /dong-thoi-gian/: about 2,000 elements, Lighthouse mobile >= 95 (bench/PHONES.md)
YEAR_BUDGET = 250  # a year with more lines than this lists its months on pages of their own (bench/PHONES.md)
ROOT = paths.TIMELINE
MAIN_URI = paths.TIMELINE_URI
UNDATED_LABEL = "Chưa rõ ngày ban hành"
FRAGMENT_WORDS = 10  # words of a deadline's sentence the link to it quotes


@dataclass(frozen=True)
class Item:
    """One line of the timeline, ready to show."""

    role: str  # "directive", "cited", "deadline"
    entry: Entry
    kind: str | None  # Kind.slug, for filtering
    level: str | None  # LEVELS key, for filtering
    fragment: str = ""  # "#:~:text=…" for a deadline: the browser scrolls to the sentence
    deadline: timeline.Deadline | None = None


@dataclass(frozen=True)
class Month:
    anchor: str  # "thang-2024-12"; "" for the undated group
    label: str
    items: tuple[Item, ...]
    number: int = 0  # 1-12; 0 for the undated group
    src_uri: str = ""  # its own page, for a year split into months


@dataclass(frozen=True)
class Section:
    """A year (all its months or some), or the undated group."""

    key: str  # "2024" or UNDATED_FOLDER
    anchor: str  # "nam-2024" or UNDATED_FOLDER
    label: str
    src_uri: str  # the page of its own
    months: tuple[Month, ...]
    total: int  # lines in the whole year

    @property
    def count(self) -> int:
        return sum(len(m.items) for m in self.months)

    @property
    def complete(self) -> bool:
        return self.count == self.total


@dataclass(frozen=True)
class YearLink:
    key: str
    label: str
    count: int
    src_uri: str
    anchor: str
    here: bool  # the whole year is on the current page: the link jumps, not loads


def text_fragment(deadline: timeline.Deadline) -> str:
    """``#:~:text=`` quoting the words that end with the deadline's date.

    Browsers with text fragments (Chromium, Safari, Firefox 131+) scroll to
    the sentence in the directive page and highlight it; others open the
    page at its top. Quoting up to the date keeps the quote unique (opening
    words such as "Các cấp ủy, tổ chức đảng" repeat in every directive) and
    short.
    """
    sentence = deadline.sentence.strip("… ")
    at = sentence.find(deadline.phrase)
    upto = sentence[: at + len(deadline.phrase)] if at >= 0 else deadline.phrase
    words = upto.split()[-FRAGMENT_WORDS:]
    # A quote must start and end on a word: drop a leading or trailing punctuation token.
    quoted = re.sub(r"^\W+|\W+$", "", " ".join(words))
    return "#:~:text=" + quote(quoted, safe="").replace("-", "%2D")


def _item(e: timeline.Event, site: Site) -> Item:
    kind = KIND_BY_NAME[e.kind].slug if e.kind in KIND_BY_NAME else None
    if e.role == "cited":
        return Item("cited", document_entry(site.graph.documents[e.doc_id]), kind, e.level)
    entry = site.entries[e.doc_id]
    if e.deadline is None:
        return Item("directive", entry, kind, e.level)
    return Item("deadline", entry, kind, e.level, text_fragment(e.deadline), e.deadline)


def _section(group: timeline.YearGroup, site: Site) -> Section:
    if group.year is None:
        months = (Month("", "", tuple(_item(e, site) for e in group.events)),)
        return Section(UNDATED_FOLDER, UNDATED_FOLDER, UNDATED_LABEL, paths.index_uri(f"{ROOT}/{UNDATED_FOLDER}"),
                       months, len(group.events))
    months = tuple(
        Month(f"thang-{group.year}-{m:02d}", month_label(group.year, m), tuple(_item(e, site) for e in events), m,
              paths.index_uri(f"{ROOT}/{group.key}/{m:02d}"))
        for m, events in timeline.by_month(group)
    )
    return Section(group.key, f"nam-{group.key}", group.key, paths.index_uri(f"{ROOT}/{group.key}"), months,
                   len(group.events))


def _page(src_uri: str, title: str, sections: list[Section], everything: list[Section], filters: dict,
          markdown: str = "", month_index: tuple[Month, ...] = (), pager: Pager | None = None) -> PageSpec:
    complete = {s.key for s in sections if s.complete}
    years = [YearLink(s.key, s.label, s.total, s.src_uri, s.anchor, s.key in complete) for s in everything]
    context = {"sections": sections, "years": years, "main": src_uri == MAIN_URI, "month_index": month_index,
               "elsewhere": [y for y in years if not y.here], "pager": pager, **filters}
    return PageSpec(src_uri, title, "bantin/timeline.html", markdown=markdown, context=context,
                    description="Văn bản chỉ đạo theo ngày ban hành, văn bản được dẫn chiếu và các mốc hạn hoàn thành")


def build(site: Site) -> list[PageSpec]:
    return build_timeline(site, MAIN_BUDGET, YEAR_BUDGET)


def build_timeline(site: Site, budget: int, year_budget: int) -> list[PageSpec]:
    events = timeline.events(site.published, site.graph)
    groups = timeline.by_year(events, UNDATED_FOLDER)
    everything = [_section(g, site) for g in groups]
    kinds_present = {e.kind for e in events}
    filters = {
        "kinds": [(k.slug, k.name) for k in KINDS if k.name in kinds_present],
        "levels": list(LEVELS.items()),
    }

    recent = set(timeline.recent_months(groups, budget))
    main = []
    for s in everything:
        months = tuple(m for m in s.months if s.key != UNDATED_FOLDER and (int(s.key), m.number) in recent)
        if months:
            main.append(Section(s.key, s.anchor, s.label, s.src_uri, months, s.total))
    undated = everything[-1] if everything and everything[-1].key == UNDATED_FOLDER else None
    if undated and sum(s.count for s in main) + undated.count <= budget:
        main.append(undated)
    specs = [_page(MAIN_URI, "Dòng thời gian", main, everything, filters)]

    for s in everything:
        if s.key == UNDATED_FOLDER:
            specs += _undated_pages(s, everything, filters, year_budget)
        elif s.total <= year_budget:
            specs.append(_page(s.src_uri, f"Dòng thời gian năm {s.label}", [s], everything, filters, OUT_OF_SEARCH))
        else:
            specs.append(_page(s.src_uri, f"Dòng thời gian năm {s.label}", [], everything, filters, OUT_OF_SEARCH,
                               month_index=s.months))
            for m in s.months:
                only = Section(s.key, s.anchor, s.label, s.src_uri, (m,), s.total)
                specs.append(_page(m.src_uri, f"Dòng thời gian {m.label.lower()}", [only], everything, filters,
                                   OUT_OF_SEARCH))
    return specs


def _undated_pages(s: Section, everything: list[Section], filters: dict, size: int) -> list[PageSpec]:
    """Undated directives have no months to split by: pages of ``size`` lines,
    ``chua-ro-ngay/``, ``chua-ro-ngay/trang-2/``, …"""
    items = s.months[0].items
    chunks = [items[i:i + size] for i in range(0, len(items), size)] or [()]
    folder = s.src_uri.removesuffix("index.md")
    uris = tuple([s.src_uri] + [f"{folder}trang-{n}/index.md" for n in range(2, len(chunks) + 1)])
    title = f"Dòng thời gian: {UNDATED_LABEL.lower()}"
    if len(chunks) == 1:
        return [_page(s.src_uri, title, [s], everything, filters, OUT_OF_SEARCH)]
    return [_page(uris[n - 1], title if n == 1 else f"{title} (trang {n})",
                  [Section(s.key, s.anchor, s.label, s.src_uri, (Month("", "", chunk),), s.total)],
                  everything, filters, OUT_OF_SEARCH, pager=Pager(n, uris, s.total))
            for n, chunk in enumerate(chunks, 1)]
