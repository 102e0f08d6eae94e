"""The pack of rendered pages: what a build keeps reads back, what it drops is gone."""

from __future__ import annotations

from pathlib import Path

from bantin.mkdocs.pack import PACK, Pack


def _pack(folder: Path, entries: dict[str, bytes]) -> Pack:
    pack = Pack(folder)
    pack.write(entries, entries)
    return Pack(folder)  # as the next build opens it


def test_a_build_after_one_edit_appends_its_page_and_reads_every_kept_one(tmp_path: Path) -> None:
    pack = _pack(tmp_path, {f"p{i}": bytes([i]) * 100 for i in range(10)})
    size = (tmp_path / PACK).stat().st_size
    pack.write([*(f"p{i}" for i in range(1, 10)), "new"], {"new": b"x" * 100})
    again = Pack(tmp_path)
    assert (tmp_path / PACK).stat().st_size == size + 100  # appended, not written anew
    assert {fp: again.get(fp) for fp in again.index} == {**{f"p{i}": bytes([i]) * 100 for i in range(1, 10)},
                                                         "new": b"x" * 100}


def test_a_pack_mostly_of_dropped_pages_is_written_anew(tmp_path: Path) -> None:
    pack = _pack(tmp_path, {f"p{i}": bytes([i]) * 100 for i in range(10)})
    pack.write(["p0", "p1", "new"], {"new": b"x" * 100})
    again = Pack(tmp_path)
    assert (tmp_path / PACK).stat().st_size == 16 + 300
    assert {fp: again.get(fp) for fp in again.index} == {"p0": bytes([0]) * 100, "p1": bytes([1]) * 100,
                                                         "new": b"x" * 100}


def test_a_build_killed_while_appending_leaves_the_pages_it_had(tmp_path: Path) -> None:
    _pack(tmp_path, {"p0": b"a" * 100})
    with open(tmp_path / PACK, "ab") as out:  # half a page written, no index
        out.write(b"b" * 50)
    pack = Pack(tmp_path)
    assert pack.get("p0") == b"a" * 100
    pack.write(["p0", "p1"], {"p1": b"c" * 100})
    again = Pack(tmp_path)
    assert (again.get("p0"), again.get("p1")) == (b"a" * 100, b"c" * 100)


def test_a_pack_another_build_wrote_anew_meanwhile_is_not_appended_to(tmp_path: Path) -> None:
    pages = {f"p{i}": bytes([i]) * (100 + i) for i in range(6)}
    preview = _pack(tmp_path, pages)  # opened when the preview started
    Pack(tmp_path).write(["p3", "p4", "p5"], {})  # a publishing build meanwhile: a pack of three pages
    preview.write([*pages, "new"], {"new": b"x" * 100})  # the preview stops and saves
    again = Pack(tmp_path)
    assert {fp: again.get(fp) for fp in again.index} == {**pages, "new": b"x" * 100}


def test_a_page_rendered_again_replaces_its_damaged_entry(tmp_path: Path) -> None:
    _pack(tmp_path, {f"p{i}": bytes([i]) * 100 for i in range(4)})
    Pack(tmp_path).write([f"p{i}" for i in range(4)], {"p3": b"fixed" * 20})
    assert Pack(tmp_path).get("p3") == b"fixed" * 20


def test_an_index_of_another_pack_is_no_cache(tmp_path: Path) -> None:
    _pack(tmp_path, {"p0": b"a" * 100})
    index = (tmp_path / "pages.index").read_bytes()
    _pack(tmp_path, {"p0": b"b" * 100})  # a pack written anew: another token
    (tmp_path / "pages.index").write_bytes(index)
    assert Pack(tmp_path).get("p0") is None


def test_records_on_disk_are_written_again_only_where_their_keys_changed(tmp_path: Path) -> None:
    from bantin.memo import Shards

    items = {bytes([i, 0]): f"record {i}" for i in range(64)}
    Shards(tmp_path / "records.pickle").write(items)
    disk = Shards(tmp_path / "records.pickle")
    assert disk.read() == items
    inodes = {p.name: p.stat().st_ino for p in tmp_path.glob("records-*.pickle")}  # a file written again is a new one
    items[bytes([3, 1])] = "record 3, edited"  # a new key in shard 3
    disk.write(items)
    changed = [p.name for p in tmp_path.glob("records-*.pickle") if p.stat().st_ino != inodes[p.name]]
    assert (changed, Shards(tmp_path / "records.pickle").read()) == (["records-03.pickle"], items)
