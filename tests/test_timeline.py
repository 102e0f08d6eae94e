"""Specification of the timeline (/dong-thoi-gian/): directives by date of
issue, the dated documents they cite, and the deadlines their texts set.

Ground truth is the sample content made from the seeds and the phrasings of
Vietnamese directives; expectations are exact.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

from bantin import links, timeline
from bantin.corpus import load_corpus
from bantin.pages import build_pages
from bantin.pages.timeline import build_timeline, text_fragment
from bantin.records import Directive
from browser import requires_chromium, serve
from conftest import ROOT, page

D = dt.date
KH02 = "directives/2024/02-kh-btgduk.md"
CV229 = "directives/2024/229-cv-btghu.md"
HD_CB = "directives/chua-ro-ngay/huong-dan-tuyen-truyen-mot-so-noi-dung-trong-tam-cua-hoi.md"
KH_NTL = "directives/chua-ro-ngay/ke-hoach-tuyen-truyen-quan-triet-thuc-hien-ket-luan-127-kl.md"
HD_CB_URL = "../van-ban/chua-ro-ngay/huong-dan-tuyen-truyen-mot-so-noi-dung-trong-tam-cua-hoi/"
DEADLINE_SENTENCE = ("Các cấp ủy, tổ chức đảng, các cơ quan, đơn vị từ tỉnh đến cơ sở chỉ đạo việc tổng kết "
                     "hoàn thành trước ngày 31/12/2024, bảo đảm chất lượng, tiến độ đề ra.")


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(ROOT)


@pytest.fixture(scope="module")
def graph(corpus):
    return links.build_graph(corpus.published, corpus.references)


@pytest.fixture(scope="module")
def sample(corpus) -> dict[str, Directive]:
    return {d.path: d for d in corpus.published}


ISSUED = D(2024, 12, 16)  # the date of 02-KH/BTGDUK, whose record the finder is given


def deadlines_in(sample: dict[str, Directive], body: str, date: dt.date | None = ISSUED) -> list[tuple]:
    """Deadlines of a real directive given ``body`` and ``date``, as (date, phrase)."""
    d = dataclasses.replace(sample[KH02], body=body, date=date)
    return [(x.date, x.phrase) for x in timeline.find_deadlines(d)]


# --- the deadline finder ------------------------------------------------------


def test_the_sample_sets_one_deadline_with_its_sentence_and_line(sample):
    (found,) = timeline.find_deadlines(sample[HD_CB])
    assert (found.date, found.phrase, found.line) == (D(2024, 12, 31), "trước ngày 31/12/2024", 65)
    assert found.sentence == DEADLINE_SENTENCE


def test_no_other_date_in_the_sample_is_a_deadline(sample):
    # Dozens of dates of issue ("Nghị quyết số 18-NQ/TW, ngày 25/10/2017") and
    # of events ("Hội nghị … ngày 25/11/2024"); only one order to act by a date.
    found = [(x.path, x.date) for d in sample.values() for x in timeline.find_deadlines(d)]
    assert found == [(HD_CB, D(2024, 12, 31))]


@pytest.mark.parametrize("body, expected", [
    ("Các chi bộ hoàn thành trước ngày 31/12/2024.", (D(2024, 12, 31), "trước ngày 31/12/2024")),
    ("Tổng kết xong trước ngày **31/12/2024**, bảo đảm tiến độ.", (D(2024, 12, 31), "trước ngày 31/12/2024")),
    ("Gửi báo cáo về Ban Tuyên giáo chậm nhất ngày 20/12/2024.", (D(2024, 12, 20), "chậm nhất ngày 20/12/2024")),
    ("Nộp bài dự thi chậm nhất là ngày 05/01/2025.", (D(2025, 1, 5), "chậm nhất là ngày 05/01/2025")),
    ("Các đơn vị triển khai xong trước 15/01/2025.", (D(2025, 1, 15), "trước 15/01/2025")),
    ("Báo cáo kết quả thực hiện về Ban Thường vụ trước ngày 20/12/2024.", (D(2024, 12, 20), "trước ngày 20/12/2024")),
    ("Hoàn thành trước ngày 31 tháng 12 năm 2024.", (D(2024, 12, 31), "trước ngày 31 tháng 12 năm 2024")),
    ("Gửi danh sách trước 17 giờ 00, ngày 20/12/2024.", (D(2024, 12, 20), "trước 17 giờ 00, ngày 20/12/2024")),
    ("Thời hạn hoàn thành: 28/02/2025.", (D(2025, 2, 28), "Thời hạn hoàn thành: 28/02/2025")),
    ("Hạn nộp: ngày 10-01-2025.", (D(2025, 1, 10), "Hạn nộp: ngày 10-01-2025")),
    # Every gap a deadline may hold before its date, some of them long.
    ("Thời" + " " * 300 + "hạn hoàn thành :  đến hết 17 giờ 30 phút, **ngày**   31/12/2024.",
     (D(2024, 12, 31), "Thời hạn hoàn thành : đến hết 17 giờ 30 phút, ngày 31/12/2024")),
    ("Các chi bộ tổng kết, hoàn thành\ntrước ngày 31/12/2024.", (D(2024, 12, 31), "trước ngày 31/12/2024")),
    # Without its year, a date takes the directive's; a day already past in
    # that year means the next one.
    ("Báo cáo trước ngày 20/12.", (D(2024, 12, 20), "trước ngày 20/12")),
    ("Báo cáo sơ kết trước ngày 10/01.", (D(2025, 1, 10), "trước ngày 10/01")),
], ids=["hoan-thanh-truoc", "emphasis", "cham-nhat", "cham-nhat-la", "xong-truoc", "bao-cao-ket-qua",
        "long-form", "time-of-day", "thoi-han", "han-nop", "widest", "line-break", "no-year", "no-year-next-year"])
def test_deadline_phrasings(sample, body, expected):
    assert deadlines_in(sample, body) == [expected]


@pytest.mark.parametrize("body", [
    "Thực hiện Nghị quyết số 18-NQ/TW, ngày 25/10/2017 của Ban Chấp hành Trung ương Đảng khóa XII.",
    "Tuyên truyền nội dung Hội nghị Ban Chấp hành Trung ương Đảng khóa XIII ngày 25/11/2024.",
    "Tổ chức quán triệt trước Hội nghị ngày 25/12/2024.",
    "Áp dụng cho các văn bản ban hành trước ngày 01/7/2025.",
    "Các chi bộ đã hoàn thành trước ngày 20/12/2024.",
    "Nộp báo cáo trước ngày 15/12 hằng năm.",
    "Hoàn thành trước 1/2 khối lượng công việc.",
    "Hoàn thành trước ngày 31/02/2025.",
    "Từ ngày 20/12/2024 đến ngày 31/12/2024 tổ chức tuyên truyền.",
], ids=["date-of-issue", "event-date", "before-an-event", "condition", "past", "recurring", "a-half",
        "no-such-day", "period"])
def test_dates_that_are_not_deadlines(sample, body):
    assert deadlines_in(sample, body) == []


def test_looking_only_before_dates_finds_what_a_whole_pass_finds(sample, monkeypatch):
    near = [timeline.find_deadlines(d) for d in sample.values()]
    monkeypatch.setattr(timeline, "finditer_near", lambda pattern, text, anchors, gaps: pattern.finditer(text))
    assert near == [timeline.find_deadlines(d) for d in sample.values()]


def test_a_deadline_cannot_come_before_the_date_of_issue(sample):
    # A directive of 16/12/2024 writing "trước ngày 10/12/2024" tells of the past.
    assert deadlines_in(sample, "Các đơn vị hoàn thành trước ngày 10/12/2024.") == []


def test_an_undated_directive_gives_no_year_to_a_date_without_one(sample):
    assert deadlines_in(sample, "Báo cáo trước ngày 20/12.", date=None) == []
    assert deadlines_in(sample, "Báo cáo trước ngày 20/12/2024.", date=None) == [(D(2024, 12, 20), "trước ngày 20/12/2024")]


def test_the_link_to_a_deadline_quotes_the_words_up_to_its_date(sample):
    (found,) = timeline.find_deadlines(sample[HD_CB])
    assert text_fragment(found) == (
        "#:~:text=ch%E1%BB%89%20%C4%91%E1%BA%A1o%20vi%E1%BB%87c%20t%E1%BB%95ng%20k%E1%BA%BFt%20ho%C3%A0n"
        "%20th%C3%A0nh%20tr%C6%B0%E1%BB%9Bc%20ng%C3%A0y%2031%2F12%2F2024")


def test_a_quote_escapes_the_characters_text_fragments_reserve(sample):
    # "-", "," and "&" separate the parts of a text fragment.
    d = dataclasses.replace(sample[KH02], body="Đề nghị chi bộ & tổ - đoàn, hoàn thành trước ngày 20-12-2024.")
    (found,) = timeline.find_deadlines(d)
    assert text_fragment(found) == (
        "#:~:text=b%E1%BB%99%20%26%20t%E1%BB%95%20%2D%20%C4%91o%C3%A0n%2C%20ho%C3%A0n%20th%C3%A0nh"
        "%20tr%C6%B0%E1%BB%9Bc%20ng%C3%A0y%2020%2D12%2D2024")


# --- events -------------------------------------------------------------------


def test_every_directive_is_on_the_timeline_once_by_date_undated_last(corpus, graph):
    events = [(e.date, e.doc_id) for e in timeline.events(corpus.published, graph) if e.role == "directive"]
    assert events == [(D(2024, 12, 16), KH02), (D(2024, 12, 24), CV229), (None, HD_CB), (None, KH_NTL)]


def test_the_dated_documents_the_directives_cite_are_on_the_timeline(corpus, graph):
    cited = [(e.date, e.doc_id, e.kind, e.level) for e in timeline.events(corpus.published, graph) if e.role == "cited"]
    assert cited[0] == (D(2017, 10, 25), "dan-chieu/18-nq-tw-2017", "Nghị quyết", "trung-uong")
    assert len(cited) == 13
    # 05-KL/BCĐ and 01-KL/BCĐ are cited without a date: nowhere to put them.
    assert not {"dan-chieu/05-kl-bcd", "dan-chieu/01-kl-bcd"} & {doc_id for _, doc_id, _, _ in cited}


def test_events_run_oldest_first(corpus, graph):
    dates = [e.date for e in timeline.events(corpus.published, graph) if e.date]
    assert dates == sorted(dates) and dates[0] == D(2017, 10, 25) and dates[-1] == D(2025, 3, 5)


def test_a_cited_document_has_a_level_only_where_its_symbol_says_so(graph):
    levels = {doc.id: timeline.cited_level(doc) for doc in graph.documents.values() if doc.directive is None}
    assert levels["dan-chieu/173-hd-btgtw-2024"] == "trung-uong"
    assert levels["dan-chieu/303-kh-tu-2025"] is None  # "TU": a province or a city committee


def test_a_kind_word_with_its_qualifier_names_the_kind():
    assert timeline.kind_of(["Chương trình hành động"]) == "Chương trình"
    assert timeline.kind_of(["Thông báo kết luận"]) == "Thông báo"
    assert timeline.kind_of(["Quy định"]) == "Quy định"
    assert timeline.kind_of([]) is None


# --- the large-archive layout ----------------------------------------------


def test_the_main_page_holds_the_newest_months_that_fit_and_every_year_has_a_page(corpus, graph):
    site_specs = {s.src_uri: s for s in build_pages(corpus, graph)}
    assert {uri for uri in site_specs if uri.startswith("dong-thoi-gian/")} == {
        "dong-thoi-gian/index.md", "dong-thoi-gian/2017/index.md", "dong-thoi-gian/2020/index.md",
        "dong-thoi-gian/2024/index.md", "dong-thoi-gian/2025/index.md", "dong-thoi-gian/chua-ro-ngay/index.md"}
    # The sample fits: the main page shows all of it.
    main = site_specs["dong-thoi-gian/index.md"]
    assert [s.key for s in main.context["sections"]] == ["2017", "2020", "2024", "2025", "chua-ro-ngay"]


@pytest.fixture(scope="module")
def site(corpus, graph):
    from bantin.pages import Site, directive_entry, newest_first

    published = tuple(sorted(corpus.published, key=newest_first))
    return Site(corpus, graph, published, {d.path: directive_entry(d) for d in published})


def test_with_a_small_budget_older_years_move_to_their_own_pages(site):
    specs = {s.src_uri: s for s in build_timeline(site, budget=3, year_budget=600)}
    main = specs["dong-thoi-gian/index.md"]
    assert [s.key for s in main.context["sections"]] == ["2025"]
    assert [(y.key, y.here) for y in main.context["years"]] == [
        ("2017", False), ("2020", False), ("2024", False), ("2025", True), ("chua-ro-ngay", False)]
    year = specs["dong-thoi-gian/2024/index.md"]
    assert [(s.key, s.count) for s in year.context["sections"]] == [("2024", 12)]
    assert year.markdown.startswith("---\nsearch:\n  exclude: true\n---\n")


def test_a_year_that_does_not_fit_whole_shows_its_newest_months_and_links_to_its_page(site):
    main = {s.src_uri: s for s in build_timeline(site, budget=12, year_budget=600)}["dong-thoi-gian/index.md"]
    assert [(s.key, [m.label for m in s.months], s.complete) for s in main.context["sections"]] == [
        ("2024", ["Tháng 12 năm 2024"], False), ("2025", ["Tháng 2 năm 2025", "Tháng 3 năm 2025"], True)]
    assert [y.key for y in main.context["years"] if y.here] == ["2025"]


def test_a_year_over_its_budget_lists_its_months_on_pages_of_their_own(site):
    specs = {s.src_uri: s for s in build_timeline(site, budget=400, year_budget=9)}
    year = specs["dong-thoi-gian/2024/index.md"]
    assert year.context["sections"] == []
    assert [(m.label, m.src_uri, len(m.items)) for m in year.context["month_index"]] == [
        ("Tháng 11 năm 2024", "dong-thoi-gian/2024/11/index.md", 2),
        ("Tháng 12 năm 2024", "dong-thoi-gian/2024/12/index.md", 10)]
    december = specs["dong-thoi-gian/2024/12/index.md"]
    assert december.title == "Dòng thời gian tháng 12 năm 2024"
    assert [len(m.items) for s in december.context["sections"] for m in s.months] == [10]
    assert "dong-thoi-gian/2017/11/index.md" not in specs  # small years stay whole


def test_undated_directives_over_the_budget_go_on_numbered_pages(site):
    specs = {s.src_uri: s for s in build_timeline(site, budget=400, year_budget=1)}
    first, second = specs["dong-thoi-gian/chua-ro-ngay/index.md"], specs["dong-thoi-gian/chua-ro-ngay/trang-2/index.md"]
    assert (first.title, second.title) == ("Dòng thời gian: chưa rõ ngày ban hành",
                                           "Dòng thời gian: chưa rõ ngày ban hành (trang 2)")
    assert [it.entry.src_uri for p in (first, second) for s in p.context["sections"] for m in s.months
            for it in m.items] == [it.entry.src_uri for it in _undated_items(site)]
    assert (second.context["pager"].number, second.context["pager"].total, second.context["pager"].previous) == (
        2, 2, "dong-thoi-gian/chua-ro-ngay/index.md")
    assert second.markdown.startswith("---\nsearch:\n  exclude: true\n---\n")
    assert "dong-thoi-gian/chua-ro-ngay/trang-3/index.md" not in specs


def _undated_items(site):
    whole = {s.src_uri: s for s in build_timeline(site, budget=400, year_budget=600)}["dong-thoi-gian/chua-ro-ngay/index.md"]
    assert whole.context["pager"] is None  # within the budget: one page, as before
    return [it for s in whole.context["sections"] for m in s.months for it in m.items]


def test_recent_months_keep_at_least_the_newest_month():
    def year(y: int, sizes: dict[int, int]) -> timeline.YearGroup:
        events = tuple(timeline.Event(D(y, m, 1), "directive", "x", None, None) for m, n in sizes.items() for _ in range(n))
        return timeline.YearGroup(str(y), y, events)

    groups = [year(2023, {5: 3}), year(2024, {1: 2, 12: 50})]
    assert timeline.recent_months(groups, budget=10) == [(2024, 12)]
    assert timeline.recent_months(groups, budget=52) == [(2024, 1), (2024, 12)]
    assert timeline.recent_months(groups, budget=55) == [(2023, 5), (2024, 1), (2024, 12)]


# --- the built page -----------------------------------------------------------


class _Items(HTMLParser):
    """Timeline lines as (section id, role, date text, href, link text, quote)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[dict] = []
        self.section = None
        self.field: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if "bt-tl__year" in classes:
            self.section = a["id"]
        elif "bt-tl__item" in classes:
            role = next(c.rsplit("--", 1)[1] for c in classes if c.startswith("bt-tl__item--"))
            self.items.append({"section": self.section, "role": role, "date": "", "href": "", "link": "",
                               "quote": "", "kind": a["data-kind"], "level": a["data-level"]})
        elif "bt-tl__date" in classes:
            self.field = "date"
        elif "bt-tl__link" in classes:
            self.items[-1]["href"] = a["href"]
            self.field = "link"
        elif "bt-tl__quote" in classes:
            self.field = "quote"

    def handle_endtag(self, tag):
        if tag in ("time", "a", "blockquote"):
            self.field = None

    def handle_data(self, data):
        if self.field:
            self.items[-1][self.field] += data


