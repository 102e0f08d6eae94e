"""Work kept between builds, by what it was computed from.

``mkdocs serve`` rebuilds in one process after every save, and a publishing
build may start from the previous build's cache: a directive whose file has
not changed is neither parsed nor searched for citations again. A record
depends on its file's bytes and names alone, so it is kept by their hash; what
is computed from one record alone (its mentions, its deadlines) is kept on the
record (``derived.once``), so it lives exactly as long as the record.

Entries a build did not use are dropped when it ends: memory stays that of
one build, however many rebuilds a preview goes through. On disk, a cache
belongs to one version of bantin's code (``code_version``): records written by
other code are never read back.
"""

from __future__ import annotations

import copyreg
import hashlib
import logging
import os
import pickle
import stat
import tempfile
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from .directives import directive_from_bytes
from .problems import Problem
from .records import Directive
from .sources import read_raw

log = logging.getLogger("mkdocs.plugins.bantin")

def _proxy(items: dict) -> MappingProxyType:
    return MappingProxyType(items)


# Records hold read-only mappings; pickle cannot write them by itself.
copyreg.pickle(MappingProxyType, lambda m: (_proxy, (dict(m),)))


def digest(*parts: bytes | str) -> bytes:
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.digest()


def code_version() -> str:
    """A hash of bantin's own code and of the versions of what renders pages:
    a cache written by other code is another cache."""
    from importlib.metadata import version

    h = hashlib.blake2b(digest_size=12)
    package = Path(__file__).parent
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".html", ".js", ".css", ".xml", ".json") and path.is_file():
            h.update(path.relative_to(package).as_posix().encode())
            h.update(path.read_bytes())
    for name in ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions"):
        try:
            h.update(f"{name}={version(name)}".encode())
        except Exception:  # not installed: nothing of it to depend on
            pass
    return h.hexdigest()


Loaded = tuple[Directive | None, list[Problem]]


class Memo:
    """Directive records by the hash of their file, across builds."""

    def __init__(self) -> None:
        self._loaded: dict[bytes, Loaded] = {}
        self._used: set[bytes] = set()
        self._keys: dict[int, bytes] = {}  # id(record) -> its file's hash, for ``key_of``
        self._by_status: dict[tuple, bytes] = {}  # a file's status in the last build -> its hash
        self._status_used: dict[tuple, bytes] = {}
        self._disk: Shards | None = None

    def begin(self) -> None:
        """A build starts: nothing of it used yet."""
        self._used = set()
        self._status_used = {}

    def end(self) -> None:
        """A build ended: forget what it did not use."""
        self._loaded = {k: v for k, v in self._loaded.items() if k in self._used}
        self._by_status = self._status_used
        self._keys = {id(d): k for k, (d, _) in self._loaded.items() if d is not None}

    def directive(self, path: Path, shown: str, rel: str, original: str | None) -> Loaded:
        """``directives.load_directive``, kept by the file's bytes and names.

        A file whose status (size, times, inode) is what it was in the last
        build is not even read: at 5,000 directives, reading and hashing every
        file was a third of a preview's rebuild. Any write changes ctime."""
        try:
            info = os.lstat(path)
            status = (rel, shown, original, info.st_mode, info.st_size, info.st_mtime_ns, info.st_ctime_ns,
                      info.st_ino, info.st_dev)
        except OSError:
            status = None
        key = self._by_status.get(status) if status is not None and stat.S_ISREG(info.st_mode) else None
        if key is not None and key in self._loaded:
            self._used.add(key)
            self._status_used[status] = key
            directive, found = self._loaded[key]
            return directive, list(found)
        raw, problems = read_raw(path, shown)
        if raw is None:
            return None, problems
        key = digest(rel, shown, original or "", raw)
        self._used.add(key)
        hit = self._loaded.get(key)
        if hit is None:
            directive, found = directive_from_bytes(raw, shown, rel, original)
            hit = self._loaded[key] = (directive, list(found))
            if directive is not None:
                self._keys[id(directive)] = key
        if status is not None:
            self._status_used[status] = key
        return hit[0], list(hit[1])

    def key_of(self, record: Directive) -> bytes | None:
        """The hash a record was kept by; None for a record read elsewhere."""
        return self._keys.get(id(record))

    # -- on disk ------------------------------------------------------------

    def save(self, path: Path) -> None:
        """Write what the last build used (``Shards``)."""
        if self._disk is None or self._disk.base != path:
            self._disk = Shards(path)
        self._disk.write(self._loaded)

    def load(self, path: Path) -> None:
        """Read what ``save`` wrote, if anything."""
        self._disk = Shards(path)
        loaded = self._disk.read()
        self._loaded.update(loaded)
        self._keys.update({id(d): k for k, (d, _) in loaded.items() if d is not None})


class Shards:
    """A mapping by content hash on disk, in ``COUNT`` files by the hash's
    first byte: a build after one edit writes the file holding that entry,
    not every record again (111 MB of them at 5,000 directives).

    A key is the hash of what its value is computed from, so a file whose keys
    are those it holds on disk holds the same values (search weights may be
    older, but carry the interval they hold for)."""

    COUNT = 16

    def __init__(self, base: Path) -> None:
        self.base = base
        self.on_disk: dict[int, frozenset[bytes]] = {}

    def _path(self, shard: int) -> Path:
        return self.base.with_name(f"{self.base.stem}-{shard:02d}{self.base.suffix}")

    def read(self) -> dict[bytes, Any]:
        items: dict[bytes, Any] = {}
        for shard in range(self.COUNT):
            part = read_pickle(self._path(shard))
            if isinstance(part, dict):
                items.update(part)
                self.on_disk[shard] = frozenset(part)
        return items

    def write(self, items: Mapping[bytes, Any]) -> None:
        parts: list[dict[bytes, Any]] = [{} for _ in range(self.COUNT)]
        for key, value in items.items():
            parts[key[0] % self.COUNT][key] = value
        for shard, part in enumerate(parts):
            keys = frozenset(part)
            if self.on_disk.get(shard) != keys:
                write_pickle(self._path(shard), part)
                self.on_disk[shard] = keys


def write_pickle(path: Path, value: object) -> None:
    """Write ``value`` atomically: a killed build leaves the previous file or none, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(fd, "wb") as out:
        pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)


def read_pickle(path: Path) -> Any:
    """What ``write_pickle`` wrote; None for a missing or unreadable file (a
    cache is never worth failing a build for)."""
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)
    except FileNotFoundError:
        return None
    except Exception as error:  # noqa: BLE001 - any damage means no cache
        log.info("bantin: bỏ qua bộ nhớ đệm %s (%s)", path, type(error).__name__)
        return None
