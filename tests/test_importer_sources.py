"""Every kind of file an editor receives: PDF with a text layer, scans, old Word files, old font encodings.

The PDF, .odt and .doc fixtures are made by tests/fixtures/import/make_documents.py
from text written for these tests (LibreOffice's export, as an editor's office
would print them); scans are made here by rasterising those PDFs.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from bantin.importer import convert, directive_file, run_import
from bantin.importer.sources.pdf import layout_to_text
from bantin.importer.sources.read import read_source
from bantin.records import Recipient, Signer

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
    assert (f"{PLAN_PDF}: thiếu chương trình pdftotext (cần để đọc chữ trong tệp PDF) — "
            "hãy cài gói Debian “poppler-utils”: sudo apt-get install poppler-utils") in err
    assert not (tmp_path / "content").exists()


@needs("pdftotext", "poppler-utils")
def test_a_broken_pdf_is_said_in_vietnamese(tmp_path):
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.4\nnot really\n")
    status, _, err = _run([tmp_path / "x.pdf"], tmp_path / "content")
    assert status != 0 and "x.pdf: pdftotext không đọc được tệp" in err and "Traceback" not in err


# ---------------------------------------------------------------------------
# Scans: the plan's PDF rasterised (as a scanner would give it), then read by OCR.

def _jpeg_frame(data: bytes) -> tuple[int, int, int]:
    """(width, height, components) from the JPEG's start-of-frame segment."""
    i = 2
    while i < len(data):
        length = int.from_bytes(data[i + 2 : i + 4], "big")
        if data[i + 1] in (0xC0, 0xC1, 0xC2):
            return (int.from_bytes(data[i + 7 : i + 9], "big"), int.from_bytes(data[i + 5 : i + 7], "big"),
                    data[i + 9])
        i += 2 + length
    raise ValueError("no JPEG frame")


def image_pdf(jpegs: list[bytes]) -> bytes:
    """A PDF of page images and nothing else: no text layer, as a scanner makes it."""
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    kids = []
    for data in jpegs:
        w, h, components = _jpeg_frame(data)
        space = b"/DeviceGray" if components == 1 else b"/DeviceRGB"
        n = len(objects) + 1
        objects.append(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s "
                       b"/BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n" % (w, h, space, len(data))
                       + data + b"\nendstream")
        draw = b"q 595 0 0 842 0 0 cm /Im Do Q"
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(draw), draw))
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im %d 0 R >> >> "
                       b"/Contents %d 0 R >>" % (n, n + 1))
        kids.append(n + 2)
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for k, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % k + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


@pytest.fixture(scope="module")
def scanned_plan(tmp_path_factory) -> Path:
    if shutil.which("pdftoppm") is None or shutil.which("tesseract") is None:
        pytest.skip("chưa có pdftoppm/tesseract: chạy 'apt-get install poppler-utils tesseract-ocr tesseract-ocr-vie' "
                    "(hoặc 'bash .ci/run', tự cài rồi chạy kiểm thử)")
    tmp = tmp_path_factory.mktemp("scan")
    subprocess.run(["pdftoppm", "-r", "300", "-gray", "-jpeg", str(PLAN_PDF), str(tmp / "p")], check=True)
    pages = sorted(tmp.glob("p-*.jpg"))
    (tmp / "ke-hoach-scan.pdf").write_bytes(image_pdf([p.read_bytes() for p in pages]))
    return tmp / "ke-hoach-scan.pdf"


@pytest.fixture(scope="module")
def scanned_conv(scanned_plan):
    return convert(read_source(scanned_plan))


def test_a_scanned_pdf_has_no_text_layer(scanned_plan):
    assert pdf_words_source(scanned_plan).strip() == ""


def test_a_scanned_pdf_is_read_by_ocr_into_every_field(scanned_conv):
    conv = scanned_conv
    assert conv.source.origin == "ocr"
    got = fields(conv, PLAN)
    # OCR may misread a letter in a long list item; every field the header and signature hold must be exact.
    assert {k: v for k, v in got.items() if k != "recipients"} == {k: v for k, v in PLAN.items() if k != "recipients"}
    assert [r.note for r in conv.recipients] == [r.note for r in PLAN["recipients"]]


