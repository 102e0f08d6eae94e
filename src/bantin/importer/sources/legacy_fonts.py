"""The Vietnamese encodings before Unicode: TCVN3 (ABC, fonts .VnTime…) and VNI (fonts VNI-Times…).

Both put Vietnamese letters on the Latin-1 code points, so a file typed in
them shows "Céng hoµ" or "Coäng hoøa" wherever the font is missing. The
tables below are written from the encodings' definitions: TCVN 5712:1993
(VN3) gives each lowercase letter with its tone one byte, and seven
capitals; VNI writes a base letter followed by a byte for its mark.
Text still holding letters no Vietnamese word has is refused, never guessed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# TCVN3: byte -> letter. Capitals with a tone do not exist in VN3: a heading font (.VnTimeH) draws these
# lowercase codes as capitals.
_TCVN3 = dict(zip(
    "¡¢£¤¥¦§¨©ª«¬­®"
    "µ¶·¸¹»¼½¾ÆÇÈÉÊËÌÎÏÐÑÒÓÔÕÖ×ØÜÝÞßáâãäåæçèéêëìíîïñòóôõö÷øùúûüýþ",
    "ĂÂÊÔƠƯĐăâêôơưđ"
    "àảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ",
))

# VNI: a base letter, then a mark. Three groups that never overlap: tones, circumflex (+tone), breve (+tone).
_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
_CIRC, _BREVE = "\u0302", "\u0306"
_VNI_TONE = {"ù": _ACUTE, "ø": _GRAVE, "û": _HOOK, "õ": _TILDE, "ï": _DOT}
_VNI_CIRC = {"â": "", "á": _ACUTE, "à": _GRAVE, "å": _HOOK, "ã": _TILDE, "ä": _DOT}
_VNI_BREVE = {"ê": "", "é": _ACUTE, "è": _GRAVE, "ú": _HOOK, "ü": _TILDE, "ë": _DOT}
_VNI_LETTERS = {"ö": "ư", "ô": "ơ", "ñ": "đ", "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ"}
_TONE_BASES = set("aeouyăâêôơư")

# Latin-1 letters and signs no Vietnamese text has; the ones it has are its vowels with a mark.
_VIETNAMESE_LATIN1 = set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
# U+FFFD is what a converter writes for bytes it could not read: text lost, never to be published.
_FOREIGN = ({chr(c) for c in range(0xA1, 0x100)} - _VIETNAMESE_LATIN1 - set("«»°±×÷§©®¹²³")) | {"\ufffd"}
# UTF-8 read as Windows-1252 ("Äáº£ng"): never fixed by guessing, always refused.
_MOJIBAKE = re.compile(r"Ã[\u0080-\u00bf]|Ä[‘’\u0090-\u0091]|á[º»].|Æ[°¡]")
_MIN_FOREIGN = 2
_FOREIGN_CHAR = re.compile("[" + re.escape("".join(sorted(_FOREIGN))) + "]")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str | None  # "TCVN3" or "VNI" when the text was converted


def tcvn3_to_unicode(text: str, capitals: bool = False) -> str:
    out = "".join(_TCVN3.get(c, c) for c in text)
    return out.upper() if capitals else out


def vni_to_unicode(text: str) -> str:
    out: list[str] = []
    for c in text:
        low = c.lower()
        prev = out[-1] if out else ""
        base = unicodedata.normalize("NFD", prev)[:1].lower() if prev else ""
        composed = unicodedata.normalize("NFC", prev).lower() if prev else ""
        mark = None
        if low in _VNI_CIRC and base in "aeo" and composed in "aeo":
            mark = _CIRC + _VNI_CIRC[low]
        elif low in _VNI_BREVE and composed == "a":
            mark = _BREVE + _VNI_BREVE[low]
        elif low in _VNI_TONE and composed in _TONE_BASES:
            mark = _VNI_TONE[low]
        if mark is not None:
            out[-1] = unicodedata.normalize("NFC", prev + mark)
        elif low in _VNI_LETTERS:
            letter = _VNI_LETTERS[low]
            out.append(letter.upper() if c != low else letter)
        else:
            out.append(c)
    return "".join(out)


def foreign(text: str) -> int:
    return sum(1 for c in text if c in _FOREIGN)


def garbled(lines: tuple[str, ...] | list[str]) -> tuple[int, str] | None:
    """(line index, a few words around it) for the first sign of mojibake; None for clean text."""
    text = "\n".join(lines)
    m = _MOJIBAKE.search(text)
    if m is None:
        if foreign(text) < max(_MIN_FOREIGN, sum(c.isalpha() for c in text) // 500):
            return None
        m = _FOREIGN_CHAR.search(text)
        if m is None:
            return None
    line = text.count("\n", 0, m.start())
    start = text.rfind(" ", text.rfind("\n", 0, m.start()) + 1, max(0, m.start() - 12)) + 1
    start = max(start, text.rfind("\n", 0, m.start()) + 1)
    end = min(x for x in (text.find(" ", m.end() + 12), text.find("\n", m.end()), len(text)) if x >= 0)
    return line, " ".join(text[start:end].split())


def decode_legacy(text: str) -> Decoded:
    """The text in Unicode: converted from TCVN3 or VNI when it reads far better so, else as it is."""
    before = foreign(text)
    if before < 3 or _MOJIBAKE.search(text):
        return Decoded(text, None)
    candidates = [(foreign(t), name, t) for name, t in (("TCVN3", tcvn3_to_unicode(text)), ("VNI", vni_to_unicode(text)))]
    left, name, converted = min(candidates)
    if left * 10 <= before:
        return Decoded(unicodedata.normalize("NFC", converted), name)
    return Decoded(text, None)


FONT_ENCODINGS = (("vni", "VNI"), (".vn", "TCVN3"))
LEGACY_NAMES = {"TCVN3": "TCVN3 (ABC, .VnTime)", "VNI": "VNI (VNI-Times)", "Windows-1258": "Windows-1258"}


def font_encoding(font: str | None) -> str | None:
    """"TCVN3" for .VnTime, .VnArial…; "VNI" for VNI-Times…; None for a Unicode font."""
    name = (font or "").strip().lower()
    return next((enc for prefix, enc in FONT_ENCODINGS if name.startswith(prefix)), None)


def convert_run(text: str, font: str | None) -> str:
    encoding = font_encoding(font)
    if encoding == "TCVN3":
        return tcvn3_to_unicode(text, capitals=(font or "").rstrip().endswith("H"))
    if encoding == "VNI":
        return vni_to_unicode(text)
    return text
