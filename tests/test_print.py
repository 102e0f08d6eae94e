"""Printing, checked as a reader holding the paper would: chromium prints the
built sample site to PDF, and poppler's pdftotext/pdftoppm read it back.

A directive prints on A4 in the official layout of Hướng dẫn 36-HD/VPTW
(margins 20 mm top and bottom, 30 mm left, 15 mm right; 14 pt serif body;
header block in two columns; signature right, recipients bottom left; page
numbers from page 2), with none of the site around it. The slogans page
prints as a list or, in banner mode, one slogan per A4 landscape page; the
timeline as a chronological list; a monthly bulletin as one document.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest
import yaml

from browser import requires_chromium, serve
from conftest import ROOT, copy_project, run_build
from test_site import STATE_KH

KH02 = "/van-ban/2024/02-kh-btgduk/"
CV229 = "/van-ban/2024/229-cv-btghu/"
HD_CB = "/van-ban/chua-ro-ngay/huong-dan-tuyen-truyen-mot-so-noi-dung-trong-tam-cua-hoi/"
KH_NTL = "/van-ban/chua-ro-ngay/ke-hoach-tuyen-truyen-quan-triet-thuc-hien-ket-luan-127-kl/"

MM = 72 / 25.4  # points per millimetre
A4 = (210 * MM, 297 * MM)
SLOGANS = yaml.safe_load((ROOT / "content/slogans/huong-dan-tuyen-truyen-mot-so-noi-dung-trong-tam-cua-hoi.yml")
                         .read_text(encoding="utf-8"))["slogans"]
# What the screen has around a document and paper must not.
SITE_WORDS = ("Bản tin Thông tin nội bộ", "Kho văn bản", "Dòng thời gian", "Tìm kiếm", "Văn bản liên quan",
              "Bản tin tháng", "Trở lại", "Sao chép", "In băng rôn", "Hướng dẫn biên tập")


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    words: tuple[Word, ...]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


def read_pdf(path: Path) -> list[Page]:
    """Every page: its size and its words with their boxes, in reading order."""
    xhtml = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for width, height, body in re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', xhtml, re.S):
        words = tuple(Word(unicodedata.normalize("NFC", _unescape(t)), float(a), float(b), float(c), float(d))
                      for a, b, c, d, t in re.findall(
                          r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', body))
        pages.append(Page(float(width), float(height), words))
    return pages


def _unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'").replace("&amp;", "&")


def printed_line() -> str:
    """The line at the foot of every printout, printed today."""
    return f"Bản in từ Bản tin Thông tin nội bộ ngày {dt.date.today():%d/%m/%Y}"


def without_printed_line(text: str) -> str:
    return text.replace(printed_line(), "")


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def is_a4(page: Page, landscape: bool = False) -> bool:
    want = A4[::-1] if landscape else A4
    return abs(page.width - want[0]) < 1.5 and abs(page.height - want[1]) < 1.5


def find(page: Page, phrase: str) -> list[Word]:
    """The words of ``phrase`` where it first appears on ``page``."""
    wanted = phrase.split()
    for i in range(len(page.words) - len(wanted) + 1):
        if [w.text for w in page.words[i:i + len(wanted)]] == wanted:
            return list(page.words[i:i + len(wanted)])
    raise AssertionError(f"«{phrase}» không có trên trang: {page.text[:300]}…")


@dataclass
class Printer:
    tab: object
    base: str
    out: Path

    def pdf(self, url: str, name: str) -> Path:
        self.tab.goto(self.base + url)
        self.tab.eval("document.fonts.ready.then(() => true)")
        return self.tab.pdf(self.out / f"{name}.pdf")


@pytest.fixture(scope="module")
def printer(browser, built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Printer]:
    with serve(built_site) as base:
        yield Printer(browser.tab(width=1280, height=900, mobile=False), base, tmp_path_factory.mktemp("pdf"))


@pytest.fixture(scope="module")
def kh02(printer: Printer) -> list[Page]:
    return read_pdf(printer.pdf(KH02, "kh02"))


@pytest.fixture(scope="module")
def cv229(printer: Printer) -> list[Page]:
    return read_pdf(printer.pdf(CV229, "cv229"))


# --- a directive ------------------------------------------------------------

@requires_chromium
def test_a_directive_prints_on_a4(kh02: list[Page]) -> None:
    assert len(kh02) >= 3
    assert all(is_a4(p) for p in kh02)


@requires_chromium
def test_page_one_has_the_header_block_in_two_columns(kh02: list[Page]) -> None:
    first = kh02[0]
    middle = first.width / 2
    issuer = find(first, "BAN TUYÊN GIÁO")
    number = find(first, "Số 02-KH/BTGDUK")
    party = find(first, "ĐẢNG CỘNG SẢN VIỆT NAM")
    issued = find(first, "Thái Bình, ngày 16 tháng 12 năm 2024")
    assert max(w.x1 for w in issuer + number) < middle < min(w.x0 for w in party + issued)
    # The Party name on the first line, level with the top of the issuer block.
    parent = find(first, "ĐẢNG ỦY KHỐI CÁC CƠ QUAN")
    assert abs(party[0].y0 - parent[0].y0) < 3
    assert party[0].y0 < issued[0].y0 < find(first, "KẾ HOẠCH")[0].y0


@pytest.fixture(scope="module")
def state_kh(browser, tmp_path_factory: pytest.TempPathFactory) -> list[Page]:
    """A State document (Nghị định 30/2020/NĐ-CP's form), printed."""
    project = copy_project(tmp_path_factory.mktemp("state"))
    (project / "content/directives/2025").mkdir(parents=True, exist_ok=True)
    (project / "content/directives/2025/15-kh-ubnd.md").write_text(STATE_KH, encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 0, result.output
    with serve(result.site) as base:
        printer = Printer(browser.tab(width=1280, height=900, mobile=False), base, tmp_path_factory.mktemp("pdf"))
        return read_pdf(printer.pdf("/van-ban/2025/15-kh-ubnd/", "state"))


@requires_chromium
def test_a_state_document_prints_the_national_name_on_one_line_and_two_authority_lines(state_kh: list[Page]) -> None:
    first = state_kh[0]
    nation = find(first, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    motto = find(first, "Độc lập - Tự do - Hạnh phúc")
    issuer = find(first, "ỦY BAN NHÂN DÂN") + find(first, "Số: 15/KH-UBND")
    assert len({round(w.y0) for w in nation}) == 1 and nation[-1].x1 < first.width - 15 * MM
    assert max(w.x1 for w in issuer) < min(w.x0 for w in nation + motto)
    tm, kt = find(first, "TM. ỦY BAN NHÂN DÂN"), find(first, "KT. CHỦ TỊCH")
    assert tm[0].y0 < kt[0].y0 < find(first, "PHÓ CHỦ TỊCH")[0].y0
    assert "ĐẢNG CỘNG SẢN" not in first.text and "*" not in first.text


@requires_chromium
def test_kind_and_subject_are_centred(kh02: list[Page]) -> None:
    first = kh02[0]
    left, right = 30 * MM, first.width - 15 * MM
    kind = find(first, "KẾ HOẠCH")
    assert abs((kind[0].x0 + kind[-1].x1) / 2 - (left + right) / 2) < 3


@requires_chromium
def test_the_text_keeps_the_official_margins(kh02: list[Page]) -> None:
    for page in kh02[1:-1]:  # pages of running text
        body = [w for w in page.words if 20 * MM <= w.y0]  # below the page number
        assert min(w.x0 for w in body) == pytest.approx(30 * MM, abs=1.5)
        assert max(w.x1 for w in body) == pytest.approx(page.width - 15 * MM, abs=2)
        assert min(w.y0 for w in body) >= 20 * MM - 1
        assert max(w.y1 for w in body) <= page.height - 20 * MM + 1


@requires_chromium
def test_pages_after_the_first_are_numbered_at_the_top(kh02: list[Page]) -> None:
    assert not [w for w in kh02[0].words if w.y1 < 20 * MM]
    for number, page in enumerate(kh02[1:], start=2):
        top = [w for w in page.words if w.y1 < 20 * MM]
        assert [w.text for w in top] == [str(number)]
        centre = (top[0].x0 + top[0].x1) / 2
        assert centre == pytest.approx((30 * MM + page.width - 15 * MM) / 2, abs=3)


@requires_chromium
def test_the_body_is_printed_whole(kh02: list[Page]) -> None:
    text = squash(" ".join(p.text for p in kh02))
    assert "Thực hiện Kế hoạch số 77-KH/BTGTU, ngày 10/12/2024 của Ban Tuyên giáo Tỉnh ủy" in text
    assert "I. MỤC ĐÍCH, YÊU CẦU" in text
    source = (ROOT / "content/directives/2024/02-kh-btgduk.md").read_text(encoding="utf-8")
    last_paragraph = squash(source.rstrip().split("\n\n")[-1])
    assert last_paragraph in text


@requires_chromium
def test_paper_has_none_of_the_site(kh02: list[Page], cv229: list[Page]) -> None:
    for pages in (kh02, cv229):
        text = without_printed_line(squash(" ".join(p.text for p in pages)))
        assert [w for w in SITE_WORDS if w in text] == []


@requires_chromium
def test_every_printout_ends_with_where_it_comes_from(kh02: list[Page], cv229: list[Page]) -> None:
    for pages in (kh02, cv229):
        assert squash(pages[-1].text).endswith(printed_line())
        assert squash(" ".join(p.text for p in pages)).count("Bản in từ") == 1
        line = find(pages[-1], printed_line())
        assert line[0].y0 == max(w.y0 for w in pages[-1].words)  # below all the text, in small type
        assert line[0].y1 - line[0].y0 < 12


@requires_chromium
def test_the_issuer_column_keeps_a_place_name_on_one_line(kh02: list[Page]) -> None:
    thai, binh = find(kh02[0], "THÁI BÌNH")
    assert thai.y0 == pytest.approx(binh.y0, abs=1)


@requires_chromium
def test_signature_right_and_recipients_bottom_left(cv229: list[Page]) -> None:
    last = cv229[-1]
    middle = last.width / 2
    label = find(last, "Nơi nhận:")
    authority = find(last, "K/T TRƯỞNG BAN")
    position = find(last, "PHÓ TRƯỞNG BAN")
    name = find(last, "Dương Thị Bích")
    assert label[-1].x1 < middle < min(w.x0 for w in authority + position + name)
    assert abs(label[0].y0 - authority[0].y0) < 3
    assert authority[0].y0 < position[0].y0 < name[0].y0
    assert label[0].x0 == pytest.approx(30 * MM, abs=1.5)


@requires_chromium
def test_a_directive_without_number_or_date_prints_empty_official_slots(printer: Printer) -> None:
    pages = read_pdf(printer.pdf(HD_CB, "hd-cb"))
    first = pages[0]
    number = find(first, "Số")
    assert [w.text for w in first.words if abs(w.y0 - number[0].y0) < 2 and w.x0 < first.width / 2] == ["Số"]
    find(first, "…, ngày … tháng … năm …")
    text = squash(" ".join(p.text for p in pages))
    assert "không ghi" not in text.replace("Văn bản gốc", "")  # no placeholder, on any page


@requires_chromium
def test_editors_notes_stay_off_paper(printer: Printer) -> None:
    text = squash(" ".join(p.text for p in read_pdf(printer.pdf(KH_NTL, "inferred"))))
    assert "được lấy từ nội dung" not in text
    assert "dòng 11" not in text


@requires_chromium
def test_print_sizes_and_face_follow_the_guidance(printer: Printer) -> None:
    printer.tab.goto(printer.base + CV229)
    printer.tab.call("Emulation.setEmulatedMedia", {"media": "print"})
    printer.tab.eval("document.getAnimations().forEach((a) => a.finish())")  # links fade their colour
    try:
        sizes = printer.tab.eval("""Object.fromEntries([
            ".bt-doc__body p", ".bt-doc__party-name", ".bt-doc__issuer-name", ".bt-doc__issued",
            ".bt-doc__signer", ".bt-doc__recipients li", ".bt-doc__vv"
        ].map((s) => [s, getComputedStyle(document.querySelector(s)).fontSize]))""")
        link = printer.tab.eval("""(() => { const s = getComputedStyle(document.querySelector(".bt-doc__body a"));
            return [s.color, s.textDecorationLine]; })()""")
    finally:
        printer.tab.call("Emulation.setEmulatedMedia", {"media": ""})
    pt = {k: round(float(v.removesuffix("px")) * 0.75, 1) for k, v in sizes.items()}
    assert pt == {".bt-doc__body p": 14, ".bt-doc__party-name": 15, ".bt-doc__issuer-name": 14,
                  ".bt-doc__issued": 14, ".bt-doc__signer": 14, ".bt-doc__recipients li": 12, ".bt-doc__vv": 12}
    assert link == ["rgb(0, 0, 0)", "none"]


@requires_chromium
@pytest.mark.parametrize("url", [KH02, CV229, HD_CB, KH_NTL], ids=["ke-hoach", "cong-van", "huong-dan", "inferred"])
def test_the_shipped_serif_is_the_only_face_on_paper(printer: Printer, url: str) -> None:
    path = printer.pdf(url, "fonts")
    listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    faces = sorted({line.split()[0].split("+")[-1] for line in listing.splitlines()[2:]})
    assert faces == ["BantinSerif-Bold", "BantinSerif-Italic", "BantinSerif-Regular"]


@requires_chromium
def test_links_and_everything_else_print_in_black(printer: Printer, tmp_path: Path) -> None:
    path = printer.pdf(KH02, "colour")
    subprocess.run(["pdftoppm", "-r", "40", "-f", "1", "-l", "1", str(path), str(tmp_path / "p")], check=True)
    image = next(tmp_path.glob("p*.ppm")).read_bytes()
    header = re.match(rb"P6\s+(\d+)\s+(\d+)\s+255\s", image)
    pixels = image[header.end():]
    coloured = sum(1 for i in range(0, len(pixels), 3) if max(pixels[i:i + 3]) - min(pixels[i:i + 3]) > 24)
    assert coloured == 0


# --- slogans and timeline ---------------------------------------------------

@requires_chromium
def test_the_slogans_page_prints_as_a_clean_list(printer: Printer) -> None:
    pages = read_pdf(printer.pdf("/khau-hieu/", "slogans"))
    assert all(is_a4(p) for p in pages)
    text = without_printed_line(squash(" ".join(p.text for p in pages)))
    positions = [text.index(squash(s)) for s in SLOGANS]
    assert positions == sorted(positions)
    assert [w for w in SITE_WORDS if w in text] == []


@requires_chromium
def test_banner_mode_prints_one_slogan_per_a4_landscape_page(printer: Printer) -> None:
    pages = read_pdf(printer.pdf("/khau-hieu/?in=bang-ron", "banner"))
    assert all(is_a4(p, landscape=True) for p in pages)
    assert [squash(p.text) for p in pages] == [squash(s).upper() for s in SLOGANS]
    style = printer.tab.eval("(() => { const s = getComputedStyle(document.querySelector('.bt-sl__text'));"
                             " return [s.textTransform, s.textWrapStyle || s.textWrap]; })()")
    assert style == ["uppercase", "balance"]


@requires_chromium
def test_the_slogans_print_on_one_a4_page_whatever_paper_the_printer_proposes(printer: Printer, tmp_path: Path) -> None:
    printer.tab.goto(printer.base + "/khau-hieu/")
    printer.tab.eval("document.fonts.ready.then(() => true)")
    # As chromium's print dialog does on a machine set for US Letter.
    data = printer.tab.call("Page.printToPDF", {"paperWidth": 8.5, "paperHeight": 11, "preferCSSPageSize": True})["data"]
    path = tmp_path / "letter.pdf"
    path.write_bytes(__import__("base64").b64decode(data))
    pages = read_pdf(path)
    assert [is_a4(p) for p in pages] == [True]


@requires_chromium
def test_the_timeline_prints_as_a_chronological_list(printer: Printer) -> None:
    pages = read_pdf(printer.pdf("/dong-thoi-gian/", "timeline"))
    assert all(is_a4(p) for p in pages)
    text = without_printed_line(squash(" ".join(p.text for p in pages)))
    # Each entry's date stands first on its line, at the left margin.
    dates = [dt.datetime.strptime(w.text, "%d/%m/%Y").date() for p in pages for w in p.words
             if re.fullmatch(r"\d{2}/\d{2}/\d{4}", w.text) and abs(w.x0 - 30 * MM) < 2]
    assert len(dates) >= 10
    assert dates == sorted(dates)
    assert "Loại văn bản Tất cả" not in text
    assert [w for w in SITE_WORDS if w in text.replace("Dòng thời gian", "", 1)] == []


# --- the monthly bulletin ---------------------------------------------------
# The secretary prints its print page (ban-in/); the screen page, printed,
# is its contents and summaries with a note saying where the full one is.

@pytest.fixture(scope="module")
def bulletin(printer: Printer) -> list[Page]:
    return read_pdf(printer.pdf("/ban-tin/2024-12/ban-in/", "bulletin"))


@pytest.fixture(scope="module")
def bulletin_screen(printer: Printer) -> list[Page]:
    return read_pdf(printer.pdf("/ban-tin/2024-12/", "bulletin-screen"))


@requires_chromium
def test_the_screen_bulletin_prints_as_its_contents_saying_where_the_full_one_is(bulletin_screen: list[Page]) -> None:
    text = without_printed_line(squash(" ".join(p.text for p in bulletin_screen)))
    first = squash(bulletin_screen[0].text)  # no cover page of its own: the contents start on page 1
    assert "LƯU HÀNH NỘI BỘ Đây là mục lục và tóm tắt" in first and "MỤC LỤC 16/12/2024 · Kế hoạch 02-KH/BTGDUK" in first
    assert "Đây là mục lục và tóm tắt của bản tin." in text
    assert "in từ trang «Bản in đầy đủ của bản tin»" in text
    assert text.index("02-KH/BTGDUK") < text.index("229-CV/BTGHU") < text.index("KHẨU HIỆU TUYÊN TRUYỀN ĐANG SỬ DỤNG")
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" not in text and "Trân trọng./." not in text
    assert "Bản in đầy đủ của bản tin (để in, A4)" not in text  # the button stays on screen


@requires_chromium
def test_the_bulletin_prints_as_one_a4_document_with_a_cover(bulletin: list[Page]) -> None:
    assert all(is_a4(p) for p in bulletin)
    assert squash(bulletin[0].text) == (
        "BẢN TIN THÔNG TIN NỘI BỘ Số 12 Tháng 12 năm 2024 "
        "2 văn bản ban hành trong tháng · khẩu hiệu tuyên truyền đang sử dụng "
        "Văn bản của: Ban Tuyên giáo, Đảng ủy Khối Các cơ quan và Doanh nghiệp tỉnh Thái Bình; "
        "Ban Tuyên giáo, Huyện ủy Vĩnh Bảo LƯU HÀNH NỘI BỘ")


@requires_chromium
def test_the_bulletin_contents_give_the_page_each_part_starts_on(bulletin: list[Page]) -> None:
    contents = squash(bulletin[1].text)
    said = [int(n) for n in re.findall(r"trang (\d+)", contents)]
    starts = [i + 1 for i, p in enumerate(bulletin) if "ĐẢNG CỘNG SẢN VIỆT NAM" in p.text]
    slogans = next(i + 1 for i, p in enumerate(bulletin) if "KHẨU HIỆU TUYÊN TRUYỀN ĐANG SỬ DỤNG" in p.text)
    assert said == [*starts, slogans]


@requires_chromium
def test_the_bulletin_contents_come_second(bulletin: list[Page]) -> None:
    contents = squash(bulletin[1].text)
    assert contents.startswith("2 MỤC LỤC 1. 16/12/2024 · Kế hoạch 02-KH/BTGDUK")
    assert contents.index("02-KH/BTGDUK") < contents.index("229-CV/BTGHU") < contents.index(
        "Khẩu hiệu tuyên truyền đang sử dụng")


@requires_chromium
def test_each_directive_of_the_month_starts_a_page_with_its_header(bulletin: list[Page]) -> None:
    starts = [i for i, p in enumerate(bulletin) if "ĐẢNG CỘNG SẢN VIỆT NAM" in p.text]
    assert len(starts) == 2
    assert "Số 02-KH/BTGDUK" in bulletin[starts[0]].text
    assert "Số 229-CV/BTGHU" in bulletin[starts[1]].text
    for i in starts:
        top = min(w.y0 for w in bulletin[i].words if w.y0 > 20 * MM)
        assert find(bulletin[i], "ĐẢNG CỘNG SẢN VIỆT NAM")[0].y0 == pytest.approx(top, abs=1)


@requires_chromium
def test_the_bulletin_ends_with_the_slogans_in_force(bulletin: list[Page]) -> None:
    last = without_printed_line(squash(" ".join(p.text for p in bulletin[-1:])))
    assert "KHẨU HIỆU TUYÊN TRUYỀN ĐANG SỬ DỤNG" in last
    assert [squash(s) in last for s in SLOGANS] == [True] * len(SLOGANS)
    text = without_printed_line(squash(" ".join(p.text for p in bulletin)))
    assert [w for w in SITE_WORDS if w in text] == []
