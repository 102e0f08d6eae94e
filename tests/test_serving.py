"""What the preview answers at once while MkDocs rebuilds (``bantin.mkdocs.serving``),
on MkDocs' own server object, not started: requests are handed to it directly."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.livereload import LiveReloadServer

from bantin.mkdocs.serving import Answering

PAGE = "<!doctype html>\n<html><body><p>Trang cũ</p></body>\n</html>\n"


@pytest.fixture()
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    (root / "van-ban/2024/229-cv-btghu").mkdir(parents=True)
    (root / "van-ban/2024/229-cv-btghu/index.html").write_text(PAGE, encoding="utf-8")
    (root / "dang-ghi/").mkdir()
    (root / "dang-ghi/index.html").write_text("<!doctype html>\n<html><body><p>Nửa tr", encoding="utf-8")
    (root / "assets").mkdir()
    (root / "assets/bantin.css").write_text("body{margin:0}", encoding="utf-8")
    (root / "search").mkdir()
    (root / "search/index.js").write_text("bantinSearch.push(", encoding="utf-8")  # rewritten in place by a build
    (tmp_path / "bi-mat.html").write_text(PAGE, encoding="utf-8")
    return root


class _Handed:
    """Stands for MkDocs' handler: records what was left to it."""

    def __init__(self) -> None:
        self.paths: list[str] = []

    def __call__(self, environ: dict, start_response) -> list[bytes]:  # type: ignore[no-untyped-def]
        self.paths.append(environ["PATH_INFO"])
        start_response("200 OK", [])
        return [b"mkdocs"]


@pytest.fixture()
def answering(site: Path) -> tuple[Answering, _Handed, LiveReloadServer]:
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(site))
    answering = Answering(server)
    assert server.get_app() is answering
    handed = answering.mkdocs_app = _Handed()
    server._wanted_epoch = server._visible_epoch + 1  # a rebuild has started
    return answering, handed, server


def _ask(app: Answering, path: str) -> tuple[str, dict[str, str], bytes]:
    got: dict = {}

    def start_response(status: str, headers: list[tuple[str, str]]) -> None:
        got["status"], got["headers"] = status, dict(headers)

    body = b"".join(app({"REQUEST_METHOD": "GET", "PATH_INFO": path}, start_response))
    return got["status"], got["headers"], body


def test_a_page_is_answered_as_the_site_holds_it_with_the_reload_script_of_the_last_good_build(answering) -> None:  # type: ignore[no-untyped-def]
    app, handed, server = answering
    status, headers, body = _ask(app, "/van-ban/2024/229-cv-btghu/")
    assert (status, headers["Content-Type"], handed.paths) == ("200 OK", "text/html", [])
    assert body.startswith(PAGE.split("</body>")[0].encode())
    assert f"livereload({server._visible_epoch}, ".encode() in body


def test_a_stylesheet_is_answered_as_it_is(answering) -> None:  # type: ignore[no-untyped-def]
    app, handed, _ = answering
    assert _ask(app, "/assets/bantin.css") == ("200 OK", {"Content-Type": "text/css", "Content-Length": "14"},
                                               b"body{margin:0}")


@pytest.mark.parametrize("path", [
    "/dang-ghi/",  # a page caught while being written: no </html> yet
    "/van-ban/2025/chua-co/",  # not in the site yet
    "/van-ban/2024/229-cv-btghu\x00/",  # a NUL byte
    "/livereload/1/2",  # MkDocs' reload polling
    "/search/index.js",  # written in place by each build: maybe half written now
])
def test_what_it_cannot_answer_is_left_to_mkdocs(answering, path: str) -> None:  # type: ignore[no-untyped-def]
    app, handed, _ = answering
    assert _ask(app, path)[2] == b"mkdocs"
    assert handed.paths == [path]


def test_a_path_out_of_the_site_stays_in_it(answering) -> None:  # type: ignore[no-untyped-def]
    app, handed, _ = answering
    assert _ask(app, "/../bi-mat.html")[2] == b"mkdocs"  # site/bi-mat.html: there is none


def test_when_no_rebuild_runs_mkdocs_answers(answering) -> None:  # type: ignore[no-untyped-def]
    app, handed, server = answering
    server._wanted_epoch = server._visible_epoch
    assert _ask(app, "/van-ban/2024/229-cv-btghu/")[2] == b"mkdocs"


def test_a_page_read_as_the_rebuild_ends_carries_the_build_it_came_from(answering, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    app, handed, server = answering
    before = server._visible_epoch

    def open_as_the_rebuild_ends(*args, **kwargs):  # type: ignore[no-untyped-def]
        server._visible_epoch = server._wanted_epoch
        return open(*args, **kwargs)

    monkeypatch.setattr("bantin.mkdocs.serving.open", open_as_the_rebuild_ends, raising=False)
    body = _ask(app, "/van-ban/2024/229-cv-btghu/")[2]
    assert f"livereload({before}, ".encode() in body  # so it reloads: the page read may be the old one
