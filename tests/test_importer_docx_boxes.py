"""Word text boxes: written twice in the file (mc:Choice, and mc:Fallback for
older readers), holding paragraphs of their own. Their words are read once,
as paragraphs of their own; a "DỰ THẢO" or "MẬT" mark in the header is kept,
never taken for part of the number."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest

from bantin.importer import convert, directive_file, text_source
from bantin.importer.docx import read_docx

from faithful import difference

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NAMESPACES = (f'xmlns:w="{W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
              'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
              'xmlns:v="urn:schemas-microsoft-com:vml" '
              'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
              'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"')


def para(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def boxed(anchor: str, inside: str) -> str:
    """A paragraph holding ``anchor`` and a text box holding ``inside``, as Word writes it."""
    content = f"<w:txbxContent>{para(inside)}</w:txbxContent>"
    return (f'<w:p><w:r><w:t>{anchor}</w:t></w:r><w:r><mc:AlternateContent>'
            f'<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp>'
            f'<wps:txbx>{content}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
            f'<mc:Fallback><w:pict><v:shape><v:textbox>{content}</v:textbox></v:shape></w:pict></mc:Fallback>'
            f'</mc:AlternateContent></w:r></w:p>')


def docx(path: Path, body: str) -> bytes:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", f"<w:document {NAMESPACES}><w:body>{body}</w:body></w:document>")
    return path.read_bytes()


@pytest.mark.parametrize("mark", ["DỰ THẢO", "MẬT", "HỎA TỐC"])
def test_a_mark_in_a_text_box_beside_the_number_is_read_once_and_kept(tmp_path: Path, mark: str) -> None:
    body = (para("TỈNH ỦY QUẢNG NAM") + para("BAN TUYÊN GIÁO") + para("*") + boxed("Số 05-HD/BTGTU", mark)
            + para("Tam Kỳ, ngày 15 tháng 3 năm 2024") + para("HƯỚNG DẪN") + para("về tuyên truyền")
            + para("Nội dung hướng dẫn."))
    src = read_docx(docx(tmp_path / "hd.docx", body), "hd.docx")
    conv = convert(src)
    assert (conv.number, conv.kind, conv.title, conv.place, conv.date) == (
        "05-HD/BTGTU", "Hướng dẫn", "về tuyên truyền", "Tam Kỳ", dt.date(2024, 3, 15))
    assert conv.body == f"{mark}\n\nNội dung hướng dẫn.\n"
    text = "\n".join(("TỈNH ỦY QUẢNG NAM", "BAN TUYÊN GIÁO", "*", "Số 05-HD/BTGTU", mark,
                      "Tam Kỳ, ngày 15 tháng 3 năm 2024", "HƯỚNG DẪN", "về tuyên truyền", "Nội dung hướng dẫn."))
    assert difference(text, directive_file(conv), ("*",)) == ({}, {})


def test_a_text_box_in_the_body_is_a_paragraph_of_its_own(tmp_path: Path) -> None:
    body = para("KẾ HOẠCH") + para("về y") + boxed("Đoạn có khung bên cạnh.", "Chữ trong khung.") + para("Hết.")
    conv = convert(read_docx(docx(tmp_path / "kh.docx", body), "kh.docx"))
    assert conv.body == "Đoạn có khung bên cạnh.\n\nChữ trong khung.\n\nHết.\n"


def test_a_secrecy_mark_above_the_header_of_a_text_file_is_kept() -> None:
    conv = convert(text_source("t.txt", "BAN TUYÊN GIÁO\n*\nSố 05-HD/BTGTU\nKHẨN\nTam Kỳ, ngày 15 tháng 3 năm 2024\n\n"
                                        "HƯỚNG DẪN\nvề tuyên truyền\n\nNội dung.\n"))
    assert (conv.number, conv.date, conv.title) == ("05-HD/BTGTU", dt.date(2024, 3, 15), "về tuyên truyền")
    assert conv.body == "KHẨN\n\nNội dung.\n"
    assert "dòng 4: dấu “KHẨN” trong phần đầu — không có trường nào cho dấu này, giữ ở đầu nội dung" in conv.notes


def test_tracked_changes_are_read_as_accepted(tmp_path: Path) -> None:
    body = (para("KẾ HOẠCH") + para("về y")
            + '<w:p><w:r><w:t xml:space="preserve">Tổ chức </w:t></w:r>'
              '<w:del w:id="1" w:author="A"><w:r><w:delText>ngay </w:delText></w:r></w:del>'
              '<w:ins w:id="2" w:author="A"><w:r><w:t xml:space="preserve">trong quý II </w:t></w:r></w:ins>'
              '<w:moveFrom w:id="3" w:author="A"><w:r><w:t xml:space="preserve">tại hội trường </w:t></w:r></w:moveFrom>'
              '<w:r><w:t xml:space="preserve">hội nghị </w:t></w:r>'
              '<w:moveTo w:id="4" w:author="A"><w:r><w:t>tại hội trường.</w:t></w:r></w:moveTo></w:p>')
    conv = convert(read_docx(docx(tmp_path / "kh.docx", body), "kh.docx"))
    assert conv.body == "Tổ chức trong quý II hội nghị tại hội trường.\n"
