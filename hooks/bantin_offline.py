"""MkDocs hook: read the bulletin with no network.

Adds the offline notice page (/ngoai-tuyen/) and writes, after the build:

- ``manifest.webmanifest``, naming the icons in ``overrides/assets/images``
  (drawn by ``bantin.icons``), so a phone can add the site to its home screen;
- ``sw.js``, the service worker. It precaches the shell: the pages every
  reader needs offline (home, timeline, slogans, bulletins, search, the
  notice) and every file those pages load. That list does not grow with the
  archive: other pages are cached as they are read. Pages come from the
  network first, so a reader online always gets the current text (after 3 s
  on a slow network, the saved copy). A page neither online nor saved is
  answered with the notice page.
- The search index (the files ``search/manifest.json`` lists) grows with the
  archive, about 1.3 MB gzipped per 1,000 directives: too much to fetch for
  every first visit. The first search a reader makes online fetches the
  rest of it in the background, so from then on search works offline too.

The shell's cache is named by a hash of its files' contents, so a build that
changes any of them installs a new worker, which drops the old shell; pages
already read are kept across versions and refreshed when read online.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path, PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from bantin import icons

NOTICE_URI = "ngoai-tuyen/index.md"
MANIFEST = "manifest.webmanifest"
WORKER = "sw.js"
ICONS = {size: f"assets/images/{icons.file_name(size)}" for size in icons.SIZES}
THEME = icons.RED
# Pages precached for every reader, by source; the ones a build lacks are skipped.
SHELL_PAGES = ("index.md", "dong-thoi-gian/index.md", "khau-hieu/index.md", "ban-tin/index.md", NOTICE_URI)
SEARCH_MANIFEST = "search/manifest.json"

_files: dict[str, Files] = {}


def _notice_markdown(files: Files) -> str:
    """The notice: what happened, what to do, what can still be read."""
    here = PurePosixPath(NOTICE_URI).parent
    readable = [(label, uri) for label, uri in (
        ("Trang chủ", "index.md"),
        ("Dòng thời gian", "dong-thoi-gian/index.md"),
        ("Khẩu hiệu tuyên truyền", "khau-hieu/index.md"),
        ("Bản tin tháng", "ban-tin/index.md"),
        ("Tìm kiếm", "tim-kiem.md"),
    ) if uri == "index.md" or files.get_file_from_path(uri) is not None]
    links = "\n".join(f"- [{label}]({_relative(uri, here)})" for label, uri in readable)
    return (
        "---\nsearch:\n  exclude: true\nhide:\n  - toc\n---\n\n"
        "# Trang này chưa được lưu trên máy\n\n"
        "Máy của bạn đang không có mạng, và trang vừa mở chưa từng được đọc trên máy này, "
        "nên chưa có bản lưu để đọc khi không có mạng.\n{: #bt-offline-lead }\n\n"
        "Khi có mạng trở lại, hãy mở lại trang đó.\n\n"
        "## Vẫn đọc được khi không có mạng { #bt-offline-readable }\n\n"
        f"{links}\n\n"
        "Và mọi trang bạn đã đọc trên máy này:\n{: #bt-offline-saved }\n"
    )


def _relative(uri: str, here: PurePosixPath) -> str:
    return str(PurePosixPath(*([".."] * len(here.parts)), uri))


def on_pre_build(config: MkDocsConfig) -> None:
    _files.clear()  # ``mkdocs serve`` rebuilds in one process


@event_priority(50)  # after the site hook's pages (100), before search and nav see the files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    files.append(File.generated(config, NOTICE_URI, content=_notice_markdown(files)))
    _files["files"] = files
    return files


@event_priority(-50)  # after the search hook has written its index files
def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    files = _files["files"]
    (site / MANIFEST).write_text(_manifest(config), encoding="utf-8")

    pages = [f for f in (files.get_file_from_path(uri) for uri in SHELL_PAGES) if f is not None]
    search = _search_files(site)
    if search.get("page"):
        page = next((f for f in files.documentation_pages() if f.url == search["page"]), None)
        if page is not None and page not in pages:
            pages.append(page)
    shell = [_page_key(f.url) for f in pages]
    assets: set[str] = {MANIFEST, *ICONS.values()}
    for f in pages:
        assets.update(_loaded_by(site, f.dest_uri))
    if search.get("script") and (site / search["script"]).is_file():
        assets.add(search["script"])
    shell += sorted(a for a in assets if (site / a).is_file())

    digest = hashlib.sha256()
    for rel in shell:
        digest.update(rel.encode() + b"\0" + (site / _dest(rel)).read_bytes() + b"\0")
    notice = _page_key(files.get_file_from_path(NOTICE_URI).url)
    worker = _WORKER_JS.replace("__SETTINGS__", json.dumps({
        "version": digest.hexdigest()[:12],
        "shell": shell,
        "notice": notice,
        "search": search.get("files", []),
        "searchVersion": search.get("version", ""),
    }, ensure_ascii=False, indent=1, sort_keys=True))
    (site / WORKER).write_text(worker, encoding="utf-8")


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


def _loaded_by(site: Path, dest_uri: str) -> set[str]:
    """Same-site files a page loads (styles, scripts, icons), relative to the site root."""
    html = (site / dest_uri).read_text(encoding="utf-8")
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


def _search_files(site: Path) -> dict:
    """What the search hook's manifest lists (see ``bantin.search``), if it ran."""
    path = site / SEARCH_MANIFEST
    if not path.is_file():
        return {}
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["files"] = [f for f in manifest.get("files", []) if (site / f).is_file()]
    return manifest


