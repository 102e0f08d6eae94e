"""The fields of the documents written for the importer's tests, shared by every form they come in
(plain text, PDF, scan, .odt, .doc)."""

from __future__ import annotations

import datetime as dt

from bantin.records import Recipient, Signer

PLAN = dict(
    number="14-KH/HU", kind="Kế hoạch", place="An Lạc", date=dt.date(2025, 4, 3),
    title="tổ chức hội thi tìm hiểu lịch sử Đảng bộ huyện trong đoàn viên thanh niên",
    issuer="BAN THƯỜNG VỤ", parent="ĐẢNG BỘ HUYỆN AN LẠC",
    signer=Signer(name="Hoàng Thị Mai", position="PHÓ BÍ THƯ", authority="T/M", on_behalf_of="BAN THƯỜNG VỤ"),
    recipients=(Recipient("Thường trực Tỉnh đoàn", "để báo cáo"), Recipient("Các chi bộ, đảng bộ cơ sở"),
                Recipient("Lưu Văn phòng Huyện ủy")),
    recipient_notes=(),
)
DECISION = dict(
    number="547/QĐ-UBND", kind="Quyết định", place="Hà Giang", date=dt.date(2025, 3, 12),
    title="Về việc thành lập Tổ công tác rà soát thủ tục hành chính",
    issuer="ỦY BAN NHÂN DÂN TỈNH HÀ GIANG", parent=None,
    signer=Signer(name="Lê Văn Khánh", position="PHÓ CHỦ TỊCH", authority="K/T", on_behalf_of="CHỦ TỊCH"),
    recipients=(Recipient("Như Điều 2"), Recipient("Lưu: VT, KSTT")),
    recipient_notes=(),
)


def fields(conv, expected: dict) -> dict:
    """The conversion's values of the expected fields, to compare with ``==``."""
    return {name: getattr(conv, name) for name in expected}
