"""The citation graph: which document each mention names, who cites whom."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bantin.corpus import load_corpus
from bantin.links import build_graph
from bantin.problems import INFO, WARNING
from bantin.sentences import sentence_around

ROOT = Path(__file__).resolve().parent.parent
KH02 = "directives/2024/02-kh-btgduk.md"
CV229 = "directives/2024/229-cv-btghu.md"
KH_NTL = "directives/chua-ro-ngay/ke-hoach-tuyen-truyen-quan-triet-thuc-hien-ket-luan-127-kl.md"
HD_CB = "directives/chua-ro-ngay/huong-dan-tuyen-truyen-mot-so-noi-dung-trong-tam-cua-hoi.md"


@pytest.fixture(scope="module")
def graph():
    corpus = load_corpus(ROOT)
    assert corpus.errors == ()
    return build_graph(corpus.published, corpus.references)


def test_the_page_of_18_nq_tw_lists_every_sample_directive_that_cites_it(graph) -> None:
    doc = graph.documents["dan-chieu/18-nq-tw-2017"]
    assert (str(doc.number), doc.date) == ("18-NQ/TW", dt.date(2017, 10, 25))
    # Newest first; the two undated directives last, in path order.
    assert graph.cited_by["dan-chieu/18-nq-tw-2017"] == (CV229, KH02, HD_CB, KH_NTL)


def test_undated_mentions_name_the_only_dated_document_with_that_number(graph) -> None:
    targets = {c.target for c in graph.by_source[KH_NTL] if str(c.mention.number) == "18-NQ/TW"}
    assert targets == {"dan-chieu/18-nq-tw-2017"}


def test_each_sample_directive_cites_exactly_these_documents(graph) -> None:
    assert graph.cites(KH02) == (
        "dan-chieu/77-kh-btgtu-2024", "dan-chieu/18-nq-tw-2017", "dan-chieu/11-hd-btgdduk-2024",
        "dan-chieu/05-kl-bcd", "dan-chieu/06-cv-bcd-2024", "dan-chieu/09-kl-tw-2024", "dan-chieu/67-hd-btgtu-2024")
    assert graph.cites(CV229) == (
        "dan-chieu/187-kh-hu-2024", "dan-chieu/01-kl-bcd", "dan-chieu/18-nq-tw-2017",
        "dan-chieu/2497-cv-btgtu-2024", "dan-chieu/61-hd-btghu-2024")
    assert graph.cites(KH_NTL) == (
        "dan-chieu/127-kl-tw-2025", "dan-chieu/303-kh-tu-2025", "dan-chieu/18-nq-tw-2017")
    assert graph.cites(HD_CB) == (
        "dan-chieu/173-hd-btgtw-2024", "dan-chieu/18-nq-tw-2017", "dan-chieu/238-qd-tw-2020")


def test_three_spellings_of_one_symbol_are_one_document_and_the_editor_is_told(graph) -> None:
    doc = graph.documents["dan-chieu/11-hd-btgdduk-2024"]
    assert sorted(doc.spellings) == ["11-HD/BTGDUK", "11-HD/BTGDĐUK", "11-HD/BTGDƯK"]
    notes = [str(p) for p in graph.problems if "ghi số hiệu khác nhau" in p.message]
    assert notes == [
        "content/directives/2024/02-kh-btgduk.md:41: ghi chú: cùng một văn bản được ghi số hiệu khác nhau: "
        "11-HD/BTGDĐUK (dòng 41), 11-HD/BTGDƯK (dòng 59), 11-HD/BTGDUK (dòng 87)"]


def test_a_directive_implements_only_the_objects_of_its_opening_clauses(graph) -> None:
    # 18-NQ/TW is 77-KH/BTGTU's subject; 01-KL/BCĐ and 18-NQ/TW are 187-KH/HU's.
    assert graph.implements(KH02) == ("dan-chieu/77-kh-btgtu-2024",)
    assert graph.implements(CV229) == ("dan-chieu/187-kh-hu-2024", "dan-chieu/2497-cv-btgtu-2024")
    assert graph.implements(KH_NTL) == ("dan-chieu/127-kl-tw-2025", "dan-chieu/303-kh-tu-2025")
    assert graph.implements(HD_CB) == ("dan-chieu/173-hd-btgtw-2024",)


def test_a_cited_document_carries_what_each_citing_text_says_of_it(graph) -> None:
    doc = graph.documents["dan-chieu/18-nq-tw-2017"]
    assert doc.issuers == ("Ban Chấp hành Trung ương Đảng khóa XII",)
    assert doc.subjects == (
        "Một số vấn đề về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, "
        "hoạt động hiệu lực, hiệu quả",)
    assert sorted({c.source for c in doc.claims}) == sorted([CV229, KH02, HD_CB])


def test_a_document_every_sample_directive_cites_relates_none_of_them(graph) -> None:
    # All four cite 18-NQ/TW and share nothing else: that says nothing of how they relate.
    assert {path: graph.related[path] for path in (KH02, CV229, KH_NTL, HD_CB)} == {
        KH02: (), CV229: (), KH_NTL: (), HD_CB: ()}


def test_no_directive_cites_itself(graph) -> None:
    assert all(c.source != c.target for c in graph.citations)


def test_the_sample_content_has_no_warnings(graph) -> None:
    assert [str(p) for p in graph.problems if p.level != INFO] == []


def test_citation_sentences_are_the_sentence_around_the_mention(graph) -> None:
    first = graph.by_source[HD_CB][0]
    assert first.sentence == (
        "Thực hiện Hướng dẫn số 173-HD/BTGTW, ngày 28/11/2024 của Ban Tuyên giáo Trung ương về việc Tuyên truyền "
        "một số nội dung trọng tâm của Hội nghị Ban Chấp hành Trung ương Đảng khóa XIII ngày 25/11/2024, "
        "Ban Tuyên giáo Tỉnh ủy hướng dẫn tuyên truyền như sau:")


# -- identity on small collections ------------------------------------------

def directive(tmp_path: Path, rel: str, number: str, date: str, body: str) -> None:
    path = tmp_path / "content" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f"---\nnumber: {number}\nkind: Quy định\ntitle: thử\nissuer: Ban Bí thư\ndate: {date}\n---\n\n{body}\n",
        encoding="utf-8")


def graph_of(tmp_path: Path):
    corpus = load_corpus(tmp_path)
    assert corpus.errors == ()
    return build_graph(corpus.published)


def test_a_number_with_two_dates_is_two_documents(tmp_path: Path) -> None:
    directive(tmp_path, "directives/2024/a.md", "1-KH/TU", "2024-01-01",
              "Theo Quy định số 101-QĐ/TW, ngày 07/6/2012 và Quy định số 101 -QĐ/TW, 28/02/2023.")
    assert graph_of(tmp_path).cites("directives/2024/a.md") == ("dan-chieu/101-qd-tw-2012", "dan-chieu/101-qd-tw-2023")


def test_an_undated_number_with_several_documents_is_ambiguous_and_warned(tmp_path: Path) -> None:
    directive(tmp_path, "directives/2024/a.md", "1-KH/TU", "2024-01-01",
              "Theo Quy định số 101-QĐ/TW, ngày 07/6/2012 và Quy định số 101 -QĐ/TW, 28/02/2023.")
    directive(tmp_path, "directives/2024/b.md", "2-KH/TU", "2024-02-01", "Thực hiện Quy định số 101-QĐ/TW.")
    g = graph_of(tmp_path)
    assert g.cites("directives/2024/b.md") == ("dan-chieu/101-qd-tw-nhieu-van-ban",)
    assert g.documents["dan-chieu/101-qd-tw-nhieu-van-ban"].candidates == (
        "dan-chieu/101-qd-tw-2012", "dan-chieu/101-qd-tw-2023")
    assert [str(p) for p in g.problems if p.level == WARNING] == [
        "content/directives/2024/b.md:9: cảnh báo: số hiệu 101-QĐ/TW không ghi ngày và có 2 văn bản cùng số hiệu: "
        "ghi thêm ngày ban hành để chỉ rõ văn bản nào"]


def test_a_citation_with_its_date_names_the_directive_in_the_collection(tmp_path: Path) -> None:
    directive(tmp_path, "directives/2023/old.md", "5-HD/BTGTU", "2023-05-05", "Nội dung.")
    directive(tmp_path, "directives/2024/new.md", "6-KH/BTGTU", "2024-01-01",
              "Thực hiện Hướng dẫn số 05-HD/BTGTU ngày 05/5/2023 của Ban Tuyên giáo.")
    g = graph_of(tmp_path)
    assert g.cites("directives/2024/new.md") == ("directives/2023/old.md",)
    assert g.cited_by["directives/2023/old.md"] == ("directives/2024/new.md",)


def test_a_directive_mentioning_its_own_number_does_not_cite_itself(tmp_path: Path) -> None:
    directive(tmp_path, "directives/2024/a.md", "7-KH/TU", "2024-01-01", "Trên đây là Kế hoạch số 07-KH/TU.")
    assert graph_of(tmp_path).cites("directives/2024/a.md") == ()


def test_a_citation_cycle_builds_and_each_lists_the_other(tmp_path: Path) -> None:
    directive(tmp_path, "directives/2024/a.md", "1-KH/TU", "2024-01-01", "Theo Kế hoạch số 2-KH/TU ngày 01/01/2024.")
    directive(tmp_path, "directives/2024/b.md", "2-KH/TU", "2024-01-01", "Theo Kế hoạch số 1-KH/TU ngày 01/01/2024.")
    g = graph_of(tmp_path)
    assert g.cited_by["directives/2024/a.md"] == ("directives/2024/b.md",)
    assert g.cited_by["directives/2024/b.md"] == ("directives/2024/a.md",)


def test_citing_a_document_issued_later_is_warned(tmp_path: Path) -> None:
    directive(tmp_path, "directives/2023/a.md", "1-KH/TU", "2023-01-01", "Theo Kế hoạch số 9-KH/TU ngày 01/01/2024.")
    assert [str(p) for p in graph_of(tmp_path).problems if p.level == WARNING] == [
        "content/directives/2023/a.md:9: cảnh báo: dẫn chiếu 9-KH/TU ngày 01/01/2024, sau ngày ban hành của chính "
        "văn bản (01/01/2023): kiểm tra lại số hiệu hoặc ngày"]


def test_drafts_are_not_in_the_graph(tmp_path: Path) -> None:
    directive(tmp_path, "directives/2024/a.md", "1-KH/TU", "2024-01-01", "Theo Nghị quyết số 18-NQ/TW ngày 25/10/2017.")
    path = tmp_path / "content/directives/2024/a.md"
    path.write_text(path.read_text().replace("---\n\n", "draft: true\n---\n\n"))
    g = graph_of(tmp_path)
    assert g.documents == {} and g.citations == ()


def test_two_committees_plans_of_one_day_one_letter_apart_stay_two_documents(tmp_path: Path) -> None:
    directive(tmp_path, "directives/2020/05-kh-tu.md", "05-KH/TU", "2020-03-04", "Nội dung.")
    directive(tmp_path, "directives/2020/05-kh-hu.md", "05-KH/HU", "2020-03-04", "Nội dung.")
    directive(tmp_path, "directives/2021/a.md", "1-KH/BTGHU", "2021-01-01",
              "Thực hiện Kế hoạch số 05-KH/HU ngày 04/03/2020 và Kế hoạch số 05-KH/TU ngày 04/03/2020.")
    g = graph_of(tmp_path)
    assert g.cites("directives/2021/a.md") == ("directives/2020/05-kh-hu.md", "directives/2020/05-kh-tu.md")
    assert [p for p in g.problems if "khác nhau" in p.message] == []


def test_a_state_number_with_its_year_is_one_document_dated_or_not(tmp_path: Path) -> None:
    directive(tmp_path, "directives/2024/a.md", "1-KH/TU", "2024-01-01",
              "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;\n\n"
              "Theo Nghị định 30/2020/NĐ-CP, văn bản phải ghi số hiệu.")
    g = graph_of(tmp_path)
    assert g.cites("directives/2024/a.md") == ("dan-chieu/30-2020-nd-cp",)
    assert g.basis("directives/2024/a.md") == ("dan-chieu/30-2020-nd-cp",)
    assert g.implements("directives/2024/a.md") == ()
    doc = g.documents["dan-chieu/30-2020-nd-cp"]
    assert (doc.date, doc.issuers, doc.subjects) == (dt.date(2020, 3, 5), ("Chính phủ",), ("công tác văn thư",))


def test_a_number_without_its_symbol_links_only_to_the_one_document_it_can_mean(tmp_path: Path) -> None:
    directive(tmp_path, "directives/2024/a.md", "1-KH/TU", "2024-01-01",
              "Theo Kết luận số 191-KL/TW ngày 02/01/2023 và Chỉ thị số 35 ngày 30/5/2019.")
    directive(tmp_path, "directives/2024/b.md", "2-KH/TU", "2024-02-01", "Thực hiện Kết luận 191, Chỉ thị 35.")
    g = graph_of(tmp_path)
    assert g.cites("directives/2024/b.md") == ("dan-chieu/191-kl-tw-2023",)
    assert g.cites("directives/2024/a.md") == ("dan-chieu/191-kl-tw-2023",)
    incomplete = sorted(str(p) for p in g.problems if "chưa đủ số hiệu" in p.message)
    assert incomplete == [
        "content/directives/2024/a.md:9: ghi chú: dẫn chiếu “Chỉ thị số 35” chưa đủ số hiệu (thiếu ký hiệu) "
        "và không khớp đúng một văn bản: không tạo liên kết",
        "content/directives/2024/b.md:9: ghi chú: dẫn chiếu “Chỉ thị 35” chưa đủ số hiệu (thiếu ký hiệu) "
        "và không khớp đúng một văn bản: không tạo liên kết"]


def test_related_directives_rank_a_rare_shared_citation_above_a_common_one(tmp_path: Path) -> None:
    common = "Nghị quyết số 18-NQ/TW ngày 25/10/2017"
    directive(tmp_path, "directives/2024/a.md", "1-KH/TU", "2024-01-01",
              f"Theo {common} và Kế hoạch số 5-KH/HU ngày 02/01/2023.")
    directive(tmp_path, "directives/2024/b.md", "2-KH/TU", "2024-01-02", f"Theo {common}.")
    directive(tmp_path, "directives/2024/c.md", "3-KH/TU", "2024-01-03", f"Theo {common}.")
    directive(tmp_path, "directives/2024/d.md", "4-KH/TU", "2024-01-04", "Theo Kế hoạch số 5-KH/HU ngày 02/01/2023.")
    directive(tmp_path, "directives/2024/e.md", "5-KH/TU", "2024-01-05", "Nội dung.")
    directive(tmp_path, "directives/2024/f.md", "6-KH/TU", "2024-01-06", "Nội dung.")
    directive(tmp_path, "directives/2024/g.md", "7-KH/TU", "2024-01-07", "Nội dung.")
    g = graph_of(tmp_path)
    # 18-NQ/TW (3 of 7 cite it) still relates, but after 5-KH/HU (2 of 7), though b and c are newer than d.
    assert g.related["directives/2024/a.md"] == (
        ("directives/2024/d.md", 1), ("directives/2024/c.md", 1), ("directives/2024/b.md", 1))


def test_a_subject_read_inside_a_quote_leaves_the_quotes_close_out(graph) -> None:
    # 303-KH/TU's quoted subject names 127-KL/TW "… về triển khai … hệ thống chính trị”": the ” is 303-KH's.
    assert graph.documents["dan-chieu/127-kl-tw-2025"].subjects == (
        "triển khai nghiên cứu, đề xuất tiếp tục sắp xếp tổ chức bộ máy của hệ thống chính trị",)


def test_a_quoted_sentence_drops_footnote_marks_and_a_footnotes_label() -> None:
    text = "Theo Kế hoạch số 12-KH/TU[^1] đã ban hành.\n\n[^1]: Kế hoạch số 15-KH/TU ngày 1/2/2024."
    at = text.index("12-KH/TU")
    assert sentence_around(text, at, at + 8) == "Theo Kế hoạch số 12-KH/TU đã ban hành."
    at = text.index("15-KH/TU")
    assert sentence_around(text, at, at + 8) == "Kế hoạch số 15-KH/TU ngày 1/2/2024."
