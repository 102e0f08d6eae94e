"""Reading with no network: a reader who has opened the site once reads the
pages they read, the timeline and the slogans offline, and gets a clear
notice for a page that is not saved; the site can be added to a phone's home
screen; `make offline` builds a copy that works opened straight from disk,
search included."""

from __future__ import annotations

import contextlib
import json
import re
import shutil
import struct
from pathlib import Path
from typing import Iterator
from urllib.parse import quote

import pytest

from bantin import icons
from bantin.mkdocs.theme import THEME_DIR

from browser import requires_chromium, serve
from conftest import ROOT, many_directives, override, page, run_build
from htmltext import text

KH02 = "/van-ban/2024/02-kh-btgduk/"
CV229 = "/van-ban/2024/229-cv-btghu/"
SHELL_PAGES = ["./", "dong-thoi-gian/", "khau-hieu/", "ban-tin/", "ngoai-tuyen/", "tim-kiem/"]


def worker_settings(site: Path) -> dict:
    source = (site / "sw.js").read_text(encoding="utf-8")
    return json.loads(re.search(r"const SETTINGS = (\{.*?\n\});", source, re.S).group(1))


# --- what the build writes --------------------------------------------------

def test_the_site_has_a_web_app_manifest_for_the_home_screen(built_site: Path) -> None:
    manifest = json.loads((built_site / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert {k: manifest[k] for k in ("name", "short_name", "lang", "start_url", "scope", "display")} == {
        "name": "Bản tin Thông tin nội bộ", "short_name": "Bản tin", "lang": "vi",
        "start_url": "./", "scope": "./", "display": "standalone"}
    sizes = set()
    for icon in manifest["icons"]:
        png = (built_site / icon["src"]).read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = struct.unpack(">II", png[16:24])
        assert icon["sizes"] == f"{width}x{height}"
        sizes.add(width)
    assert sizes == {192, 512}


def test_the_committed_icons_are_what_the_drawing_code_draws() -> None:
    # The build copies the PNGs; redraw them with ``python -m bantin.icons``.
    folder = THEME_DIR / "assets" / "images"
    for size in icons.SIZES:
        assert (folder / icons.file_name(size)).read_bytes() == icons.draw(size), size


def test_every_page_names_the_manifest_and_loads_the_offline_script(built_site: Path) -> None:
    missing = [p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html")
               if 'rel="manifest"' not in (html := p.read_text(encoding="utf-8")) or "assets/javascripts/offline.js" not in html]
    assert missing == []


def test_the_worker_precaches_the_shell_and_leaves_the_search_index_for_the_first_search(built_site: Path) -> None:
    settings = worker_settings(built_site)
    assert [p for p in settings["shell"] if not p.startswith(("assets/", "manifest", "search/"))] == SHELL_PAGES
    assert {"assets/stylesheets/bantin.css", "assets/javascripts/offline.js", "assets/javascripts/search.js",
            "manifest.webmanifest", "search/index.js"} <= set(settings["shell"])
    assert [p for p in settings["shell"] if p.startswith("search/") and p != "search/index.js"] == []
    assert all((built_site / p).is_file() for p in settings["shell"] if not p.endswith("/"))
    search = json.loads((built_site / "search/manifest.json").read_text(encoding="utf-8"))
    assert settings["search"] == search["files"]


def test_the_precache_list_does_not_grow_with_the_archive(built_site: Path, project: Path) -> None:
    many_directives(project, "2024/02-kh-btgduk.md", range(100, 140))
    result = run_build(project)
    assert result.returncode == 0, result.output
    assert worker_settings(result.site)["shell"] == worker_settings(built_site)["shell"]


def test_a_new_shell_makes_a_new_worker(built_site: Path, project: Path) -> None:
    css = (THEME_DIR / "assets/stylesheets/bantin.css").read_text(encoding="utf-8")
    override(project, "assets/stylesheets/bantin.css", (css + "\n.bt-new { color: red; }\n").encode())
    result = run_build(project)
    assert result.returncode == 0, result.output
    assert worker_settings(result.site)["version"] != worker_settings(built_site)["version"]


def test_the_notice_page_says_in_vietnamese_what_happened(built_site: Path) -> None:
    html = page(built_site, "/ngoai-tuyen/")
    assert text(html, "md-content").replace("¶", "").startswith(
        "Trang này chưa được lưu trên máy Máy của bạn đang không có mạng, và trang vừa mở chưa được lưu "
        "trên máy này để đọc khi không có mạng. Khi có mạng trở lại, hãy mở lại trang đó.")
    assert re.findall(r'<li><a href="([^"]+)">', html.split('id="bt-offline-readable"')[1])[:5] == [
        "../", "../dong-thoi-gian/", "../khau-hieu/", "../ban-tin/", "../tim-kiem/"]
    # Search is not said to work offline beyond what was saved.
    assert "Tìm kiếm trong các trang đã lưu" in html


def test_the_worker_knows_the_size_of_the_whole_search_index(built_site: Path) -> None:
    settings = worker_settings(built_site)
    assert settings["searchBytes"] == sum((built_site / f).stat().st_size for f in settings["search"])
    assert settings["searchBytes"] > 0


# --- in the browser ---------------------------------------------------------

def controlled(tab, url: str) -> None:
    """Open ``url`` until the service worker controls it (the first visit installs it)."""
    tab.goto(url)
    tab.wait_for("navigator.serviceWorker.ready.then((r) => !!r.active)", timeout=30)
    tab.goto(url)
    tab.wait_for("!!navigator.serviceWorker.controller")


def network(browser, tab, on: bool) -> None:
    """Cut (or restore) the network for the page and for its service worker,
    as a phone losing its signal: the worker's fetches fail too."""
    tab.offline(not on)
    for target in browser.send("Target.getTargets")["targetInfos"]:
        if target["type"] == "service_worker":
            session = browser.send("Target.attachToTarget", {"targetId": target["targetId"], "flatten": True})["sessionId"]
            browser.send("Network.enable", session=session)
            browser.send("Network.emulateNetworkConditions", {
                "offline": not on, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}, session=session)


def saved_pages(tab) -> list[str]:
    return tab.eval("caches.open('bantin-pages').then((c) => c.keys()).then((k) => k.map((r) => new URL(r.url).pathname))")


@contextlib.contextmanager
def read_then_cut(browser, built_site: Path, tmp_path: Path, url: str,
                  ready: str | None = None, press_save: bool = False) -> Iterator[tuple[object, str]]:
    """Read ``url`` online until the worker controls the page and has saved
    it (pressed "Lưu để đọc khi không có mạng" if ``press_save``, and the
    script ``ready`` holds), then cut the network (restored
    afterwards); yields the tab and base URL."""
    site = shutil.copytree(built_site, tmp_path / "site")
    tab = browser.tab()
    with serve(site) as base:
        controlled(tab, base + url)
        tab.wait_for(f"caches.open('bantin-pages').then((c) => c.match('{base + url.split('?')[0]}')).then((r) => !!r)")
        if press_save:
            assert tab.eval("document.querySelector('.bt-save__button').textContent") == "Lưu để đọc khi không có mạng"
            tab.eval("document.querySelector('.bt-save__button').click()")
            tab.wait_for("document.querySelector('.bt-save__status').textContent.startsWith('Đã lưu ')", timeout=30)
        if ready:
            tab.wait_for(ready, timeout=30)
        network(browser, tab, on=False)
    try:
        yield tab, base
    finally:
        network(browser, tab, on=True)


def today() -> str:
    return __import__("datetime").date.today().strftime("%d/%m/%Y")


@requires_chromium
def test_a_page_opened_once_reads_again_with_the_network_cut_and_says_it_is_a_saved_copy(
        browser, built_site: Path, tmp_path: Path) -> None:
    site = shutil.copytree(built_site, tmp_path / "site")
    tab = browser.tab()
    with serve(site) as base:
        tab.goto(base + KH02)  # the first visit ever: it installs the worker
        tab.wait_for(f"caches.open('bantin-pages').then((c) => c.match('{base + KH02}')).then((r) => !!r)", timeout=30)
    # The server is stopped: no network for the page nor for its worker.
    tab.offline(True)
    try:
        tab.goto(base + KH02)
        assert tab.eval("document.querySelector('.bt-doc__number').textContent") == "Số 02-KH/BTGDUK"
        notice = tab.eval("document.querySelector('.bt-offline-notice').textContent")
        assert notice.startswith(f"Đang không có mạng: đây là bản lưu trên máy ngày {today()} lúc ")
    finally:
        tab.offline(False)


@requires_chromium
def test_pages_read_are_read_again_with_the_network_cut(browser, built_site: Path, tmp_path: Path) -> None:
    with read_then_cut(browser, built_site, tmp_path, KH02) as (tab, base):
        tab.goto(base + KH02)
        assert tab.eval("document.querySelector('.bt-doc__number').textContent") == "Số 02-KH/BTGDUK"
        assert "bản lưu trên máy" in tab.eval("document.querySelector('.bt-offline-notice').textContent")
        for url, heading in (("/dong-thoi-gian/", "Dòng thời gian"), ("/khau-hieu/", "Khẩu hiệu tuyên truyền"),
                             ("/tim-kiem/", "Tìm kiếm")):
            tab.goto(base + url)  # never opened: from the shell
            assert tab.eval("document.querySelector('h1').firstChild.textContent.trim()") == heading
        assert tab.eval("getComputedStyle(document.querySelector('.md-header')).backgroundColor") == "rgb(198, 40, 40)"


@requires_chromium
def test_on_a_slow_network_the_saved_copy_comes_after_3_s_and_says_so(browser, built_site: Path, tmp_path: Path) -> None:
    site = shutil.copytree(built_site, tmp_path / "site")
    tab = browser.tab()
    with serve(site) as base:
        controlled(tab, base + KH02)
        tab.wait_for(f"caches.open('bantin-pages').then((c) => c.match('{base + KH02}')).then((r) => !!r)")
        for target in browser.send("Target.getTargets")["targetInfos"]:
            if target["type"] == "service_worker" and target["url"].startswith(base):
                session = browser.send("Target.attachToTarget", {"targetId": target["targetId"], "flatten": True})["sessionId"]
                browser.send("Network.enable", session=session)
                browser.send("Network.emulateNetworkConditions", {  # 8 s for every answer
                    "offline": False, "latency": 8000, "downloadThroughput": -1, "uploadThroughput": -1}, session=session)
        tab.goto(base + KH02)
        assert tab.eval("document.querySelector('.bt-doc__number').textContent") == "Số 02-KH/BTGDUK"
        notice = tab.eval("document.querySelector('.bt-offline-notice').textContent")
        assert notice.startswith(f"Mạng chậm nên đây là bản lưu trên máy ngày {today()} lúc ")
        assert notice.endswith("Tải lại trang để xem bản mới nhất.")


@requires_chromium
def test_the_notice_lists_only_what_is_really_saved(browser, built_site: Path, tmp_path: Path) -> None:
    with read_then_cut(browser, built_site, tmp_path, KH02) as (tab, base):
        # A browser short of space dropped the timeline's saved copy.
        tab.eval(f"caches.keys().then((k) => Promise.all(k.map((n) => caches.open(n).then((c) => c.delete('{base}/dong-thoi-gian/')))))")
        tab.goto(base + CV229)
        tab.wait_for("!!document.querySelector('.bt-offline-list')")
        readable = tab.eval("[...document.querySelectorAll('#bt-offline-readable + ul a')].map((a) => a.textContent)")
        assert readable == ["Trang chủ", "Khẩu hiệu tuyên truyền", "Bản tin tháng (danh sách)", "Tìm kiếm trong các trang đã lưu"]
        index = tab.wait_for("document.querySelector('.bt-offline-index') && document.querySelector('.bt-offline-index').textContent")
        assert index.startswith("Khi không có mạng, tìm kiếm chỉ tìm trong 1 trang đã lưu trên máy.")


@requires_chromium
def test_the_save_button_keeps_the_pages_a_page_links_to(browser, built_site: Path, tmp_path: Path) -> None:
    with read_then_cut(browser, built_site, tmp_path, "/van-ban/2024/", press_save=True) as (tab, base):
        tab.goto(base + CV229)  # never opened, linked from the archive
        assert tab.eval("document.querySelector('.bt-doc__number').textContent") == "Số 229-CV/BTGHU"
        assert "bản lưu trên máy" in tab.eval("document.querySelector('.bt-offline-notice').textContent")


@requires_chromium
def test_the_save_button_is_drawn_with_the_page_not_after_the_scripts(browser, built_site: Path) -> None:
    # Drawn by the deferred offline.js, it pushed the page down after the
    # first paint (a layout shift Lighthouse counted on every page); with
    # offline.js held back, it is there all the same, under the summary.
    tab = browser.tab()
    tab.call("Network.enable")
    tab.call("Network.setBlockedURLs", {"urls": ["*offline.js"]})
    try:
        with serve(built_site) as base:
            tab.goto(base + KH02)
            assert tab.eval("document.querySelector('.bt-save__button').textContent") == "Lưu để đọc khi không có mạng"
            assert tab.eval("document.querySelector('.bt-summary').nextElementSibling.className") == "bt-save bt-noprint"
            assert tab.eval("self.bantinSaved === undefined")  # offline.js did not run
    finally:
        tab.call("Network.setBlockedURLs", {"urls": []})
        tab.call("Page.close")


@requires_chromium
def test_a_page_not_saved_gets_a_clear_notice_with_the_way_back(browser, built_site: Path, tmp_path: Path) -> None:
    with read_then_cut(browser, built_site, tmp_path, KH02) as (tab, base):
        tab.goto(base + CV229)
        assert tab.eval("location.pathname") == "/ngoai-tuyen/"
        assert tab.eval("document.querySelector('h1').firstChild.textContent.trim()") == "Trang này chưa được lưu trên máy"
        assert tab.eval("document.querySelector('#bt-offline-lead + p').textContent") == (
            "Trang bạn vừa mở: van-ban/2024/229-cv-btghu/")
        assert tab.eval("document.querySelector('#bt-offline-lead + p a').href") == base + CV229
        listed = tab.wait_for("document.querySelector('.bt-offline-list') && "
                              "[...document.querySelectorAll('.bt-offline-list a')].map((a) => a.textContent)")
        assert listed == ["Kế hoạch 02-KH/BTGDUK"]


SEARCH_CACHED = ("caches.keys().then((k) => k.find((n) => n.startsWith('bantin-search-')))"
                 ".then((n) => n ? caches.open(n).then((c) => c.keys()).then((k) => k.length) : 0)")


@requires_chromium
def test_offline_search_looks_through_the_saved_pages_and_says_so(browser, built_site: Path, tmp_path: Path) -> None:
    with read_then_cut(browser, built_site, tmp_path, KH02) as (tab, base):
        tab.goto(base + "/tim-kiem/?q=ke+hoach+02")
        tab.wait_for("document.documentElement.dataset.btSearch === 'done'")
        status = tab.eval("document.getElementById('bt-search-status').textContent")
        assert re.fullmatch(r"Tìm thấy \d trang cho “ke hoach 02” trong \d trang đã lưu trên máy\. "
                            r"Đang không tải được chỉ mục tìm kiếm, nên chưa tìm trong toàn bộ kho\.", status)
        assert tab.eval("document.querySelector('.bt-search__hit a').href") == base + KH02  # its title holds the words
        marked = tab.eval("[...document.querySelector('.bt-search__hit').querySelectorAll('mark')].map((m) => m.textContent)")
        assert {"Kế", "hoạch", "02"} <= set(marked)


@requires_chromium
def test_offline_search_reads_telex_leftovers_too(browser, built_site: Path, tmp_path: Path) -> None:
    with read_then_cut(browser, built_site, tmp_path, KH02) as (tab, base):
        tab.goto(base + "/tim-kiem/?q=" + quote("kees hoachj 02"))
        tab.wait_for("document.documentElement.dataset.btSearch === 'done'")
        status = tab.eval("document.getElementById('bt-search-status').textContent")
        assert re.fullmatch(r"Tìm thấy \d trang cho “kế hoạch 02” \(đọc “kees hoachj 02” như gõ kiểu Telex\) trong \d trang "
                            r"đã lưu trên máy\. Đang không tải được chỉ mục tìm kiếm, nên chưa tìm trong toàn bộ kho\.", status)
        assert tab.eval("document.querySelector('.bt-search__hit a').href") == base + KH02


@requires_chromium
def test_offline_search_never_finds_the_results_page_itself(browser, built_site: Path, tmp_path: Path) -> None:
    with read_then_cut(browser, built_site, tmp_path, KH02) as (tab, base):
        tab.goto(base + "/tim-kiem/?q=tim+kiem")  # the results page's own title, saved with the shell
        tab.wait_for("document.documentElement.dataset.btSearch === 'done'")
        found = tab.eval("[...document.querySelectorAll('.bt-search__hit a')].map((a) => new URL(a.href).pathname)")
        assert "/tim-kiem/" not in found


@requires_chromium
def test_the_whole_search_index_downloads_only_when_asked_with_its_size_shown(
        browser, built_site: Path, tmp_path: Path) -> None:
    settings = worker_settings(built_site)
    kb = max(1, round(settings["searchBytes"] / 1000))
    site = shutil.copytree(built_site, tmp_path / "site")
    tab = browser.tab()
    with serve(site) as base:
        controlled(tab, base + "/tim-kiem/?q=18-NQ%2FTW")
        tab.wait_for("document.documentElement.dataset.btSearch === 'done'")
        assert tab.eval(SEARCH_CACHED) < len(settings["search"])  # one search fetches only its shards
        button = tab.wait_for("document.querySelector('.bt-offline-index button') && document.querySelector('.bt-offline-index button').textContent")
        assert button == f"Tải chỉ mục tìm kiếm đầy đủ ({kb} KB)"
        tab.eval("document.querySelector('.bt-offline-index button').click()")
        tab.wait_for("document.querySelector('.bt-offline-index').textContent.startsWith('Đã tải chỉ mục tìm kiếm đầy đủ')", timeout=30)
        assert tab.eval(SEARCH_CACHED) == len(settings["search"])
    # The server is gone, as the network: search still answers from the index.
    tab.goto(base + "/tim-kiem/?q=229-CV%2FBTGHU")
    first = tab.wait_for("document.querySelector('.bt-search__hit a') && document.querySelector('.bt-search__hit a').href")
    assert first == base + CV229


@requires_chromium
def test_a_new_build_reaches_a_reader_who_has_the_old_one(browser, project: Path) -> None:
    first = run_build(project)
    assert first.returncode == 0, first.output
    tab = browser.tab()
    with serve(first.site) as base:
        controlled(tab, base + KH02)
        old = tab.eval("caches.keys()")
        # The editors publish a correction and a new style.
        body = project / "content/directives/2024/02-kh-btgduk.md"
        body.write_text(body.read_text(encoding="utf-8").replace("Thực hiện Kế hoạch số 77", "Căn cứ Kế hoạch số 77"),
                        encoding="utf-8")
        css = (THEME_DIR / "assets/stylesheets/bantin.css").read_text(encoding="utf-8")
        override(project, "assets/stylesheets/bantin.css", (css + "\n.bt-new { color: red; }\n").encode())
        second = run_build(project)
        assert second.returncode == 0, second.output
        tab.goto(base + KH02)
        assert "Căn cứ Kế hoạch số 77" in tab.eval("document.querySelector('.bt-doc__body').textContent")
        tab.eval("navigator.serviceWorker.getRegistration().then((r) => r.update())")
        new_shell = "bantin-shell-" + worker_settings(second.site)["version"]
        tab.wait_for(f"caches.keys().then((k) => k.includes('{new_shell}') && k.filter((n) => n.startsWith('bantin-shell-')).length === 1)",
                     timeout=30)
    assert [k for k in old if k.startswith("bantin-shell-")] != [new_shell]
    assert "/van-ban/2024/02-kh-btgduk/" in saved_pages(tab)


# --- the copy opened from disk ----------------------------------------------

@pytest.fixture(scope="module")
def disk_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What `make offline` builds, from mkdocs.offline.yml."""
    from conftest import copy_project
    project = copy_project(tmp_path_factory.mktemp("offline-project"))
    shutil.copy2(ROOT / "mkdocs.offline.yml", project / "mkdocs.offline.yml")
    result = run_build(project, "--config-file", "mkdocs.offline.yml")
    assert result.returncode == 0, result.output
    return result.site


def test_the_disk_copy_links_html_files_that_exist(disk_copy: Path) -> None:
    broken = []
    for path in disk_copy.rglob("*.html"):
        if path.name == "404.html":
            continue  # served by a web server for any path: its links start at the root
        for href in re.findall(r'<a [^>]*href="([^"#?]+)', path.read_text(encoding="utf-8")):
            if not re.match(r"^[a-z]+:", href) and not (path.parent / href).resolve().is_file():
                broken.append(f"{path.relative_to(disk_copy)} → {href}")
    assert broken == []
    assert (disk_copy / "van-ban/2024/02-kh-btgduk.html").is_file()
    assert "Content-Security-Policy" not in (disk_copy / "index.html").read_text(encoding="utf-8")


@requires_chromium
def test_the_disk_copy_reads_and_searches_from_file_urls(browser, disk_copy: Path) -> None:
    tab = browser.tab()
    tab.goto((disk_copy / "index.html").as_uri())
    tab.eval("[...document.querySelectorAll('.bt-entry__link')].find((a) => a.href.endsWith('02-kh-btgduk.html')).click()")
    tab.wait_for("location.href.endsWith('/van-ban/2024/02-kh-btgduk.html') && document.readyState === 'complete'")
    assert tab.eval("document.querySelector('.bt-doc__number').textContent") == "Số 02-KH/BTGDUK"
    tab.goto((disk_copy / "tim-kiem.html").as_uri() + "?q=229-CV%2FBTGHU")
    first = tab.wait_for("document.querySelector('.bt-search__hit a') && document.querySelector('.bt-search__hit a').href")
    assert first == (disk_copy / "van-ban/2024/229-cv-btghu.html").as_uri()
