"""Writing content files: directive front matter, slogan sets, and the ``bantin new`` skeleton.

YAML is written by hand, in the layout of the hand-made reference files, so a
diff of an imported file against an edited one shows only what changed; every
value goes through ``scalar``, which quotes whatever YAML would read differently.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Iterable

import yaml

from ..records import KINDS, LEVELS, Kind
from ..text import fold
from .convert import Conversion


def scalar(value: object, *, quote: bool = False) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, dt.date)):
        return str(value) if isinstance(value, int) else value.isoformat()
    text = str(value)
    if not quote and _reads_back(text):
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _reads_back(text: str) -> bool:
    if not text or text != text.strip() or "\n" in text or text.startswith(("*", "&", "!", "%", "@", "`")):
        return False
    try:
        return yaml.safe_load(text) == text
    except yaml.YAMLError:
        return False


def _list(key: str, items: Iterable[str], *, quote: bool = False) -> list[str]:
    items = list(items)
    if not items:
        return [f"{key}: []"]
    return [f"{key}:", *(f"  - {scalar(item, quote=quote)}" for item in items)]


def front_matter(conv: Conversion) -> str:
    out = [
        "---",
        f"number: {scalar(conv.number)}",
        f"kind: {scalar(conv.kind)}",
        f"title: {scalar(conv.title)}",
        f"issuer: {scalar(conv.issuer)}",
        f"parent: {scalar(conv.parent)}",
        f"place: {scalar(conv.place)}",
        f"date: {scalar(conv.date)}",
    ]
    if conv.level:  # no level is better than a guessed one
        out.append(f"level: {scalar(conv.level)}")
    if conv.signer is None:
        out.append("signer: null")
    else:
        s = conv.signer
        out += [
            "signer:",
            f"  authority: {scalar(s.authority)}",
            f"  on_behalf_of: {scalar(s.on_behalf_of)}",
            *([f"  second_authority: {scalar(s.second_authority)}",
               f"  second_on_behalf_of: {scalar(s.second_on_behalf_of)}"] if s.second_authority else []),
            f"  position: {scalar(s.position)}",
            f"  name: {scalar(s.name)}",
        ]
    if conv.addressees:
        out += _list("addressees", conv.addressees)
    if conv.recipients:
        out.append("recipients:")
        for r in conv.recipients:
            out.append(f"  - name: {scalar(r.name)}")
            if r.note:
                out.append(f"    note: {scalar(r.note)}")
    if conv.recipient_notes:
        out += _list("recipient_notes", conv.recipient_notes)
    out += _list("topics", conv.topics)
    if conv.inferred:
        out.append("inferred:")
        out += [f"  {key}: {scalar(value, quote=True)}" for key, value in conv.inferred.items()]
    out += [f"draft: {scalar(conv.draft)}", "---"]
    return "\n".join(out) + "\n"


def directive_file(conv: Conversion) -> str:
    return front_matter(conv) + "\n" + conv.body


def slogan_file(conv: Conversion) -> str:
    """The slogan set a "KHẨU HIỆU" section approves; dates are the directive's, or null."""
    out = [
        f"directive: {scalar(conv.path)}",
        f"occasion: {scalar(conv.title)}",
        f"approved: {scalar(conv.date)}",
        "valid_from: null",
        "valid_until: null",
        *_list("slogans", conv.slogans, quote=True),
    ]
    return "\n".join(out) + "\n"


def find_kind(name: str) -> Kind:
    """A kind by its name ("Kế hoạch", "ke hoach") or code ("KH")."""
    wanted = fold(" ".join(name.split()))
    for kind in KINDS:
        if wanted in (fold(kind.name), fold(kind.code)):
            return kind
    known = ", ".join(k.name for k in KINDS)
    raise ValueError(f"Không có loại văn bản “{name}”. Các loại đã biết: {known}.")


def skeleton(kind_name: str) -> str:
    """A new directive of this kind: every front-matter field, each with what to write in it."""
    kind = find_kind(kind_name)
    levels = ", ".join(f"{k} ({v})" for k, v in LEVELS.items())
    addressees_hint = (
        "Kính gửi — công văn ghi nơi gửi ở đầu văn bản; mỗi nơi một dòng “  - …”"
        if kind.name == "Công văn"
        else "Kính gửi — thường chỉ công văn có; để [] nếu văn bản không ghi"
    )
    lines = [
        "---",
        f"# Văn bản mới: {kind.name}. Chép đúng như văn bản gốc; văn bản không ghi trường nào thì để null.",
        f"number: null  # Số hiệu, dạng <số>-{kind.code}/<ký hiệu cơ quan>, ví dụ 02-{kind.code}/BTGDUK; null nếu không ghi số",
        f"kind: {scalar(kind.name)}  # Loại văn bản (tên đầy đủ)",
        "title: null  # Trích yếu nội dung, đúng như văn bản ghi, trên một dòng (công văn: phần sau “V/v”)",
        "issuer: null  # Cơ quan ban hành, ví dụ: Ban Tuyên giáo",
        "parent: null  # Cơ quan cấp trên trực tiếp (dòng trên tên cơ quan ban hành), ví dụ: Huyện ủy Vĩnh Bảo",
        "place: null  # Địa danh nơi ban hành, ví dụ: Vĩnh Bảo",
        "date: null  # Ngày ban hành, dạng NĂM-THÁNG-NGÀY, ví dụ: 2024-12-24",
        f"level: null  # Cấp ban hành: {levels}; để null nếu không rõ",
        "signer:  # Khối chữ ký cuối văn bản; cả khối để null nếu văn bản không có",
        "  authority: null  # Thẩm quyền ký: T/M, K/T, T/L hoặc T/UQ; null nếu người ký ký trực tiếp",
        "  on_behalf_of: null  # Tập thể hoặc người được thay mặt, ký thay, ví dụ: Ban Thường vụ, Trưởng ban",
        "  second_authority: null  # Dòng thẩm quyền thứ hai nếu có, ví dụ: K/T trong “TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH”",
        "  second_on_behalf_of: null  # Người được ký thay ở dòng thứ hai, ví dụ: Chủ tịch",
        "  position: null  # Chức vụ người ký, ví dụ: Phó Trưởng ban",
        "  name: null  # Họ tên người ký",
        f"addressees: []  # {addressees_hint}",
        "recipients: []  # Nơi nhận theo thứ tự; mỗi nơi: “  - name: Thường trực Huyện ủy” và nếu có “    note: để báo cáo”",
        "recipient_notes: []  # Ghi chú nơi nhận không gắn được với dòng nào, chép nguyên văn, ví dụ: “(để b/c)”",
        "topics: []  # Chủ đề (thẻ), ví dụ: sắp xếp tổ chức bộ máy",
        "inferred: {}  # Trường nào lấy từ nội dung chứ không từ phần đầu văn bản: tên trường và câu gốc kèm số dòng",
        "draft: true  # true: bản nháp, chưa xuất bản; đổi thành false khi đã soát xong",
        "---",
        "",
        "<!--",
        "Nội dung văn bản: chép nguyên văn từng câu, đúng thứ tự, giữ cả lỗi của bản gốc.",
        "Mục La Mã “I. MỤC ĐÍCH, YÊU CẦU” viết “## I. MỤC ĐÍCH, YÊU CẦU”; mục nhỏ “1. Mục đích” viết “### 1. Mục đích”, “1.1. …” viết “#### 1.1. …”.",
        "Đoạn văn mở đầu bằng số viết “1\\. Việc …” để số không bị đánh lại; ý gạch đầu dòng viết “- …”.",
        "-->",
        "",
    ]
    return "\n".join(lines)
