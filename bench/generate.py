#!/usr/bin/env python3
"""A synthetic archive of N directives, to measure how bantin grows with them.

    generate.py N OUT_DIR [--seed S] [--plain PLAIN_DIR]

OUT_DIR becomes a complete project (mkdocs.yml, docs/, hooks/
copied from the repository; content/ generated) that ``mkdocs build --strict``
builds. PLAIN_DIR, if given, becomes the baseline: the same directive bodies
as plain Markdown pages of MkDocs + Material, without bantin's hooks.

The text is the seeds' text recombined: their headings, sentences, lists and
numbered points, with citations written the ways the seeds write them. Numbers
and dates follow what bantin checks (no number twice in one year, never a
citation of a later document, no undated citation that could mean two
documents), so the archive is valid content. Same seed, same bytes.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import functools
import itertools
import random
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bantin import refs
from bantin.corpus import load_corpus, split_front_matter
from bantin.importer.convert import convert
from bantin.importer.source import text_source
from bantin.mkdocs.theme import THEME_DIR
from bantin.identity import issuer_close  # bantin's rule for one issuer spelled two ways: avoided here
from bantin.pages import directive_title, directive_uri
from bantin.records import KIND_BY_NAME
from bantin.text import fold, slugify

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
SAMPLE_DIRECTIVES = ROOT / "content" / "directives"
SAMPLE_SLOGANS = ROOT / "content" / "slogans"
PROJECT_PARTS = ("mkdocs.yml", "docs", "hooks")  # content/ is generated

FIRST_DATE = dt.date(2015, 1, 1)
LAST_DATE = dt.date(2025, 12, 31)
UNDATED_SHARE = 10  # one directive in ten has neither number nor date
CITES_MIN, CITES_MAX = 2, 8
DIRECTIVE_TARGET_SHARE = 0.45  # of citations, the rest go to outside documents
OUTSIDE_BASE, OUTSIDE_PER = 200, 10  # outside documents: 200 + N/10 (more directives cite more of them)


# -- the seeds' text, taken apart -------------------------------------------

_HEADING = re.compile(r"^(#{2,4})\s+(?:[IVXLC]+\s*[.\-]|\d+(?:\.\d+)*\.?)?\s*(?P<text>.*?)\s*$")
_MARKER = re.compile(r"^(?:[-+•]\s+|\(\d+\)\s+|\d+(?:\.\d+)*\\?[.\-)]\s*|[a-zđ]\)\s+)")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?…])\s+")
_TRAILING_DATE = re.compile(
    r"[^\S\n]*,?[^\S\n]*(?:ngày[^\S\n]+)?(?:\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})"
)
_DAY = re.compile(r"(?<![\d/])\d{1,2}/\d{1,2}/\d{4}(?![\d/])")
_BARE_SO = re.compile(r"(?i:số)[^\S\n]*:?[^\S\n]*$")
# Sentences that only make sense in one place of a directive: its opening and
# its closing are written from templates instead.
_PLACED = re.compile(r"^(?:Thực hiện|Căn cứ|Trên đây|Trân trọng|Nơi nhận)", re.I)


@dataclass(frozen=True)
class Material:
    """What the seeds are made of: headings, sentences, body lengths."""

    sections: tuple[str, ...]  # "MỤC ĐÍCH, YÊU CẦU"
    subsections: tuple[str, ...]  # "Nội dung tuyên truyền"
    sentences: tuple[str, ...]  # no citation in them
    intros: tuple[str, ...]  # sentences that end with ":" and open a list
    slotted: tuple[tuple[str, ...], ...]  # sentences cut where they cited a document
    body_lengths: tuple[int, ...]
    slogans: tuple[str, ...]


def seed_bodies() -> list[str]:
    """Markdown bodies of the seeds (through bantin's importer) and of the sample content."""
    bodies = []
    for path in sorted(SEEDS.glob("*.txt")):
        bodies.append(convert(text_source(path.name, path.read_text(encoding="utf-8"))).body)
    for path in sorted(SAMPLE_DIRECTIVES.rglob("*.md")):
        bodies.append(split_front_matter(path.read_text(encoding="utf-8"))[1])
    return bodies


def _sentences(text: str) -> list[str]:
    """Split at sentence ends; a piece that starts in lower case continues one."""
    out: list[str] = []
    for piece in _SENTENCE_SPLIT.split(text.strip()):
        if out and piece and not (piece[0].isupper() or piece[0] in "“\"(*"):
            out[-1] += " " + piece
        elif piece:
            out.append(piece)
    return out


def _slots(sentence: str, mentions: list[refs.Mention]) -> tuple[str, ...]:
    """The sentence cut around each citation (with its date), ready to refill."""
    pieces, pos = [], 0
    for m in mentions:
        before = sentence[pos : m.start]
        if m.kind_word is None:  # "số 11-HD/..." without a kind word: the slot brings its own
            before = _BARE_SO.sub("", before)
        pieces.append(before)
        end = m.end
        if m.date is not None:
            trailing = _TRAILING_DATE.match(sentence, end)
            end = trailing.end() if trailing else end
        pos = end
    pieces.append(sentence[pos:])
    return tuple(pieces)


def harvest(bodies: list[str]) -> Material:
    sections: dict[str, None] = {}
    subsections: dict[str, None] = {}
    sentences: dict[str, None] = {}
    intros: dict[str, None] = {}
    slotted: dict[tuple[str, ...], None] = {}
    for body in bodies:
        for line in body.splitlines():
            line = line.strip()
            if not line:
                continue
            heading = _HEADING.match(line)
            if heading:
                text = heading["text"].rstrip(":")
                if len(text) > 3 and not refs.find_mentions(text):
                    (sections if heading[1] == "##" else subsections).setdefault(text, None)
                continue
            line = _MARKER.sub("", line, count=1)
            for sentence in _sentences(line):
                # Slogans ("…!") are quoted in one seed's body; they are not prose.
                if len(sentence) < 25 or _PLACED.match(sentence) or sentence.endswith("!"):
                    continue
                mentions = refs.find_mentions(sentence)
                if mentions:
                    if len(mentions) <= 3:
                        slotted.setdefault(_slots(sentence, mentions), None)
                elif sentence.endswith(":"):
                    intros.setdefault(sentence, None)
                else:
                    sentences.setdefault(sentence, None)
    slogans: dict[str, None] = {}
    for path in sorted(SAMPLE_SLOGANS.glob("*.yml")):
        for text in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("slogans") or ():
            slogans.setdefault(str(text), None)
    return Material(
        sections=tuple(sections),
        subsections=tuple(subsections),
        sentences=tuple(sentences),
        intros=tuple(intros),
        slotted=tuple(slotted),
        body_lengths=tuple(sorted(len(b) for b in bodies)),
        slogans=tuple(slogans) + EXTRA_SLOGANS,
    )


# -- who issues what ---------------------------------------------------------

PROVINCE = "Thái Bình"


@dataclass(frozen=True)
class Org:
    """An issuing body: how its directives are headed, numbered and signed."""

    issuer: str  # front matter "issuer"
    parent: str | None
    symbol: str  # issuer symbol in the number: "BTGTU", "BTGĐUK", "HU"
    level: str
    place: str
    short: str  # how other texts name it: "Ban Tuyên giáo Tỉnh ủy"
    kinds: tuple[str, ...]
    signers: tuple[tuple[str | None, str | None, str], ...]  # (authority, on behalf of, position)
    recipients: tuple[tuple[str, str | None], ...]
    weight: int


_PROVINCE_RECIPIENTS = (
    ("Ban Tuyên giáo Trung ương", "để báo cáo"),
    ("Thường trực Tỉnh ủy", "để báo cáo"),
    ("Các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy", None),
    ("Các ban đảng, Văn phòng Tỉnh ủy", None),
    ("Ủy ban MTTQ và các tổ chức chính trị - xã hội tỉnh", None),
    ("Báo Thái Bình, Đài Phát thanh và Truyền hình tỉnh", None),
    ("Lưu Văn phòng", None),
)
_BLOCK_RECIPIENTS = (
    ("Ban Tuyên giáo Tỉnh ủy", "để báo cáo"),
    ("Thường trực Đảng ủy Khối", "để báo cáo"),
    ("Các đảng ủy, chi ủy cơ sở trực thuộc ĐUK", None),
    ("Các ban, UBKT, Văn phòng ĐUK", None),
    ("Các đoàn thể CT - XH Khối", None),
    ("Lưu BTG ĐUK", None),
)
_DISTRICT_RECIPIENTS = (
    ("Ban Tuyên giáo Tỉnh ủy", "để báo cáo"),
    ("Thường trực Huyện ủy", "để báo cáo"),
    ("Các chi bộ, đảng bộ trực thuộc Huyện ủy", None),
    ("Ủy ban nhân dân huyện", None),
    ("Như kính gửi", None),
    ("Lưu Văn phòng Huyện ủy", None),
)
_COMMUNE_RECIPIENTS = (
    ("Ban Thường vụ Huyện ủy", "để báo cáo"),
    ("Các chi bộ trực thuộc", None),
    ("Ủy ban nhân dân xã", None),
    ("Lưu Văn phòng Đảng ủy", None),
)
_BTV = ("T/M", "Ban Thường vụ", "Phó Bí thư Thường trực")
_HEAD = (None, None, "Trưởng ban")
_DEPUTY = ("K/T", "Trưởng ban", "Phó Trưởng ban")


def _orgs() -> tuple[Org, ...]:
    tu = f"Tỉnh ủy {PROVINCE}"
    orgs = [
        Org(tu, None, "TU", "tinh", PROVINCE, "Ban Thường vụ Tỉnh ủy",
            ("Nghị quyết", "Chỉ thị", "Kết luận", "Kế hoạch", "Chương trình", "Quy định", "Thông báo"),
            (_BTV, ("T/M", "Ban Thường vụ", "Bí thư")), _PROVINCE_RECIPIENTS, 6),
        Org("Ban Tuyên giáo", tu, "BTGTU", "tinh", PROVINCE, "Ban Tuyên giáo Tỉnh ủy",
            ("Hướng dẫn", "Kế hoạch", "Công văn", "Thông báo", "Báo cáo"), (_HEAD, _DEPUTY), _PROVINCE_RECIPIENTS, 9),
        Org("Ban Tổ chức", tu, "BTCTU", "tinh", PROVINCE, "Ban Tổ chức Tỉnh ủy",
            ("Hướng dẫn", "Công văn", "Kế hoạch"), (_HEAD, _DEPUTY), _PROVINCE_RECIPIENTS, 3),
        Org("Ban Dân vận", tu, "BDVTU", "tinh", PROVINCE, "Ban Dân vận Tỉnh ủy",
            ("Hướng dẫn", "Kế hoạch", "Công văn"), (_HEAD, _DEPUTY), _PROVINCE_RECIPIENTS, 2),
        Org("Ủy ban Kiểm tra", tu, "UBKTTU", "tinh", PROVINCE, "Ủy ban Kiểm tra Tỉnh ủy",
            ("Hướng dẫn", "Kế hoạch", "Thông báo", "Quyết định"),
            ((None, None, "Chủ nhiệm"), ("K/T", "Chủ nhiệm", "Phó Chủ nhiệm")), _PROVINCE_RECIPIENTS, 2),
        Org("Văn phòng", tu, "VPTU", "tinh", PROVINCE, "Văn phòng Tỉnh ủy",
            ("Công văn", "Thông báo"), ((None, None, "Chánh Văn phòng"), ("K/T", "Chánh Văn phòng", "Phó Chánh Văn phòng")),
            _PROVINCE_RECIPIENTS, 2),
        Org(f"Đảng ủy Khối Các cơ quan và Doanh nghiệp tỉnh {PROVINCE}", None, "ĐUK", "tinh", PROVINCE,
            "Ban Thường vụ Đảng ủy Khối", ("Nghị quyết", "Chỉ thị", "Kế hoạch", "Chương trình"),
            (_BTV, ("T/M", "Ban Thường vụ", "Bí thư")), _BLOCK_RECIPIENTS, 3),
        Org("Ban Tuyên giáo", f"Đảng ủy Khối Các cơ quan và Doanh nghiệp tỉnh {PROVINCE}", "BTGĐUK", "tinh", PROVINCE,
            "Ban Tuyên giáo Đảng ủy Khối", ("Kế hoạch", "Hướng dẫn", "Công văn"), (_HEAD, _DEPUTY), _BLOCK_RECIPIENTS, 4),
    ]
    # Every district committee numbers "…/HU": in one archive they share the
    # serials, because bantin takes a number and a year to name one document.
    for district in ("Vũ Thư", "Kiến Xương", "Hưng Hà"):
        hu = f"Huyện ủy {district}"
        orgs.append(Org(hu, None, "HU", "huyen", district, f"Ban Thường vụ Huyện ủy {district}",
                        ("Nghị quyết", "Kế hoạch", "Chương trình", "Thông báo"),
                        (_BTV, ("T/M", "Ban Thường vụ", "Bí thư")), _DISTRICT_RECIPIENTS, 2))
        orgs.append(Org("Ban Tuyên giáo", hu, "BTGHU", "huyen", district, f"Ban Tuyên giáo Huyện ủy {district}",
                        ("Hướng dẫn", "Kế hoạch", "Công văn"), (_HEAD, _DEPUTY), _DISTRICT_RECIPIENTS, 2))
    orgs.append(Org("Đảng ủy xã Vũ Hội", "Huyện ủy Vũ Thư", "ĐU", "co-so", "Vũ Hội", "Đảng ủy xã Vũ Hội",
                    ("Nghị quyết", "Kế hoạch", "Thông báo"), (("T/M", "Đảng ủy", "Bí thư"),), _COMMUNE_RECIPIENTS, 1))
    return tuple(orgs)


ORGS = _orgs()

# Outside documents: (symbol, how texts name the issuer, kinds it issues).
OUTSIDE_ISSUERS = (
    ("TW", "Ban Chấp hành Trung ương Đảng", ("Nghị quyết",)),
    ("TW", "Bộ Chính trị", ("Nghị quyết", "Kết luận", "Chỉ thị", "Quy định", "Quyết định")),
    ("TW", "Ban Bí thư", ("Chỉ thị", "Kết luận", "Quy định", "Thông báo")),
    ("BTGTW", "Ban Tuyên giáo Trung ương", ("Hướng dẫn", "Kế hoạch", "Công văn")),
    ("BTCTW", "Ban Tổ chức Trung ương", ("Hướng dẫn", "Công văn")),
    ("BDVTW", "Ban Dân vận Trung ương", ("Hướng dẫn", "Kế hoạch")),
    ("UBKTTW", "Ủy ban Kiểm tra Trung ương", ("Hướng dẫn", "Quyết định")),
    ("VPTW", "Văn phòng Trung ương Đảng", ("Hướng dẫn", "Công văn")),
    ("BCĐ", "Ban Chỉ đạo tỉnh", ("Kết luận", "Công văn")),
)
# Documents the seeds cite, with their real dates: the hubs of any archive.
WELL_KNOWN = (
    ("18-NQ/TW", "2017-10-25", "Ban Chấp hành Trung ương Đảng khóa XII",
     "một số vấn đề về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả"),
    ("19-NQ/TW", "2017-10-25", "Ban Chấp hành Trung ương Đảng khóa XII",
     "tiếp tục đổi mới hệ thống tổ chức và quản lý, nâng cao chất lượng và hiệu quả hoạt động của các đơn vị sự nghiệp công lập"),
    ("35-NQ/TW", "2018-10-22", "Bộ Chính trị", "tăng cường bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch trong tình hình mới"),
    ("05-CT/TW", "2016-05-15", "Bộ Chính trị", "đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"),
    ("04-NQ/TW", "2016-10-30", "Ban Chấp hành Trung ương Đảng khóa XII", "tăng cường xây dựng, chỉnh đốn Đảng"),
    ("12-NQ/TW", "2012-01-16", "Ban Chấp hành Trung ương Đảng khóa XI", "một số vấn đề cấp bách về xây dựng Đảng hiện nay"),
    ("01-KL/TW", "2021-05-18", "Bộ Chính trị",
     "tiếp tục thực hiện Chỉ thị của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"),
    ("21-KL/TW", "2021-10-25", "Ban Chấp hành Trung ương Đảng khóa XIII", "đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị"),
    ("09-KL/TW", "2024-11-24", "Ban Chỉ đạo Trung ương", "tổng kết việc thực hiện Nghị quyết Trung ương 6 khóa XII"),
    ("173-HD/BTGTW", "2024-11-28", "Ban Tuyên giáo Trung ương",
     "tuyên truyền một số nội dung trọng tâm của Hội nghị Ban Chấp hành Trung ương Đảng khóa XIII ngày 25/11/2024"),
    ("127-KL/TW", "2025-02-28", "Bộ Chính trị, Ban Bí thư",
     "triển khai nghiên cứu, đề xuất tiếp tục sắp xếp tổ chức bộ máy của hệ thống chính trị"),
)

TOPICS = (
    "sắp xếp, tinh gọn tổ chức bộ máy của hệ thống chính trị",
    "tổng kết Nghị quyết Trung ương 6 khóa XII",
    "bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch",
    "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "kỷ niệm Ngày thành lập Đảng Cộng sản Việt Nam",
    "kỷ niệm Ngày sinh Chủ tịch Hồ Chí Minh",
    "kỷ niệm Ngày Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam",
    "đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc của Đảng",
    "bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân các cấp",
    "xây dựng, chỉnh đốn Đảng và hệ thống chính trị",
    "phòng, chống tham nhũng, lãng phí, tiêu cực",
    "chuyển đổi số trong các cơ quan đảng",
    "xây dựng nông thôn mới và đô thị văn minh",
    "phát triển kinh tế - xã hội của tỉnh",
    "công tác dân vận của hệ thống chính trị",
    "quy chế dân chủ ở cơ sở",
    "công tác kiểm tra, giám sát và thi hành kỷ luật đảng",
    "phát triển đảng viên trong doanh nghiệp ngoài khu vực nhà nước",
    "nâng cao chất lượng sinh hoạt chi bộ",
    "công tác thông tin đối ngoại",
    "phòng, chống dịch bệnh và bảo vệ sức khỏe Nhân dân",
    "bảo vệ chủ quyền biển, đảo của Tổ quốc",
    "phát triển hạ tầng năng lượng quốc gia",
    "công tác báo cáo viên, tuyên truyền viên cơ sở",
    "nắm bắt tình hình tư tưởng của cán bộ, đảng viên và Nhân dân",
    "các phong trào thi đua yêu nước",
    "sinh hoạt chính trị, tư tưởng trong cán bộ, đảng viên",
    "cải cách hành chính và nâng cao chỉ số năng lực cạnh tranh cấp tỉnh",
    "bảo vệ môi trường và ứng phó với biến đổi khí hậu",
    "phát triển văn hóa, con người Việt Nam",
)
TITLE_PREFIXES = {
    "Kế hoạch": ("tuyên truyền", "tổ chức các hoạt động về", "triển khai thực hiện công tác"),
    "Hướng dẫn": ("tuyên truyền", "tổ chức sinh hoạt chính trị về", "thực hiện công tác"),
    "Công văn": ("đẩy mạnh tuyên truyền", "tăng cường công tác tuyên truyền về", "triển khai công tác"),
    "Nghị quyết": ("về", "về tăng cường sự lãnh đạo của Đảng đối với"),
    "Chỉ thị": ("về tăng cường sự lãnh đạo của các cấp ủy đảng đối với", "về đẩy mạnh"),
    "Kết luận": ("của Ban Thường vụ về", "về tiếp tục thực hiện"),
    "Chương trình": ("thực hiện", "công tác năm về"),
    "Quy định": ("về", "về trách nhiệm của người đứng đầu trong"),
    "Quyết định": ("ban hành quy chế", "thành lập Tổ công tác về"),
    "Thông báo": ("kết luận của Thường trực về", "ý kiến chỉ đạo về"),
    "Báo cáo": ("kết quả", "sơ kết công tác"),
}
SECTION_FIRST = "MỤC ĐÍCH, YÊU CẦU"
SECTION_LAST = "TỔ CHỨC THỰC HIỆN"
EXTRA_SLOGANS = (
    "Toàn Đảng, toàn dân, toàn quân ra sức thi đua lập thành tích chào mừng đại hội đảng bộ các cấp!",
    "Phát huy sức mạnh khối đại đoàn kết toàn dân tộc, xây dựng quê hương ngày càng giàu đẹp, văn minh!",
    "Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh!",
    "Kiên quyết, kiên trì đấu tranh phòng, chống tham nhũng, lãng phí, tiêu cực!",
    "Xây dựng Đảng và hệ thống chính trị trong sạch, vững mạnh toàn diện!",
    "Nhiệt liệt chào mừng kỷ niệm Ngày thành lập Đảng Cộng sản Việt Nam!",
    "Tất cả vì mục tiêu dân giàu, nước mạnh, dân chủ, công bằng, văn minh!",
    "Bảo vệ vững chắc nền tảng tư tưởng của Đảng!",
)
FAMILY_NAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Lý")
MIDDLE_NAMES = ("Văn", "Thị", "Đức", "Minh", "Quang", "Thanh", "Hữu", "Ngọc", "Xuân")
GIVEN_NAMES = ("An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hùng", "Lan", "Long", "Mai", "Nam", "Phong",
               "Sơn", "Thảo", "Trung", "Tuấn", "Yến", "Hương", "Thắng", "Khánh")


# -- documents and their numbers ---------------------------------------------


@dataclass(eq=False)
class Doc:
    """A document of the archive's world: a generated directive or an outside one."""

    kind: str
    number: str | None  # canonical: "05-KH/BTGĐUK"
    date: dt.date | None
    named: str  # how a citing text names the issuer: "Ban Tuyên giáo Tỉnh ủy"
    about: str  # subject, for "về …" after a citation
    path: str | None = None  # content path of a generated directive
    org: Org | None = None
    title: str = ""
    weight: float = 1.0  # how often outside documents are cited

    @functools.cached_property
    def key(self) -> tuple:
        return refs.parse_number(self.number).key

    @property
    def family(self) -> tuple:
        return refs.parse_number(self.number).family


class Registry:
    """Numbered documents by family (serial, kind code), to keep citations unambiguous."""

    def __init__(self) -> None:
        self.by_family: dict[tuple[int, str], list[Doc]] = {}
        self.dated: set[int] = set()  # ids of outside documents some text has cited with their date

    def _close(self, doc: Doc) -> list[Doc]:
        return [o for o in self.by_family.get(doc.family, ()) if issuer_close(o.key[4], doc.key[4])]

    def clashes(self, doc: Doc) -> bool:
        """Same number (up to a letter) and same date: bantin would merge the two."""
        return any(o.date == doc.date for o in self._close(doc))

    def add(self, doc: Doc) -> None:
        self.by_family.setdefault(doc.family, []).append(doc)

    def unique(self, doc: Doc) -> bool:
        """Whether the number alone, without a date, can only mean ``doc``.

        bantin knows an outside document only from dated mentions, so one
        that no text has dated yet cannot be cited without its date.
        """
        known = doc.path is not None or id(doc) in self.dated
        return known and self._close(doc) == [doc]


def _kind_of(number: str) -> str:
    code = refs.parse_number(number).code
    return next(k.name for k in KIND_BY_NAME.values() if k.code == code)


def _random_date(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randint(0, (last - first).days))


def _term(year: int) -> int:
    # Serials restart each term; terms are taken to start in January 2016 and
    # 2021 so one year never holds two terms (bantin: number + year is unique).
    return (year - 2011) // 5


def _title(rng: random.Random, kind: str) -> str:
    prefix = rng.choice(TITLE_PREFIXES.get(kind, ("về",)))
    return f"{prefix} {rng.choice(TOPICS)}"


def outside_documents(rng: random.Random, count: int, registry: Registry) -> list[Doc]:
    """The well-known documents and a pool of other outside numbers."""
    docs = []
    for rank, (number, date, named, about) in enumerate(WELL_KNOWN):
        doc = Doc(_kind_of(number), number, dt.date.fromisoformat(date), named, about, weight=30 / (rank + 1))
        registry.add(doc)
        docs.append(doc)
    taken = {(d.key, d.date.year) for d in docs}
    while len(docs) < count:
        symbol, named, kinds = rng.choice(OUTSIDE_ISSUERS)
        kind = rng.choice(kinds)
        date = _random_date(rng, dt.date(2010, 1, 1), LAST_DATE)
        serial = rng.randint(1, 60 if symbol == "TW" else 400)
        number = f"{serial:02d}-{KIND_BY_NAME[kind].code}/{symbol}"
        doc = Doc(kind, number, date, named, _title(rng, kind).removeprefix("về "), weight=1.0)
        if (doc.key, date.year) in taken or registry.clashes(doc):
            continue
        taken.add((doc.key, date.year))
        registry.add(doc)
        docs.append(doc)
    return docs


def directives(rng: random.Random, n: int, registry: Registry) -> list[Doc]:
    """N directives: numbered in date order per issuer, kind and term; one in ten undated."""
    weights = [o.weight for o in ORGS]
    drafts = []
    for _ in range(n):
        org = rng.choices(ORGS, weights)[0]
        kind = rng.choice(org.kinds)
        drafts.append((_random_date(rng, FIRST_DATE, LAST_DATE), org, kind))
    undated = set(rng.sample(range(n), n // UNDATED_SHARE))
    serials: dict[tuple[str, str, int], int] = {}
    docs: list[Doc] = []
    dated = sorted((d for i, d in enumerate(drafts) if i not in undated), key=lambda d: (d[0], d[1].symbol, d[2]))
    for date, org, kind in dated:
        counter = (fold(org.symbol), kind, _term(date.year))
        while True:
            serials[counter] = serials.get(counter, 0) + 1
            number = f"{serials[counter]:02d}-{KIND_BY_NAME[kind].code}/{org.symbol}"
            doc = Doc(kind, number, date, org.short, "", org=org, title=_title(rng, kind))
            if not registry.clashes(doc):  # else skip the serial: it went to a document not in the archive
                break
        doc.about = doc.title.removeprefix("về ")
        doc.path = f"directives/{date.year}/{slugify(number)}.md"
        registry.add(doc)
        docs.append(doc)
    slugs: set[str] = set()
    for i in sorted(undated):
        _, org, kind = drafts[i]
        title = _title(rng, kind)
        base = slugify(f"{kind} {title}", max_length=60)
        slug, k = base, 1
        while slug in slugs:
            k += 1
            slug = f"{base}-{k}"
        slugs.add(slug)
        docs.append(Doc(kind, None, None, org.short, title, path=f"directives/chua-ro-ngay/{slug}.md",
                        org=org, title=title))
    return docs


# -- writing a directive -----------------------------------------------------


@dataclass
class Writer:
    """Writes one directive body, recording which document each citation means."""

    rng: random.Random
    material: Material
    registry: Registry
    # The one date the seed sentences' own dates ("hoàn thành trước ngày 31/12/2024")
    # become: weeks after the directive, as a deadline in it would be.
    deadline: dt.date
    cited: list[Doc] = field(default_factory=list)  # in order of first mention
    dated_here: set[int] = field(default_factory=set)  # ids of docs this text has dated

    def mention(self, doc: Doc, *, full: bool = False) -> str:
        """The document as a citing text writes it, in one of the seeds' shapes."""
        rng = self.rng
        number = doc.number
        serial, rest = number.split("-", 1)
        code, symbol = rest.split("/", 1)
        if rng.random() < 0.15 and ("Đ" in symbol or "D" in symbol):
            # Spelled with Đ or D the other way: the same number to bantin.
            symbol = symbol.replace("Đ", "D") if "Đ" in symbol else symbol.replace("D", "Đ", 1)
        spaced = rng.random() < 0.08  # "127 -KL/TW", as PDF extraction leaves it
        written = f"{serial}{' ' if spaced else ''}-{code}/{symbol}"
        so = "số " if rng.random() < 0.85 else ""
        text = f"{doc.kind} {so}{written}"
        first_here = doc not in self.cited
        # Undated is safe once this text has dated the number, or when the
        # number alone names one document of the whole archive.
        undated_ok = id(doc) in self.dated_here or self.registry.unique(doc)
        if not undated_ok or rng.random() < (0.85 if first_here else 0.3):
            text += self._date(doc.date)
            self.dated_here.add(id(doc))
            self.registry.dated.add(id(doc))
        if first_here:
            self.cited.append(doc)
        if full:
            text += f" của {doc.named} về {doc.about}"
        return text

    def _date(self, date: dt.date) -> str:
        shape = self.rng.random()
        if shape < 0.5:
            return f" ngày {date:%d/%m/%Y}"
        if shape < 0.75:
            return f", ngày {date:%d/%m/%Y}"
        if shape < 0.9:
            return f" ngày {date.day}/{date.month}/{date.year}"
        return f" ngày {date.day:02d} tháng {date.month:02d} năm {date.year}"

    def sentence(self) -> str:
        return self._redate(self.rng.choice(self.material.sentences))

    def _redate(self, text: str) -> str:
        return _DAY.sub(f"{self.deadline:%d/%m/%Y}", text)

    def cite_sentence(self, docs: list[Doc]) -> str:
        """A seed sentence that cited documents, citing these instead."""
        fitting = [s for s in self.material.slotted if len(s) - 1 == len(docs)]
        if not fitting:
            return " ".join(self.cite_sentence([doc]) for doc in docs)
        pieces = [self._redate(piece) for piece in self.rng.choice(fitting)]
        out = [pieces[0]]
        for doc, piece in zip(docs, pieces[1:]):
            out += [self.mention(doc), piece]
        return "".join(out)

    def item_text(self, low: int = 1, high: int = 3) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(low, high)))


def _roman(n: int) -> str:
    return ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")[n - 1]


def write_body(w: Writer, d: Doc, targets: list[Doc], length: int) -> str:
    """Opening, numbered sections of lists and points, closing: the seeds' shape."""
    rng = w.rng
    opening_count = 1 if len(targets) <= 2 else rng.choice((1, 2))
    opening, rest = targets[:opening_count], targets[opening_count:]
    own = f"{d.kind.lower()} {d.title}"
    lead = rng.choice(("Thực hiện", "Thực hiện", "Căn cứ"))
    cited = "; ".join(w.mention(t, full=True) for t in opening)
    blocks: list[str] = []
    letter = d.kind in ("Công văn", "Thông báo", "Báo cáo")
    if letter:
        blocks.append(f"{lead} {cited};")
        blocks.append(f"{d.named} đề nghị các cấp ủy, tổ chức đảng, cơ quan, đơn vị quan tâm thực hiện tốt "
                      "một số nội dung sau:")
    else:
        blocks.append(f"{lead} {cited}, {d.named} ban hành {own}, cụ thể như sau:")

    # [marker, text] items take citations later; [line] items (headings, list intros) do not.
    items: list[list[str]] = []
    closing = 0 if letter else 1500  # about what the last section and the closing add
    written = sum(map(len, blocks))

    def filled() -> bool:
        return written + sum(len(i[-1]) + 4 for i in items) >= length - closing

    if letter:
        n = 1
        while n <= 2 or not filled():
            items.append([f"{n}\\. ", w.item_text(2, 5)])
            n += 1
    else:
        dash = rng.choice((".", "-"))
        section = 1
        while section <= 2 or (section < 6 and not filled()):
            heading = SECTION_FIRST if section == 1 else rng.choice(w.material.sections)
            items.append([f"## {_roman(section)}{dash} {heading}"])
            for sub in range(1, rng.randint(1, 3) + 1):
                if rng.random() < 0.6:
                    items.append([f"### {sub}. {rng.choice(w.material.subsections)}"])
                style = rng.choice(("dash", "dash", "point", "numbered", "plain"))
                if style in ("dash", "point") and rng.random() < 0.4:
                    items.append([rng.choice(w.material.intros)])
                for k in range(1, rng.randint(2, 5) + 1):
                    marker = {"dash": "- ", "point": f"({k}) ", "numbered": f"{k}\\. ", "plain": ""}[style]
                    items.append([marker, w.item_text()])
                    if filled():
                        break
                if filled():
                    break
            section += 1
        items.append([f"## {_roman(section)}{dash} {SECTION_LAST}"])
        for k in range(1, rng.randint(2, 3) + 1):
            items.append([f"{k}\\- ", w.item_text()])

    # Hubs are named again further down, as the seeds name 18-NQ/TW a dozen times.
    text_items = [i for i, item in enumerate(items) if len(item) == 2]
    for t in opening:
        if t.weight > 1 and rng.random() < 0.5:
            items[rng.choice(text_items)][1] += " " + w.cite_sentence([t])
    # The other citations go into the text: seed sentences that cited
    # something, or a list of documents (as in the seeds' "Tài liệu").
    if rest and not letter and rng.random() < 0.3:
        at = rng.choice(text_items) + 1
        items[at:at] = [["### Tài liệu"], *(["- ", w.mention(t, full=True) + ";"] for t in rest)]
    else:
        pending = list(rest)
        while pending:
            take = pending[: rng.randint(1, 2)]
            pending = pending[len(take) :]
            items[rng.choice(text_items)][1] += " " + w.cite_sentence(take)

    for item in items:
        blocks.append("".join(item))
    if letter:
        blocks.append("Trân trọng./.")
    else:
        blocks.append(f"Trên đây là {own}; đề nghị các cấp ủy, tổ chức đảng, cơ quan, đơn vị nghiêm túc "
                      f"triển khai thực hiện và báo cáo kết quả về {d.named}.")
    return "\n\n".join(b for b in blocks if b) + "\n"


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FAMILY_NAMES)} {rng.choice(MIDDLE_NAMES)} {rng.choice(GIVEN_NAMES)}"


