"""Page specs of the last build, reused when what they are built from is equal.

A preview rebuilds after every save; a directive page and a cited
document's page depend on a few records and parts of the graph, which
``relink`` and the record memo hand over as the very same objects when an
edit did not touch them. Each builder names its inputs as a key; an equal
key (compared with ``==``, which is immediate for the same objects) gives
back the spec object of the last build, and with it the page's fingerprint
(``cache.Fingerprints``) without hashing it again.

A key must hold everything its spec is made from: a missing input would show
a stale page. ``tests/test_incremental.py`` compares previews with clean builds.
"""

from __future__ import annotations

from typing import Callable, Hashable, TypeVar

T = TypeVar("T")


class Reuse:
    """Values by name and key, kept from one build to the next."""

    def __init__(self) -> None:
        self._last: dict[Hashable, tuple[object, object]] = {}
        self._now: dict[Hashable, tuple[object, object]] = {}

    def begin(self) -> None:
        """A build starts: the last one's values may be reused, once each."""
        self._last, self._now = (self._now or self._last), {}

    def get(self, name: Hashable, key: object, make: Callable[[], T]) -> T:
        """``make()``, or the last build's value for ``name`` if its key equals ``key``."""
        found = self._last.get(name)
        value = found[1] if found is not None and found[0] == key else make()
        self._now[name] = (key, value)
        return value  # type: ignore[return-value]

    def same(self, name: Hashable, value: T) -> T:
        """The last build's value for ``name`` if it equals ``value``, else
        ``value``: a listing rebuilt with the same lines is the same spec, and
        keeps its fingerprint. Dataclasses compare by value; the lines of
        unchanged records are the same objects, compared at once."""
        found = self._last.get(name)
        if found is not None and found[1] == value:
            value = found[1]  # type: ignore[assignment]
        self._now[name] = (None, value)
        return value


class Never(Reuse):
    """Nothing kept: a single build (``bantin check``, ``mkdocs build``, tests)."""

    def get(self, name: Hashable, key: object, make: Callable[[], T]) -> T:
        return make()

    def same(self, name: Hashable, value: T) -> T:
        return value
