"""Reading the bulletin with no network.

Adds the offline notice page (/ngoai-tuyen/) and writes, after the build:

- ``manifest.webmanifest``, naming the icons in the theme's ``assets/images``
  (drawn by ``bantin.icons``), so a phone can add the site to its home screen;
- ``sw.js``, the service worker (the theme's ``bantin/sw.js`` template). It precaches
  the shell: the pages every reader needs offline (home, timeline, slogans,
  bulletins, search, the notice) and every file those pages load. That list
  does not grow with the archive. Other pages are kept as they are read,
  the first one too (the worker, once active, saves the pages open when it
  was installed), and the pages a page links to when the reader presses
  "Lưu để đọc khi không có mạng". Pages come from the network first, so a
  reader online gets the current text; offline, or after 3 s on a slow
  network, the saved copy, marked with its date for offline.js to show. A
  page neither online nor saved is answered with the notice page.
- The search index (``SearchFiles.files``) grows with the
  archive, about 1.3 MB gzipped per 1,000 directives: too much to fetch
  unasked. Offline, search looks through the saved pages; the whole index is
  fetched only when the reader asks, its size (``searchBytes``) shown first.

The shell's cache is named by a hash of its files' contents, so a build that
changes any of them installs a new worker, which drops the old shell; pages
already read are kept across versions and refreshed when read online.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from bantin import icons, paths

from .config import BantinConfig
from .search import SearchFiles

NOTICE_URI = paths.OFFLINE_NOTICE_URI
MANIFEST = paths.MANIFEST
WORKER = paths.WORKER
WORKER_TEMPLATE = "bantin/sw.js"
ICONS = {size: paths.app_icon(size) for size in icons.SIZES}
# Pages precached for every reader, by source; the ones a build lacks are skipped.
SHELL_PAGES = (paths.HOME_URI, paths.TIMELINE_URI, paths.SLOGANS_URI, paths.BULLETINS_URI, NOTICE_URI)


@dataclass
class Shell:
    """What the worker precaches, gathered during one build: the shell pages'
    final HTML by their path in the site (kept from ``on_post_page``, never
    read back from the site)."""

    files: Files | None = None
    pages: dict[str, str] = field(default_factory=dict)

    def add_notice(self, files: Files, config: MkDocsConfig) -> None:
        files.append(File.generated(config, NOTICE_URI, content=_notice_markdown(files),
                                    inclusion=InclusionLevel.NOT_IN_NAV))
        self.files = files

    def keep(self, page: Page, output: str, search_page: str) -> None:
        """Keep a page's final HTML if the worker precaches it."""
        if page.file.src_uri in SHELL_PAGES or (search_page and page.url == search_page):
            self.pages[page.file.dest_uri] = output

    def write(self, env: Environment, config: MkDocsConfig, options: BantinConfig,
              search: SearchFiles | None) -> dict[str, str]:
        """The web app manifest and the service worker, by path in the site."""
        assert self.files is not None
        files = self.files
        manifest = _manifest(config, options)
        written = {MANIFEST: manifest.encode(), **{rel: text.encode() for rel, text in (search.texts if search else {}).items()},
                   **{dest: html.encode() for dest, html in self.pages.items()}}
        by_dest = {f.dest_uri: f for f in files}

        def content(rel: str) -> bytes | None:
            if rel in written:
                return written[rel]
            file = by_dest.get(rel)
            return file.content_bytes if file is not None else None

        pages = [f for f in (files.get_file_from_path(uri) for uri in SHELL_PAGES) if f is not None]
        if search is not None and search.page:
            page = next((f for f in files.documentation_pages() if f.url == search.page), None)
            if page is not None and page not in pages:
                pages.append(page)
        shell = [_page_key(f.url) for f in pages]
        assets: set[str] = {MANIFEST, *ICONS.values()}
        for f in pages:
            assets.update(_loaded_by(self.pages.get(f.dest_uri, ""), f.dest_uri))
        if search is not None and search.script and content(search.script) is not None:
            assets.add(search.script)
        shell += sorted(a for a in assets if content(a) is not None)

        digest = hashlib.sha256()
        for rel in shell:
            digest.update(rel.encode() + b"\0" + (content(_dest(rel)) or b"") + b"\0")
        notice = _page_key(files.get_file_from_path(NOTICE_URI).url)
        search_files = [f for f in search.files if f in written] if search else []
        settings = json.dumps({
            "version": digest.hexdigest()[:12],
            "shell": shell,
            "notice": notice,
            "search": search_files,
            "searchVersion": search.version if search else "",
            # What "download the whole index" costs, shown before the reader asks.
            "searchBytes": sum(len(written[f]) for f in search_files),
        }, ensure_ascii=False, indent=1, sort_keys=True)
        return {MANIFEST: manifest, WORKER: env.get_template(WORKER_TEMPLATE).render(settings=settings)}