def front_matter(rng: random.Random, d: Doc) -> dict:
    org = d.org
    authority, on_behalf_of, position = rng.choice(org.signers)
    count = rng.randint(3, len(org.recipients))
    recipients = [{"name": name, "note": note} if note else {"name": name} for name, note in org.recipients[:count]]
    data = {
        "number": d.number,
        "kind": d.kind,
        "title": d.title,
        "issuer": org.issuer,
        "parent": org.parent,
        "place": org.place,
        "date": d.date,
        "level": org.level,
        "signer": {"authority": authority, "on_behalf_of": on_behalf_of, "position": position, "name": _name(rng)},
    }
    if d.kind == "Công văn":
        data["addressees"] = [r["name"] for r in recipients[2:4]] or ["Các chi bộ, đảng bộ trực thuộc"]
    data["recipients"] = recipients
    data["topics"] = [rng.choice(TOPICS).split(",")[0]]
    data["draft"] = False
    return data


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # libyaml when there: 30 times faster
    def ignore_aliases(self, data: object) -> bool:  # a date used twice is written twice, as an editor would
        return True


def _yaml(data: dict) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1 << 20)


# -- the archive -------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """A document a generated directive means to cite."""

    number: str
    date: dt.date
    path: str | None  # content path when the document is a generated directive


