"""Search: folding, number spellings, ranking on the sample site, index files.

Ranking is checked on the index the real build wrote (``search.load``), the
same files the browser reads; ``test_search_browser.py`` checks that the
browser's code ranks as ``search.query`` does.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import unicodedata
from pathlib import Path

import pytest

from bantin import refs, search
from bantin.search import SearchDoc
from conftest import copy_project, page, run_build

NQ18 = "dan-chieu/18-nq-tw-2017/"
CITING_NQ18 = {  # the four sample directives that cite Nghị quyết 18-NQ/TW
    "van-ban/2024/02-kh-btgduk/",
    "van-ban/2024/229-cv-btghu/",
    "van-ban/chua-ro-ngay/huong-dan-tuyen-truyen-mot-so-noi-dung-trong-tam-cua-hoi/",
    "van-ban/chua-ro-ngay/ke-hoach-tuyen-truyen-quan-triet-thuc-hien-ket-luan-127-kl/",
}
CAO_BANG_HD = "van-ban/chua-ro-ngay/huong-dan-tuyen-truyen-mot-so-noi-dung-trong-tam-cua-hoi/"


@pytest.fixture(scope="module")
def index(built_site: Path) -> search.Index:
    return search.load(built_site)


def urls(index: search.Index, q: str) -> list[str]:
    return [d.url for d in search.query(index, q)[0]]


# --- words ------------------------------------------------------------------

@pytest.mark.parametrize("a, b", [("khoá", "khóa"), ("hoà", "hòa"), ("thuỷ", "thủy"), ("Khoá", "khóa")])
def test_old_and_new_tone_placement_are_one_variant(a: str, b: str) -> None:
    assert search.word_keys(a) == search.word_keys(b)


def test_a_word_is_indexed_folded_and_keeps_its_accents_apart() -> None:
    assert search.word_keys("Đảng") == ("dang", "đang3")
    assert search.word_keys("đang") == ("dang", "đang")
    assert search.word_keys("dạng") == ("dang", "dang5")
    assert search.word_keys("dang") == ("dang", "")


def terms_of(text: str) -> set[str]:
    return set(search.build_index([SearchDoc(url="x/", title="x", body=(text,))]).postings)


def test_words_are_runs_of_letters_and_digits_in_any_script() -> None:
    # The fast split of text within the BMP cuts every character as the
    # exact one does; text beyond the BMP takes the exact one.
    bmp = "".join(chr(code) for code in range(0x10000) if not 0xD800 <= code < 0xE000)
    assert search.index._SPLIT_BMP.split(bmp) == search.index._SPLIT.split(bmp)
    assert terms_of("x\U0001d400y z") == {"x\U0001d400y", "z", "x\U0001d400y z"}


def test_decomposed_text_is_indexed_as_composed_text() -> None:
    text = "Nghị quyết khóa XIII"
    assert terms_of(unicodedata.normalize("NFD", text)) == terms_of(text) == {
        "nghi", "quyet", "khoa", "xiii", "nghi quyet", "quyet khoa", "khoa xiii"}


def test_phrases_join_words_parted_by_space_hyphen_or_slash_in_one_paragraph() -> None:
    phrases = {t for t in terms_of("sắp xếp, tinh gọn bộ máy 18-NQ/TW\n\nmới") if " " in t}
    assert phrases == {"sap xep", "tinh gon", "gon bo", "bo may", "may 18", "18 nq", "nq tw"}


def test_a_query_joins_words_as_the_index_does() -> None:
    assert search.parse_query("sắp xếp, tinh gọn bộ máy").phrases == ("sap xep", "tinh gon", "gon bo", "bo may")


# --- numbers ----------------------------------------------------------------

@pytest.mark.parametrize("typed", ["18-NQ/TW", "18 NQ/TW", "18-nq-tw", "18/NQ-TW", "18 nq tw", "018-NQ/TW", "số 18-NQ/TW"])
def test_every_spelling_of_a_number_is_the_number_refs_reads(typed: str) -> None:
    canonical, _ = search.number_terms(refs.parse_number("18-NQ/TW"))
    assert search.parse_query(typed, issuers={"tw"}).numbers == (canonical,) == ("18-nq/tw",)


def test_an_issuer_after_a_space_must_be_a_known_symbol() -> None:
    q = search.parse_query("18-NQ nghị quyết", issuers={"tw"})
    assert (q.numbers, [w for w, _ in q.words]) == (("18-nq",), ["nghi", "quyet"])


def test_special_letters_of_codes_and_issuers_fold() -> None:
    assert search.number_terms(refs.parse_number("11-HD/BTGDĐUK")) == ("11-hd/btgdduk", "11-hd")
    assert search.number_terms(refs.parse_number("05-QĐi/TW")) == ("5-qdi/tw", "5-qdi")
    assert search.parse_query("11 hd btgdduk", issuers={"btgdduk"}).numbers == ("11-hd/btgdduk",)


def test_a_kind_name_and_serial_hint_at_that_document() -> None:
    q = search.parse_query("Nghị quyết số 18")
    assert (q.hints, q.numbers, [w for w, _ in q.words]) == (("18-nq",), (), ["nghi", "quyet", "so", "18"])


@pytest.mark.parametrize(("typed", "hint"), [("HD 11", "11-hd"), ("cv-229", "229-cv"), ("NQ số 18", None)])
def test_a_code_typed_before_its_serial_hints_at_that_number(typed: str, hint: str | None) -> None:
    assert search.parse_query(typed).hints == ((hint,) if hint else ())


@pytest.mark.parametrize("dash", ["\u2010", "\u2011", "\u2013", "\u2014", "\u2212"])
def test_a_number_pasted_with_a_typographic_dash_is_that_number(dash: str) -> None:
    assert search.parse_query(f"229{dash}CV/BTGHU").numbers == ("229-cv/btghu",)


# --- ranking on the sample site -----------------------------------------------

@pytest.mark.parametrize("typed", ["nghi quyet 18", "NQ 18"])
def test_nghi_quyet_18_finds_the_resolution_then_its_citers(index: search.Index, typed: str) -> None:
    found = urls(index, typed)
    assert found[0] == NQ18
    assert set(found[1:5]) == CITING_NQ18


@pytest.mark.parametrize("typed", ["229-CV/BTGHU năm 2024", "công văn ngày 24 tháng 12 năm 2024"])
def test_the_date_line_as_printed_finds_its_directive_first(index: search.Index, typed: str) -> None:
    assert urls(index, typed)[0] == "van-ban/2024/229-cv-btghu/"


@pytest.mark.parametrize("typed", ["18-NQ/TW", "18 NQ/TW", "18-nq-tw", "18/NQ-TW"])
def test_a_number_finds_its_page_then_the_directives_citing_it_and_nothing_else(index: search.Index, typed: str) -> None:
    assert urls(index, typed) == [
        NQ18,
        "van-ban/2024/02-kh-btgduk/",
        CAO_BANG_HD,
        "van-ban/2024/229-cv-btghu/",
        "van-ban/chua-ro-ngay/ke-hoach-tuyen-truyen-quan-triet-thuc-hien-ket-luan-127-kl/",
    ]


def test_sap_xep_bo_may_finds_the_directives_about_it_first(index: search.Index) -> None:
    assert set(urls(index, "sap xep bo may")[:4]) == CITING_NQ18


def test_khoa_xiii_finds_the_documents_of_the_thirteenth_term(index: search.Index) -> None:
    assert urls(index, "khoá XIII")[:3] == [CAO_BANG_HD, "van-ban/2024/02-kh-btgduk/", "van-ban/2024/229-cv-btghu/"]
    assert "van-ban/chua-ro-ngay/ke-hoach-tuyen-truyen-quan-triet-thuc-hien-ket-luan-127-kl/" not in urls(index, "khoá XIII")


@pytest.mark.parametrize("bare, accented", [
    ("nghi quyet 18", "Nghị quyết 18"), ("khoa XIII", "khóa XIII"), ("dang", "đảng"), ("hoa", "hòa"),
])
def test_a_query_without_marks_finds_the_pages_the_accented_one_finds(index: search.Index, bare: str, accented: str) -> None:
    assert set(urls(index, bare)) == set(urls(index, accented))
    assert urls(index, bare)


@pytest.mark.parametrize("a, b", [("khoá", "khóa"), ("hoà", "hòa"), ("NGHỊ QUYẾT 18", "nghị quyết 18")])
def test_tone_placement_and_case_change_nothing(index: search.Index, a: str, b: str) -> None:
    assert urls(index, a) == urls(index, b)


def test_an_accented_query_ranks_exact_accent_matches_first(index: search.Index) -> None:
    found = urls(index, "đảng")
    exact = {index.docs[d].url for v, p in index.lookup("dang") if v == "đang3" for d, _ in p}
    assert set(found[:len(exact)]) == exact
    assert set(found[len(exact):])  # "đang", "dạng" … follow: the order was a choice


def holding(index: search.Index, term: str) -> set[str]:
    return {index.docs[d].url for _, p in index.lookup(term) for d, _ in p}


def test_documents_holding_every_word_come_alone(index: search.Index) -> None:
    docs, complete = search.query(index, "khoá XIII")
    assert complete
    assert {d.url for d in docs} == holding(index, "khoa") & holding(index, "xiii")


def test_when_no_document_holds_every_word_those_holding_most_come_first(index: search.Index) -> None:
    docs, complete = search.query(index, "khoá XIII xyzzy")
    assert not complete
    both = holding(index, "khoa") & holding(index, "xiii")
    assert {d.url for d in docs[:len(both)]} == both
    assert len(docs) == len(holding(index, "khoa") | holding(index, "xiii"))


def test_results_say_kind_number_date_subject_and_issuer(index: search.Index) -> None:
    first = search.query(index, "18-NQ/TW")[0]
    assert (first[0].kind, first[0].number, first[0].date) == ("Nghị quyết", "18-NQ/TW", dt.date(2017, 10, 25))
    kh = first[1]
    assert (kh.kind, kh.number, kh.date, kh.issuer) == (
        "Kế hoạch", "02-KH/BTGDUK", dt.date(2024, 12, 16),
        "Ban Tuyên giáo, Đảng ủy Khối Các cơ quan và Doanh nghiệp tỉnh Thái Bình")
    assert kh.title.startswith("tuyên truyền việc tổng kết Nghị quyết số 18-NQ/TW")


def test_a_directive_without_number_or_date_says_so(index: search.Index) -> None:
    doc = next(d for d in index.docs if d.url == CAO_BANG_HD)
    assert (doc.number, doc.date, doc.kind) == (None, None, "Hướng dẫn")


def test_the_results_page_itself_is_not_indexed(index: search.Index) -> None:
    assert not [d for d in index.docs if d.url.startswith("tim-kiem")]


# --- the files ----------------------------------------------------------------

def test_the_site_has_no_whole_text_index(built_site: Path) -> None:
    assert not (built_site / "search" / "search_index.json").exists()


def test_the_manifest_lists_exactly_the_index_files(built_site: Path) -> None:
    manifest = json.loads((built_site / "search" / "manifest.json").read_text(encoding="utf-8"))
    on_disk = sorted(p.relative_to(built_site).as_posix() for p in (built_site / "search").rglob("*.js"))
    assert manifest["files"] == on_disk
    assert manifest["page"] == "tim-kiem/"
    assert (built_site / manifest["script"]).is_file()
    assert f"search/{manifest['version']}/t0.js" in on_disk


def synthetic(n: int, seed: int = 5) -> list[SearchDoc]:
    """Documents of random Vietnamese-like words, to size shards by."""
    rng = random.Random(seed)
    syllables = [f"{a}{b}" for a in ("tr", "ng", "th", "b", "d", "đ", "kh", "qu") for b in ("uyên", "ảng", "ị", "ết", "ổ", "ức", "áy")]
    return [
        SearchDoc(url=f"van-ban/x/{i}/", title=f"văn bản {i}", group=search.DIRECTIVE, kind="Kế hoạch",
                  number=f"{i}-KH/TU", date=dt.date(2024, 1, 1) + dt.timedelta(days=i % 300),
                  head=(" ".join(rng.choices(syllables, k=12)),),
                  body=tuple(" ".join(rng.choices(syllables, k=40)) for _ in range(20)),
                  own_numbers=(f"{i}-KH/TU",), cited_numbers=(f"{rng.randint(1, 50)}-NQ/TW",))
        for i in range(n)
    ]


def test_two_builds_of_the_same_documents_are_byte_identical() -> None:
    docs = synthetic(60)
    shuffled = docs[:]
    random.Random(1).shuffle(shuffled)
    assert search.files(search.build_index(docs), "tim-kiem/") == search.files(search.build_index(shuffled), "tim-kiem/")


def test_shards_stay_near_their_target_size() -> None:
    out = search.files(search.build_index(synthetic(400)), "tim-kiem/", shard_target=8 * 1024)
    shards = [len(text) for path, text in out.items() if path.rsplit("/", 1)[-1].startswith("t")]
    assert len(shards) > 20
    assert max(shards) < 3 * 8 * 1024


def test_postings_survive_encoding() -> None:
    postings = [(0, 1), (1, 30), (2, 60), (40, 5), (1_000_000, 7)]
    assert search.decode(search.encode(postings)) == postings


def pushed(path: Path) -> list:
    """[name, data] of an index file: a script pushing onto self.bantinSearchData."""
    return json.loads(path.read_text(encoding="utf-8").split(".push(", 1)[1].rsplit(");", 1)[0])


def test_a_term_lives_in_the_shard_its_hash_names(built_site: Path) -> None:
    _, meta = pushed(built_site / "search" / "index.js")
    term = "18-nq/tw"
    name, shard = pushed(built_site / "search" / meta["version"] / f"t{search.shard_of(term, meta['shards'])}.js")
    assert term in [record.split(";")[0] for record in shard.split("|")]


# --- text from HTML -------------------------------------------------------------

def test_page_text_leaves_out_what_it_repeats_from_documents() -> None:
    html = """<nav>Trang chủ</nav><article class="md-content__inner">
      <h1 id="a">Khẩu hiệu<a class="headerlink" href="#a">¶</a></h1><p>Đảng Cộng sản<br>Việt Nam</p>
      <ul class="bt-entries"><li>Kế hoạch 02-KH/BTGDUK</li></ul><div data-search-skip><p>lặp lại</p></div>
      <article class="bt-doc" id="van-ban-1"><p>toàn văn một văn bản</p></article>
      <ol class="bt-tl__list"><li>16/12/2024 Kế hoạch</li></ol>
      <script>var x = 1;</script></article><footer>chân trang</footer>"""
    assert search.html_text(html, within="md-content__inner") == ("Khẩu hiệu", "Đảng Cộng sản", "Việt Nam")


def test_the_not_found_page_searches_from_the_site_root(built_site: Path) -> None:
    # 404.html is served at any path: a relative form action would go astray.
    assert 'class="bt-hsearch" role="search" action="/tim-kiem/"' in (built_site / "404.html").read_text(encoding="utf-8")


def test_the_filters_file_gives_each_page_its_kind_year_issuer_and_group(built_site: Path) -> None:
    meta = json.loads((built_site / "search/manifest.json").read_text(encoding="utf-8"))
    script = (built_site / "search" / meta["version"] / "f.js").read_text(encoding="utf-8")
    assert f"search/{meta['version']}/f.js" in meta["files"]  # the whole index, offline, has it too
    facets = json.loads(script[script.index("push(") + 5:script.rindex(");")])[1]
    docs = search.load(built_site).docs
    at = {d.url: i for i, d in enumerate(docs)}
    kh02 = at["van-ban/2024/02-kh-btgduk/"]
    assert (facets["kinds"][facets["k"][kh02]], facets["y"][kh02], facets["issuers"][facets["i"][kh02]],
            facets["g"][kh02]) == (
        "Kế hoạch", 2024, "Ban Tuyên giáo, Đảng ủy Khối Các cơ quan và Doanh nghiệp tỉnh Thái Bình", 0)
    guide = [d.url for d, g in zip(docs, facets["g"]) if g]
    assert guide and all(u.startswith("huong-dan-bien-tap/") for u in guide)
    assert len(facets["k"]) == len(facets["y"]) == len(facets["i"]) == len(docs)


def test_the_pages_remark_on_a_missing_place_is_not_indexed(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    cv = project / "content/directives/2024/229-cv-btghu.md"
    cv.write_text(cv.read_text(encoding="utf-8").replace("place: Vĩnh Bảo\n", "place: null\n", 1), encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 0, result.output
    assert "Văn bản không ghi địa danh" in page(result.site, "/van-ban/2024/229-cv-btghu/")
    found = urls(search.load(result.site), "không ghi địa danh")
    assert "van-ban/2024/229-cv-btghu/" not in found
    assert urls(search.load(result.site), "229-CV/BTGHU ngày 24 tháng 12 năm 2024")[0] == "van-ban/2024/229-cv-btghu/"
