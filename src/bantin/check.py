"""``bantin check``: everything a build would object to, without building.

Validates front matter, slogan sets and reference metadata (``corpus``),
then resolves every citation (``links``), and returns all problems sorted by
file and line. Errors stop a build, warnings stop a ``--strict`` build (which
CI runs), notes only inform.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from .corpus import load_corpus
from .links import build_graph
from .problems import ERROR, INFO, WARNING, Problem

_ORDER = {ERROR: 0, WARNING: 1, INFO: 2}


def check_project(root: Path, progress: Callable[[int, int], None] | None = None) -> list[Problem]:
    corpus = load_corpus(root, progress=progress)
    problems = list(corpus.problems)
    if not corpus.errors:
        problems += build_graph(corpus.published, corpus.references).problems
    return sorted(problems, key=lambda p: (_ORDER[p.level], p.path, p.line))


def blocking(problems: list[Problem]) -> list[Problem]:
    """What fails the publishing build (``mkdocs build --strict``)."""
    return [p for p in problems if p.level in (ERROR, WARNING)]
