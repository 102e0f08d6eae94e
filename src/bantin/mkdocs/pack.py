"""Rendered pages on disk: one file of compressed entries, and its index.

A file per page cost more in file-system work than the rendering it saved
(two seconds of system time for 1,600 pages). At the end of a build the
pages it rendered anew are appended, and the pack is written anew only when
mostly made of pages no longer used; it is read through ``mmap``, an entry
only when a page needs it. The index names how much of the pack it covers
and a token written in both: a pack and an index that do not belong
together are no cache.
"""

from __future__ import annotations

import mmap
import os
import secrets
import tempfile
from pathlib import Path
from typing import BinaryIO, Iterable, Mapping

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; a preview and a build rarely save at once
    fcntl = None  # type: ignore[assignment]

from bantin.memo import read_pickle, write_pickle

PACK, INDEX = "pages.pack", "pages.index"


class Pack:
    """Compressed entries by fingerprint, in ``folder``.

    Bytes once written to a pack file never change: entries are only
    appended, under a lock, to the file this pack opened (checked by its
    inode and token), and a pack written anew is a new file put in place by
    rename. So an index names bytes that stay as they were for every reader
    mapping that file, and a build killed while appending leaves the last
    index valid: the file is only longer than it says.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.index: dict[str, tuple[int, int]] = {}
        self._map: mmap.mmap | None = None
        self._token = b""
        self._inode: tuple[int, int] | None = None
        self._open()

    def _open(self) -> None:
        self.index, self._map, self._inode = {}, None, None
        found = read_pickle(self.folder / INDEX)
        try:
            with open(self.folder / PACK, "rb") as handle:
                token = handle.read(16)
                info = os.fstat(handle.fileno())
                if not (isinstance(found, dict) and found.get("token") == token
                        and isinstance(found.get("size"), int) and found["size"] <= info.st_size):
                    return
                self._map = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):
            return
        self.index, self._token, self._inode = found["entries"], token, (info.st_dev, info.st_ino)

    def get(self, fp: str) -> bytes | None:
        where = self.index.get(fp)
        if where is None or self._map is None:
            return None
        return self._map[where[0]:where[0] + where[1]]

    def write(self, keep: Iterable[str], new: Mapping[str, bytes]) -> None:
        """The entries ``keep`` names, from ``new`` or the present pack.

        What this build rendered anew is appended to the present pack, and
        the index names the entries kept: a build after one edit writes one
        page's worth, not the whole pack again (113 MB at 5,000 directives).
        The pack is written anew when entries no longer kept would fill more
        than half of it, or when it is no longer the file this pack opened.
        """
        keep = set(keep)
        fresh = {fp: blob for fp, blob in new.items() if fp in keep}  # a damaged entry too: its page was rendered again
        kept = {fp: self.index[fp] for fp in keep if fp in self.index and fp not in fresh}
        if self._map is None or len(kept) + len(fresh) < len(keep):
            self._rewrite(keep, new)
            return
        added = sum(map(len, fresh.values()))
        if 2 * (sum(size for _, size in kept.values()) + added) < len(self._map) + added:
            self._rewrite(keep, new)
            return
        try:
            with open(self.folder / PACK, "a+b") as out:  # O_APPEND: every write lands at the end
                _lock(out)
                info = os.fstat(out.fileno())
                if (info.st_dev, info.st_ino) != self._inode or os.pread(out.fileno(), 16, 0) != self._token:
                    raise OSError("another pack")
                offset = info.st_size  # past whatever another build appended, or a killed one left
                for fp in sorted(fresh):
                    out.write(fresh[fp])
                    kept[fp] = (offset, len(fresh[fp]))
                    offset += len(fresh[fp])
                out.flush()
                write_pickle(self.folder / INDEX, {"token": self._token, "size": offset, "entries": kept})
        except OSError:
            self._rewrite(keep, new)
            return
        self._open()

    def _rewrite(self, keep: Iterable[str], new: Mapping[str, bytes]) -> None:
        """A new pack of the entries ``keep`` names, from ``new`` or the present pack."""
        token = secrets.token_bytes(16)
        entries: dict[str, tuple[int, int]] = {}
        fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".pack-")
        with os.fdopen(fd, "wb") as out:
            out.write(token)
            offset = len(token)
            for fp in sorted(keep):
                blob = new.get(fp) or self.get(fp)
                if blob is None:
                    continue
                out.write(blob)
                entries[fp] = (offset, len(blob))
                offset += len(blob)
        os.replace(tmp, self.folder / PACK)
        write_pickle(self.folder / INDEX, {"token": token, "size": offset, "entries": entries})
        self._open()


def _lock(handle: BinaryIO) -> None:
    """Two builds sharing a cache (a preview stopping, a publishing build) append one after the other."""
    if fcntl is not None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)  # released when the file is closed