def test_a_scan_is_always_a_draft_and_the_report_names_the_unsure_lines(scanned_conv, tmp_path):
    assert scanned_conv.draft is True
    reading = scanned_conv.source.reading
    assert reading[0].startswith("nhận dạng chữ (OCR) bằng tesseract, tiếng Việt — bản nháp")
    if len(reading) > 1:  # which lines tesseract doubts depends on its version; the form of the report does not
        assert reading[1].startswith("OCR không chắc ") and "độ tin cậy dưới 70%" in reading[1]
        assert all(re.match(r"^  dòng \d+: “.+” \(\d+%\)$", r) for r in reading[2:])
    assert "draft: true" in directive_file(scanned_conv)


def test_unsure_lines_are_those_with_a_word_below_the_threshold():
    from bantin.importer.sources.ocr import Row, source_of_pages

    src = source_of_pages("x.png", [[Row("    KẾ HOẠCH", 96.0), Row("", 100.0), Row("Nội dung rõ ràng.", 91.0),
                                     Row("Chữ mờ khó đọc.", 42.4)]])
    assert src.reading[1:] == ("OCR không chắc 1 dòng (chữ có độ tin cậy dưới 70%), cần soát kỹ:",
                               "  dòng 4: “Chữ mờ khó đọc.” (42%)")


def test_a_missing_tesseract_or_its_vietnamese_data_names_the_debian_package(tmp_path, monkeypatch):
    image = tmp_path / "trang.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n")
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    status, _, err = _run([image], tmp_path / "content")
    assert status != 0 and "hãy cài gói Debian “tesseract-ocr”: sudo apt-get install tesseract-ocr" in err
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "tesseract").write_text("#!/bin/sh\necho 'List of available languages (1):'\necho eng\n")
    (fake / "tesseract").chmod(0o755)
    monkeypatch.setenv("PATH", str(fake))
    status, _, err = _run([image], tmp_path / "content")
    assert status != 0 and "tesseract chưa có dữ liệu tiếng Việt — hãy cài gói Debian “tesseract-ocr-vie”" in err


# ---------------------------------------------------------------------------
# Old Word (.doc) and OpenDocument (.odt), through LibreOffice.

@needs("soffice", "libreoffice-writer-nogui")
@pytest.mark.parametrize("name", ["ke-hoach-dang.odt", "ke-hoach-dang.doc"])
def test_doc_and_odt_are_converted_by_libreoffice_and_read_like_docx(name):
    conv = convert(read_source(FIXTURES / name))
    assert fields(conv, PLAN) == PLAN
    assert conv.body.startswith("Thực hiện Chương trình số 06-CTr/HU[^1], ngày 10/01/2025")
    assert conv.body.endswith("[^1]: Chương trình giáo dục truyền thống cho thế hệ trẻ giai đoạn 2025 - 2027.\n")
    assert conv.source.reading == (f"chuyển {name[-4:]} sang .docx bằng LibreOffice (libreoffice-writer-nogui)",)


