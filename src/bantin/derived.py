"""What is computed from one record alone, computed once per record.

Records are immutable, so a value that depends on one record alone (its
mentions of other documents, its deadlines) never changes while the record
lives; it is kept on the record. Records outlive a build when ``bantin.memo``
keeps them (``mkdocs serve``, the cache on disk), and their values with them.
"""

from __future__ import annotations

from typing import Callable, TypeVar

T = TypeVar("T")

_STORE = "_bantin_derived"


def once(record: object, name: str, compute: Callable[[], T]) -> T:
    """``compute()`` for ``record``, the first time ``name`` is asked of it."""
    store = record.__dict__.setdefault(_STORE, {})
    if name not in store:
        store[name] = compute()
    return store[name]
