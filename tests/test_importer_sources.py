"""Every kind of file an editor receives: PDF with a text layer, scans, old Word files, old font encodings.

The PDF, .odt and .doc fixtures are made by tests/fixtures/import/make_documents.py
from text written for these tests (LibreOffice's export, as an editor's office
would print them); scans are made here by rasterising those PDFs.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest

from bantin.importer import convert, directive_file, run_import
from bantin.importer.sources.pdf import layout_to_text
from bantin.importer.sources.read import read_source

from faithful import difference
from import_expect import DECISION, PLAN, fields

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "import"
PLAN_PDF = FIXTURES / "ke-hoach-dang.pdf"
DECISION_PDF = FIXTURES / "quyet-dinh-nha-nuoc.pdf"


def needs(tool: str, package: str):
    return pytest.mark.skipif(
        shutil.which(tool) is None,
        reason=f"chưa có {tool}: chạy 'apt-get install {package}' (hoặc 'bash .ci/run', tự cài rồi chạy kiểm thử)",
    )


def pdf_words_source(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True).stdout.decode()


# ---------------------------------------------------------------------------
# PDF with a text layer (pdftotext -layout).

def test_layout_lines_become_paragraphs_by_their_shape():
    page = ("                               KẾ HOẠCH\n"
            "                        về việc tổ chức hội thi\n"
            "\n"
            "    Thực hiện chỉ đạo của cấp trên, Ban Thường vụ xây dựng kế hoạch tổ\n"
            "chức hội thi trong toàn huyện như sau:\n"
            "    1. Mục đích của hội thi là nâng cao hiểu biết của đoàn viên về lịch\n"
            "sử địa phương.\n"
            "- Bảo đảm tiết kiệm.\n")
    assert layout_to_text(page).split("\n") == [
        "                               KẾ HOẠCH", "                        về việc tổ chức hội thi", "",
        "    Thực hiện chỉ đạo của cấp trên, Ban Thường vụ xây dựng kế hoạch tổ",
        "chức hội thi trong toàn huyện như sau:", "",
        "    1. Mục đích của hội thi là nâng cao hiểu biết của đoàn viên về lịch", "sử địa phương.", "",
        "- Bảo đảm tiết kiệm.", "",
    ]


@needs("pdftotext", "poppler-utils")
def test_party_plan_pdf_header_columns_footnote_and_signature_beside_recipients():
    conv = convert(read_source(PLAN_PDF))
    assert fields(conv, PLAN) == PLAN
    assert conv.body.startswith("Thực hiện Chương trình số 06-CTr/HU[^1], ngày 10/01/2025 của Ban Thường vụ Huyện ủy")
    assert "\n\n## I. MỤC ĐÍCH, YÊU CẦU\n\n1\\. Nâng cao hiểu biết" in conv.body
    assert conv.body.endswith("xem xét, chỉ đạo.\n\n"
                              "[^1]: Chương trình giáo dục truyền thống cho thế hệ trẻ giai đoạn 2025 - 2027.\n")
    assert conv.source.origin == "pdf" and "pdftotext" in conv.source.reading[0]
    lost, added = difference(pdf_words_source(PLAN_PDF), directive_file(conv), ("ĐẢNG CỘNG SẢN VIỆT NAM", "*", "1", "2"))
    assert (lost, added) == ({}, {})


@needs("pdftotext", "poppler-utils")
def test_state_decision_pdf_with_the_state_name_wrapped_in_its_column():
    conv = convert(read_source(DECISION_PDF))
    assert fields(conv, DECISION) == DECISION
    assert conv.body.split("\n\n")[:3] == ["CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ GIANG",
                                          "Căn cứ Luật Tổ chức chính quyền địa phương;",
                                          "Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 88/TTr-SNV ngày 05 "
                                          "tháng 3 năm 2025."]
    dropped = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA", "VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "1")
    lost, added = difference(pdf_words_source(DECISION_PDF), directive_file(conv), dropped)
    assert (lost, added) == ({}, {})


def _run(paths, content, env_path=None, monkeypatch=None):
    out, err = io.StringIO(), io.StringIO()
    status = run_import([Path(p) for p in paths], content, out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def test_a_missing_pdftotext_names_the_debian_package(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    status, out, err = _run([PLAN_PDF], tmp_path / "content")
    assert status != 0
    assert (f"{PLAN_PDF}: máy này chưa có chương trình pdftotext (cần để đọc chữ trong tệp PDF) — "
            "hãy cài gói Debian “poppler-utils”: sudo apt-get install poppler-utils") in err
    assert not (tmp_path / "content").exists()


@needs("pdftotext", "poppler-utils")
def test_a_broken_pdf_is_said_in_vietnamese(tmp_path):
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.4\nnot really\n")
    status, _, err = _run([tmp_path / "x.pdf"], tmp_path / "content")
    assert status != 0 and "x.pdf: pdftotext không đọc được tệp" in err and "Traceback" not in err
