"""Not a word lost or invented: the words of a source against the words of the file the importer wrote.

Words are compared as a multiset, lowercased. Only what the importer is meant
to change is allowed to differ: the lines it drops on purpose (the Party or
State name, "*", page numbers, running headers, "(đã ký)"), passed in by
the test (a whole line, or a longer one as a cell of a row); the labels it turns into fields ("Số", "V/v", "Kính gửi",
"Nơi nhận"); the date, written back in words; and Markdown markup.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

import yaml

_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_AUTHORITY = re.compile(r"\b(T)/?(M|L|UQ)\.?(?=\s)|\b(K)/?(T)\.?(?=\s)")
LABELS = ("Số", "V/v", "Kính gửi", "Nơi nhận")


def words(text: str) -> Counter[str]:
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"([⁰¹²³⁴⁵⁶⁷⁸⁹]+)", lambda m: " " + m[1].translate(_SUPERSCRIPTS) + " ", text)
    text = _AUTHORITY.sub(lambda m: "".join(g for g in m.groups() if g), text)
    return Counter(re.findall(r"\w+", text.lower().replace("\\", " ").replace("_", " ")))


def _split(emitted: str) -> tuple[dict, str]:
    head, body = emitted[4:].split("\n---\n", 1)
    return yaml.safe_load(head), body


def emitted_words(emitted: str, derived: tuple[str, ...] = ()) -> Counter[str]:
    """Words of the values the source gave: not the keys, not what the importer derived (level, draft)."""
    meta, body = _split(emitted)
    values: list[str] = []
    for key in ("number", "kind", "title", "issuer", "parent", "place"):
        if meta.get(key) and key not in derived:
            values.append(meta[key])
    if meta.get("date"):
        d = meta["date"]
        values.append(f"ngày {d.day} tháng {d.month} năm {d.year}")
    if meta.get("signer"):
        values += [v for k, v in meta["signer"].items() if v]
    values += meta.get("addressees", [])
    for r in meta.get("recipients", []):
        values += [r["name"], r.get("note") or ""]
    values += meta.get("recipient_notes", [])
    body = re.sub(r"\[\^(\w+)\]:?", r" \1 ", body)
    return words("\n".join([*values, body]))


def source_words(source: str, dropped: tuple[str, ...] = (), labels: tuple[str, ...] = LABELS) -> Counter[str]:
    kept = [line for line in source.replace("\f", "\n").split("\n") if line.strip() not in dropped]
    for gone in (d for d in dropped if len(d) > 5):  # a cell of a row: "ỦY BAN …   CỘNG HÒA …"
        kept = [line.replace(gone, " ") for line in kept]
    counted = words("\n".join(kept))
    for line in kept:
        # a label opens a line or a table cell: "Số: 547/QĐ-UBND", "| V/v …"
        for cell in re.split(r"\||\t| {3,}", line):
            label = next((x for x in labels if cell.strip().lower().startswith(x.lower())), None)
            if label:
                counted.subtract(words(label))
    return +counted


def difference(source: str, emitted: str, dropped: tuple[str, ...] = (), derived: tuple[str, ...] = (),
               labels: tuple[str, ...] = LABELS) -> tuple[dict[str, int], dict[str, int]]:
    """(words lost, words added); both empty when the import is faithful."""
    a = source_words(source, dropped, labels)
    b = emitted_words(emitted, derived)
    return dict(a - b), dict(b - a)