def _notice_markdown(files: Files) -> str:
    """The notice: what happened, what to do, what can still be read.

    The list names the shell's pages, which the worker saved when it was
    installed (only the worker sends a reader here); offline.js checks each
    against the saved copies, says what search can do, and adds the pages
    saved on this device.
    """
    here = PurePosixPath(NOTICE_URI).parent
    readable = [(label, uri) for label, uri in (
        ("Trang chủ", paths.HOME_URI),
        ("Dòng thời gian", paths.TIMELINE_URI),
        ("Khẩu hiệu tuyên truyền", paths.SLOGANS_URI),
        ("Bản tin tháng (danh sách)", paths.BULLETINS_URI),
        ("Tìm kiếm trong các trang đã lưu", paths.SEARCH_URI),
    ) if uri == paths.HOME_URI or files.get_file_from_path(uri) is not None]
    links = "\n".join(f"- [{label}]({_relative(uri, here)})" for label, uri in readable)
    return (
        "---\nsearch:\n  exclude: true\nhide:\n  - toc\n---\n\n"
        "# Trang này chưa được lưu trên máy\n\n"
        "Máy của bạn đang không có mạng, và trang vừa mở chưa được lưu trên máy này "
        "để đọc khi không có mạng.\n{: #bt-offline-lead }\n\n"
        "Khi có mạng trở lại, hãy mở lại trang đó. Một trang đã mở một lần khi có mạng thì được lưu; "
        "nút “Lưu để đọc khi không có mạng” lưu thêm mọi trang mà trang đang đọc dẫn tới.\n\n"
        "## Vẫn đọc được khi không có mạng { #bt-offline-readable }\n\n"
        f"{links}\n\n"
        "Tìm kiếm khi không có mạng chỉ tìm trong các trang đã lưu, trừ khi bạn đã tải chỉ mục tìm kiếm đầy đủ."
        "\n{: #bt-offline-index }\n\n"
        "Các trang đã lưu trên máy này, trang mới lưu trước:\n{: #bt-offline-saved }\n"
    )


def _relative(uri: str, here: PurePosixPath) -> str:
    return str(PurePosixPath(*([".."] * len(here.parts)), uri))


def _page_key(url: str) -> str:
    """A page's URL relative to the site root, as the worker caches it:
    "" for the home page, "khau-hieu/" (or "khau-hieu/index.html" in the
    copy built with ``use_directory_urls: false``)."""
    return "./" if url in ("", "index.html") else url


def _dest(rel: str) -> str:
    if rel == "./":
        return "index.html"
    return rel + "index.html" if rel.endswith("/") else rel


_TAG = re.compile(r"<(link|script)\b([^>]*)>", re.I)
_ATTR = re.compile(r"""\b(rel|href|src)\s*=\s*["']([^"']*)["']""", re.I)
_LOADED_RELS = {"stylesheet", "icon", "manifest", "apple-touch-icon", "modulepreload", "preload"}


def _loaded_by(html: str, dest_uri: str) -> set[str]:
    """Same-site files a page loads (styles, scripts, icons), relative to the site root."""
    here = PurePosixPath(dest_uri).parent
    found = set()
    for tag, attrs in _TAG.findall(html):
        values = {k.lower(): v for k, v in _ATTR.findall(attrs)}
        if tag.lower() == "link" and not _LOADED_RELS & set(values.get("rel", "").lower().split()):
            continue
        ref = values.get("src" if tag.lower() == "script" else "href", "")
        ref = ref.split("#")[0].split("?")[0]
        if not ref or re.match(r"^[a-z][a-z0-9+.-]*:|^//|^/", ref, re.I):
            continue  # another host, data: URLs, or a root path this site never writes
        path = _normalise(here / ref)
        if path is not None:
            found.add(path)
    return found


def _normalise(path: PurePosixPath) -> str | None:
    parts: list[str] = []
    for part in path.parts:
        if part == "..":
            if not parts:
                return None
            parts.pop()
        elif part != ".":
            parts.append(part)
    return "/".join(parts)


def _manifest(config: MkDocsConfig, options: BantinConfig) -> str:
    name = options.bulletin_name or config.site_name  # as the feed names it
    icons = [{"src": rel, "sizes": f"{size}x{size}", "type": "image/png", "purpose": "any"}
             for size, rel in ICONS.items()]
    icons.append({"src": ICONS[512], "sizes": "512x512", "type": "image/png", "purpose": "maskable"})
    return json.dumps({
        "name": name,
        "short_name": "Bản tin",
        "description": config.site_description or name,
        "lang": "vi",
        "dir": "ltr",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": options.theme_color,
        "icons": icons,
    }, ensure_ascii=False, indent=1) + "\n"
