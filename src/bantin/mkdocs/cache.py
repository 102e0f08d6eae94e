"""Pages kept between builds, by everything they are made from.

A generated page's HTML depends on its spec (title, template, Markdown, the
records its template shows), on the pages it embeds, and on what every page
shares: the configuration file, the theme's files, the pages of ``docs/``
(their titles make the navigation) and the code of bantin, MkDocs and
Material. The hash of all that is the page's fingerprint. A page whose
fingerprint was rendered before is not rendered again: its Markdown and its
template are skipped and its final HTML taken from the cache. So an edit to
one directive renders the pages that show it, and only those.

In a dirty build (``mkdocs serve --dirty``, which ``make serve`` runs) MkDocs
skips the pages whose file says it is unchanged: ``PageFile`` says so only
when the site already holds this very fingerprint's HTML. The pages of
``docs/`` are always rebuilt (they are few, and the home page lists the
newest directives); files a build no longer makes are deleted from the site.
"""

from __future__ import annotations

import copyreg
import hashlib
import io
import logging
import os
import pickle
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Mapping

import material
import mkdocs
import zstandard
from jinja2.bccache import Bucket, BytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents
from mkdocs.theme import Theme

from bantin.pages import PageSpec
from bantin.records import Directive
from bantin.search import SearchDoc

from .pack import Pack

log = logging.getLogger("mkdocs.plugins.bantin")

MEMO_FILE = "records.pickle"
SEARCH_FILE = "search-counts.pickle"
TEMPLATES_FILE = "templates.pickle"
CACHED_TEMPLATE = "bantin/cached.html"  # renders nothing: the cached HTML replaces it
_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")  # in reprs of functions: differs on every run
_VERSIONED = tuple(Path(m.__file__).resolve().parent for m in (material, mkdocs))  # code_version names them by version


@dataclass(frozen=True)
class Rendered:
    """What one page became: its article (``page.content``, which a monthly
    bulletin's print page embeds), its table of contents, its final HTML,
    and its search document."""

    content: str
    toc: TableOfContents
    output: str
    search: SearchDoc | None


class PageFile(File):
    """A generated page that tells a dirty build whether it must be built."""

    unchanged = False

    def is_modified(self) -> bool:
        return not self.unchanged


class CachedPage(Page):
    """A generated page rendered before: its Markdown is not converted again.
    MkDocs makes a Markdown instance with every extension for each page it
    renders; for a page taken from the cache that was most of its cost."""

    def __init__(self, file: File, config: MkDocsConfig, rendered: Rendered) -> None:
        super().__init__(None, file, config)
        self.rendered = rendered

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.content, self.toc = self.rendered.content, self.rendered.toc


class AlwaysBuilt(File):
    """A page of ``docs/`` in a dirty build: its title is in the navigation of
    every page, and the home page shows the newest directives."""

    def is_modified(self) -> bool:
        return True

    @classmethod
    def like(cls, file: File) -> "AlwaysBuilt":
        return cls(file.src_uri, file.src_dir, file.dest_dir, file.use_directory_urls,
                   dest_uri=file.dest_uri, inclusion=file.inclusion)


def _directive_ref(key: bytes | None) -> None:
    """Never called: a fingerprint is hashed, not unpickled."""


class _Fingerprinter(pickle.Pickler):
    """Pickles a page's inputs, writing a directive as the hash it is kept by
    (``bantin.memo``): a directive's record depends on its file alone. Through
    ``dispatch_table``, consulted for class instances only: a ``persistent_id``
    would be a Python call for every string and number (a second a build at
    5,000 directives)."""

    def __init__(self, out: io.BytesIO, key_of: Callable[[Directive], bytes | None]) -> None:
        super().__init__(out, protocol=pickle.HIGHEST_PROTOCOL)
        self.dispatch_table = {**copyreg.dispatch_table, Directive: lambda d: _by_key(d, key_of)}


def _by_key(d: Directive, key_of: Callable[[Directive], bytes | None]) -> tuple:
    key = key_of(d)
    return (_directive_ref, (key,)) if key is not None else d.__reduce_ex__(pickle.HIGHEST_PROTOCOL)


