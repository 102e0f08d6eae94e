"""TCVN3 (ABC, .VnTime) and VNI (VNI-Times): old Vietnamese encodings, detected and converted to Unicode.

The byte strings below are written by hand from the encodings' definitions,
independently of the importer's tables; glibc's iconv (TCVN5712-1) checks the
TCVN3 lowercase table byte by byte where it is installed.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from bantin.importer import convert, run_import
from bantin.importer.sources.legacy_fonts import decode_legacy, tcvn3_to_unicode, vni_to_unicode
from bantin.importer.sources.read import ReadError, read_source
from bantin.records import Signer


def _run(paths, content):
    out, err = io.StringIO(), io.StringIO()
    status = run_import([Path(p) for p in paths], content, out=out, err=err)
    return status, out.getvalue(), err.getvalue()


# ---------------------------------------------------------------------------
# The tables.

def test_tcvn3_letters_from_the_definition():
    raw = b"C\xe9ng ho\xb5 x\xb7 h\xe9i ch\xf1 ngh\xdca Vi\xd6t Nam; \xa7\xae, \xad\xac, \xa8\xa9\xaa\xab"
    assert tcvn3_to_unicode(raw.decode("latin-1")) == "Cộng hoà xã hội chủ nghĩa Việt Nam; Đđ, ươ, ăâêô"
    assert tcvn3_to_unicode("h\xd6i ngh\xde", capitals=True) == "HỆI NGHỊ"


@pytest.mark.skipif(shutil.which("iconv") is None, reason="chưa có iconv (gói Debian libc-bin)")
def test_tcvn3_lowercase_table_agrees_with_glibc_iconv():
    codes = bytes([*range(0xA1, 0xAF), 0xB5, 0xB6, 0xB7, 0xB8, 0xB9, *range(0xBB, 0xBF), *range(0xC6, 0xCD),
                   *range(0xCE, 0xD9), *range(0xDC, 0xE0), *range(0xE1, 0xF0), *range(0xF1, 0xFF)])
    glibc = subprocess.run(["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=codes, capture_output=True,
                           check=True).stdout.decode("utf-8")
    assert tcvn3_to_unicode(codes.decode("latin-1")) == glibc


@pytest.mark.parametrize("vni, unicode", [
    ("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"),
    ("höôùng daãn, toå chöùc, tuaàn leã, naêm hoïc, TRÖÔÛNG", "hướng dẫn, tổ chức, tuần lễ, năm học, TRƯỞNG"),
    ("ít, ì, æ, ó, ò, î, Í, Æ", "ít, ì, ỉ, ĩ, ị, ỵ, Í, Ỉ"),
])
def test_vni_letters_from_the_definition(vni, unicode):
    assert vni_to_unicode(vni) == unicode


def test_unicode_text_is_never_converted():
    text = "Đảng Cộng sản Việt Nam quang vinh; hòa, khóa, thủy, ô tô, đò, ý, ú òa."
    assert decode_legacy(text).encoding is None and decode_legacy(text).text == text


# ---------------------------------------------------------------------------
# Files typed in the old encodings.

VNI_PLAN = (
    "HUYEÄN UÛY SOÂNG CAÀU\nBAN TUYEÂN GIAÙO\n*\nSoá 12-KH/BTGHU\n\nÑAÛNG COÄNG SAÛN VIEÄT NAM\n\n"
    "Soâng Caàu, ngaøy 5 thaùng 6 naêm 2025\n\nKEÁ HOAÏCH\ntuyeân truyeàn Ngaøy hoäi ñoïc saùch\n\n"
    "Ban Tuyeân giaùo Huyeän uûy höôùng daãn caùc chi boä toå chöùc tuaàn leã ñoïc saùch.\n\n"
    "TRÖÔÛNG BAN\n\nNguyeãn Vaên An\n"
)


def test_a_vni_text_file_is_converted_and_the_report_says_so(tmp_path):
    path = tmp_path / "vni.txt"
    path.write_bytes(VNI_PLAN.encode("cp1252"))
    conv = convert(read_source(path))
    assert (conv.number, conv.kind, conv.title) == ("12-KH/BTGHU", "Kế hoạch", "tuyên truyền Ngày hội đọc sách")
    assert (conv.issuer, conv.parent, conv.place) == ("BAN TUYÊN GIÁO", "HUYỆN ỦY SÔNG CẦU", "Sông Cầu")
    assert conv.signer == Signer(name="Nguyễn Văn An", position="TRƯỞNG BAN")
    assert conv.body == "Ban Tuyên giáo Huyện ủy hướng dẫn các chi bộ tổ chức tuần lễ đọc sách.\n"
    status, out, _ = _run([path], tmp_path / "content")
    assert status == 0 and "chữ gõ bằng bảng mã VNI (VNI-Times): đã chuyển sang Unicode" in out


def test_a_tcvn3_text_file_is_converted(tmp_path):
    path = tmp_path / "abc.txt"
    path.write_bytes(b"Ban Tuy\xaan gi\xb8o H\xad\xedng d\xc9n c\xb8c chi b\xe9 t\xe6 ch\xf8c h\xe9i ngh\xde.\n")
    src = read_source(path)
    assert src.lines[0] == "Ban Tuyên giáo Hướng dẫn các chi bộ tổ chức hội nghị."
    assert src.reading == ("chữ gõ bằng bảng mã TCVN3 (ABC, .VnTime): đã chuyển sang Unicode",)


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _docx(path: Path, paragraphs: list[tuple[str, str]]) -> Path:
    """A .docx of one run per paragraph, each in the given font."""
    body = "".join(
        f'<w:p><w:r><w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}"/></w:rPr>'
        f'<w:t xml:space="preserve">{text}</w:t></w:r></w:p>'
        for font, text in paragraphs
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>')
    return path


def test_a_word_file_in_vntime_and_vntimeh_fonts_is_converted_capitals_included(tmp_path):
    path = _docx(tmp_path / "abc.docx", [
        (".VnTimeH", "huy\xd6n \xf1y s\xabng c\xc7u"), (".VnTimeH", "ban tuy\xaan gi\xb8o"), (".VnTime", "*"),
        (".VnTime", "S\xe8 3-TB/BTGHU"), (".VnTime", "S\xabng C\xc7u, ng\xb5y 2 th\xb8ng 6 n\xa8m 2025"),
        (".VnTimeH", "th\xabng b\xb8o"), (".VnTime", "v\xd2 l\xdech h\xe4c t\xcbp"),
        (".VnTime", "C\xb8c chi b\xe9 h\xe4c t\xcbp v\xb5o ng\xb5y 10."),
        ("Times New Roman", "Phần này đã là Unicode."),
    ])
    conv = convert(read_source(path))
    assert (conv.issuer, conv.parent) == ("BAN TUYÊN GIÁO", "HUYỆN ỦY SÔNG CẦU")
    assert (conv.number, conv.kind, conv.title) == ("3-TB/BTGHU", "Thông báo", "về lịch học tập")
    assert conv.body == "Các chi bộ học tập vào ngày 10.\n\nPhần này đã là Unicode.\n"
    assert conv.source.reading == ("chữ gõ bằng phông TCVN3 (ABC, .VnTime): đã chuyển sang Unicode",)


# ---------------------------------------------------------------------------
# Mojibake: refused, with the line and what to do.

def test_utf8_read_as_windows_1252_is_refused_with_the_line(tmp_path):
    path = tmp_path / "hong.txt"
    path.write_text("KẾ HOẠCH\n\n" + "Cộng sản Việt Nam".encode("utf-8").decode("cp1252") + "\n", encoding="utf-8")
    with pytest.raises(ReadError) as info:
        read_source(path)
    assert str(info.value).startswith("dòng 3: chữ bị lỗi bảng mã (“Cá»™ng")
    assert "lưu lại dạng Unicode (UTF-8 hoặc .docx) rồi nhập lại" in str(info.value)
    status, _, err = _run([path], tmp_path / "content")
    assert status != 0 and "hong.txt: dòng 3: chữ bị lỗi bảng mã" in err and not (tmp_path / "content").exists()


def test_letters_no_encoding_explains_are_refused(tmp_path):
    path = tmp_path / "la.txt"
    path.write_text("Nội dung có chữ lạ ø¤ ở giữa.\n", encoding="utf-8")
    with pytest.raises(ReadError, match="dòng 1: chữ bị lỗi bảng mã"):
        read_source(path)


# ---------------------------------------------------------------------------
# What Windows saves: Notepad's "Unicode" (UTF-16 with a byte order mark), and
# "Vietnamese (Windows)", code page 1258, whose tone marks are bytes of their own.

def test_a_utf16_text_file_from_notepad_is_read(tmp_path):
    for encoding in ("utf-16-le", "utf-16-be"):
        path = tmp_path / f"{encoding}.txt"
        bom = "\ufeff".encode(encoding)
        path.write_bytes(bom + "Số 12-KH/TU\r\nBan Tuyên giáo Tỉnh ủy\r\n".encode(encoding))
        assert read_source(path).lines[:2] == ("Số 12-KH/TU", "Ban Tuyên giáo Tỉnh ủy")


def test_a_windows_1258_text_file_is_converted_and_the_report_says_so(tmp_path):
    path = tmp_path / "cp1258.txt"
    # Written from the code page: ê EA, ư FD, ơ F5, â E2, ô F4, Đ D0; acute EC, tilde DE, dot below F2, hook D2.
    path.write_bytes(b"Ban Tuy\xean gia\xeco \xd0a\xd2ng h\xfd\xf5\xecng d\xe2\xden ca\xecc chi b\xf4\xf2 "
                     b"h\xf4\xf2i nghi\xf2.\r\n")
    src = read_source(path)
    assert src.lines[0] == "Ban Tuyên giáo Đảng hướng dẫn các chi bộ hội nghị."
    assert src.reading == ("chữ gõ bằng bảng mã Windows-1258: đã chuyển sang Unicode",)


@pytest.mark.parametrize("data", [b"", b"  \r\n\r\n\t\n", b"\xef\xbb\xbf\n"])
def test_an_empty_text_file_is_refused_and_nothing_is_written(tmp_path, data):
    path = tmp_path / "trong.txt"
    path.write_bytes(data)
    status, out, err = _run([path], tmp_path / "content")
    assert status != 0 and "trong.txt: tệp trống, không có chữ nào — không nhập" in err
    assert not (tmp_path / "content").exists()


def test_a_word_file_without_text_is_refused_and_nothing_is_written(tmp_path):
    path = _docx(tmp_path / "trong.docx", [("Times New Roman", " "), ("Times New Roman", "")])
    status, out, err = _run([path], tmp_path / "content")
    assert status != 0 and "trong.docx: tệp trống, không có chữ nào — không nhập" in err
    assert not (tmp_path / "content").exists()