def items(html: str) -> list[dict]:
    parser = _Items()
    parser.feed(html)
    for item in parser.items:
        item.update({k: " ".join(item[k].split()) for k in ("date", "link", "quote")})
    return parser.items


def test_the_timeline_lists_each_directive_once_in_date_order(built_site: Path):
    directives = [(i["section"], i["date"], i["href"]) for i in items(page(built_site, "/dong-thoi-gian/"))
                  if i["role"] == "directive"]
    assert directives == [
        ("nam-2024", "16/12/2024", "../van-ban/2024/02-kh-btgduk/"),
        ("nam-2024", "24/12/2024", "../van-ban/2024/229-cv-btghu/"),
        ("chua-ro-ngay", "chưa rõ ngày", HD_CB_URL),
        ("chua-ro-ngay", "chưa rõ ngày", "../van-ban/chua-ro-ngay/ke-hoach-tuyen-truyen-quan-triet-thuc-hien-ket-luan-127-kl/"),
    ]


def test_an_undated_directive_says_so_and_has_no_number(built_site: Path):
    html = page(built_site, "/dong-thoi-gian/")
    undated = [i for i in items(html) if i["section"] == "chua-ro-ngay"]
    assert [(i["date"], i["link"]) for i in undated] == [("chưa rõ ngày", "Hướng dẫn không số"),
                                                         ("chưa rõ ngày", "Kế hoạch không số")]
    assert '<h2 id="chua-ro-ngay-h">Chưa rõ ngày ban hành <span class="bt-count">(2)</span></h2>' in html


