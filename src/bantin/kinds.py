"""The kinds of Party documents (loại văn bản) and their official codes."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType
from typing import Mapping

from .text import slugify


@dataclass(frozen=True)
class Kind:
    """A kind of Party document (loại văn bản) and its official abbreviation."""

    name: str
    code: str

    @cached_property  # asked for every line of the timeline and the archive
    def slug(self) -> str:
        return slugify(self.name)


# Hướng dẫn 36-HD/VPTW lists these names and abbreviations. "Quy định" was
# abbreviated "QĐ" before "QĐi" was introduced, so codes do not name kinds
# uniquely; the kind of a directive is always its name.
KINDS: tuple[Kind, ...] = (
    Kind("Nghị quyết", "NQ"),
    Kind("Quyết định", "QĐ"),
    Kind("Chỉ thị", "CT"),
    Kind("Kết luận", "KL"),
    Kind("Quy định", "QĐi"),
    Kind("Quy chế", "QC"),
    Kind("Hướng dẫn", "HD"),
    Kind("Kế hoạch", "KH"),
    Kind("Chương trình", "CTr"),
    Kind("Thông báo", "TB"),
    Kind("Thông tri", "TT"),
    Kind("Báo cáo", "BC"),
    Kind("Tờ trình", "TTr"),
    Kind("Công văn", "CV"),
    Kind("Đề án", "ĐA"),
    Kind("Phương án", "PA"),
    Kind("Biên bản", "BB"),
)
KIND_BY_NAME: Mapping[str, Kind] = MappingProxyType({k.name: k for k in KINDS})