def _manifest(config: MkDocsConfig) -> str:
    name = config.extra["bantin"].bulletin_name or config.site_name  # as the feed names it
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
        "theme_color": THEME,
        "icons": icons,
    }, ensure_ascii=False, indent=1) + "\n"


_WORKER_JS = r"""// bantin service worker: written by hooks/bantin_offline.py at each build.
"use strict";
const SETTINGS = __SETTINGS__;
const BASE = new URL("./", self.location);
const SHELL = "bantin-shell-" + SETTINGS.version;
const ASSETS = "bantin-assets-" + SETTINGS.version; // other files, as loaded
const SEARCH = "bantin-search-" + SETTINGS.searchVersion;
const PAGES = "bantin-pages"; // pages as read: kept across versions
const MAX_PAGES = 500;
const PATIENCE = 3000; // ms to wait for the network before showing a saved page

const here = (rel) => new URL(rel, BASE).href;
// Past the HTTP cache: a file that kept its name must still arrive fresh.
const fresh = (rel) => new Request(here(rel), { cache: "reload" });

const SEARCH_FILES = new Set(SETTINGS.search.map(here));

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    await (await caches.open(SHELL)).addAll(SETTINGS.shell.map(fresh));
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const keep = new Set([SHELL, ASSETS, SEARCH, PAGES]);
    for (const key of await caches.keys()) {
      if (key.startsWith("bantin-") && !keep.has(key)) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(BASE.href)) return;
  if (request.mode === "navigate") {
    event.respondWith(page(event));
  } else {
    event.respondWith(asset(event));
  }
});

// "x/index.html" and "x/" are one page.
function pageKey(url) {
  const u = new URL(url);
  u.hash = "";
  u.search = "";
  if (u.pathname.endsWith("/index.html") && SETTINGS.notice.endsWith("/")) {
    u.pathname = u.pathname.slice(0, -"index.html".length);
  }
  return u.href;
}

async function page(event) {
  const key = pageKey(event.request.url);
  const saved = caches.match(key);
  const network = fetch(event.request).then((response) => {
    if (response.ok && response.type === "basic") {
      const copy = response.clone();
      event.waitUntil(remember(key, copy));
    }
    return response;
  });
  network.catch(() => {});
  const patience = new Promise((resolve) => setTimeout(resolve, PATIENCE));
  try {
    // A saved copy waits only so long for the network; none waits for it.
    const first = await Promise.race([network, patience.then(() => saved)]);
    if (first) return first;
    return await network;
  } catch (error) {
    const copy = await saved;
    if (copy) return copy;
    const notice = new URL(SETTINGS.notice, BASE);
    notice.searchParams.set("trang", event.request.url);
    return Response.redirect(notice.href, 302);
  }
}

async function remember(key, response) {
  const cache = await caches.open(PAGES);
  await cache.put(key, response);
  const keys = await cache.keys();
  // Oldest first: forget the pages read longest ago.
  await Promise.all(keys.slice(0, Math.max(0, keys.length - MAX_PAGES)).map((k) => cache.delete(k)));
}

async function asset(event) {
  const hit = await caches.match(event.request, { ignoreSearch: true });
  if (hit) return hit;
  const response = await fetch(event.request);
  if (response.ok && response.type === "basic") {
    const copy = response.clone();
    const search = SEARCH_FILES.has(event.request.url.split("?")[0]);
    event.waitUntil(caches.open(search ? SEARCH : ASSETS).then((cache) => cache.put(event.request, copy)));
    if (search) event.waitUntil(wholeIndex());
  }
  return response;
}

// The reader searches: fetch the rest of the index, one file at a time.
let filling = null;
function wholeIndex() {
  filling = filling || (async () => {
    const cache = await caches.open(SEARCH);
    const have = new Set((await cache.keys()).map((r) => r.url));
    for (const rel of SETTINGS.search) {
      if (!have.has(here(rel))) await cache.add(fresh(rel)).catch(() => {});
    }
  })().finally(() => { filling = null; });
  return filling;
}
"""