def test_nghi_quyet_18_appears_in_2017_linking_to_its_page(built_site: Path):
    first = items(page(built_site, "/dong-thoi-gian/"))[0]
    assert first == {"section": "nam-2017", "role": "cited", "date": "25/10/2017", "href": "../dan-chieu/18-nq-tw-2017/",
                     "link": "Nghị quyết 18-NQ/TW", "quote": "", "kind": "nghi-quyet", "level": "trung-uong"}


def test_the_deadline_appears_on_its_date_linked_to_its_sentence(built_site: Path):
    (deadline,) = [i for i in items(page(built_site, "/dong-thoi-gian/")) if i["role"] == "deadline"]
    assert deadline["section"] == "nam-2024"
    assert deadline["date"] == "31/12/2024"
    assert deadline["href"].startswith(HD_CB_URL + "#:~:text=")
    assert deadline["link"] == "Hướng dẫn không số"
    assert deadline["quote"] == DEADLINE_SENTENCE


def test_months_are_headed_in_vietnamese(built_site: Path):
    html = page(built_site, "/dong-thoi-gian/")
    assert re.findall(r"<h3>(Tháng [^<]+)</h3>", html) == [
        "Tháng 10 năm 2017", "Tháng 9 năm 2020", "Tháng 11 năm 2024", "Tháng 12 năm 2024",
        "Tháng 2 năm 2025", "Tháng 3 năm 2025"]


