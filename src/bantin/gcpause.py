"""The cycle collector paused while bantin builds its data.

Records, the graph, page specs and the search index are large and hold no
reference cycles, yet each collection walks all of them again: at 5,000
directives the collector took a fifth of a rebuild. Paused only around
bantin's own work; MkDocs' page rendering makes cycles (each page's Markdown
instance), which must be collected as it goes.
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
