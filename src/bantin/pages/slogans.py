"""The approved-slogans page (/khau-hieu/): sets in force newest first, sets
not yet in force, then the archive of sets whose validity has ended."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .. import paths, slogans
from ..records import SloganSet
from . import Entry, PageSpec, Site

SLOGANS_URI = paths.SLOGANS_URI
LONG_SLOGAN = 90  # characters; longer ones print in smaller type on a banner


@dataclass(frozen=True)
class ShownSet:
    sset: SloganSet
    anchor: str  # "bo-<file name>"
    directive: Entry  # the approving directive
    approved: dt.date | None  # as written, else the directive's date of issue
    approved_written: bool  # False when ``approved`` is the directive's date
    status: str  # slogans.CURRENT, UPCOMING or ENDED


def set_anchor(sset: SloganSet) -> str:
    return paths.slogan_set_anchor(sset.slug)


def build(site: Site) -> list[PageSpec]:
    return [slogans_page(site, slogans.reference_date())]


def slogans_page(site: Site, on: dt.date) -> PageSpec:
    arranged = slogans.arrange(site.corpus.slogan_sets, site.records, on)

    def shown(sset: SloganSet) -> ShownSet:
        return ShownSet(sset, set_anchor(sset), site.entries[sset.directive_path],
                        slogans.approval_date(sset, site.records), sset.approved is not None,
                        slogans.status(sset, on))

    sections = [
        ("dang-dung", "Khẩu hiệu đang sử dụng", [shown(s) for s in arranged.current]),
        ("sap-ap-dung", "Sắp áp dụng", [shown(s) for s in arranged.upcoming]),
        ("luu-tru", "Lưu trữ: khẩu hiệu đã hết thời hạn sử dụng", [shown(s) for s in arranged.ended]),
    ]
    return PageSpec(
        SLOGANS_URI, "Khẩu hiệu tuyên truyền", "bantin/slogans.html",
        description="Khẩu hiệu tuyên truyền được duyệt, đúng nguyên văn và thứ tự trong văn bản phê duyệt",
        context={"sections": [s for s in sections if s[2]], "on": on, "long": LONG_SLOGAN},
    )
