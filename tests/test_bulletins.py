"""Monthly bulletins (Bản tin tháng): one page per month with directives,
gathering them in order of issue with a cover, contents and the slogans in
force; an index of the months that says how many directives have no date.
On screen a bulletin is its contents and each directive's summary, light on
a phone; its print page (ban-in/) holds every directive in full.
The sample content has one such month, 12/2024, with two directives; seeds
002 and 004 carry no date and belong to no month."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bantin.bulletins import monthly
from bantin.corpus import load_corpus
from conftest import ROOT, page, run_build, set_options
from htmltext import text

BULLETIN = "/ban-tin/2024-12/"
PRINT = "/ban-tin/2024-12/ban-in/"
SLOGANS = "content/slogans/huong-dan-tuyen-truyen-mot-so-noi-dung-trong-tam-cua-hoi.yml"


def test_months_are_the_months_of_issue_and_undated_directives_belong_to_none() -> None:
    bulletins, undated = monthly(load_corpus(ROOT, "content").published)
    assert [(b.slug, b.label, [d.number for d in b.directives]) for b in bulletins] == [
        ("2024-12", "Tháng 12 năm 2024", ["02-KH/BTGDUK", "229-CV/BTGHU"])]
    assert [d.slug for d in undated] == ["huong-dan-tuyen-truyen-mot-so-noi-dung-trong-tam-cua-hoi",
                                         "ke-hoach-tuyen-truyen-quan-triet-thuc-hien-ket-luan-127-kl"]


def test_only_months_with_directives_have_a_page(built_site: Path) -> None:
    assert sorted(p.name for p in (built_site / "ban-tin").iterdir() if p.is_dir()) == ["2024-12"]
    assert sorted(p.name for p in (built_site / "ban-tin/2024-12").iterdir()) == ["ban-in", "index.html"]


def test_the_index_lists_the_months_with_their_counts(built_site: Path) -> None:
    html = page(built_site, "/ban-tin/")
    assert text(html, "bt-months") == "Tháng 12 năm 2024 2 văn bản"
    assert '<a href="2024-12/">' in html


def test_the_index_says_how_many_directives_have_no_date_and_links_to_them(built_site: Path) -> None:
    html = page(built_site, "/ban-tin/")
    assert text(html, "bt-months__undated") == (
        "2 văn bản không ghi ngày ban hành nên không thuộc bản tin tháng nào.")
    assert '<a class="bt-block-link" href="../van-ban/chua-ro-ngay/">Xem các văn bản chưa rõ ngày ban hành</a>' in html


@pytest.mark.parametrize("url", [BULLETIN, PRINT], ids=["screen", "print"])
def test_the_cover_names_the_bulletin_the_month_and_whose_documents_they_are(built_site: Path, url: str) -> None:
    html = page(built_site, url)
    assert text(html, "bt-bulletin__cover") == (
        "Bản tin Thông tin nội bộ Số 12 Tháng 12 năm 2024 "
        "2 văn bản ban hành trong tháng · khẩu hiệu tuyên truyền đang sử dụng "
        "Văn bản của: Ban Tuyên giáo, Đảng ủy Khối Các cơ quan và Doanh nghiệp tỉnh Thái Bình; "
        "Ban Tuyên giáo, Huyện ủy Vĩnh Bảo Lưu hành nội bộ")


def test_a_configured_organisation_heads_the_cover(project: Path) -> None:
    set_options(project, "    organisation: Đảng bộ Khối Các cơ quan tỉnh\n")
    result = run_build(project)
    assert result.returncode == 0, result.output
    assert text(page(result.site, BULLETIN), "bt-bulletin__org") == "Đảng bộ Khối Các cơ quan tỉnh"
    assert text(page(result.site, PRINT), "bt-bulletin__org") == "Đảng bộ Khối Các cơ quan tỉnh"


# --- on screen: contents and summaries ---------------------------------------


def test_on_screen_the_contents_link_each_directive_in_order_of_issue(built_site: Path) -> None:
    html = page(built_site, BULLETIN)
    assert re.findall(r'<a class="bt-entry__link" href="([^"]+)">', html) == [
        "../../van-ban/2024/02-kh-btgduk/", "../../van-ban/2024/229-cv-btghu/"]
    assert text(html, "bt-bulletin__contents").startswith(
        "Mục lục 16/12/2024 · Kế hoạch 02-KH/BTGDUK tuyên truyền việc tổng kết Nghị quyết số 18-NQ/TW")


def test_on_screen_each_directive_has_its_summary_signer_and_what_it_implements(built_site: Path) -> None:
    summaries = [text(part, "bt-bulletin__summary")
                 for part in page(built_site, BULLETIN).split('<li class="bt-entry">')[1:]]
    assert summaries == [
        "Người ký Vũ Văn Phóng, trưởng ban Thực hiện Kế hoạch 77-KH/BTGTU",
        "Người ký Dương Thị Bích, phó trưởng ban Thực hiện Kế hoạch 187-KH/HU; Công văn 2497-CV/BTGTU"]


def test_on_screen_a_directive_s_deadlines_are_in_its_summary(project: Path) -> None:
    undated = project / "content/directives/chua-ro-ngay/huong-dan-tuyen-truyen-mot-so-noi-dung-trong-tam-cua-hoi.md"
    dated = project / "content/directives/2024" / undated.name  # a dated directive lives in its year's folder
    dated.write_text(undated.read_text(encoding="utf-8").replace("date: null", "date: 2024-12-20", 1), encoding="utf-8")
    undated.unlink()
    slogans = project / SLOGANS  # its slogans follow it
    slogans.write_text(slogans.read_text(encoding="utf-8").replace("directives/chua-ro-ngay/", "directives/2024/"),
                       encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 0, result.output
    line = page(result.site, BULLETIN).split('<li class="bt-entry">')[2]
    assert text(line, "bt-bulletin__summary") == (
        "Người ký Bế Thanh Tịnh, trưởng ban Thực hiện Hướng dẫn 173-HD/BTGTW "
        "Thời hạn 31/12/2024 (đã qua): Các cấp ủy, tổ chức đảng, các cơ quan, đơn vị từ tỉnh đến cơ sở "
        "chỉ đạo việc tổng kết hoàn thành…")


def test_on_screen_no_directive_body_is_embedded(built_site: Path) -> None:
    html = page(built_site, BULLETIN)
    assert "bt-doc__body" not in html and "bt-bulletin__doc" not in html
    assert "Trân trọng./." not in html


def test_the_screen_page_leads_to_the_full_print_page(built_site: Path) -> None:
    html = page(built_site, BULLETIN)
    assert ('<a class="bt-block-link md-button md-button--primary" href="ban-in/">'
            'Bản in đầy đủ của bản tin (để in, A4)</a>') in html


def test_printed_the_screen_page_says_where_the_full_bulletin_prints_from(built_site: Path) -> None:
    assert text(page(built_site, BULLETIN), "bt-bulletin__print-note") == (
        "Đây là mục lục và tóm tắt của bản tin. Toàn văn các văn bản, để in cho sinh hoạt chi bộ: "
        "in từ trang «Bản in đầy đủ của bản tin», có nút dẫn tới ở đầu trang bản tin này trên màn hình.")


# 17.7 KB for the sample month (most of it the site's own header and menu);
# with its two bodies embedded, as the print page, 43 KB.
SCREEN_BUDGET = 24 * 1024


def test_the_screen_page_stays_light(built_site: Path) -> None:
    assert len(page(built_site, BULLETIN).encode("utf-8")) < SCREEN_BUDGET


# --- the print page: the whole bulletin --------------------------------------


def test_the_print_page_holds_every_directive_of_the_month_in_full(built_site: Path) -> None:
    html = page(built_site, PRINT)
    assert html.count('class="bt-bulletin__doc"') == 2
    assert len(re.findall(r'class="bt-doc__body', html)) == 2


def test_the_print_page_leads_back_to_the_screen_page(built_site: Path) -> None:
    assert '<a class="bt-block-link" href="../">Bản tin trên màn hình: mục lục và tóm tắt</a>' in page(built_site, PRINT)


def test_the_printed_contents_list_the_directives_in_order_of_issue(built_site: Path) -> None:
    html = page(built_site, PRINT)
    assert re.findall(r'<li><a href="#([^"]+)">', html) == ["van-ban-1", "van-ban-2", "khau-hieu"]
    assert text(html, "bt-bulletin__toc").startswith(
        "Mục lục 16/12/2024 · Kế hoạch 02-KH/BTGDUK tuyên truyền việc tổng kết Nghị quyết số 18-NQ/TW")
    assert "24/12/2024 · Công văn 229-CV/BTGHU đẩy mạnh tuyên truyền" in text(html, "bt-bulletin__toc")


def test_each_directive_appears_whole_in_its_official_form(built_site: Path) -> None:
    html = page(built_site, PRINT)
    first = html.split('id="van-ban-1"')[1].split('id="van-ban-2"')[0]
    second = html.split('id="van-ban-2"')[1].split('id="khau-hieu"')[0]
    assert text(first, "bt-doc__number") == "Số 02-KH/BTGDUK"
    assert text(first, "bt-doc__body").startswith("Thực hiện Kế hoạch số 77-KH/BTGTU, ngày 10/12/2024")
    assert "Trân trọng./." not in text(first, "bt-doc__body")
    assert text(first, "bt-doc__signature") == "Trưởng ban Vũ Văn Phóng"
    assert text(second, "bt-doc__vv").startswith("V/v đẩy mạnh tuyên truyền")
    assert text(second, "bt-doc__body").endswith("Trân trọng./.")
    assert text(second, "bt-doc__signature") == "K/T Trưởng ban Phó Trưởng ban Dương Thị Bích"
    assert "bantin-bulletin-split" not in html


@pytest.mark.parametrize("url", [BULLETIN, PRINT], ids=["screen", "print"])
def test_undated_directives_are_in_no_bulletin(built_site: Path, url: str) -> None:
    html = page(built_site, url)
    assert "Bế Thanh Tịnh" not in html and "Lâm Quang Thao" not in html


def test_links_in_the_bulletin_lead_where_they_lead_on_the_directive_page(built_site: Path) -> None:
    html = page(built_site, PRINT)
    # The passage anchor is prefixed like every id of an embedded body.
    assert re.search(r'<a class="bt-cite" href="../../../dan-chieu/18-nq-tw-2017/" id="[a-z0-9-]+-dc-1">Nghị quyết số 18-NQ/TW</a>', html)
    assert '<a class="bt-block-link" href="../../../van-ban/2024/229-cv-btghu/">' in html


@pytest.mark.parametrize("url", [BULLETIN, PRINT], ids=["screen", "print"])
def test_the_slogans_in_force_close_the_bulletin(built_site: Path, url: str) -> None:
    section = page(built_site, url).split('id="khau-hieu"')[1]
    assert len(re.findall(r'<li value="\d+">', section)) == 10
    assert "Chủ tịch Hồ Chí Minh vĩ đại sống mãi trong sự nghiệp của chúng ta!" in section


def test_the_bulletin_is_not_a_second_search_hit_for_its_directives(built_site: Path) -> None:
    index = "".join(p.read_text(encoding="utf-8") for p in (built_site / "search").rglob("*.js"))
    assert "van-ban/2024/02-kh-btgduk/" in index
    assert "ban-tin/2024-12" not in index


@pytest.mark.parametrize(("fields", "shown"), [
    ("valid_until: 2024-11-30", False),          # ended before the month
    ("valid_until: 2024-12-10", True),           # ended during it
    ("valid_from: 2025-01-01", False),           # begins after it
    ("approved: 2025-01-05", False),             # approved after it
    ("valid_from: 2024-12-31", True),            # begins on its last day
], ids=["ended-before", "ended-during", "begins-after", "approved-after", "begins-last-day"])
def test_a_bulletin_shows_the_slogans_in_force_during_its_month(project: Path, fields: str, shown: bool) -> None:
    path = project / SLOGANS
    key = fields.split(":")[0]
    path.write_text(path.read_text(encoding="utf-8").replace(f"{key}: null", fields), encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 0, result.output
    assert ('id="khau-hieu"' in page(result.site, BULLETIN)) is shown
    assert ('id="khau-hieu"' in page(result.site, PRINT)) is shown


def test_a_new_month_gets_its_bulletin_newest_first_in_the_index(project: Path) -> None:
    source = (project / "content/directives/2024/229-cv-btghu.md").read_text(encoding="utf-8")
    (project / "content/directives/2025").mkdir()
    (project / "content/directives/2025/05-cv-btghu.md").write_text(
        source.replace("number: 229-CV/BTGHU", "number: 05-CV/BTGHU").replace("date: 2024-12-24", "date: 2025-01-06"),
        encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 0, result.output
    assert text(page(result.site, "/ban-tin/"), "bt-months") == "Tháng 1 năm 2025 1 văn bản Tháng 12 năm 2024 2 văn bản"
    assert text(page(result.site, "/ban-tin/2025-01/"), "bt-entry__number") == "05-CV/BTGHU"
    assert text(page(result.site, "/ban-tin/2025-01/ban-in/"), "bt-doc__number") == "Số 05-CV/BTGHU"