def test_without_javascript_the_years_are_links_and_the_filters_stay_hidden(built_site: Path):
    html = page(built_site, "/dong-thoi-gian/")
    nav = html[html.index('<nav class="bt-tl__years"'):html.index("</nav>", html.index('<nav class="bt-tl__years"'))]
    assert re.findall(r'<a href="([^"]+)">', nav) == ["#nam-2017", "#nam-2020", "#nam-2024", "#nam-2025", "#chua-ro-ngay"]
    assert '<form class="bt-tl__filters" data-bt-timeline hidden>' in html


def test_a_year_page_shows_that_year_and_links_to_the_others(built_site: Path):
    html = page(built_site, "/dong-thoi-gian/2017/")
    assert [i["href"] for i in items(html)] == ["../../dan-chieu/18-nq-tw-2017/"]
    nav = html[html.index('<nav class="bt-tl__years"'):html.index("</nav>", html.index('<nav class="bt-tl__years"'))]
    assert re.findall(r'<a href="([^"]+)">', nav) == ["#nam-2017", "../2020/", "../2024/", "../2025/", "../chua-ro-ngay/",
                                                      "../"]


# --- in the browser -------------------------------------------------------------


@pytest.fixture(scope="module")
def timeline_tab(browser, built_site: Path):
    with serve(built_site) as base:
        tab = browser.tab(width=360, height=740)
        tab.base = base
        yield tab


