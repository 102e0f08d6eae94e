"""The benchmark's synthetic archive (bench/generate.py) is valid content that
means what it says.

``make bench`` times builds of these archives: if they broke bantin's rules it
would time a failing build, and if their citations resolved to other documents
than intended it would measure a different citation graph.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from conftest import ROOT, run_build

from bantin import refs
from bantin.corpus import load_corpus
from bantin.links import build_graph
from bantin.problems import WARNING

N = 30
SEED = 7


sys.path.insert(0, str(ROOT / "bench"))  # where bench/generate.py finds its pieces, as when run
import generate  # noqa: E402
from synthetic.material import MARKER, harvest, seed_bodies, split_sentences  # noqa: E402


@pytest.fixture(scope="module")
def archive():
    return generate.generate(N, seed=SEED)


@pytest.fixture(scope="module")
def archive_project(archive, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate.write_project(archive, tmp_path_factory.mktemp("bench") / "project")


@pytest.fixture(scope="module")
def corpus(archive_project):
    return load_corpus(archive_project)


@pytest.fixture(scope="module")
def graph(corpus):
    return build_graph(corpus.published, corpus.references)


def test_generated_content_loads_without_errors(corpus):
    assert [str(p) for p in corpus.errors] == []
    assert len(corpus.published) == N


def test_citation_graph_has_no_warnings(graph):
    # --strict turns warnings (a later document cited, an undated number that
    # could mean two documents) into a failed build.
    assert [str(p) for p in graph.problems if p.level == WARNING] == []


def test_one_directive_in_ten_has_neither_number_nor_date(corpus):
    undated = [d for d in corpus.directives if d.number is None]
    assert len(undated) == N // 10
    assert all(d.date is None and d.folder == "chua-ro-ngay" for d in undated)
    assert all(d.number is not None and d.date is not None for d in corpus.directives if d not in undated)


def test_numbers_and_dates_spread_over_2015_to_2025(corpus):
    years = {d.date.year for d in corpus.directives if d.date}
    assert min(years) >= 2015 and max(years) <= 2025
    assert len(years) >= 8


def test_same_seed_same_files_other_seed_other_files(archive):
    assert generate.generate(N, seed=SEED).files == archive.files
    assert generate.generate(N, seed=SEED + 1).files != archive.files


def test_citations_resolve_to_the_documents_meant(archive, graph):
    assert set(archive.citations) == set(graph.by_source)
    for path, targets in archive.citations.items():
        resolved = graph.cites(path)
        assert len(resolved) == len(targets), path
        for doc_id, target in zip(resolved, targets):
            if target.path:
                assert doc_id == target.path, (path, target)
            else:
                doc = graph.documents[doc_id]
                assert doc.directive is None, (path, target)
                assert doc.number.key == refs.parse_number(target.number).key, (path, target)
                assert doc.date == target.date, (path, target)


def test_each_directive_cites_two_to_eight_documents_issued_before_it(archive, corpus):
    for d in corpus.published:
        targets = archive.citations[d.path]
        assert 2 <= len(targets) <= 8, d.path
        if d.date:
            assert all(t.date < d.date for t in targets), d.path


def test_citations_cite_directives_undated_and_with_their_symbol_spelled_otherwise(tmp_path):
    # Rare shapes (a few in a hundred citations): a larger archive shows them.
    corpus = load_corpus(generate.write_project(generate.generate(300, seed=SEED), tmp_path / "p"))
    graph = build_graph(corpus.published, corpus.references)
    to_directives = [c for c in graph.citations if graph.documents[c.target].directive]
    assert any(c.mention.date is None for c in to_directives)
    assert any(str(c.mention.number) != graph.documents[c.target].directive.number for c in to_directives)
    assert any(graph.documents[c.target].directive is None for c in graph.citations)


def test_slogan_sets_name_generated_directives(corpus):
    paths = {d.path for d in corpus.directives}
    assert len(corpus.slogan_sets) == 3
    assert all(s.directive_path in paths and len(s.slogans) >= 6 for s in corpus.slogan_sets)


def test_bodies_are_the_seeds_text_in_the_seeds_shape(corpus):
    material = harvest(seed_bodies())
    known = set(material.sentences) | set(material.intros)
    for d in corpus.published:
        assert d.body.startswith(("Thực hiện ", "Căn cứ ")), d.path
        assert len(d.body) >= material.body_lengths[0], d.path
        letter = d.kind in ("Công văn", "Thông báo", "Báo cáo")
        assert bool(re.search(r"(?m)^## I[.-] ", d.body)) != letter, d.path
        sentences = [s for line in d.body.splitlines() if line and not line.startswith("#")
                     for s in split_sentences(MARKER.sub("", line, count=1))]
        # Most of the text is whole seed sentences; the rest cites documents
        # or is the opening and closing written for this directive.
        assert sum(s in known for s in sentences) > len(sentences) / 2, d.path


def test_archive_and_its_plain_baseline_build_strict(archive_project, corpus, tmp_path):
    plain = tmp_path / "plain"
    assert generate.write_plain(archive_project, plain) == N
    config = (plain / "mkdocs.yml").read_text(encoding="utf-8")
    assert "hooks:" not in config and "custom_dir" not in config

    built = run_build(archive_project)
    assert built.returncode == 0, built.output
    baseline = run_build(plain)
    assert baseline.returncode == 0, baseline.output
    for d in corpus.published:  # the same directive pages, at the same URLs
        url = f"van-ban/{d.folder}/{d.slug}/index.html"
        assert (built.site / url).is_file() and (baseline.site / url).is_file(), url