@dataclass(frozen=True)
class Archive:
    files: dict[str, str]  # path under the project ("content/…") -> text
    citations: dict[str, tuple[Target, ...]]  # directive content path -> targets, in order of first mention


def _pick_targets(rng: random.Random, d: Doc, numbered: list[Doc], dates: list[dt.date],
                  outside: list[Doc], cum_weights: list[float]) -> list[Doc]:
    """2–8 distinct documents issued before ``d``: recent directives, and outside documents (hubs often)."""
    limit = d.date or LAST_DATE + dt.timedelta(days=1)
    earlier = bisect.bisect_left(dates, limit)  # numbered directives issued strictly before d
    chosen: list[Doc] = []
    own = [d] if d.number else []
    wanted = rng.randint(CITES_MIN, CITES_MAX)
    attempts = 0
    while len(chosen) < wanted and attempts < 200:
        attempts += 1
        if earlier and rng.random() < DIRECTIVE_TARGET_SHARE:
            back = int(rng.expovariate(1 / 60))  # mostly recent ones: what a new plan implements
            if back >= earlier:  # near the start of the archive: any earlier one, not always the first
                back = rng.randrange(earlier)
            doc = numbered[earlier - 1 - back]
        else:
            doc = rng.choices(outside, cum_weights=cum_weights)[0]
            if doc.date >= limit:
                continue
        # Two documents with one number (serials restart each term) in one text
        # would make its undated mentions ambiguous, and a text's own number is
        # never a citation: keep to one document per number.
        same = [c for c in chosen + own if c.family == doc.family and issuer_close(c.key[4], doc.key[4])]
        if not same:
            chosen.append(doc)
    return chosen