SHOWN = """[...document.querySelectorAll('.bt-tl__item')].filter((li) => li.checkVisibility())
    .map((li) => li.querySelector('.bt-tl__link').innerText)"""


def choose(tab, name: str, value: str) -> None:
    tab.eval(f"""(() => {{ const s = document.querySelector('form[data-bt-timeline] select[name={name}]');
        s.value = {value!r}; s.dispatchEvent(new Event('change', {{bubbles: true}})); }})()""")


@requires_chromium
def test_a_reader_narrows_the_timeline_by_kind(timeline_tab):
    timeline_tab.goto(timeline_tab.base + "/dong-thoi-gian/")
    choose(timeline_tab, "loai", "ke-hoach")
    assert timeline_tab.eval(SHOWN) == ["Kế hoạch 77-KH/BTGTU", "Kế hoạch 187-KH/HU", "Kế hoạch 02-KH/BTGDUK",
                                        "Kế hoạch 303-KH/TU", "Kế hoạch không số"]
    assert timeline_tab.eval("location.search") == "?loai=ke-hoach"


@requires_chromium
def test_a_reader_narrows_the_timeline_by_issuer_level(timeline_tab):
    timeline_tab.goto(timeline_tab.base + "/dong-thoi-gian/?cap=huyen")
    assert timeline_tab.eval(SHOWN) == ["Công văn 229-CV/BTGHU", "Kế hoạch không số"]