class Templates(BytecodeCache):
    """Compiled templates, kept in memory between builds: MkDocs makes a new
    Jinja environment for every build, which compiled every template again
    (half a second of each preview rebuild). Jinja checks each template's
    source against what was compiled, so an edited template is compiled anew."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


def quiet_dirty_warning() -> None:
    """MkDocs warns on every dirty build that links and navigation may be
    wrong; with bantin they are not (see the module's docstring), and a
    warning on every save would bury the ones that matter."""
    logger = logging.getLogger("mkdocs.commands.build")
    if not any(isinstance(f, _DirtyWarning) for f in logger.filters):
        logger.addFilter(_DirtyWarning())


class _DirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("A 'dirty' build is being performed")


def always_built(files: Files) -> Files:
    """``files`` with each page of ``docs/`` an ``AlwaysBuilt``, in the same order."""
    return Files([AlwaysBuilt.like(f) if f.is_documentation_page() and f.generated_by is None
                  and type(f) is File else f for f in files])


def disk_folder(root: Path, cache_dir: str, code: str) -> Path | None:
    """Where this version of the code keeps its cache under ``root``, or None
    for no cache on disk (``cache_dir: ""``, or a folder git tracks: pickles
    from a commit would run code, so a committed cache is never read)."""
    if not cache_dir or os.environ.get("BANTIN_CACHE", "1") == "0":
        return None
    top = (root / cache_dir).resolve()
    if (root / ".git").exists():
        try:
            tracked = subprocess.run(["git", "-C", str(root), "ls-files", "--", str(top)], capture_output=True,
                                     text=True, timeout=30).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            tracked = ""
        if tracked:
            log.warning("bantin: thư mục %s có tệp do git quản lý nên không dùng làm bộ nhớ đệm: hãy "
                        "'git rm -r --cached %s' và ghi nó vào .gitignore", cache_dir, cache_dir)
            return None
    folder = top / code
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for other in top.iterdir():  # caches of other versions of the code are of no use
            if other.is_dir() and other.name != code:
                shutil.rmtree(other, ignore_errors=True)
    except OSError as error:
        log.info("bantin: không dùng được bộ nhớ đệm %s (%s)", top, error.strerror)
        return None
    return folder


def shared_inputs(config: MkDocsConfig, files: Files, code: str) -> bytes:
    """The hash of what every page depends on (see the module's docstring)."""
    h = hashlib.blake2b(digest_size=16)
    h.update(code.encode())
    h.update(Path(config.config_file_path).read_bytes() if config.config_file_path else b"")
    skip = {"site_dir", "plugins", "hooks", "watch", "dev_addr", "config_file_path", "strict"}
    h.update(_stable({k: v for k, v in config.items() if k not in skip}).encode())
    for folder in config.theme.dirs:
        if any(Path(folder).resolve().is_relative_to(package) for package in _VERSIONED):
            continue  # Material's and MkDocs' own: their versions are in ``code``; 14,000 files to stat
        for root, dirs, names in os.walk(folder):
            dirs.sort()
            for name in sorted(names):
                info = os.stat(os.path.join(root, name))
                h.update(f"{root}/{name}:{info.st_size}:{info.st_mtime_ns}".encode())
    for f in sorted(files, key=lambda f: f.src_uri):
        if f.generated_by is None and f.abs_src_path:
            h.update(f.src_uri.encode())
            h.update(f.content_bytes if f.is_documentation_page() else str(os.stat(f.abs_src_path).st_size).encode())
    return h.digest()


def _stable(value: object) -> str:
    """A text for ``value`` that is the same in every process: sets sorted
    (their order follows string hashing, which changes per process), and
    no memory addresses (functions in the Markdown extensions' settings)."""
    if isinstance(value, Theme):
        return "Theme" + _stable({"dirs": value.dirs, "static_templates": value.static_templates, **dict(value.items())})
    if isinstance(value, Mapping):
        return "{" + ",".join(f"{_stable(k)}:{_stable(v)}" for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))) + "}"
    if isinstance(value, (set, frozenset)):
        return "{" + ",".join(sorted(_stable(v) for v in value)) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(_stable(v) for v in value) + "]"
    return _ADDRESS.sub("", repr(value))


