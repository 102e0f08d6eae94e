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


def test_a_page_listing_a_cited_document_shows_what_another_text_now_says_of_it(content: Path) -> None:
    from bantin.pages import build_pages
    from bantin.pages.reuse import Reuse

    (content / "content/directives/2024/300-kh-btghu.md").write_text(
        "---\nnumber: 300-KH/BTGHU\nkind: Kế hoạch\ntitle: thử\nissuer: Ban Tuyên giáo\ndate: 2024-12-30\n---\n\n"
        "Thực hiện Hướng dẫn số 61-HD/BTGHU ngày 17/12/2024 của Ban Tuyên giáo Huyện ủy.\n", encoding="utf-8")
    memo, reuse = Memo(), Reuse()
    memo.begin()
    before = load_corpus(content, memo=memo)
    build_pages(before, relink.graph(before.published, before.references), reuse)
    memo.end()
    _edit(content, CV229, lambda t: t.replace("Huyện ủy về Tuyên truyền tổng kết", "Huyện ủy về Tuyên truyền sơ kết", 1))
    memo.begin()
    after = load_corpus(content, memo=memo)
    specs = build_pages(after, relink.graph(after.published, after.references), reuse)
    assert specs == build_pages(after, build_graph(after.published, after.references))
    page = next(s for s in specs if s.src_uri == "van-ban/2024/300-kh-btghu.md")
    assert page.context["implements"][0].title.startswith("Tuyên truyền sơ kết")


# -- many edits on a generated archive ----------------------------------------

def _edits_of(rng, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Edits that keep every number and date: lines above, a word in a sentence, the subject a
    text gives a cited document ("… của Ban … về <subject>"), a paragraph at the end."""
    head, sep, body = text.partition(BODY_START)
    words = body.split(" ")
    at = rng.randrange(len(words))
    return [
        head + sep + "Đoạn thêm ở đầu.\n\n" + body,
        head + sep + " ".join(words[:at] + ["rất", *words[at:]]),
        head + sep + body.replace(" về ", " về việc ", 1),
        text + "\nMột đoạn thêm ở cuối văn bản.\n",
    ]


def test_edits_on_a_generated_archive_give_the_graph_and_pages_a_full_build_gives(tmp_path: Path) -> None:
    import random
    import sys

    from bantin.pages import build_pages
    from bantin.pages.reuse import Reuse

    sys.path.insert(0, str(ROOT / "bench"))
    import generate  # noqa: E402  (bench/generate.py: the benchmark's synthetic archive)

    root = generate.write_project(generate.generate(60, seed=5), tmp_path / "project")
    rng = random.Random(11)
    memo, reuse = Memo(), Reuse()
    memo.begin()
    corpus = load_corpus(root, memo=memo)
    graph = relink.graph(corpus.published, corpus.references)
    build_pages(corpus, graph, reuse)
    memo.end()
    files = sorted((root / "content" / "directives").rglob("*.md"))
    relinked_builds = 0
    for step in range(16):
        for path in rng.sample(files, 2):
            path.write_text(rng.choice(_edits_of(rng, path.read_text(encoding="utf-8"))), encoding="utf-8")
        memo.begin()
        corpus = load_corpus(root, memo=memo)
        assert corpus.errors == ()
        previous, graph = graph, relink.graph(corpus.published, corpus.references, previous=graph)
        relinked_builds += graph.parts.registry is previous.parts.registry
        _same(graph, build_graph(corpus.published, corpus.references))
        assert build_pages(corpus, graph, reuse) == build_pages(corpus, build_graph(corpus.published, corpus.references))
        memo.end()
    assert relinked_builds == 16
