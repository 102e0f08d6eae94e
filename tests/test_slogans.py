"""Specification of approved slogans: validating ``content/slogans/*.yml``,
which sets are in force, and the /khau-hieu/ page.

Ground truth is the seed whose section "V- KHẨU HIỆU TUYÊN TRUYỀN" lists ten
slogans, and the sample slogan set made from it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re
import unicodedata
from pathlib import Path

import pytest

from bantin import slogans
from bantin.corpus import load_corpus
from bantin.records import SloganSet
from conftest import ROOT, SEEDS, page, run_build

D = dt.date
HD_CB = "directives/chua-ro-ngay/huong-dan-tuyen-truyen-mot-so-noi-dung-trong-tam-cua-hoi.md"
KH02 = "directives/2024/02-kh-btgduk.md"
SAMPLE_SET = "content/slogans/huong-dan-tuyen-truyen-mot-so-noi-dung-trong-tam-cua-hoi.yml"


def seed_slogans() -> list[str]:
    """The numbered lines of the seed's section V, as printed."""
    text = unicodedata.normalize("NFC", (SEEDS / "004_79d78c7148d5feae.txt").read_text(encoding="utf-8"))
    section = text[text.index("V- KHẨU HIỆU TUYÊN TRUYỀN"):text.index("Nơi nhận:")]
    numbered = re.findall(r"^(\d+)\. (.+)$", section, re.MULTILINE)
    assert [int(n) for n, _ in numbered] == list(range(1, 11))
    return [line.strip() for _, line in numbered]


SLOGANS = seed_slogans()


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(ROOT)


@pytest.fixture(scope="module")
def sample_set(corpus) -> SloganSet:
    (sset,) = corpus.slogan_sets
    return sset


def write_set(project: Path, name: str, text: str) -> None:
    (project / "content" / "slogans" / name).write_text(text, encoding="utf-8")


def problems(project: Path) -> list[str]:
    return [str(p) for p in load_corpus(project).errors]


# --- the sample ----------------------------------------------------------------


def test_the_sample_set_has_the_ten_slogans_of_the_seed_in_order(sample_set):
    assert [(s.position, s.text) for s in sample_set.slogans] == list(enumerate(SLOGANS, 1))
    assert sample_set.directive_path == HD_CB


# --- validation ------------------------------------------------------------------


def test_a_set_naming_a_directive_that_does_not_exist_is_an_error_with_file_and_line(project):
    write_set(project, "thieu.yml", "occasion: Tết\ndirective: directives/2024/khong-co-van-ban-nay.md\nslogans:\n  - Mừng Đảng!\n")
    assert problems(project) == [(
        "content/slogans/thieu.yml:2: directive: không có văn bản 'directives/2024/khong-co-van-ban-nay.md' "
        "trong content/ (ghi đường dẫn dạng directives/<năm>/<tên>.md)")]


def test_a_misspelt_directive_path_gets_a_suggestion(project):
    write_set(project, "sai.yml", "directive: directives/2024/02-kh-btgduk\noccasion: Tết\nslogans:\n  - Mừng Đảng!\n")
    assert problems(project) == [(
        "content/slogans/sai.yml:1: directive: không có văn bản 'directives/2024/02-kh-btgduk' trong content/; "
        "có phải là 'directives/2024/02-kh-btgduk.md'?")]


def test_a_directive_named_by_number_and_date_is_found(project):
    write_set(project, "so.yml", "directive:\n  number: 02-KH/BTGDUK\n  date: 2024-12-16\noccasion: Tết\nslogans:\n  - Mừng Đảng!\n")
    found = {s.slug: s.directive_path for s in load_corpus(project).slogan_sets}
    assert found["so"] == KH02


def test_a_number_and_date_naming_no_directive_is_an_error(project):
    write_set(project, "so.yml", "directive:\n  number: 02-KH/BTGDUK\n  date: 2024-12-17\noccasion: Tết\nslogans:\n  - Mừng Đảng!\n")
    assert problems(project) == [
        "content/slogans/so.yml:2: directive: không có văn bản số 02-KH/BTGDUK ngày 17/12/2024 trong content/"]


def test_a_draft_directive_cannot_approve_published_slogans(project):
    path = project / "content" / KH02
    path.write_text(path.read_text(encoding="utf-8").replace("draft: false", "draft: true"), encoding="utf-8")
    write_set(project, "nhap.yml", f"directive: {KH02}\noccasion: Tết\nslogans:\n  - Mừng Đảng!\n")
    assert problems(project) == [(
        f"content/slogans/nhap.yml:1: directive: văn bản content/{KH02} còn là bản nháp (draft: true): "
        "khẩu hiệu chỉ đăng kèm văn bản đã ban hành")]