@requires_chromium
def test_a_reader_narrows_the_timeline_by_year_and_sees_where_the_campaign_began(timeline_tab):
    timeline_tab.goto(timeline_tab.base + "/dong-thoi-gian/")
    choose(timeline_tab, "nam", "2017")
    assert timeline_tab.eval(SHOWN) == ["Nghị quyết 18-NQ/TW"]
    assert timeline_tab.eval("document.querySelector('.bt-tl__status').innerText") == "Đang hiện 1 mục phù hợp."


@requires_chromium
def test_a_filter_that_matches_nothing_says_so(timeline_tab):
    timeline_tab.goto(timeline_tab.base + "/dong-thoi-gian/?nam=2017&cap=co-so")
    assert timeline_tab.eval(SHOWN) == []
    assert timeline_tab.eval("document.querySelector('.bt-tl__status').innerText") == "Không có mục nào phù hợp với lựa chọn."


@requires_chromium
def test_a_year_page_opens_on_its_own_year(timeline_tab):
    timeline_tab.goto(timeline_tab.base + "/dong-thoi-gian/2017/")
    assert timeline_tab.eval("[location.pathname + location.search, document.querySelector('.bt-tl__status').innerText]") == [
        "/dong-thoi-gian/2017/", ""]
    assert timeline_tab.eval(SHOWN) == ["Nghị quyết 18-NQ/TW"]


@requires_chromium
def test_choosing_a_year_kept_elsewhere_loads_its_page_with_the_other_filters(timeline_tab):
    timeline_tab.goto(timeline_tab.base + "/dong-thoi-gian/2017/?loai=ke-hoach")
    assert timeline_tab.eval(SHOWN) == []
    choose(timeline_tab, "nam", "2024")
    timeline_tab.wait_for("location.pathname === '/dong-thoi-gian/2024/' && document.readyState === 'complete'")
    time.sleep(0.3)
    assert timeline_tab.eval(SHOWN) == ["Kế hoạch 77-KH/BTGTU", "Kế hoạch 187-KH/HU", "Kế hoạch 02-KH/BTGDUK"]
    assert timeline_tab.eval("location.search") == "?loai=ke-hoach"


@requires_chromium
def test_the_deadline_link_opens_the_directive_at_its_sentence(timeline_tab):
    timeline_tab.goto(timeline_tab.base + "/dong-thoi-gian/")
    timeline_tab.eval("document.querySelector('.bt-tl__item--deadline .bt-tl__link').click()")
    timeline_tab.wait_for("location.pathname.startsWith('/van-ban/') && document.readyState === 'complete'")
    time.sleep(0.5)  # the browser scrolls to the quoted text after load
    # In the body: the summary box above it lists the deadline's date too.
    top, bottom = timeline_tab.eval("""(() => {
        const walker = document.createTreeWalker(document.querySelector('.bt-doc__body'), NodeFilter.SHOW_TEXT);
        while (walker.nextNode() && !walker.currentNode.textContent.includes('31/12/2024'));
        const r = walker.currentNode.parentElement.getBoundingClientRect(); return [r.top, r.bottom]; })()""")
    assert 0 <= top and bottom <= 740
