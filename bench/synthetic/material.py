"""The seeds' text taken apart: headings, sentences, list intros, sentences
cut where they cited a document, body lengths, slogans."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from bantin import refs
from bantin.corpus import split_front_matter
from bantin.importer.convert import convert
from bantin.importer.source import text_source

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
SAMPLE_DIRECTIVES = ROOT / "content" / "directives"
SAMPLE_SLOGANS = ROOT / "content" / "slogans"

_HEADING = re.compile(r"^(#{2,4})\s+(?:[IVXLC]+\s*[.\-]|\d+(?:\.\d+)*\.?)?\s*(?P<text>.*?)\s*$")
MARKER = re.compile(r"^(?:[-+•]\s+|\(\d+\)\s+|\d+(?:\.\d+)*\\?[.\-)]\s*|[a-zđ]\)\s+)")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?…])\s+")
_TRAILING_DATE = re.compile(
    r"[^\S\n]*,?[^\S\n]*(?:ngày[^\S\n]+)?(?:\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})"
)
DAY = re.compile(r"(?<![\d/])\d{1,2}/\d{1,2}/\d{4}(?![\d/])")
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


def split_sentences(text: str) -> list[str]:
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
            line = MARKER.sub("", line, count=1)
            for sentence in split_sentences(line):
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
