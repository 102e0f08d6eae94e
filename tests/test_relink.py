"""After an edit, ``relink.graph`` gives the graph a full build gives.

A preview rebuilds the citation graph from the previous one when the edit
leaves every number and date as it was; these tests edit the sample
directives and compare with ``links.build_graph`` of the edited content,
every field, notes and their lines included.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bantin import relink
from bantin.corpus import load_corpus
from bantin.links import Graph, build_graph
from bantin.memo import Memo

ROOT = Path(__file__).resolve().parent.parent
KH02 = "directives/2024/02-kh-btgduk.md"
CV229 = "directives/2024/229-cv-btghu.md"
BODY_START = "\n---\n\n"


@pytest.fixture()
def content(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path


def _edit(root: Path, rel: str, change) -> None:  # type: ignore[no-untyped-def]
    path = root / "content" / rel
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")


def _graphs(root: Path, *edits) -> tuple[Graph, Graph, Graph]:  # type: ignore[no-untyped-def]
    """(before the edits, relinked after them, built anew after them)."""
    memo = Memo()
    memo.begin()
    before = load_corpus(root, memo=memo)
    old = relink.graph(before.published, before.references)
    memo.end()
    for rel, change in edits:
        _edit(root, rel, change)
    memo.begin()
    after = load_corpus(root, memo=memo)
    assert after.errors == ()
    return old, relink.graph(after.published, after.references, previous=old), build_graph(after.published, after.references)


def _same(a: Graph, b: Graph) -> None:
    assert a == b
    assert a.problems == b.problems
    assert {k: v.claims for k, v in a.documents.items()} == {k: v.claims for k, v in b.documents.items()}
    assert dict(a.parts.resolve_notes) == dict(b.parts.resolve_notes)
    assert dict(a.parts.check_notes) == dict(b.parts.check_notes)


def test_lines_added_above_the_citations_move_their_lines_and_the_notes(content: Path) -> None:
    old, relinked, built = _graphs(content, (KH02, lambda t: t.replace(BODY_START, BODY_START + "Mở đầu.\n\nThêm.\n\n", 1)))
    assert relinked.parts.registry is old.parts.registry  # taken from the previous graph, not built anew
    _same(relinked, built)
    assert [c.line for c in relinked.by_source[KH02]] == [c.line + 4 for c in old.by_source[KH02]]


def test_what_a_text_says_of_a_cited_document_changes_its_claims(content: Path) -> None:
    old, relinked, built = _graphs(content, (CV229, lambda t: t.replace(
        "của Ban Tuyên giáo Huyện ủy về Tuyên truyền tổng kết", "của Ban Tuyên giáo Huyện ủy về Tuyên truyền sơ kết", 1)))
    assert relinked.parts.registry is old.parts.registry
    _same(relinked, built)
    assert relinked.documents["dan-chieu/61-hd-btghu-2024"].subjects[0].startswith("Tuyên truyền sơ kết")
    assert relinked.documents["dan-chieu/18-nq-tw-2017"] is old.documents["dan-chieu/18-nq-tw-2017"]


def test_two_edited_texts_at_once(content: Path) -> None:
    _, relinked, built = _graphs(content, (KH02, lambda t: t + "\nMột câu.\n"),
                                 (CV229, lambda t: t.replace(BODY_START, BODY_START + "Đầu.\n\n", 1)))
    _same(relinked, built)


def test_a_new_citation_builds_the_graph_anew(content: Path) -> None:
    old, relinked, built = _graphs(content, (CV229, lambda t: t + "\nTheo Kế hoạch số 02-KH/BTGDĐUK.\n"))
    assert relinked.parts.registry is not old.parts.registry
    _same(relinked, built)
    assert "directives/2024/02-kh-btgduk.md" in relinked.cites(CV229)


def test_a_changed_date_builds_the_graph_anew(content: Path) -> None:
    old, relinked, built = _graphs(content, (CV229, lambda t: t.replace("date: 2024-12-24", "date: 2024-12-23", 1)))
    assert relinked.parts.registry is not old.parts.registry
    _same(relinked, built)


def test_nothing_changed_is_the_same_graph(content: Path) -> None:
    old, relinked, _ = _graphs(content)
    assert relinked is old
