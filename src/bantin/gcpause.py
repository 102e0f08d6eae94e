"""The cycle collector paused while bantin builds its data.

Records, the graph, page specs and the search index are large and hold no
reference cycles, yet each collection walks all of them again: at 5,000
directives the collector took a fifth of a rebuild. Paused around bantin's
own work, and through a whole build that renders few pages (``Pause``); MkDocs'
page rendering makes cycles (each page's Markdown instance), so a build that
renders many pages collects as it goes.
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


class Pause:
    """The collector off from one point of a build to another: a preview
    rebuild that renders a few pages makes few cycles, and the collector
    walked the kept records again at every rebuild (a second at 5,000)."""

    def __init__(self) -> None:
        self._was_on: bool | None = None

    def start(self) -> None:
        if self._was_on is None:
            self._was_on = gc.isenabled()
            gc.disable()

    def stop(self) -> None:
        """Safe to call when not paused."""
        if self._was_on:
            gc.enable()
        self._was_on = None