def test_a_missing_libreoffice_names_the_debian_package(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    status, _, err = _run([FIXTURES / "ke-hoach-dang.doc"], tmp_path / "content")
    assert status != 0
    assert ("thiếu chương trình soffice (cần để đọc tệp Word cũ (.doc) và .odt) — "
            "hãy cài gói Debian “libreoffice-writer-nogui”") in err


@needs("soffice", "libreoffice-writer-nogui")
def test_a_file_libreoffice_cannot_open_is_refused_in_vietnamese(tmp_path):
    (tmp_path / "hong.doc").write_bytes(b"\xd0\xcf\x11\xe0 not really a Word file")
    status, _, err = _run([tmp_path / "hong.doc"], tmp_path / "content")
    assert status != 0 and "hong.doc:" in err and "Traceback" not in err


# ---------------------------------------------------------------------------
# A folder: progress per file, then a table of what became of each.

def test_importing_a_folder_shows_progress_and_a_summary_table(tmp_path):
    folder = tmp_path / "den"
    folder.mkdir()
    for name in ("cong-van-duoi-tieu-de.txt", "quyet-dinh-ubnd-hai-cot.txt"):
        (folder / name).write_bytes((FIXTURES / name).read_bytes())
    (folder / "hong.doc").write_bytes(b"khong phai Word")
    (folder / "trong.txt").write_text("Chỉ một dòng nội dung.\n", encoding="utf-8")
    status, out, err = _run([folder], tmp_path / "content")
    assert status != 0
    lines = out.splitlines()
    assert [x for x in lines if x.startswith("[")] == [
        f"[{k}/4] {folder / n}" for k, n in
        enumerate(["cong-van-duoi-tieu-de.txt", "hong.doc", "quyet-dinh-ubnd-hai-cot.txt", "trong.txt"], 1)]
    start = lines.index(next(x for x in lines if x.startswith("Tệp ")))
    assert lines[start:] == [
        "Tệp                         | Kết quả    | Số hiệu     | Loại       | Cần làm",
        "-" * 28 + "+" + "-" * 12 + "+" + "-" * 13 + "+" + "-" * 12 + "+" + "-" * 71,
        "cong-van-duoi-tieu-de.txt   | đã nhập    | 31-CV/BDVHU | Công văn   | soát rồi đổi draft: false",
        "hong.doc                    | không nhập |             |            | tệp không phải tệp .doc thật (phần đầu tệp "
        "không đúng dạng) — hãy mở …",
        "quyet-dinh-ubnd-hai-cot.txt | đã nhập    | 547/QĐ-UBND | Quyết định | soát rồi đổi draft: false",
        "trong.txt                   | đã nhập    | —           | —          | điền loại, trích yếu, cơ quan ban hành; "
        "soát rồi đổi draft: false",
        "Đã nhập 3/4 văn bản.",
    ]
    assert f"{folder / 'hong.doc'}: tệp không phải tệp .doc thật" in err


@needs("pdftotext", "poppler-utils")
def test_cong_van_pdf_under_a_title_line_with_its_subject_and_kinh_gui():
    path = FIXTURES / "cong-van-dang.pdf"
    conv = convert(read_source(path))
    assert (conv.number, conv.kind, conv.place, conv.date) == ("31-CV/BDVHU", "Công văn", "Sông Cầu",
                                                              dt.date(2025, 5, 20))
    assert conv.title == "góp ý dự thảo quy chế dân chủ ở cơ sở"
    assert (conv.issuer, conv.parent) == ("BAN DÂN VẬN", "HUYỆN ỦY SÔNG CẦU")
    assert conv.addressees == ("Các đảng ủy xã, thị trấn", "Ủy ban Mặt trận Tổ quốc Việt Nam huyện")
    assert conv.signer == Signer(name="Trần Văn Lộc", position="PHÓ TRƯỞNG BAN", authority="K/T",
                                 on_behalf_of="TRƯỞNG BAN")
    assert conv.recipients == (Recipient("Như kính gửi"), Recipient("Lưu BDV"))
    assert conv.body == (
        "TÀI LIỆU GỬI KÈM\n\n"
        "Thực hiện Kế hoạch số 09-KH/HU[^1] của Ban Thường vụ Huyện ủy, Ban Dân vận Huyện ủy gửi kèm dự thảo quy "
        "chế và đề nghị các đơn vị nghiên cứu, góp ý bằng văn bản, gửi về Ban Dân vận Huyện ủy trước ngày 30 tháng 5 "
        "năm 2025 để tổng hợp.\n\n"
        "Trân trọng./.\n\n"
        "[^1]: Kế hoạch thực hiện quy chế dân chủ ở cơ sở năm 2025.\n"
    )
    lost, added = difference(pdf_words_source(path), directive_file(conv), ("ĐẢNG CỘNG SẢN VIỆT NAM", "*", "1"),
                             ("kind",))
    assert (lost, added) == ({}, {})


def test_ocr_reads_a_raised_note_number_as_an_apostrophe_and_the_note_still_finds_its_mark():
    from bantin.importer.sources.ocr import Row, source_of_pages

    src = source_of_pages("x.png", [[Row("KẾ HOẠCH", 95.0), Row("về việc y", 95.0), Row("", 100.0),
                                     Row("     Thực hiện Kế hoạch số 09-KH/HU' của Ban Thường vụ.", 90.0),
                                     Row("", 100.0), Row("1 Kế hoạch năm 2025.", 90.0)]])
    assert convert(src).body == "Thực hiện Kế hoạch số 09-KH/HU[^1] của Ban Thường vụ.\n\n[^1]: Kế hoạch năm 2025.\n"


def test_ocr_variants_of_v_v_still_mark_the_subject():
    from bantin.importer import text_source

    conv = convert(text_source("t.txt", "BAN TUYÊN GIÁO\n\nSố 5-CV/BTG\nV⁄% tổ chức hội nghị\n\nNội dung.\n"))
    assert (conv.title, conv.kind) == ("tổ chức hội nghị", "Công văn")


@needs("pdftotext", "poppler-utils")
def test_report_pdf_over_two_pages_a_note_on_each_page_and_a_paragraph_cut_by_the_break():
    path = FIXTURES / "bao-cao-dang.pdf"
    conv = convert(read_source(path))
    assert (conv.number, conv.kind, conv.title) == ("45-BC/ĐUK", "Báo cáo", "kết quả công tác quý I năm 2025")
    assert (conv.issuer, conv.parent) == ("ĐẢNG ỦY KHỐI CƠ QUAN VÀ DOANH NGHIỆP TỈNH", "ĐẢNG BỘ TỈNH HÀ NAM")
    assert conv.signer == Signer(name="Đinh Thị Hằng", position="BÍ THƯ", authority="T/M", on_behalf_of="BAN THƯỜNG VỤ")
    assert conv.recipients == (Recipient("Ban Thường vụ Tỉnh ủy", "để b/c"), Recipient("Lưu VP"))
    paragraphs = conv.body.split("\n\n")
    assert paragraphs[0].startswith("Thực hiện Quy chế làm việc của Đảng ủy Khối nhiệm kỳ 2025 - 2030[^1], Ban")
    seventh = next(p for p in paragraphs if p.startswith("7\\. "))
    assert seventh.endswith("văn bản của cấp trên; công tác tuyên truyền được đẩy mạnh bằng nhiều hình thức phù hợp "
                            "với từng đối tượng, từng cơ quan, đơn vị; công tác kiểm tra, giám sát được thực hiện theo "
                            "đúng chương trình đề ra, qua đó kịp thời chấn chỉnh những hạn chế, thiếu sót trong lãnh "
                            "đạo, chỉ đạo và tổ chức thực hiện nhiệm vụ chính trị của từng cơ quan, đơn vị trong Khối.")
    assert paragraphs[-2:] == ["[^1]: Quy chế ban hành kèm theo Quyết định số 02-QĐ/ĐUK.",
                               "[^2]: Theo kết quả kiểm tra của Ủy ban Kiểm tra Đảng ủy Khối.\n"]
    dropped = ("ĐẢNG CỘNG SẢN VIỆT NAM", "*", "1", "2", "(đã ký)")
    assert difference(pdf_words_source(path), directive_file(conv), dropped) == ({}, {})


def test_a_multi_page_tiff_gives_one_page_per_tiff_page():
    from bantin.importer.sources.ocr import layout_page, pages_of_words, source_of_pages

    head = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
    rows = [(1, 100, "Đoạn"), (1, 100, "một"), (2, 100, "Đoạn"), (2, 100, "hai.")]
    tsv = head + "".join(f"5\t{page}\t1\t1\t1\t{k}\t{60 * k}\t{top}\t50\t20\t91\t{word}\n"
                         for k, (page, top, word) in enumerate(rows, 1))
    pages = [layout_page(words) for words in pages_of_words(tsv)]
    src = source_of_pages("x.tif", pages)
    assert [line.strip() for line in src.lines] == ["Đoạn một", "Đoạn hai."] and src.pages == (1,)