def generate(n: int, seed: int = 1) -> Archive:
    rng = random.Random(seed)
    material = harvest(seed_bodies())
    registry = Registry()
    outside = outside_documents(rng, OUTSIDE_BASE + n // OUTSIDE_PER, registry)
    docs = directives(rng, n, registry)
    numbered = [d for d in docs if d.number]
    dates = [d.date for d in numbered]
    cum_weights = list(itertools.accumulate(d.weight for d in outside))
    low, high = material.body_lengths[0], material.body_lengths[-1]

    files: dict[str, str] = {}
    citations: dict[str, tuple[Target, ...]] = {}
    for d in docs:
        targets = _pick_targets(rng, d, numbered, dates, outside, cum_weights)
        issued = d.date or _random_date(rng, FIRST_DATE, LAST_DATE)
        w = Writer(rng, material, registry, issued + dt.timedelta(days=rng.randint(30, 180)))
        length = rng.randint(low, (low + high) // 2 if d.kind == "Công văn" else high)
        body = write_body(w, d, targets, length)
        cited = _in_text_order(d, body, w.cited)
        files[f"content/{d.path}"] = f"---\n{_yaml(front_matter(rng, d))}---\n\n{body}"
        citations[d.path] = tuple(Target(t.number, t.date, t.path) for t in cited)

    files.update(_slogan_sets(rng, docs, material, 3 + n // 1000))
    files.update(_references())
    return Archive(files, citations)


def _in_text_order(d: Doc, body: str, cited: list[Doc]) -> list[Doc]:
    """The cited documents in order of first mention, after checking that every
    number in the body is one this directive meant to cite, dated rightly."""
    own = refs.parse_number(d.number) if d.number else None
    keys = {t.key: t for t in cited}
    found = refs.find_mentions(body, own)
    if {m.number.key for m in found} != set(keys):
        raise AssertionError(f"{d.path}: the body cites {[str(m.number) for m in found]}, meant {list(keys)}")
    for m in found:
        if m.date is not None and m.date != keys[m.number.key].date:
            raise AssertionError(f"{d.path}: {m.number} dated {m.date}, meant {keys[m.number.key].date}")
    return list({m.number.key: keys[m.number.key] for m in found}.values())


def _slogan_sets(rng: random.Random, docs: list[Doc], material: Material, count: int) -> dict[str, str]:
    """A few approved slogan sets, each naming the generated directive that approves it."""
    guides = [d for d in docs if d.kind in ("Hướng dẫn", "Kế hoạch")]
    files = {}
    for i, d in enumerate(rng.sample(guides, min(count, len(guides)))):
        slogans = rng.sample(material.slogans, rng.randint(6, min(12, len(material.slogans))))
        # Alternate the two ways a set names its directive: by file, or by number and date.
        by_number = i % 2 == 1 and d.number is not None
        data = {
            "directive": {"number": d.number, "date": d.date} if by_number else d.path,
            "occasion": d.title[0].upper() + d.title[1:],
            "approved": d.date,
            "valid_from": d.date,
            "valid_until": d.date + dt.timedelta(days=365) if d.date else None,
            "slogans": slogans,
        }
        files[f"content/slogans/{slugify(d.path.rsplit('/', 1)[-1].removesuffix('.md'))}.yml"] = _yaml(data)
    return files


def _references() -> dict[str, str]:
    """What an editor knows about the well-known documents (content/references)."""
    files = {}
    for number, date, named, about in WELL_KNOWN:
        data = {"number": number, "date": dt.date.fromisoformat(date), "kind": _kind_of(number), "title": about,
                "issuer": named}
        files[f"content/references/{refs.parse_number(number).slug}-{date[:4]}.yml"] = _yaml(data)
    return files


# -- projects on disk --------------------------------------------------------


def copy_parts(out: Path, parts: tuple[str, ...] = PROJECT_PARTS) -> Path:
    """A fresh ``out`` holding copies of the repository's ``parts``."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for part in parts:
        (shutil.copytree if (ROOT / part).is_dir() else shutil.copy2)(ROOT / part, out / part)
    return out


def write_project(archive: Archive, out: Path) -> Path:
    """A project that builds: the repository's site files and the generated content."""
    copy_parts(out)
    for rel, text in archive.files.items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return out


def _span(key: yaml.Node, value: yaml.Node) -> range:
    """Lines a ``key: value`` entry of mkdocs.yml takes up."""
    end = value.end_mark.line + (1 if value.end_mark.column > 0 else 0)
    return range(key.start_mark.line, end)


def plain_config(text: str) -> tuple[str, list[tuple[str | None, str]]]:
    """mkdocs.yml without bantin: no hooks, no custom_dir (its templates need
    the hooks' filters), no watch. Theme, plugins, extensions and nav stay.

    Returns the text and the nav's pages as (title or None, path).
    """
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    dropped: list[range] = []
    nav: list[tuple[str | None, str]] = []
    for key, value in root.value:
        if key.value in ("hooks", "watch"):
            dropped.append(_span(key, value))
        elif key.value == "theme" and isinstance(value, yaml.MappingNode):
            dropped += [_span(k, v) for k, v in value.value if k.value == "custom_dir"]
        elif key.value == "nav":
            _nav_pages(value, None, nav)
    lines = text.splitlines(keepends=True)
    return "".join(line for i, line in enumerate(lines) if not any(i in r for r in dropped)), nav


def _nav_pages(node: yaml.Node, title: str | None, out: list[tuple[str | None, str]]) -> None:
    if isinstance(node, yaml.ScalarNode):
        if node.value.endswith(".md"):
            out.append((title, node.value))
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _nav_pages(item, None, out)
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            _nav_pages(value, key.value, out)


def write_plain(project: Path, out: Path) -> int:
    """The baseline: every published directive of ``project`` as a plain page at
    the same URL with the same title and body. Returns the number of pages."""
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(ROOT / "docs", out / "docs")
    for page in (out / "docs").rglob("*.md"):  # pages rendered by bantin templates become plain pages
        text = page.read_text(encoding="utf-8")
        page.write_text(re.sub(r"(?m)^template:.*\n", "", text), encoding="utf-8")
    assets = THEME_DIR / "assets"
    if assets.is_dir():  # extra_css/extra_javascript live there; Material serves custom_dir files
        shutil.copytree(assets, out / "docs" / "assets", dirs_exist_ok=True)
    config, nav = plain_config((project / "mkdocs.yml").read_text(encoding="utf-8"))
    (out / "mkdocs.yml").write_text(config, encoding="utf-8")
    for title, rel in nav:  # pages bantin generates (archive, timeline …): a short plain page each
        page = out / "docs" / rel
        if not page.exists():
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(f"# {title or rel}\n\nTrang do bantin tạo ra.\n", encoding="utf-8")
    corpus = load_corpus(project)
    for d in corpus.published:
        page = out / "docs" / directive_uri(d)
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(f"---\n{_yaml({'title': directive_title(d)})}---\n\n{d.body}", encoding="utf-8")
    return len(corpus.published)


def write_material(plain: Path, out: Path) -> None:
    """The plain baseline as MkDocs sets a site up by default: with its search
    plugin (Material's). bantin replaces that search with its own, so this
    is the like-for-like cost of a searchable site without bantin."""
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(plain, out)
    config = out / "mkdocs.yml"
    text, count = re.subn(r"(?m)^plugins:.*$", "plugins:\n  - search", config.read_text(encoding="utf-8"), count=1)
    if count != 1:
        raise SystemExit(f"{config}: no plugins line to turn Material's search on")
    config.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of directives")
    parser.add_argument("out", type=Path, help="project folder to write (replaced)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--plain", type=Path, help="also write the plain MkDocs baseline here (replaced)")
    args = parser.parse_args(argv)
    archive = generate(args.n, args.seed)
    write_project(archive, args.out)
    print(f"{args.out}: {args.n} văn bản, {len(archive.files)} tệp nội dung")
    if args.plain:
        pages = write_plain(args.out, args.plain)
        print(f"{args.plain}: {pages} trang văn bản")
    return 0


if __name__ == "__main__":
    sys.exit(main())
