"""Search on a generated archive (bench/generate.py, 300 directives, seed 1):
common words have postings files of their own, and the first page of
results is what it was before they did, in Python and in the browser."""

from __future__ import annotations

import json
import shutil
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest

from bantin import search, search_facets
from bantin.mkdocs.search import GUIDE
from browser import requires_chromium, serve
from conftest import ROOT, run_build
from test_search_browser import ranks_as_the_reference

sys.path.insert(0, str(ROOT / "bench"))  # where bench/generate.py finds its pieces, as when run
import generate  # noqa: E402

COMMON = "kế hoạch tuyên truyền nghị quyết"
# The first page of each query on this archive, as the index gave it when every
# term lived in a hashed shard (before b*.js): the layout must not move a hit.
FIRST_PAGES = {
    COMMON: ["van-ban/2017/02-kh-btctu/", "van-ban/2024/06-kh-btghu/", "van-ban/2023/03-kh-btghu/",
             "van-ban/2017/01-ct-tu/", "van-ban/2019/05-cv-btgtu/", "van-ban/2023/02-tb-ubkttu/",
             "van-ban/2025/03-bc-btgtu/", "van-ban/2022/04-ctr-hu/", "van-ban/2017/01-ctr-duk/",
             "van-ban/2018/07-kh-btgtu/"],
    "tuyên truyền": ["van-ban/2016/01-tb-hu/", "van-ban/2025/01-kh-ubkttu/", "van-ban/2017/04-kh-hu/",
                     "van-ban/2024/05-hd-btgtu/", "van-ban/2020/02-cv-btghu/", "van-ban/2017/02-ctr-hu/",
                     "van-ban/2025/05-tb-btgtu/", "van-ban/2022/01-hd-btgtu/", "van-ban/2019/04-tb-btgtu/",
                     "van-ban/2025/06-tb-btgtu/"],
    "18-NQ/TW": ["dan-chieu/18-nq-tw-2017/", "van-ban/2021/01-kh-btgduk/", "van-ban/2019/05-kh-hu/",
                 "van-ban/2018/02-hd-btghu/", "van-ban/2022/02-cv-btghu/", "van-ban/2022/03-kh-btgtu/",
                 "van-ban/2021/01-kh-btghu/", "van-ban/2020/03-hd-btctu/", "van-ban/2019/04-kh-tu/",
                 "van-ban/2019/02-hd-btctu/"],
    # Since the date line is indexed, documents dated the 18th hold "18": its
    # weight moved, and another citer of equal rank took one of the last two places.
    "nghi quyet 18": ["dan-chieu/18-nq-tw-2017/", "van-ban/2022/03-kh-btgtu/", "van-ban/2018/01-kh-duk/",
                      "van-ban/2025/07-nq-hu/", "van-ban/2024/04-tb-hu/", "van-ban/2018/01-cv-btghu/",
                      "van-ban/2023/02-tb-tu/", "van-ban/2020/04-ctr-tu/", "van-ban/2018/01-hd-btgduk/",
                      "van-ban/2025/05-tb-vptu/"],
    "sắp xếp bộ máy": ["van-ban/2020/05-hd-btghu/", "van-ban/2019/03-kh-btctu/", "van-ban/2020/04-hd-btghu/",
                       "van-ban/2025/06-nq-hu/", "van-ban/2015/02-cv-btgduk/", "van-ban/2021/01-kh-du/",
                       "van-ban/2017/02-ctr-hu/", "van-ban/2018/03-qdi-tu/", "van-ban/2021/01-tb-btgtu/",
                       "van-ban/chua-ro-ngay/ke-hoach-trien-khai-thuc-hien-cong-tac-nang-cao-chat-luong/"],
    "xyzzy khoá": ["van-ban/2019/05-kh-hu/", "van-ban/2024/04-tb-hu/",
                   "van-ban/chua-ro-ngay/cong-van-trien-khai-cong-tac-phong-chong-tham-nhung-lang-phi-2/",
                   "van-ban/2022/02-cv-btghu/", "van-ban/2019/02-nq-duk/", "van-ban/2022/02-tb-btgtu/",
                   "van-ban/2022/03-nq-hu/", "van-ban/2020/04-kh-btghu/", "van-ban/2019/05-tb-btgtu/",
                   "van-ban/2015/01-cv-btgtu/"],
}
DONE = "document.documentElement.dataset.btSearch === 'done'"
LINKS = "Array.from(document.querySelectorAll('#bt-search-results a'), a => a.getAttribute('href'))"