class Fingerprints:
    """Each page's own hash, kept with the spec it was computed from: a spec
    the preview reused (``pages.reuse``) is not pickled and hashed again."""

    def __init__(self) -> None:
        self.shared = b""
        self.own: dict[str, tuple[PageSpec, bytes]] = {}

    def of(self, specs: Mapping[str, PageSpec], shared: bytes,
           key_of: Callable[[Directive], bytes | None]) -> dict[str, str]:
        last = self.own if shared == self.shared else {}
        prints, own = fingerprints(specs, shared, key_of, last)
        self.shared, self.own = shared, {uri: (specs[uri], mine) for uri, mine in own.items()}
        return prints


def fingerprints(specs: Mapping[str, PageSpec], shared: bytes, key_of: Callable[[Directive], bytes | None],
                 last: Mapping[str, tuple[PageSpec, bytes]] | None = None) -> tuple[dict[str, str], dict[str, bytes]]:
    """Each generated page's fingerprint, by source path, and each one's own
    hash (without the pages it embeds); ``last``: own hashes by spec, to reuse."""
    own: dict[str, bytes] = {}
    out = io.BytesIO()
    pickler = _Fingerprinter(out, key_of)  # one for all pages, its memo cleared between them
    last = last or {}
    for uri, spec in specs.items():
        kept = last.get(uri)
        if kept is not None and kept[0] is spec:
            own[uri] = kept[1]
            continue
        out.seek(0)
        out.truncate()
        pickler.clear_memo()
        try:
            pickler.dump((spec.src_uri, spec.title, spec.template, spec.description, spec.context))
        except (pickle.PicklingError, TypeError, AttributeError):
            continue  # something that cannot be hashed: the page is always rendered
        h = hashlib.blake2b(out.getbuffer(), digest_size=16, key=shared)
        h.update(spec.markdown.encode())  # hashed as it is: pickling copied it once more
        own[uri] = h.digest()
    prints = {}
    for uri, mine in own.items():
        embeds = [own.get(e) for e in specs[uri].embeds]
        if all(embeds):
            prints[uri] = hashlib.blake2b(mine + b"".join(embeds), digest_size=16).hexdigest()  # type: ignore[arg-type]
    return prints, own