def test_a_duplicate_slogan_is_found_whatever_its_case_spacing_or_unicode_form(project):
    decomposed = unicodedata.normalize("NFD", "ĐẢNG CỘNG SẢN VIỆT NAM  quang vinh muôn năm !")
    write_set(project, "trung.yml", (
        f"directive: {KH02}\noccasion: Tết\nslogans:\n"
        "  - Đảng Cộng sản Việt Nam quang vinh muôn năm!\n"
        "  - Mừng Xuân, mừng Đảng!\n"
        f"  - \"{decomposed}\"\n"))
    assert problems(project) == ["content/slogans/trung.yml:6: slogans[2]: khẩu hiệu số 3 trùng với khẩu hiệu số 1"]


@pytest.mark.parametrize("listed, expected", [
    pytest.param('  - Mừng Đảng!\n  - "  "\n', "5: slogans[1]: khẩu hiệu số 2 rỗng", id="empty slogan"),
    pytest.param("  - Khẩu hiệu: mừng Đảng!\n",
                 "4: slogans[0]: khẩu hiệu số 1 có dấu ':' nên phải đặt trong ngoặc kép \"…\"", id="unquoted colon"),
    pytest.param("  - Mừng Đảng!\n  - 2025\n",
                 "5: slogans[1]: khẩu hiệu số 2 phải là chữ; nếu đúng là 2025, hãy đặt trong ngoặc kép \"…\"",
                 id="read as a number"),
    pytest.param("", "3: slogans: chưa có khẩu hiệu nào: ghi mỗi khẩu hiệu trên một dòng bắt đầu bằng '- '",
                 id="no slogans"),
])
def test_a_mistake_in_the_list_of_slogans_is_explained_on_its_line(project, listed, expected):
    write_set(project, "sai.yml", f"directive: {KH02}\noccasion: Tết\nslogans:\n{listed}")
    assert problems(project) == [f"content/slogans/sai.yml:{expected}"]


def test_an_approval_before_the_approving_directive_is_a_warning(project):
    write_set(project, "som.yml", f"directive: {KH02}\noccasion: Tết\napproved: 2024-01-01\nslogans:\n  - Mừng Đảng!\n")
    corpus = load_corpus(project)
    assert [str(p) for p in corpus.problems] == [
        "content/slogans/som.yml:3: cảnh báo: approved: ngày phê duyệt 01/01/2024 trước ngày ban hành 16/12/2024 "
        "của văn bản phê duyệt"]
    assert len(corpus.slogan_sets) == 2


def test_a_set_naming_a_missing_directive_fails_the_build_with_its_file_and_line(project):
    write_set(project, "thieu.yml", "directive: directives/2024/khong-co-van-ban-nay.md\noccasion: Tết\nslogans:\n  - Mừng Đảng!\n")
    result = run_build(project)
    assert result.returncode != 0
    assert ("content/slogans/thieu.yml:1: directive: không có văn bản 'directives/2024/khong-co-van-ban-nay.md' "
            "trong content/") in result.output


# --- in force, upcoming, ended ---------------------------------------------------


def test_the_day_comes_from_source_date_epoch_in_vietnam_time():
    assert slogans.reference_date({"SOURCE_DATE_EPOCH": "1767225600"}) == D(2026, 1, 1)  # 00:00 UTC
    assert slogans.reference_date({"SOURCE_DATE_EPOCH": "1767200400"}) == D(2026, 1, 1)  # 17:00 UTC, midnight in Hà Nội
    assert slogans.reference_date({"SOURCE_DATE_EPOCH": "1767200399"}) == D(2025, 12, 31)


def test_a_malformed_source_date_epoch_is_refused():
    with pytest.raises(ValueError, match="SOURCE_DATE_EPOCH"):
        slogans.reference_date({"SOURCE_DATE_EPOCH": "2026-01-01"})


@pytest.mark.parametrize("valid_from, valid_until, status", [
    (None, None, slogans.CURRENT),
    (None, D(2026, 1, 1), slogans.CURRENT),  # the last day still counts
    (None, D(2025, 12, 31), slogans.ENDED),
    (D(2026, 1, 1), None, slogans.CURRENT),  # so does the first
    (D(2026, 1, 2), D(2026, 2, 1), slogans.UPCOMING),
], ids=["open", "last-day", "ended", "first-day", "not-yet"])
def test_a_set_is_in_force_between_its_dates_inclusive(sample_set, valid_from, valid_until, status):
    sset = dataclasses.replace(sample_set, valid_from=valid_from, valid_until=valid_until)
    assert slogans.status(sset, D(2026, 1, 1)) == status


