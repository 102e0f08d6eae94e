"""The importer (``bantin import``, ``bantin new``) and the sample content made from the seeds.

Faithfulness is tested against ground truth read by hand, not against the
importer's own idea of where a body starts: each seed's body lines are named
below, and every other word of the seed must be found in the front matter.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import unicodedata
import zipfile
from pathlib import Path

import pytest
import yaml

from bantin.importer import convert, read_docx, run_import, skeleton, text_source
from bantin.importer.emit import directive_file, scalar
from bantin.records import KINDS, Recipient, Signer

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
CONTENT = ROOT / "content"
SCHEMA = json.loads((ROOT / "docs" / "schema" / "directive.schema.json").read_text(encoding="utf-8"))

SEED_FILES = {
    "000": "000_6d727a2a5508cfde.txt",
    "001": "001_616bf6ae4a111970.txt",
    "002": "002_79b63b57ade90eba.txt",
    "004": "004_79d78c7148d5feae.txt",
}
SLUG_002 = "ke-hoach-tuyen-truyen-quan-triet-thuc-hien-ket-luan-127-kl"
SLUG_004 = "huong-dan-tuyen-truyen-mot-so-noi-dung-trong-tam-cua-hoi"
SAMPLES = {
    "000": "directives/2024/02-kh-btgduk.md",
    "001": "directives/2024/229-cv-btghu.md",
    "002": f"directives/chua-ro-ngay/{SLUG_002}.md",
    "004": f"directives/chua-ro-ngay/{SLUG_004}.md",
}
SLOGANS_004 = f"slogans/{SLUG_004}.yml"


def seed_text(key: str) -> str:
    return (SEEDS / SEED_FILES[key]).read_text(encoding="utf-8")


def seed(key: str):
    return convert(text_source(SEED_FILES[key], seed_text(key)))


def split_file(text: str) -> tuple[dict, str]:
    assert text.startswith("---\n")
    head, body = text[4:].split("\n---\n", 1)
    return yaml.safe_load(head), body.removeprefix("\n")  # the empty line after the front matter


# ---------------------------------------------------------------------------
# The importer on each seed: every header field, exactly; null where the text has none.

IMPORTED = {
    "000": dict(
        number="02-KH/BTGDUK",
        kind="Kế hoạch",
        title="tuyên truyền việc tổng kết Nghị quyết số 18-NQ/TW của Ban Chấp hành Trung ương Đảng khóa XII và "
        "sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả trên địa bàn tỉnh",
        issuer="BAN TUYÊN GIÁO",
        parent="ĐẢNG ỦY KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP TỈNH THÁI BÌNH",
        place="Thái Bình",
        date=dt.date(2024, 12, 16),
        level="tinh",
        signer=Signer(name="Vũ Văn Phóng", position="TRƯỞNG BAN"),
        addressees=(),
        recipients=(
            Recipient("Ban Tuyên giáo Tỉnh ủy", "để báo cáo"),
            Recipient("Thường trực Đảng ủy Khối", "để báo cáo"),
            Recipient("Các đảng ủy, chi ủy cơ sở trực thuộc ĐUK"),
            Recipient("Các ban, UBKT, Văn phòng ĐUK"),
            Recipient("Các đoàn thể CT - XH Khối"),
            Recipient("Lưu BTG ĐUK"),
        ),
        recipient_notes=(),
        inferred={},
        slogans=(),
    ),
    "001": dict(
        number="229-CV/BTGHU",
        kind="Công văn",
        title="đẩy mạnh tuyên truyền chủ trương sắp xếp, tinh gọn tổ chức bộ máy của hệ thống chính trị thành phố",
        issuer="BAN TUYÊN GIÁO",
        parent="HUYỆN ỦY VĨNH BẢO",
        place="Vĩnh Bảo",
        date=dt.date(2024, 12, 24),
        level="huyen",
        signer=Signer(name="Dương Thị Bích", position="PHÓ TRƯỞNG BAN", authority="K/T", on_behalf_of="TRƯỞNG BAN"),
        addressees=(
            "Các chi bộ, đảng bộ trực thuộc Huyện ủy",
            "Các cơ quan tham mưu giúp việc Huyện ủy",
            "Ủy ban MTTQ Việt Nam và các tổ chức chính trị xã hội huyện",
        ),
        recipients=(
            Recipient("Ban Tuyên giáo Thành ủy", "để báo cáo"),
            Recipient("Thường trực Huyện ủy", "để báo cáo"),
            Recipient("Ủy ban nhân dân huyện"),
            Recipient("Như kính gửi"),
            Recipient("Lưu Ban Tuyên giáo Huyện ủy"),
        ),
        recipient_notes=(),
        inferred={},
        slogans=(),
    ),
    "002": dict(
        number=None,
        kind="Kế hoạch",
        title="Tuyên truyền, quán triệt thực hiện Kết luận 127 -KL/TW của Bộ Chính trị, Ban Bí thư về triển khai "
        "nghiên cứu, đề xuất tiếp tục sắp xếp tổ chức bộ máy của hệ thống chính trị",
        issuer="Ban Thường vụ Quận ủy Nam Từ Liêm",
        parent=None,
        place=None,
        date=None,
        level="huyen",
        signer=Signer(
            name="Lâm Quang Thao", position="PHÓ BÍ THƯ THƯỜNG TRỰC", authority="T/M", on_behalf_of="BAN THƯỜNG VỤ"
        ),
        addressees=(),
        recipients=tuple(
            Recipient(n)
            for n in (
                "Thành ủy Hà Nội",
                "Ban TGDVTU",
                "Thường trực Quận ủy",
                "BTVQU",
                "UBND quận",
                "Các ban Đảng và Văn phòng Quận ủy",
                "Các TCCSD trực thuộc Quận ủy",
                "MTTQ và các tổ chức CT-XH quận",
                "Các cơ quan, đơn vị liên quan",
                "Lưu VPQU",
            )
        ),
        recipient_notes=("(để b/c)", "để t/hiện"),
        inferred={
            "issuer": "dòng 11: “Ban Thường vụ Quận ủy Nam Từ Liêm ban hành kế hoạch tuyên truyền, quán triệt thực "
            "hiện Kết luận của Bộ Chính trị, Ban Bí thư trong toàn Đảng bộ, cụ thể như sau:”"
        },
        slogans=(),
    ),
    "004": dict(
        number=None,
        kind="Hướng dẫn",
        title="Tuyên truyền một số nội dung trọng tâm của Hội nghị Ban Chấp hành Trung ương Đảng khóa XIII ngày 25/11/2024",
        issuer="Ban Tuyên giáo",
        parent="Tỉnh ủy Cao Bằng",
        place=None,
        date=None,
        level="tinh",
        signer=Signer(name="Bế Thanh Tịnh", position="TRƯỞNG BAN"),
        addressees=(),
        recipients=(
            Recipient("Ban Tuyên giáo TW", "báo cáo"),
            Recipient("Thường trực Tỉnh ủy", "báo cáo"),
            Recipient(
                "Đ/c Phạm Đức Tiến, Phó Vụ trưởng Vụ Tổng hợp, BTGTW, theo dõi công tác tuyên giáo Tỉnh ủy Cao Bằng"
            ),
            Recipient("Ban cán sự đảng UBND tỉnh"),
            Recipient("Các huyện, thành uỷ, đảng uỷ trực thuộc Tỉnh uỷ"),
            Recipient("Các sở, ban, ngành, MTTQ và các đoàn thể tỉnh"),
            Recipient("Ban Chỉ đạo 35 cấp tỉnh, BCĐ TTĐN tỉnh"),
            Recipient("Ban Tuyên giáo các huyện, thành uỷ; Tuyên huấn các ĐU trực thuộc"),
            Recipient("Báo Cao Bằng, Đài Phát thanh - Truyền hình"),
            Recipient("Lãnh đạo Ban"),
            Recipient("Các phòng CM, BTGTU"),
            Recipient("Lưu Ban Tuyên giáo Tỉnh uỷ"),
        ),
        recipient_notes=(),
        inferred={
            "issuer": "dòng 7: “Ban Tuyên giáo Tỉnh ủy hướng dẫn tuyên truyền như sau:”",
            "parent": "dòng 152–154: “Đ/c Phạm Đức Tiến, Phó Vụ trưởng Vụ Tổng hợp, BTGTW, theo dõi công tác "
            "tuyên giáo Tỉnh ủy Cao Bằng”",
        },
        slogans=(
            "Đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh, gọn, mạnh, hiệu năng, hiệu lực, hiệu quả!",
            "Sắp xếp tổ chức bộ máy tinh, gọn, bảo đảm tính tổng thể, đồng bộ, liên thông!",
            "Tinh gọn bộ máy hệ thống chính trị hiệu quả, thiết thực, chống lãng phí!",
            "Tập trung thực hiện thắng lợi cuộc cách mạng về tổ chức bộ máy của hệ thống chính trị!",
            "Đổi mới, sắp xếp tổ chức bộ máy là đòi hỏi bức thiết của tình hình thực tiễn hiện nay!",
            "Quyết liệt, mạnh mẽ trong việc sắp xếp tổ chức bộ máy của hệ thống chính trị!",
            "Thực hiện đồng bộ các giải pháp để hoàn thiện đồng bộ hạ tầng năng lượng quốc gia, đáp ứng yêu cầu "
            "phát triển đất nước trong tình hình mới!",
            "Đảng Cộng sản Việt Nam quang vinh muôn năm!",
            "Nước Cộng hòa xã hội chủ nghĩa Việt Nam muôn năm!",
            "Chủ tịch Hồ Chí Minh vĩ đại sống mãi trong sự nghiệp của chúng ta!",
        ),
    ),
}


@pytest.mark.parametrize("key", sorted(IMPORTED))
def test_importer_reads_every_header_field_of_the_seed(key):
    conv = seed(key)
    for name, expected in IMPORTED[key].items():
        got = dict(conv.inferred) if name == "inferred" else getattr(conv, name)
        assert got == expected, name


@pytest.mark.parametrize("key", sorted(IMPORTED))
def test_importer_writes_where_the_slug_rule_says(key):
    assert seed(key).path == SAMPLES[key]


def test_importer_marks_its_output_as_draft_for_review():
    assert all(seed(key).draft for key in SEED_FILES)
    assert "draft: true" in directive_file(seed("000"))


# ---------------------------------------------------------------------------
# Faithfulness. Ground truth read by hand from the seeds: the 1-based line range
# of each body, and the words it must start and end with.

BODY_LINES = {
    "000": (19, 85, "Thực hiện Kế hoạch số 77-KH/BTGTU", "báo cáo kết quả về Ban Tuyên giáo Đảng ủy Khối."),
    "001": (21, 39, "Thực hiện Kế hoạch số 187-KH/HU", "Trân trọng./."),
    "002": (9, 86, "Thực hiện Kết luận số 127-KL/TW", "để tổng hợp theo quy định."),
    "004": (7, 146, "Thực hiện Hướng dẫn số 173-HD/BTGTW", "sống mãi trong sự nghiệp của chúng ta!"),
}
# Lines outside the body the page template prints itself.
DROPPED = {"ĐẢNG CỘNG SẢN VIỆT NAM", "*"}


def squash(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def markdown_as_text(body: str) -> str:
    """The body with only the Markdown the importer adds taken away: heading marks and escapes."""
    lines = [re.sub(r"^#{2,6} ", "", line) for line in body.split("\n")]
    return squash(re.sub(r"\\([.\-)#>*+])", r"\1", "\n".join(lines)))


def seed_body(key: str) -> str:
    first, last, starts, ends = BODY_LINES[key]
    text = squash("\n".join(seed_text(key).split("\n")[first - 1 : last]))
    # Guard the ground truth itself: the range must be the body and not, say, empty.
    assert text.startswith(starts) and text.endswith(ends), key
    assert len(text) > 1500
    return text


def words(text: str) -> list[str]:
    """Lowercased words, punctuation and Markdown marks left out."""
    return re.findall(r"\w+", unicodedata.normalize("NFC", text).lower().replace("\\", ""))


def outside_body_words(key: str) -> list[str]:
    first, last, _, _ = BODY_LINES[key]
    lines = seed_text(key).split("\n")
    kept = [line for n, line in enumerate(lines, 1) if not first <= n <= last and line.strip() not in DROPPED]
    return words("\n".join(kept))


def _dated(meta: dict) -> str:
    d = meta["date"]
    return f"{meta['place']}, ngày {d.day} tháng {d.month} năm {d.year}"


# The header and tail of each seed, rebuilt from front-matter values in the order the seed has them.
HEADER_ORDER = {
    "000": lambda m: [m["parent"], m["issuer"], "Số", m["number"], _dated(m), m["kind"], m["title"]],
    "001": lambda m: [m["parent"], m["issuer"], "Số", m["number"], "V/v", m["title"], _dated(m), "Kính gửi:",
                      *m["addressees"]],
    "002": lambda m: [m["kind"], m["title"]],
    "004": lambda m: [m["kind"], m["title"]],
}


def tail_in_order(m: dict) -> list[str]:
    signer = m["signer"]
    return [
        "Nơi nhận:",
        *(r["name"] + (f" ({r['note']})" if r.get("note") else "") for r in m.get("recipients", [])),
        *m.get("recipient_notes", []),
        *(signer[k] or "" for k in ("authority", "on_behalf_of", "position", "name")),
    ]


def sample(key: str) -> tuple[dict, str]:
    return split_file((CONTENT / SAMPLES[key]).read_text(encoding="utf-8"))


def imported(key: str) -> tuple[dict, str]:
    return split_file(directive_file(seed(key)))


# Every faithfulness and schema test runs on the committed sample files and on a fresh import.
SOURCES = [sample, imported]


@pytest.mark.parametrize("source", SOURCES, ids=lambda f: f.__name__)
@pytest.mark.parametrize("key", sorted(BODY_LINES))
def test_body_keeps_every_character_of_the_seed_body_in_order(key, source):
    _, body = source(key)
    assert markdown_as_text(body) == seed_body(key)


@pytest.mark.parametrize("source", SOURCES, ids=lambda f: f.__name__)
@pytest.mark.parametrize("key", sorted(BODY_LINES))
def test_every_word_outside_the_body_is_in_the_front_matter_in_order(key, source):
    meta, _ = source(key)
    rebuilt = words("\n".join(HEADER_ORDER[key](meta) + tail_in_order(meta)))
    expected = outside_body_words(key)
    assert len(expected) > 20
    assert rebuilt == expected


def test_faithfulness_check_catches_a_dropped_or_changed_word():
    """The checks above are not vacuous: a one-word change or a lost line fails them."""
    _, body = sample("001")
    assert markdown_as_text(body.replace("công kênh", "cồng kềnh")) != seed_body("001")
    assert markdown_as_text(body.replace("Trân trọng./.\n", "")) != seed_body("001")
    meta, _ = sample("001")
    meta["recipients"] = meta["recipients"][:-1]
    assert words("\n".join(HEADER_ORDER["001"](meta) + tail_in_order(meta))) != outside_body_words("001")


def _check(value, schema: dict, where: str) -> list[str]:
    """Just enough JSON Schema for directive.schema.json (jsonschema is not a dependency)."""
    problems = []
    types = schema.get("type")
    if types:
        allowed = {"string": str, "null": type(None), "object": dict, "array": list, "boolean": bool}
        names = types if isinstance(types, list) else [types]
        if isinstance(value, dt.date) and "string" in names and schema.get("format") == "date":
            return []
        if not any(isinstance(value, allowed[n]) for n in names):
            return [f"{where}: {value!r} is not {names}"]
    if "enum" in schema and value not in schema["enum"]:
        problems.append(f"{where}: {value!r} not in enum")
    if isinstance(value, str):
        if len(value) < schema.get("minLength", 0):
            problems.append(f"{where}: too short")
        if "pattern" in schema and not re.search(schema["pattern"], value):
            problems.append(f"{where}: {value!r} does not match {schema['pattern']}")
    if isinstance(value, dict):
        props = schema.get("properties", {})
        problems += [f"{where}: missing {k}" for k in schema.get("required", []) if k not in value]
        for k, v in value.items():
            if k in props:
                problems += _check(v, props[k], f"{where}.{k}")
            elif schema.get("additionalProperties") is False:
                problems.append(f"{where}: unknown field {k}")
            elif isinstance(schema.get("additionalProperties"), dict):
                problems += _check(v, schema["additionalProperties"], f"{where}.{k}")
    if isinstance(value, list) and "items" in schema:
        for n, item in enumerate(value):
            problems += _check(item, schema["items"], f"{where}[{n}]")
    return problems


@pytest.mark.parametrize("source", SOURCES, ids=lambda f: f.__name__)
@pytest.mark.parametrize("key", sorted(SAMPLES))
def test_front_matter_follows_the_schema(key, source):
    meta, _ = source(key)
    assert _check(meta, SCHEMA, key) == []


def test_schema_check_is_not_vacuous():
    assert _check({"number": "02 KH", "kind": "Kế hoạch", "title": "x", "issuer": "y", "date": None}, SCHEMA, "t")
    assert _check({"kind": "Tin", "title": "x", "issuer": "y", "number": None, "date": None}, SCHEMA, "t")
    assert _check({"kind": "Kế hoạch", "title": "x", "issuer": "y", "date": None}, SCHEMA, "t")  # no number


# ---------------------------------------------------------------------------
# run_import: files, folders, overwriting, the report.

def _run(paths, content, force=False):
    out, err = io.StringIO(), io.StringIO()
    status = run_import([Path(p) for p in paths], content, force=force, out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def test_import_writes_the_directive_and_the_slogan_set(tmp_path):
    content = tmp_path / "content"
    status, out, err = _run([SEEDS / SEED_FILES["004"]], content)
    assert status == 0, err
    directive = content / SAMPLES["004"]
    assert directive.read_text(encoding="utf-8") == directive_file(seed("004"))
    slogans = yaml.safe_load((content / SLOGANS_004).read_text(encoding="utf-8"))
    assert slogans["slogans"] == list(IMPORTED["004"]["slogans"])
    assert slogans["directive"] == SAMPLES["004"]


def test_import_never_overwrites_without_force(tmp_path):
    content = tmp_path / "content"
    path = SEEDS / SEED_FILES["001"]
    assert _run([path], content)[0] == 0
    target = content / SAMPLES["001"]
    target.write_text("sửa tay\n", encoding="utf-8")
    status, out, err = _run([path], content)
    assert status != 0
    assert str(target) in err and "không ghi đè" in err and "--force" in err
    assert target.read_text(encoding="utf-8") == "sửa tay\n"
    status, _, err = _run([path], content, force=True)
    assert status == 0, err
    assert target.read_text(encoding="utf-8") == directive_file(seed("001"))


def test_import_does_not_write_half_a_document_when_one_output_exists(tmp_path):
    content = tmp_path / "content"
    (content / "slogans").mkdir(parents=True)
    (content / SLOGANS_004).write_text("cũ\n", encoding="utf-8")
    status, _, err = _run([SEEDS / SEED_FILES["004"]], content)
    assert status != 0 and SLOGANS_004.split("/")[-1] in err
    assert not (content / SAMPLES["004"]).exists()


def test_import_of_a_folder_reports_progress_per_file(tmp_path):
    status, out, err = _run([SEEDS], tmp_path / "content")
    assert status == 0, err
    progress = [line for line in out.splitlines() if line.startswith("[")]
    assert progress == [f"[{k}/4] {SEEDS / name}" for k, name in enumerate(sorted(SEED_FILES.values()), 1)]
    assert "Đã nhập 4/4 văn bản." in out
    for rel in [*SAMPLES.values(), SLOGANS_004]:
        assert (tmp_path / "content" / rel).is_file()


def test_import_refuses_what_it_cannot_read(tmp_path):
    (tmp_path / "a.xls").write_bytes(b"\xd0\xcf")
    (tmp_path / "b.txt").write_bytes("KẾ HOẠCH".encode("cp1258", errors="replace") + b"\xff\xfe\x00")
    (tmp_path / "c.docx").write_bytes(b"not a zip")
    status, _, err = _run([tmp_path / "a.xls", tmp_path / "b.txt", tmp_path / "c.docx", tmp_path / "none"],
                          tmp_path / "content")
    assert status != 0
    assert "không nhập được tệp “.xls” — chỉ nhận .txt, .docx, .doc, .odt, .pdf" in err
    assert "không phải văn bản UTF-8" in err
    assert "không phải tệp .docx" in err
    assert "không tìm thấy tệp hoặc thư mục" in err


def test_import_names_the_line_of_a_control_character_and_writes_nothing(tmp_path):
    lines = seed_text("001").split("\n")
    lines[9] += "\x07"
    (tmp_path / "x.txt").write_text("\n".join(lines), encoding="utf-8")
    status, _, err = _run([tmp_path / "x.txt"], tmp_path / "content")
    assert status != 0
    assert f"x.txt: dòng 10, cột {len(lines[9])}: ký tự điều khiển U+0007 (không nhìn thấy)" in err
    assert not (tmp_path / "content").exists()


def test_the_form_feed_pdftotext_puts_before_a_page_is_dropped(tmp_path):
    lines = seed_text("001").split("\n")
    lines[30] = "\f" + lines[30]
    (tmp_path / "x.txt").write_text("\n".join(lines), encoding="utf-8")
    (tmp_path / "y.txt").write_text(seed_text("001"), encoding="utf-8")
    status, _, _ = _run([tmp_path / "x.txt"], tmp_path / "a")
    assert status == 0
    status, _, _ = _run([tmp_path / "y.txt"], tmp_path / "b")
    assert status == 0
    (written,) = (tmp_path / "a").rglob("*.md")
    assert written.read_text(encoding="utf-8") == (tmp_path / "b" / written.relative_to(tmp_path / "a")).read_text(
        encoding="utf-8")


def test_two_inputs_for_one_output_in_one_run_do_not_overwrite_each_other(tmp_path):
    for name in ("x.txt", "y.txt"):
        (tmp_path / name).write_text(seed_text("001"), encoding="utf-8")
    status, _, err = _run([tmp_path / "x.txt", tmp_path / "y.txt"], tmp_path / "content", force=True)
    assert status != 0 and "đã được tạo từ" in err and "x.txt" in err


def test_report_says_what_was_found_inferred_and_missing(tmp_path):
    _, out, _ = _run([SEEDS / SEED_FILES["002"]], tmp_path / "content")
    assert "loại: Kế hoạch (dòng 3)" in out
    assert "trích yếu: Tuyên truyền, quán triệt" in out and "(dòng 5–7)" in out
    assert "thiếu số hiệu: văn bản không ghi — để trống (null)" in out
    assert "thiếu ngày ban hành: văn bản không ghi — để trống (null)" in out
    assert "thiếu địa danh: văn bản không ghi — để trống (null)" in out
    assert "cơ quan ban hành: Ban Thường vụ Quận ủy Nam Từ Liêm — theo dòng 11:" in out
    assert "ghi chú nơi nhận" in out and "dòng 101, dòng 103–104" in out
    assert "nối lại đoạn bị ngắt trang: dòng 37 với dòng 39" in out
    _, out, _ = _run([SEEDS / SEED_FILES["000"]], tmp_path / "other")
    assert "số hiệu: 02-KH/BTGDUK (dòng 7)" in out
    assert "ngày ban hành: 2024-12-16 (dòng 11)" in out
    assert "thiếu" not in out


def test_import_writes_a_document_lacking_required_fields_as_draft_and_says_so(tmp_path):
    (tmp_path / "x.txt").write_text("Nội dung không có phần đầu.\n\nMột đoạn nữa.\n", encoding="utf-8")
    status, out, _ = _run([tmp_path / "x.txt"], tmp_path / "content")
    assert status != 0
    assert "thiếu cơ quan ban hành: văn bản không ghi — để trống (null); phải điền trước khi xuất bản" in out
    written = tmp_path / "content" / "directives" / "chua-ro-ngay" / "x.md"
    meta, body = split_file(written.read_text(encoding="utf-8"))
    assert meta["kind"] is None and meta["issuer"] is None and meta["draft"] is True
    assert body == "Nội dung không có phần đầu.\n\nMột đoạn nữa.\n"


# ---------------------------------------------------------------------------
# Parsing details, on small texts.

def conv_of(text: str):
    return convert(text_source("t.txt", text))


HEAD = "HUYỆN ỦY X\nBAN TUYÊN GIÁO\n\nSố {number}\n\nX, ngày {date}\n\nKẾ HOẠCH\nvề việc y\n\n"


@pytest.mark.parametrize(
    "number, expected",
    [("02 -KH/BTGDUK", "02-KH/BTGDUK"), ("02-KH/BTGDUK", "02-KH/BTGDUK"), (": 15a - KH / HU", "15a-KH/HU"),
     ("   -KH/HU", None)],
)
def test_number_is_normalised_or_null(number, expected):
    conv = conv_of(HEAD.format(number=number, date="1 tháng 2 năm 2025") + "Nội dung.\n")
    assert conv.number == expected
    assert conv.slug == (expected.lower().replace("/", "-") if expected else "ke-hoach-ve-viec-y")


def test_an_impossible_or_blank_date_is_null_and_reported():
    for date in ("31 tháng 2 năm 2025", "  tháng  năm 2025"):
        conv = conv_of(HEAD.format(number="1-KH/HU", date=date) + "Nội dung.\n")
        assert conv.date is None and conv.place == "X" and conv.folder == "chua-ro-ngay"
        assert any("ngày tháng" in n for n in conv.notes)


def test_kind_line_disagreeing_with_the_number_code_is_reported():
    conv = conv_of(HEAD.format(number="1-HD/HU", date="1 tháng 2 năm 2025") + "Nội dung.\n")
    assert conv.kind == "Kế hoạch"
    assert any("không khớp" in n for n in conv.notes)


def test_a_numbered_heading_above_a_capitalised_paragraph_is_not_joined_to_it():
    body = conv_of("KẾ HOẠCH\nvề y\n\nI. MỤC ĐÍCH\n\n1. Đối tượng\n\nCán bộ, đảng viên.\n").body
    assert body == "## I. MỤC ĐÍCH\n\n### 1. Đối tượng\n\nCán bộ, đảng viên.\n"


def test_a_page_break_inside_a_sentence_is_mended_and_a_dash_carried_over_is_not_a_list():
    body = conv_of("KẾ HOẠCH\nvề y\n\nCác tổ chức chính trị\n- xã hội và Nhà nước\n\nViệt Nam đều làm.\n").body
    assert body == "Các tổ chức chính trị - xã hội và Nhà nước Việt Nam đều làm.\n"


def test_markdown_significant_starts_are_escaped():
    body = conv_of("KẾ HOẠCH\nvề y\n\n1) Một.\n\n+ Hai.\n\n# Ba.\n\n• Bốn.\n").body
    assert body == "1\\) Một.\n\n\\+ Hai.\n\n\\# Ba.\n\n- Bốn.\n"


def test_signature_before_the_recipients_is_found_too():
    text = ("BAN TUYÊN GIÁO\n\nKẾ HOẠCH\nvề y\n\nNội dung.\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nNguyễn Văn A\n\n"
            "Nơi nhận:\n- Lưu VP.\n")
    conv = conv_of(text)
    assert conv.signer == Signer(name="Nguyễn Văn A", position="BÍ THƯ", authority="T/M", on_behalf_of="BAN THƯỜNG VỤ")
    assert conv.recipients == (Recipient("Lưu VP"),)
    assert conv.body == "Nội dung.\n"


def test_lists_written_on_one_line_are_split_at_their_dashes():
    conv = conv_of("CÔNG VĂN\nvề y\n\nKính gửi: - Các chi bộ; - Mặt trận và các tổ chức chính trị - xã hội.\n\n"
                   "Nội dung.\n\nNơi nhận: - Như trên; - Lưu VT.\n")
    assert conv.addressees == ("Các chi bộ", "Mặt trận và các tổ chức chính trị - xã hội")
    assert conv.recipients == (Recipient("Như trên"), Recipient("Lưu VT"))


def test_issuer_is_not_inferred_from_a_mere_mention():
    conv = conv_of("KẾ HOẠCH\nvề y\n\nThực hiện Kế hoạch của Ban Tuyên giáo Tỉnh ủy về tuyên truyền.\n")
    assert conv.issuer is None and conv.parent is None and dict(conv.inferred) == {}


def test_parent_stays_null_when_two_committees_are_named():
    conv = conv_of("HƯỚNG DẪN\nvề y\n\nThực hiện chỉ đạo, Ban Tuyên giáo Tỉnh ủy hướng dẫn như sau:\n\n"
                   "Nơi nhận:\n- Tỉnh ủy Cao Bằng,\n- Tỉnh ủy Lạng Sơn.\n")
    assert conv.issuer == "Ban Tuyên giáo Tỉnh ủy" and conv.parent is None
    assert conv.level == "tinh"


def test_yaml_scalars_read_back_as_written():
    for text in ["Tỉnh ủy: Cao Bằng", "02", "null", "yes", "- a", "# b", "(để b/c)", "“x”", "2024-12-16", " x"]:
        assert yaml.safe_load(f"k: {scalar(text)}")["k"] == text


# ---------------------------------------------------------------------------
# bantin new: the skeleton.

@pytest.mark.parametrize("kind", [k.name for k in KINDS])
def test_skeleton_is_yaml_with_every_schema_field_and_a_comment_on_each(kind):
    text = skeleton(kind)
    meta, body = split_file(text)
    assert set(meta) == set(SCHEMA["properties"])
    assert set(meta["signer"]) == set(SCHEMA["properties"]["signer"]["properties"])
    assert meta["kind"] == kind and meta["draft"] is True
    head = text.split("\n---\n", 1)[0].split("\n")[1:]
    for line in head:
        if re.match(r"^\s*\w+:", line):
            assert " # " in line, line
    # An unfilled skeleton must not pass as a finished directive.
    assert _check(meta, SCHEMA, kind)
    assert body.strip().startswith("<!--")


def test_skeleton_accepts_unaccented_names_and_codes():
    assert "kind: Công văn" in skeleton("cong van")
    assert "kind: Kế hoạch" in skeleton("KH")


def test_skeleton_of_an_unknown_kind_lists_the_known_ones():
    with pytest.raises(ValueError) as info:
        skeleton("Tin vắn")
    message = str(info.value)
    assert "Tin vắn" in message
    assert all(k.name in message for k in KINDS)


# ---------------------------------------------------------------------------
# .docx: a Word file with the usual two-column header table.

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _run_xml(text: str, bold=False, italic=False) -> str:
    props = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    parts = text.split("\n")
    inner = "<w:br/>".join(f'<w:t xml:space="preserve">{p}</w:t>' for p in parts)
    return f"<w:r><w:rPr>{props}</w:rPr>{inner}</w:r>"


def _p(*runs: str, center=False, num: tuple[int, int] | None = None) -> str:
    ppr = ('<w:jc w:val="center"/>' if center else "") + (
        f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>' if num else ""
    )
    return f"<w:p><w:pPr>{ppr}</w:pPr>{''.join(runs)}</w:p>"


def _table(*cells: list[str]) -> str:
    return "<w:tbl><w:tr>" + "".join(f"<w:tc>{''.join(c)}</w:tc>" for c in cells) + "</w:tr></w:tbl>"


NUMBERING = f"""<w:numbering xmlns:w="{W_NS}">
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>"""
FOOTNOTES = f"""<w:footnotes xmlns:w="{W_NS}">
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:t>Theo Hướng dẫn số 11-HD/BTGDUK.</w:t></w:r></w:p></w:footnote>
</w:footnotes>"""


def make_docx(path: Path) -> Path:
    body = "".join([
        _table(
            [_p(_run_xml("ĐẢNG ỦY KHỐI CÁC CƠ QUAN\nVÀ DOANH NGHIỆP TỈNH THÁI BÌNH"), center=True),
             _p(_run_xml("BAN TUYÊN GIÁO", bold=True), center=True), _p(_run_xml("*"), center=True),
             _p(_run_xml("Số 02 -KH/BTGDUK"), center=True)],
            [_p(_run_xml("ĐẢNG CỘNG SẢN VIỆT NAM", bold=True), center=True),
             _p(_run_xml("Thái Bình, ngày 16 tháng 12 năm 2024", italic=True))],
        ),
        _p(_run_xml("KẾ HOẠCH", bold=True), center=True),
        _p(_run_xml("tuyên truyền việc tổng kết", bold=True), center=True),
        _p(_run_xml("trên địa bàn tỉnh", bold=True), center=True),
        _p(),
        _p(_run_xml("Thực hiện Kế hoạch số 77-KH/BTGTU"), '<w:r><w:footnoteReference w:id="1"/></w:r>',
           _run_xml(", Ban Tuyên giáo xây dựng Kế hoạch "), _run_xml("tuyên truyền", italic=True), _run_xml(":")),
        _p(_run_xml("I. MỤC ĐÍCH, YÊU CẦU", bold=True)),
        _p(_run_xml("Mục đích"), num=(1, 0)),
        _p(_run_xml("Tuyên truyền sâu rộng."), num=(2, 0)),
        _p(_run_xml("Làm rõ "), _run_xml("nhiệm vụ", bold=True), _run_xml(" trọng tâm."), num=(1, 1)),
        _p(_run_xml("Yêu cầu bám sát chỉ đạo."), num=(1, 0)),
        _p(_run_xml("Trân trọng./.")),
        _table(
            [_p(_run_xml("Nơi nhận:", bold=True, italic=True)), _p(_run_xml("- Ban Tuyên giáo Tỉnh ủy (để báo cáo),")),
             _p(_run_xml("- Lưu BTG ĐUK."))],
            [_p(_run_xml("K/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN", bold=True), center=True), _p(center=True),
             _p(_run_xml("Dương Thị Bích", bold=True), center=True)],
        ),
    ])
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("word/document.xml", f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>')
        z.writestr("word/numbering.xml", NUMBERING)
        z.writestr("word/footnotes.xml", FOOTNOTES)
    return path


def test_docx_header_table_body_numbering_and_footnotes(tmp_path):
    conv = convert(read_docx(make_docx(tmp_path / "kh.docx").read_bytes(), "kh.docx"))
    assert conv.number == "02-KH/BTGDUK"
    assert conv.kind == "Kế hoạch"
    assert conv.title == "tuyên truyền việc tổng kết trên địa bàn tỉnh"
    assert conv.issuer == "BAN TUYÊN GIÁO"
    assert conv.parent == "ĐẢNG ỦY KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP TỈNH THÁI BÌNH"
    assert (conv.place, conv.date, conv.level) == ("Thái Bình", dt.date(2024, 12, 16), "tinh")
    assert conv.recipients == (Recipient("Ban Tuyên giáo Tỉnh ủy", "để báo cáo"), Recipient("Lưu BTG ĐUK"))
    assert conv.signer == Signer(name="Dương Thị Bích", position="PHÓ TRƯỞNG BAN", authority="K/T",
                                 on_behalf_of="TRƯỞNG BAN")
    assert conv.body == (
        "Thực hiện Kế hoạch số 77-KH/BTGTU[^1], Ban Tuyên giáo xây dựng Kế hoạch *tuyên truyền*:\n\n"
        "## I. MỤC ĐÍCH, YÊU CẦU\n\n"
        "### 1. Mục đích\n\n"
        "- Tuyên truyền sâu rộng.\n\n"
        "1.1. Làm rõ **nhiệm vụ** trọng tâm.\n\n"
        "2\\. Yêu cầu bám sát chỉ đạo.\n\n"
        "Trân trọng./.\n\n"
        "[^1]: Theo Hướng dẫn số 11-HD/BTGDUK.\n"
    )


def test_docx_report_names_paragraphs(tmp_path):
    status, out, err = _run([make_docx(tmp_path / "kh.docx")], tmp_path / "content")
    assert status == 0, err
    assert re.search(r"số hiệu: 02-KH/BTGDUK \(đoạn \d+\)", out)
    assert (tmp_path / "content" / "directives" / "2024" / "02-kh-btgduk.md").is_file()


# ---------------------------------------------------------------------------
# The sample content made from the seeds: every front-matter field exactly, bodies, slogans.

SAMPLE_META = {
    "000": {
        "number": "02-KH/BTGDUK",
        "kind": "Kế hoạch",
        "title": IMPORTED["000"]["title"],
        "issuer": "Ban Tuyên giáo",
        "parent": "Đảng ủy Khối Các cơ quan và Doanh nghiệp tỉnh Thái Bình",
        "place": "Thái Bình",
        "date": dt.date(2024, 12, 16),
        "level": "tinh",
        "signer": {"authority": None, "on_behalf_of": None, "position": "Trưởng ban", "name": "Vũ Văn Phóng"},
        "recipients": [
            {"name": "Ban Tuyên giáo Tỉnh ủy", "note": "để báo cáo"},
            {"name": "Thường trực Đảng ủy Khối", "note": "để báo cáo"},
            {"name": "Các đảng ủy, chi ủy cơ sở trực thuộc ĐUK"},
            {"name": "Các ban, UBKT, Văn phòng ĐUK"},
            {"name": "Các đoàn thể CT - XH Khối"},
            {"name": "Lưu BTG ĐUK"},
        ],
        "topics": ["sắp xếp tổ chức bộ máy"],
        "draft": False,
    },
    "001": {
        "number": "229-CV/BTGHU",
        "kind": "Công văn",
        "title": IMPORTED["001"]["title"],
        "issuer": "Ban Tuyên giáo",
        "parent": "Huyện ủy Vĩnh Bảo",
        "place": "Vĩnh Bảo",
        "date": dt.date(2024, 12, 24),
        "level": "huyen",
        "signer": {"authority": "K/T", "on_behalf_of": "Trưởng ban", "position": "Phó Trưởng ban",
                   "name": "Dương Thị Bích"},
        "addressees": list(IMPORTED["001"]["addressees"]),
        "recipients": [
            {"name": "Ban Tuyên giáo Thành ủy", "note": "để báo cáo"},
            {"name": "Thường trực Huyện ủy", "note": "để báo cáo"},
            {"name": "Ủy ban nhân dân huyện"},
            {"name": "Như kính gửi"},
            {"name": "Lưu Ban Tuyên giáo Huyện ủy"},
        ],
        "topics": ["sắp xếp tổ chức bộ máy"],
        "draft": False,
    },
    "002": {
        "number": None,
        "kind": "Kế hoạch",
        "title": IMPORTED["002"]["title"],
        "issuer": "Ban Thường vụ Quận ủy Nam Từ Liêm",
        "parent": None,
        "place": None,
        "date": None,
        "level": "huyen",
        "signer": {"authority": "T/M", "on_behalf_of": "Ban Thường vụ", "position": "Phó Bí thư Thường trực",
                   "name": "Lâm Quang Thao"},
        "recipients": [{"name": r.name} for r in IMPORTED["002"]["recipients"]],
        "recipient_notes": ["(để b/c)", "để t/hiện"],
        "topics": ["sắp xếp tổ chức bộ máy"],
        "inferred": IMPORTED["002"]["inferred"],
        "draft": False,
    },
    "004": {
        "number": None,
        "kind": "Hướng dẫn",
        "title": IMPORTED["004"]["title"],
        "issuer": "Ban Tuyên giáo",
        "parent": "Tỉnh ủy Cao Bằng",
        "place": None,
        "date": None,
        "level": "tinh",
        "signer": {"authority": None, "on_behalf_of": None, "position": "Trưởng ban", "name": "Bế Thanh Tịnh"},
        "recipients": [{"name": r.name, **({"note": r.note} if r.note else {})} for r in IMPORTED["004"]["recipients"]],
        "topics": ["sắp xếp tổ chức bộ máy", "phát triển hạ tầng năng lượng quốc gia"],
        "inferred": IMPORTED["004"]["inferred"],
        "draft": False,
    },
}


@pytest.mark.parametrize("key", sorted(SAMPLE_META))
def test_sample_front_matter_is_exactly_this(key):
    meta, _ = sample(key)
    assert meta == SAMPLE_META[key]


@pytest.mark.parametrize("key", sorted(SAMPLES))
def test_sample_body_is_the_importer_body(key):
    """The samples differ from a fresh import only in their front matter."""
    assert sample(key)[1] == imported(key)[1]


def test_source_typos_are_kept():
    for key, typo in [("001", "công kênh"), ("000", "VI. TỔ CHỨC THỰC HIỆN"), ("004", "các cấp uy, tổ chức đảng"),
                      ("002", "NỘI DUNG TUYÊN TRUYỀN, QUẢN TRIỆT"), ("004", "cỗ động")]:
        assert typo in sample(key)[1]


def test_slogan_set_has_the_ten_slogans_exactly_in_order():
    data = yaml.safe_load((CONTENT / SLOGANS_004).read_text(encoding="utf-8"))
    assert data["slogans"] == list(IMPORTED["004"]["slogans"])
    assert data["directive"] == SAMPLES["004"] and (CONTENT / data["directive"]).is_file()
    assert data["occasion"] == SAMPLE_META["004"]["title"]
    assert data["approved"] is None and data["valid_from"] is None and data["valid_until"] is None
    # Each slogan is in the directive's body too, numbered as in the source.
    body = sample("004")[1]
    for n, text in enumerate(data["slogans"], 1):
        assert f"{n}\\. {text}" in body


def test_only_the_seed_with_a_slogan_section_makes_a_slogan_set():
    assert [key for key in SEED_FILES if seed(key).slogans] == ["004"]
    assert sorted(p.name for p in (CONTENT / "slogans").glob("*.yml")) == [f"{SLUG_004}.yml"]
