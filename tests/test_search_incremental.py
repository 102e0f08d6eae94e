"""The search index of a preview is updated, not rebuilt: the same files either way."""

from __future__ import annotations

import dataclasses
import random

from bantin import search
from bantin.search import index

WORDS = ("tuyên truyền nghị quyết đại hội đảng bộ chi bộ kế hoạch hướng dẫn thực hiện học tập quán triệt "
         "cán bộ đảng viên nhân dân tỉnh huyện xã ban tuyên giáo").split()


def _docs(n: int, seed: int = 7) -> list[search.SearchDoc]:
    rng = random.Random(seed)
    return [search.SearchDoc(url=f"van-ban/{i}/", title=" ".join(rng.choices(WORDS, k=6)), group=search.DIRECTIVE,
                             number=f"{i}-KH/TU", head=("Kế hoạch", f"{i}-KH/TU"),
                             body=(" ".join(rng.choices(WORDS, k=rng.randint(20, 400))),),
                             own_numbers=(f"{i}-KH/TU",))
            for i in range(n)]


def _files(docs: list[search.SearchDoc], kept: search.Kept | None = None) -> dict[str, str]:
    return search.files(search.build_index(docs, kept), "tim-kiem/")


def test_an_edited_document_updates_the_index_to_what_a_whole_build_gives() -> None:
    docs, kept = _docs(60), search.Kept()
    _files(docs, kept)
    docs[17] = dataclasses.replace(docs[17], body=(docs[17].body[0] + " bổ sung một câu về học tập quán triệt",))
    assert _files(docs, kept) == _files(docs)


def test_a_document_gone_and_back_gives_what_a_whole_build_gives() -> None:
    docs, kept = _docs(60), search.Kept()
    _files(docs, kept)
    assert _files(docs[:-1], kept) == _files(docs[:-1])
    assert _files(docs, kept) == _files(docs)


def test_weights_hold_inside_the_steady_interval_and_change_only_outside_it() -> None:
    rng = random.Random(3)
    for _ in range(300):
        values = [rng.randint(1, 40) | (rng.randint(0, 2) << index._FIELD_BITS) for _ in range(rng.randint(1, 12))]
        norm = rng.uniform(0.2, 3.0)
        low, high = index._steady(values, norm)
        assert low < norm < high
        weights = [index._weight(v, norm) for v in values]
        for x in (low + (high - low) * t for t in (0.0001, 0.5, 0.9999)):
            if low < x < high:
                assert [index._weight(v, x) for v in values] == weights
        if high != float("inf"):  # the interval is tight: just past it, a weight moves
            assert [index._weight(v, high + 1e-6) for v in values] != weights


def test_a_build_from_what_the_last_one_saved_gives_what_a_whole_build_gives() -> None:
    docs, kept = _docs(60), search.Kept()
    _files(docs, kept)
    docs[5] = dataclasses.replace(docs[5], body=(docs[5].body[0] + " bổ sung một câu",))
    from_disk = search.Kept(saved=kept.to_save())  # a publishing build: counts and weights from the cache
    assert _files(docs, from_disk) == _files(docs)


def test_saved_weights_are_taken_while_the_normalisation_holds(monkeypatch) -> None:
    docs, kept = _docs(60), search.Kept()
    _files(docs, kept)
    weighed = []
    monkeypatch.setattr(index, "_steady", lambda values, norm: weighed.append(norm) or (-1e9, 1e9))
    _files(docs, search.Kept(saved=kept.to_save()))
    assert weighed == []
