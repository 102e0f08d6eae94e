"""The preview answers while it rebuilds.

MkDocs' server holds every page request until a rebuild is done, so that
it never serves half a site; after a failed rebuild it holds them for good.
At 5,000 directives a new directive takes seconds to rebuild, and a reader
clicking meanwhile waited that long. A rebuild of the preview rewrites only
the pages it changes (``--dirty``), each in one write, so the site as it is
stays whole: while MkDocs rebuilds, a request is answered from it at once,
with the old page if the new one is not written yet. The browser reloads
when the rebuild is done, as it would have anyway.

What is served is what MkDocs would serve: the same page or theme file for
the same path, with its live-reload script for the last finished build.
Anything else (a missing file, a page being written, the search files and
feeds a build rewrites in place, MkDocs' live-reload polling) goes to
MkDocs' own handler, which waits as before.
"""

from __future__ import annotations

import logging
import os
import posixpath
from typing import Callable, Iterable

_HTML_END = b"</html>"
_ASSETS = "assets/"
_STUCK = "An error happened during the rebuild"  # MkDocs: "… The server will appear stuck …"
STUCK_VI = ("bản xem trước vẫn hiện trang của lần dựng tốt gần nhất; "
            "sửa lỗi nêu ở trên rồi lưu lại, trang sẽ tự tải lại")


class Answering:
    """The preview server's request handler, in front of MkDocs' own."""

    def __init__(self, server) -> None:  # type: ignore[no-untyped-def]
        self.server = server
        self.mkdocs_app: Callable = server.get_app()
        server.set_app(self)
        logger = logging.getLogger("mkdocs.livereload")
        if not any(isinstance(f, _NotStuck) for f in logger.filters):
            logger.addFilter(_NotStuck())

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        # The build the site stands at, read before the file: were the rebuild
        # to end in between, an old page would carry the new build's number
        # and never reload (MkDocs reads it first too).
        epoch = self.server._visible_epoch
        found = self._as_is(environ, epoch) if epoch != self.server._wanted_epoch else None
        if found is None:
            return self.mkdocs_app(environ, start_response)
        content, content_type = found
        start_response("200 OK", [("Content-Type", content_type), ("Content-Length", str(len(content)))])
        return [content]

    def _as_is(self, environ: dict, epoch: int) -> tuple[bytes, str] | None:
        """The file a request names, as the site holds it now; None to leave it
        to MkDocs. A rebuild is running, or the last one failed: MkDocs 1.6
        keeps the build it serves (``epoch``) and the one it started apart, in
        private attributes."""
        if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
            return None
        # Decoded, mapped to a file and kept inside the site as MkDocs does.
        path = environ.get("PATH_INFO", "").encode("latin-1").decode("utf-8", "ignore")
        mount = self.server.mount_path
        if path.startswith("/livereload/") or not (path + "/").startswith(mount):
            return None
        rel = posixpath.normpath("/" + path[len(mount):] + ("index.html" if path.endswith("/") else "")).lstrip("/")
        # Pages, and the theme's files (copied only when changed). The search
        # files, the feeds and the worker are written in place by each build:
        # those wait for it.
        if not (rel.endswith(".html") or rel.startswith(_ASSETS)):
            return None
        file = os.path.join(self.server.root, rel)
        try:
            with open(file, "rb") as f:
                content = f.read()
        except (OSError, ValueError):  # ValueError: a NUL in the path
            return None
        if rel.endswith(".html"):
            if not content.rstrip().endswith(_HTML_END):
                return None  # caught while being written: wait for it
            # The script that reloads the page once the rebuild is done: MkDocs' own.
            content = self.server._inject_js_into_html(content, epoch)
        return content, self.server._guess_type(file)


class _NotStuck(logging.Filter):
    """After a failed rebuild MkDocs says, in English, that the server will
    appear stuck; with ``Answering`` it is not: say what happens instead."""

    def filter(self, record: logging.LogRecord) -> bool:
        when, found, _ = str(record.msg).partition(_STUCK)  # "[10:02:03] An error …"
        if found:
            record.msg, record.args = when + STUCK_VI, ()
        return True
