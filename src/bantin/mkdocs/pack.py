"""Rendered pages on disk: one file of compressed entries, and its index.

A file per page cost more in file-system work than the rendering it saved
(two seconds of system time for 1,600 pages). At the end of a build the
pages it rendered anew are appended, and the pack is written anew only when
mostly made of pages no longer used; it is read through ``mmap``, an entry
only when a page needs it. The index names the pack's size and a token
written in both: a pack and an index that do not belong together are no cache.
"""

from __future__ import annotations

import mmap
import os
import secrets
import tempfile
from pathlib import Path
from typing import Iterable, Mapping

from bantin.memo import read_pickle, write_pickle

PACK, INDEX = "pages.pack", "pages.index"


class Pack:
    """Compressed entries by fingerprint, in ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.index: dict[str, tuple[int, int]] = {}
        self._map: mmap.mmap | None = None
        self._open()

    def _open(self) -> None:
        self.index, self._map = {}, None
        found = read_pickle(self.folder / INDEX)
        try:
            with open(self.folder / PACK, "rb") as handle:
                token = handle.read(16)
                if not (isinstance(found, dict) and found.get("token") == token
                        and found.get("size") == os.fstat(handle.fileno()).st_size):
                    return
                self._map = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):
            return
        self.index = found["entries"]

    def get(self, fp: str) -> bytes | None:
        where = self.index.get(fp)
        if where is None or self._map is None:
            return None
        return self._map[where[0]:where[0] + where[1]]

    def write(self, keep: Iterable[str], new: Mapping[str, bytes]) -> None:
        """The entries ``keep`` names, from ``new`` or the present pack.

        New entries are appended to the present pack, and the index names the
        ones kept: a build after one edit writes one page's worth, not the
        whole pack again (113 MB at 5,000 directives). The pack is written
        anew when entries no longer kept fill more than half of it.
        """
        keep = set(keep)
        fresh = {fp: blob for fp, blob in new.items() if fp in keep and fp not in self.index}
        kept = {fp: self.index[fp] for fp in keep if fp in self.index}
        if self._map is None or len(kept) + len(fresh) < len(keep):
            self._rewrite(keep, new)
            return
        live = sum(size for _, size in kept.values()) + sum(map(len, fresh.values()))
        if 2 * live < len(self._map) + sum(map(len, fresh.values())):
            self._rewrite(keep, new)
            return
        token = secrets.token_bytes(16)
        with open(self.folder / PACK, "r+b") as out:
            offset = out.seek(0, os.SEEK_END)
            for fp in sorted(fresh):
                out.write(fresh[fp])
                kept[fp] = (offset, len(fresh[fp]))
                offset += len(fresh[fp])
            # A new token: an index written by another build no longer matches.
            out.seek(0)
            out.write(token)
        write_pickle(self.folder / INDEX, {"token": token, "size": offset, "entries": kept})
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
