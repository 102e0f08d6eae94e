"""The cycle collector paused while bantin builds its data.

Records, the graph, page specs and the search index are large and hold no
reference cycles, yet each collection walks all of them again: at 5,000
directives the collector took a fifth of a rebuild. Paused around bantin's
own work; MkDocs' page rendering makes cycles (each page's Markdown
instance), which are collected as it goes. A preview freezes what it keeps
between rebuilds as each one starts (``settle``): the collector then walks
only each rebuild's own objects, and memory stays level (pausing it through
whole rebuilds instead left each rebuild's garbage for later: +140 MB a
rebuild at 5,000 directives).
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def paused() -> Iterator[None]:
    """Run the block with the cycle collector off, and restore it after."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def settle() -> None:
    """Collect everything, then leave what survives out of every later
    collection (``gc.freeze``). Called as each preview rebuild starts: the
    last build's garbage is gone, and what survives is what previews keep
    (records, pages, search counts), so the collector walks only the new
    build's own objects. Frozen objects are still freed when no longer
    referenced; what a rebuild replaces is freed as it goes."""
    gc.collect()
    gc.freeze()