@dataclass
class PageCache:
    """Rendered pages by fingerprint, in memory and (optionally) on disk."""

    pack: Pack | None = None
    unsaved: set[str] = field(default_factory=set)  # rendered since the pack was written
    # A preview keeps pages in memory; one build only compresses new ones for the pack.
    in_memory: bool = True
    blobs: dict[str, bytes] = field(default_factory=dict)
    rendered: dict[str, Rendered] = field(default_factory=dict)
    prints: dict[str, str] = field(default_factory=dict)  # this build's fingerprints by source path
    written: dict[str, str] = field(default_factory=dict)  # fingerprint of the HTML at each site path
    outputs: set[str] = field(default_factory=set)  # the last build's files in the site
    used: set[str] = field(default_factory=set)
    new: set[str] = field(default_factory=set)
    new_uris: set[str] = field(default_factory=set)  # the pages this build rendered
    pending: dict[str, str] = field(default_factory=dict)

    def begin(self, prints: dict[str, str]) -> None:
        self.prints, self.used, self.new, self.new_uris, self.pending = prints, set(), set(), set(), {}

    def hit(self, src_uri: str) -> Rendered | None:
        fp = self.prints.get(src_uri)
        if fp is None:
            return None
        found = self.rendered.get(fp) or self._read(fp)
        if found is not None:
            self.used.add(fp)
        return found

    def keep(self, src_uri: str, rendered: Rendered, dest: str) -> None:
        fp = self.prints.get(src_uri)
        if fp is not None:
            if self.in_memory:
                self.rendered[fp] = rendered
            elif self.pack is not None:  # one build: only what goes to disk, compressed
                self.blobs[fp] = _compress(rendered)
            self.used.add(fp)
            self.new.add(fp)
            self.new_uris.add(src_uri)
            self.pending[dest] = fp  # written when the build ends well (``end``)

    def body(self, src_uri: str) -> str | None:
        """The article of a page this build did not render (``Build.bodies``)."""
        fp = self.prints.get(src_uri)
        found = (self.rendered.get(fp) or self._read(fp)) if fp else None
        return found.content if found else None

    def skipped(self, files: Iterable[File]) -> Iterator[tuple[Page, Rendered]]:
        """The pages a dirty build left as they were, with what they are."""
        for f in files:
            if isinstance(f, PageFile) and f.unchanged and f.page is not None:
                found = self.rendered.get(self.prints[f.src_uri])
                if found is not None:
                    yield f.page, found

    def mark_files(self, files: Iterable[File]) -> None:
        """Tell a dirty build which generated pages the site already holds."""
        for f in files:
            if isinstance(f, PageFile):
                fp = self.prints.get(f.src_uri)
                f.unchanged = fp is not None and self.written.get(f.abs_dest_path) == fp \
                    and os.path.exists(f.abs_dest_path)
                if f.unchanged:
                    self.used.add(fp)  # type: ignore[arg-type]

    def cached_pages(self, files: Iterable[File], config: MkDocsConfig, in_nav: Iterable[Page]) -> None:
        """A ``CachedPage`` for each generated page rendered before and not in
        the navigation. MkDocs has made a plain page for each by now, reached
        only through its file (the navigation's pages are left as they are):
        the new one takes its place."""
        nav_pages = {id(page) for page in in_nav}
        for f in files:
            if isinstance(f, PageFile) and not f.unchanged and f.page is not None and id(f.page) not in nav_pages:
                found = self.hit(f.src_uri)
                if found is not None:
                    CachedPage(f, config, found)

    def end(self, files: Files, site_dir: str) -> None:
        """Delete from the site what the last build made and this one did not
        (a deleted or renamed directive); forget pages no longer made."""
        self.written.update(self.pending)
        now = {f.abs_dest_path for f in files}
        for path in sorted(self.outputs - now):
            _remove(path, site_dir)
        self.outputs = now
        self.rendered = {fp: r for fp, r in self.rendered.items() if fp in self.used}
        self.written = {p: fp for p, fp in self.written.items() if p in now}
        self.unsaved |= self.new

    # -- on disk (``pack``): read an entry when a page needs it, written whole

    def _read(self, fp: str) -> Rendered | None:
        blob = self.pack.get(fp) if self.pack is not None else None
        if blob is None:
            return None
        try:
            found = pickle.loads(_DECOMPRESS(blob))
        except (zstandard.ZstdError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
            return None
        if not isinstance(found, Rendered):
            return None
        if self.in_memory:
            self.rendered[fp] = found
        return found

    def save(self) -> None:
        """Write the pages the last build used, the new ones compressed."""
        if self.pack is None:
            return
        new = {fp: _compress(self.rendered[fp]) for fp in self.unsaved & self.used if fp in self.rendered}
        self.pack.write(self.used, {**self.blobs, **new})
        self.unsaved, self.blobs = set(), {}


# Zstandard at level 1: a page's HTML shrinks to a fifth, four times as fast
# as zlib's fastest level and a quarter smaller (4.0 s -> 1 s of a cold build
# at 5,000 directives); reading it back is three times as fast.
_COMPRESS = zstandard.ZstdCompressor(level=1).compress
_DECOMPRESS = zstandard.ZstdDecompressor().decompress


def _compress(rendered: Rendered) -> bytes:
    """A page for the pack."""
    return _COMPRESS(pickle.dumps(rendered, protocol=pickle.HIGHEST_PROTOCOL))


def _remove(path: str, site_dir: str) -> None:
    """Delete a file of the site and the folders it leaves empty."""
    target = Path(path)
    if target.is_dir() and not target.is_symlink():
        shutil.rmtree(target, ignore_errors=True)
    else:
        target.unlink(missing_ok=True)
    top = Path(site_dir).resolve()
    parent = target.parent
    while parent.resolve() != top and top in parent.resolve().parents:
        try:
            parent.rmdir()
        except OSError:
            break
        parent = parent.parent
