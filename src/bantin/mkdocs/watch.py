"""The preview hears a save at once.

MkDocs polls what it watches every half second, so a save waited a quarter
of a second on average before the rebuild began (half a second when saves
come in step with the polling). The content folder is watched instead by the
system's own file events (inotify on Linux), with MkDocs' own handler: the
same rebuild, started as soon as the file is written.

Where file events do not arrive (a network share, a Windows drive seen from
WSL), ``BANTIN_POLLING=1`` keeps MkDocs' polling; a folder the system
cannot watch (too many folders for inotify's limit) falls back to it too.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from watchdog.events import (
    DirCreatedEvent, DirDeletedEvent, DirMovedEvent, FileClosedEvent, FileCreatedEvent, FileDeletedEvent,
    FileModifiedEvent, FileMovedEvent,
)
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserver

log = logging.getLogger("mkdocs.plugins.bantin")


# What a save, a new file, a deletion or a rename makes. Not an open or a
# read: every build reads the content, and would start the next build.
CHANGES = [FileCreatedEvent, FileModifiedEvent, FileClosedEvent, FileDeletedEvent, FileMovedEvent,
           DirCreatedEvent, DirDeletedEvent, DirMovedEvent]


class _Changes(Observer):  # type: ignore[misc,valid-type]
    """The system's observer, reporting changes only (MkDocs schedules without a filter)."""

    def schedule(self, event_handler, path, *, recursive=False, event_filter=None, follow_symlink=False):  # type: ignore[no-untyped-def]
        return super().schedule(event_handler, path, recursive=recursive, event_filter=event_filter or CHANGES,
                                follow_symlink=follow_symlink)


def watch(server, folder: Path) -> BaseObserver | None:  # type: ignore[no-untyped-def]
    """Watch ``folder`` for ``mkdocs serve``; the observer to stop at the end, if it is bantin's."""
    native = _Changes()
    if os.environ.get("BANTIN_POLLING") or isinstance(native, PollingObserver):
        server.watch(str(folder))
        return None
    polling, server.observer = server.observer, native  # ``watch`` schedules MkDocs' handler on it
    try:
        server.watch(str(folder))
        native.start()  # inotify's watches are added here: an error comes now, not in a thread
    except OSError as error:
        server.unwatch(str(folder))
        log.info("bantin: theo dõi thay đổi bằng cách hỏi lại mỗi nửa giây (%s)", error.strerror or error)
        native = None
    finally:
        server.observer = polling
    if native is None:
        server.watch(str(folder))
    return native


def stop(observer: BaseObserver | None) -> None:
    if observer is not None:
        observer.stop()
        observer.join(timeout=5)
