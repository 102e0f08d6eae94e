"""Hostile .docx files (issue 18): refused with one Vietnamese line, in bounded time and memory."""

from __future__ import annotations

import io
import zipfile

import pytest

from bantin.importer import run_import
from bantin.importer.docx import NUMBER_START_LIMIT, PART_LIMIT, DocxError, read_docx

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCUMENT = f'<w:document xmlns:w="{W_NS}"><w:body>{{}}</w:body></w:document>'
PARA = '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Mục</w:t></w:r></w:p>'


def numbering(start: str) -> str:
    return (f'<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0">'
            f'<w:start w:val="{start}"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>'
            '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')


def docx(parts: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(name, text)
    return buf.getvalue()


def refusal(data: bytes) -> str:
    with pytest.raises(DocxError) as info:
        read_docx(data, "x.docx")
    message = str(info.value)
    assert "\n" not in message
    return message


def test_a_part_that_inflates_past_the_limit_is_refused_before_it_is_read_whole():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        with z.open("word/document.xml", "w") as member:
            chunk = b" " * (1024 * 1024)
            for _ in range(PART_LIMIT // len(chunk) + 1):
                member.write(chunk)
    data = buf.getvalue()
    assert len(data) < PART_LIMIT // 100  # a small file on disk
    assert refusal(data) == ("phần word/document.xml trong tệp .docx giải nén ra quá 32 MB — "
                             "không phải văn bản thật (có thể là tệp độc hại); không nhập")


def test_a_list_numbered_from_999999999_is_refused():
    data = docx({"word/document.xml": DOCUMENT.format(PARA), "word/numbering.xml": numbering("999999999")})
    assert refusal(data) == ("danh sách đánh số tự động bắt đầu từ 999999999 — không phải văn bản thật; "
                             "hãy sửa số bắt đầu của danh sách trong Word rồi nhập lại")


def test_a_list_start_at_the_limit_is_still_read():
    data = docx({"word/document.xml": DOCUMENT.format(PARA), "word/numbering.xml": numbering(str(NUMBER_START_LIMIT))})
    assert read_docx(data, "x.docx").lines[0].endswith(") Mục")


def test_a_malformed_number_in_the_numbering_is_read_as_word_reads_it():
    data = docx({"word/document.xml": DOCUMENT.format(PARA), "word/numbering.xml": numbering("abc")})
    assert read_docx(data, "x.docx").lines[0] == "a) Mục"


def test_tables_nested_thousands_deep_are_refused():
    nested = "<w:tbl><w:tr><w:tc>" * 3000 + "<w:p/>" + "</w:tc></w:tr></w:tbl>" * 3000
    message = refusal(docx({"word/document.xml": DOCUMENT.format(nested)}))
    assert message.startswith("bảng lồng trong bảng quá nhiều tầng") or message.startswith("XML trong tệp .docx")


def test_the_editor_sees_one_line_naming_the_file_and_nothing_is_written(tmp_path):
    path = tmp_path / "bom.docx"
    path.write_bytes(docx({"word/document.xml": DOCUMENT.format(PARA), "word/numbering.xml": numbering("999999999")}))
    out, err = io.StringIO(), io.StringIO()
    assert run_import([path], tmp_path / "content", out=out, err=err) != 0
    assert err.getvalue().splitlines() == [f"{path}: danh sách đánh số tự động bắt đầu từ 999999999 — không phải văn "
                                           "bản thật; hãy sửa số bắt đầu của danh sách trong Word rồi nhập lại"]
    assert not (tmp_path / "content").exists()
