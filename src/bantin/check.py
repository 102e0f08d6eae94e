"""``bantin check``: everything a build would object to, without building.

Validates front matter, slogan sets and reference metadata (``corpus``),
then resolves every citation (``links``), and returns all problems sorted by
file and line. Errors stop a build, warnings stop a ``--strict`` build (which
CI runs), notes only inform.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from .corpus import Corpus, load_corpus
from .links import Graph, build_graph
from .problems import ERROR, INFO, WARNING, Problem

_ORDER = {ERROR: 0, WARNING: 1, INFO: 2}


def check_project(root: Path, progress: Callable[[int, int], None] | None = None) -> list[Problem]:
    corpus = load_corpus(root, progress=progress)
    problems = list(corpus.problems)
    if not corpus.errors:
        graph = build_graph(corpus.published, corpus.references)
        problems += [*graph.problems, *unused_references(corpus, graph)]
    return sorted(problems, key=lambda p: (_ORDER[p.level], p.path, p.line))


def unused_references(corpus: Corpus, graph: Graph) -> list[Problem]:
    """A reference file no directive cites: most often a mistyped number."""
    used = {id(doc.info) for doc in graph.documents.values() if doc.info is not None}
    return [Problem(f"content/{info.path}", 1, "number", f"không văn bản nào dẫn chiếu số hiệu {info.number}: "
                    "tệp chưa được dùng; hãy kiểm tra lại số hiệu, hoặc xóa tệp", INFO)
            for info in corpus.references if id(info) not in used]


def blocking(problems: list[Problem]) -> list[Problem]:
    """What fails the publishing build (``mkdocs build --strict``)."""
    return [p for p in problems if p.level in (ERROR, WARNING)]
