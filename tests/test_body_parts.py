"""The parts of a directive's body the sample content lacks: numbered lists
(one going on from 4 after a paragraph), a table (one of seven columns, one
of thirteen), a footnote, an address with no space in it, numbers of joint
issuers longer than a phone's line. Read on a 360 px phone and printed on A4
as a reader would meet them, in chromium against a real build."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest

from browser import requires_chromium, serve
from conftest import copy_project, run_build
from test_print import MM, Printer, read_pdf, squash

pytestmark = requires_chromium

URL = "/van-ban/2024/15-kh-btghu/"
COMMUNES = ["Xã Vĩnh An", "Xã Vĩnh Long", "Xã Vĩnh Tiến", "Xã Vĩnh Hòa", "Xã Vĩnh Hưng", "Xã Hiệp Hòa",
            "Xã Cao Minh", "Xã Liên Am", "Xã Tam Cường", "Xã Hòa Bình", "Xã Thanh Lương", "Tổng cộng huyện"]
DIRECTIVE = f"""---
number: 15-KH/BTGHU-BTCHU-UBKTHU-VPHU
kind: Kế hoạch
title: tuyên truyền kỷ niệm Ngày thành lập Đảng trên địa bàn huyện
issuer: Ban Tuyên giáo
parent: Huyện ủy Vĩnh Bảo
place: Vĩnh Bảo
date: 2024-12-20
level: huyen
signer:
  authority: K/T
  on_behalf_of: Trưởng ban
  position: Phó Trưởng ban
  name: Dương Thị Bích
recipients:
  - name: Lưu Ban Tuyên giáo Huyện ủy
draft: false
---

## I. NỘI DUNG

Thực hiện Hướng dẫn số 04-HD/BTCTW-BTGTW-UBKTTW-VPTW ngày 02/12/2024. Tài liệu tại https://tuyengiao.vinhbao.example.vn/tai-lieu/ky-niem-ngay-thanh-lap-dang-cong-san-viet-nam.pdf để tải về[^1].

Các việc cần làm:

1. Tổ chức hội nghị quán triệt.
2. Treo băng rôn tại trụ sở.
3. Báo cáo kết quả về Ban Tuyên giáo.

Các việc tiếp theo:

4. Tổng hợp ý kiến.

Ý kiến gửi bằng văn bản.

5. Sơ kết đợt tuyên truyền.

| STT | Nội dung tuyên truyền | Hình thức | Thời gian thực hiện | Cơ quan chủ trì | Cơ quan phối hợp | Ghi chú |
|---|---|---|---|---|---|---|
| 1 | Tuyên truyền trên hệ thống truyền thanh cơ sở | Phát thanh | Tháng 01/2025 | Trung tâm Văn hóa, Thông tin và Thể thao huyện | Ủy ban nhân dân các xã | Thường xuyên |

Số băng rôn:

| Chỉ tiêu | {" | ".join(COMMUNES)} |
|{"---|" * (len(COMMUNES) + 1)}
| Băng rôn | {" | ".join(str(100 + i) for i in range(len(COMMUNES)))} |

[^1]: Địa chỉ do Văn phòng Huyện ủy cung cấp.
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = copy_project(tmp_path_factory.mktemp("bodies"))
    (project / "content/directives/2024/15-kh-btghu.md").write_text(DIRECTIVE, encoding="utf-8")
    built = run_build(project)
    assert built.returncode == 0, built.output
    with serve(built.site) as base:
        yield base


@pytest.fixture(scope="module")
def printed(browser, site: str, tmp_path_factory: pytest.TempPathFactory):
    printer = Printer(browser.tab(width=1280, height=900, mobile=False), site, tmp_path_factory.mktemp("pdf"))
    return read_pdf(printer.pdf(URL, "bodies"))


# --- a phone ------------------------------------------------------------------

def test_tables_and_footnotes_read_at_body_size_on_a_phone(browser, site: str) -> None:
    tab = browser.tab(width=360, height=740)
    tab.goto(site + URL)
    found = tab.eval("""(() => {
      const size = (s) => [...document.querySelectorAll(s)].map((e) => getComputedStyle(e).fontSize);
      return {cells: [...new Set(size('.bt-doc__body td, .bt-doc__body th'))], notes: [...new Set(size('.footnote li p'))],
              marks: [...new Set(size('.footnote-ref'))], scroll: document.documentElement.scrollWidth};
    })()""")
    assert found == {"cells": ["16px"], "notes": ["16px"], "marks": ["12px"], "scroll": 360}


@pytest.mark.parametrize("url", [URL, "/dan-chieu/04-hd-btctw-btgtw-ubkttw-vptw-2024/"], ids=["directive", "cited"])
def test_a_number_longer_than_the_line_wraps_rather_than_push_the_page_sideways(browser, site: str, url: str) -> None:
    tab = browser.tab(width=360, height=740)
    tab.goto(site + url)
    assert tab.eval("document.body.innerText").count("04-HD/BTCTW-BTGTW-UBKTTW-VPTW") >= 1
    assert tab.eval("document.documentElement.scrollWidth") == 360


# --- A4 -------------------------------------------------------------------------

def test_a_numbered_list_keeps_its_numbers_on_paper(printed) -> None:
    text = squash(" ".join(p.text for p in printed))
    assert "1. Tổ chức hội nghị quán triệt. 2. Treo băng rôn tại trụ sở. 3. Báo cáo kết quả" in text


def test_a_list_numbered_from_4_keeps_its_numbers_on_screen_and_paper(browser, site: str, printed) -> None:
    tab = browser.tab(width=360, height=740)
    tab.goto(site + URL)
    starts = tab.eval("[...document.querySelectorAll('.bt-doc__body > ol')].map((ol) => ol.start)")
    assert starts == [1, 4, 5]
    text = squash(" ".join(p.text for p in printed))
    assert "4. Tổng hợp ý kiến. Ý kiến gửi bằng văn bản. 5. Sơ kết đợt tuyên truyền." in text


def test_a_footnote_prints_with_its_number_and_without_the_screens_return_arrow(printed) -> None:
    text = squash(" ".join(p.text for p in printed))
    assert "1. Địa chỉ do Văn phòng Huyện ủy cung cấp." in text
    assert "↩" not in text


def test_every_column_of_a_wide_table_is_on_the_paper(printed) -> None:
    words = [w for p in printed for w in p.words]
    text = " ".join(w.text for w in words)
    for commune in COMMUNES:
        assert commune.split()[-1] in text
    assert "111" in text  # the last column's figure
    right = max(w.x1 for w in words)
    assert right <= printed[0].width - 15 * MM + 1  # within the 15 mm right margin


def test_a_table_prints_at_12_pt_in_black(browser, site: str) -> None:
    tab = browser.tab(width=1280, height=900, mobile=False)
    tab.goto(site + URL)
    tab.call("Emulation.setEmulatedMedia", {"media": "print"})
    found = tab.eval("""(() => { const td = document.querySelector('.bt-doc__body table td');
        const s = getComputedStyle(td); return [s.fontSize, s.color, s.borderTopColor]; })()""")
    assert found == ["16px", "rgb(0, 0, 0)", "rgb(0, 0, 0)"]  # 16 px = 12 pt