@pytest.fixture(scope="module")
def archive_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = generate.write_project(generate.generate(300, seed=1), tmp_path_factory.mktemp("archive") / "project")
    result = run_build(project)
    assert result.returncode == 0, result.output
    return result.site


@pytest.fixture(scope="module")
def small_shards(archive_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same site with its index cut as a large archive's is: at 300
    directives no word fills half a shard of 8 KB, so the shards here hold
    1 KB and every common word, phrase and number gets a file of its own."""
    site = tmp_path_factory.mktemp("small") / "site"
    shutil.copytree(archive_site, site)
    index = search.load(site)
    out = search.files(index, "tim-kiem/", shard_target=1024, extra={"f": search_facets.facets(index.docs, GUIDE)})
    shutil.rmtree(site / "search")
    for rel, text in out.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(text, encoding="utf-8")
    return site


@pytest.fixture(scope="module", params=["built", "small shards"])
def site(request: pytest.FixtureRequest, archive_site: Path) -> Path:
    return archive_site if request.param == "built" else request.getfixturevalue("small_shards")


@pytest.fixture(scope="module")
def index(site: Path) -> search.Index:
    return search.load(site)


def meta_of(site: Path) -> dict:
    text = (site / "search" / "index.js").read_text(encoding="utf-8")
    return json.loads(text.split(".push(", 1)[1].rsplit(");", 1)[0])[1]


@pytest.mark.parametrize("q", list(FIRST_PAGES))
def test_the_first_page_of_results_is_pinned(index: search.Index, q: str) -> None:
    assert [d.url for d in search.query(index, q)[0][:10]] == FIRST_PAGES[q]


def test_a_common_word_has_a_file_of_its_own_holding_it_alone(small_shards: Path) -> None:
    meta = meta_of(small_shards)
    at = meta["big"].index("tuyen")
    text = (small_shards / "search" / meta["version"] / f"b{at}.js").read_text(encoding="utf-8")
    name, record = json.loads(text.split(".push(", 1)[1].rsplit(");", 1)[0])
    assert (name, record.split(";")[0], "|" in record) == (f"b{at}", "tuyen", False)


def test_a_rare_term_stays_in_its_hashed_shard_and_no_shard_repeats_a_common_one(small_shards: Path) -> None:
    meta = meta_of(small_shards)
    folder = small_shards / "search" / meta["version"]
    in_shards = {record.split(";")[0]
                 for i in range(meta["shards"])
                 for record in json.loads((folder / f"t{i}.js").read_text(encoding="utf-8")
                                          .split(".push(", 1)[1].rsplit(");", 1)[0])[1].split("|")}
    assert "18-nq/tw" in in_shards
    assert not in_shards & set(meta["big"])


def test_at_8_kb_a_shard_300_directives_have_no_file_of_their_own(archive_site: Path) -> None:
    assert meta_of(archive_site)["big"] == []


@requires_chromium
def test_the_browser_draws_the_pinned_first_page(browser, site: Path) -> None:
    tab = browser.tab(width=360, height=740)
    with serve(site) as base:
        for q, first in FIRST_PAGES.items():
            tab.goto(f"{base}/tim-kiem/?q={quote(q)}")
            tab.wait_for(DONE)
            assert [href.removeprefix("../") for href in tab.eval(LINKS)] == first, q


@requires_chromium
def test_the_browser_ranks_every_hit_as_the_reference(browser, site: Path, index: search.Index) -> None:
    tab = browser.tab(width=360, height=740)
    with serve(site) as base:
        ranks_as_the_reference(tab, base, index, list(FIRST_PAGES))


@requires_chromium
def test_an_excerpt_is_fetched_when_its_result_comes_near_the_screen(browser, archive_site: Path) -> None:
    tab = browser.tab(width=360, height=740)
    waiting = "document.querySelectorAll('#bt-search-results li')[9].querySelector('.bt-search__excerpt--wait') !== null"
    with serve(archive_site) as base:
        tab.goto(f"{base}/tim-kiem/?q={quote(COMMON)}")
        tab.wait_for(DONE)
        tab.wait_for("document.querySelector('#bt-search-results li .bt-search__excerpt mark') !== null")
        time.sleep(1)  # time enough to fetch all ten pages from loopback, were they all asked for
        fetched = tab.eval("performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname)")
        assert tab.eval(waiting) is True
        assert "/" + FIRST_PAGES[COMMON][9] not in fetched  # the tenth result's page is not fetched yet
        tab.eval("document.querySelectorAll('#bt-search-results li')[9].scrollIntoView()")
        tab.wait_for("document.querySelectorAll('#bt-search-results li')[9].querySelector('.bt-search__excerpt mark') !== null")