def test_sets_are_newest_first_by_approval_then_the_directives_date(corpus, sample_set):
    directives = {d.path: d for d in corpus.published}
    older = dataclasses.replace(sample_set, path="slogans/a.yml", approved=D(2024, 12, 1))
    by_directive = dataclasses.replace(sample_set, path="slogans/b.yml", directive_path=KH02)  # 16/12/2024
    newest = dataclasses.replace(sample_set, path="slogans/c.yml", approved=D(2025, 1, 20))
    undated = dataclasses.replace(sample_set, path="slogans/d.yml")
    ended = dataclasses.replace(sample_set, path="slogans/e.yml", approved=D(2025, 2, 1), valid_until=D(2025, 3, 1))
    arranged = slogans.arrange([undated, ended, older, by_directive, newest], directives, D(2026, 1, 1))
    assert [s.path for s in arranged.current] == ["slogans/c.yml", "slogans/b.yml", "slogans/a.yml", "slogans/d.yml"]
    assert [s.path for s in arranged.ended] == ["slogans/e.yml"]
    assert arranged.upcoming == ()


def test_slogans_compare_without_case_spacing_or_unicode_form_but_with_their_marks():
    key = slogans.slogan_key("Đảng Cộng sản Việt Nam quang vinh muôn năm!")
    assert slogans.slogan_key(unicodedata.normalize("NFD", " ĐẢNG cộng  sản Việt Nam quang vinh muôn năm !")) == key
    assert slogans.slogan_key("Dang Cong san Viet Nam quang vinh muon nam!") != key


# --- the page ----------------------------------------------------------------


def shown_slogans(html_text: str) -> list[tuple[str, str, str]]:
    """(value attribute, printed number, text) of every slogan, in page order."""
    found = re.findall(r'<li class="bt-sl__slogan[^"]*" value="(\d+)"[^>]*>\s*<span class="bt-sl__number"[^>]*>(\d+)\.</span>'
                       r'\s*<span class="bt-sl__text">([^<]*)</span>', html_text)
    return [(v, n, html.unescape(t)) for v, n, t in found]


def test_the_page_shows_the_ten_slogans_verbatim_numbered_as_approved(built_site: Path):
    assert shown_slogans(page(built_site, "/khau-hieu/")) == [(str(i), str(i), s) for i, s in enumerate(SLOGANS, 1)]


def test_the_set_links_to_its_approving_directive(built_site: Path):
    html_text = page(built_site, "/khau-hieu/")
    links = re.findall(r'<a class="bt-sl__directive" href="([^"]+)">(.*?)</a>', html_text)
    assert links == [("../van-ban/chua-ro-ngay/huong-dan-tuyen-truyen-mot-so-noi-dung-trong-tam-cua-hoi/",
                      'Hướng dẫn <span class="bt-missing">không số</span>')]


def test_an_undated_approval_is_shown_as_unknown(built_site: Path):
    assert '<dd><span class="bt-missing">văn bản không ghi ngày</span></dd>' in page(built_site, "/khau-hieu/")


def test_the_approving_directive_shows_its_slogans_and_links_to_the_page(built_site: Path):
    html_text = page(built_site, "/van-ban/chua-ro-ngay/huong-dan-tuyen-truyen-mot-so-noi-dung-trong-tam-cua-hoi/")
    section = html_text[html_text.index('class="bt-panel bt-slogans-inline"'):]
    section = section[:section.index("</section>")]
    assert [html.unescape(t) for t in re.findall(r'<li value="\d+">([^<]*)</li>', section)] == SLOGANS
    assert ('href="../../../khau-hieu/#bo-huong-dan-tuyen-truyen-mot-so-noi-dung-trong-tam-cua-hoi"') in section


def test_copy_and_banner_buttons_wait_for_the_script(built_site: Path):
    html_text = page(built_site, "/khau-hieu/")
    assert html_text.count('data-bt-copy aria-label="Sao chép khẩu hiệu') == 10
    assert len(re.findall(r'<button type="button" class="bt-sl__copy" data-bt-copy aria-label="[^"]+" hidden>', html_text)) == 10


def test_an_ended_set_moves_to_the_archive_below_the_sets_in_force(project):
    path = project / SAMPLE_SET
    path.write_text(path.read_text(encoding="utf-8").replace("valid_until: null", "valid_until: 2025-12-31"),
                    encoding="utf-8")
    write_set(project, "tet-2025.yml", f"directive: {KH02}\noccasion: Mừng Đảng, mừng Xuân Ất Tỵ 2025\n"
                                       "approved: 2024-12-16\nslogans:\n  - Mừng Đảng, mừng Xuân!\n")
    result = run_build(project)  # builds on 01/01/2026 (SOURCE_DATE_EPOCH)
    assert result.returncode == 0, result.output
    html_text = page(result.site, "/khau-hieu/")
    sections = re.findall(r'<section class="bt-sl__section [^"]+" id="([^"]+)"|<article class="bt-sl__set" id="([^"]+)"', html_text)
    assert [a or b for a, b in sections] == [
        "dang-dung", "bo-tet-2025", "luu-tru", "bo-huong-dan-tuyen-truyen-mot-so-noi-dung-trong-tam-cua-hoi"]
    assert "đến hết 31/12/2025" in html_text
