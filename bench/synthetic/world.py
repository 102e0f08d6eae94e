"""The archive's world: one province's issuing bodies, the outside bodies and
the well-known documents they cite, topics, titles and people's names."""

from __future__ import annotations

from dataclasses import dataclass

PROVINCE = "Thái Bình"


@dataclass(frozen=True)
class Org:
    """An issuing body: how its directives are headed, numbered and signed."""

    issuer: str  # front matter "issuer"
    parent: str | None
    symbol: str  # issuer symbol in the number: "BTGTU", "BTGĐUK", "HU"
    level: str
    place: str
    short: str  # how other texts name it: "Ban Tuyên giáo Tỉnh ủy"
    kinds: tuple[str, ...]
    signers: tuple[tuple[str | None, str | None, str], ...]  # (authority, on behalf of, position)
    recipients: tuple[tuple[str, str | None], ...]
    weight: int


_PROVINCE_RECIPIENTS = (
    ("Ban Tuyên giáo Trung ương", "để báo cáo"),
    ("Thường trực Tỉnh ủy", "để báo cáo"),
    ("Các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy", None),
    ("Các ban đảng, Văn phòng Tỉnh ủy", None),
    ("Ủy ban MTTQ và các tổ chức chính trị - xã hội tỉnh", None),
    ("Báo Thái Bình, Đài Phát thanh và Truyền hình tỉnh", None),
    ("Lưu Văn phòng", None),
)
_BLOCK_RECIPIENTS = (
    ("Ban Tuyên giáo Tỉnh ủy", "để báo cáo"),
    ("Thường trực Đảng ủy Khối", "để báo cáo"),
    ("Các đảng ủy, chi ủy cơ sở trực thuộc ĐUK", None),
    ("Các ban, UBKT, Văn phòng ĐUK", None),
    ("Các đoàn thể CT - XH Khối", None),
    ("Lưu BTG ĐUK", None),
)
_DISTRICT_RECIPIENTS = (
    ("Ban Tuyên giáo Tỉnh ủy", "để báo cáo"),
    ("Thường trực Huyện ủy", "để báo cáo"),
    ("Các chi bộ, đảng bộ trực thuộc Huyện ủy", None),
    ("Ủy ban nhân dân huyện", None),
    ("Như kính gửi", None),
    ("Lưu Văn phòng Huyện ủy", None),
)
_COMMUNE_RECIPIENTS = (
    ("Ban Thường vụ Huyện ủy", "để báo cáo"),
    ("Các chi bộ trực thuộc", None),
    ("Ủy ban nhân dân xã", None),
    ("Lưu Văn phòng Đảng ủy", None),
)
_BTV = ("T/M", "Ban Thường vụ", "Phó Bí thư Thường trực")
_HEAD = (None, None, "Trưởng ban")
_DEPUTY = ("K/T", "Trưởng ban", "Phó Trưởng ban")


def _orgs() -> tuple[Org, ...]:
    tu = f"Tỉnh ủy {PROVINCE}"
    orgs = [
        Org(tu, None, "TU", "tinh", PROVINCE, "Ban Thường vụ Tỉnh ủy",
            ("Nghị quyết", "Chỉ thị", "Kết luận", "Kế hoạch", "Chương trình", "Quy định", "Thông báo"),
            (_BTV, ("T/M", "Ban Thường vụ", "Bí thư")), _PROVINCE_RECIPIENTS, 6),
        Org("Ban Tuyên giáo", tu, "BTGTU", "tinh", PROVINCE, "Ban Tuyên giáo Tỉnh ủy",
            ("Hướng dẫn", "Kế hoạch", "Công văn", "Thông báo", "Báo cáo"), (_HEAD, _DEPUTY), _PROVINCE_RECIPIENTS, 9),
        Org("Ban Tổ chức", tu, "BTCTU", "tinh", PROVINCE, "Ban Tổ chức Tỉnh ủy",
            ("Hướng dẫn", "Công văn", "Kế hoạch"), (_HEAD, _DEPUTY), _PROVINCE_RECIPIENTS, 3),
        Org("Ban Dân vận", tu, "BDVTU", "tinh", PROVINCE, "Ban Dân vận Tỉnh ủy",
            ("Hướng dẫn", "Kế hoạch", "Công văn"), (_HEAD, _DEPUTY), _PROVINCE_RECIPIENTS, 2),
        Org("Ủy ban Kiểm tra", tu, "UBKTTU", "tinh", PROVINCE, "Ủy ban Kiểm tra Tỉnh ủy",
            ("Hướng dẫn", "Kế hoạch", "Thông báo", "Quyết định"),
            ((None, None, "Chủ nhiệm"), ("K/T", "Chủ nhiệm", "Phó Chủ nhiệm")), _PROVINCE_RECIPIENTS, 2),
        Org("Văn phòng", tu, "VPTU", "tinh", PROVINCE, "Văn phòng Tỉnh ủy",
            ("Công văn", "Thông báo"), ((None, None, "Chánh Văn phòng"), ("K/T", "Chánh Văn phòng", "Phó Chánh Văn phòng")),
            _PROVINCE_RECIPIENTS, 2),
        Org(f"Đảng ủy Khối Các cơ quan và Doanh nghiệp tỉnh {PROVINCE}", None, "ĐUK", "tinh", PROVINCE,
            "Ban Thường vụ Đảng ủy Khối", ("Nghị quyết", "Chỉ thị", "Kế hoạch", "Chương trình"),
            (_BTV, ("T/M", "Ban Thường vụ", "Bí thư")), _BLOCK_RECIPIENTS, 3),
        Org("Ban Tuyên giáo", f"Đảng ủy Khối Các cơ quan và Doanh nghiệp tỉnh {PROVINCE}", "BTGĐUK", "tinh", PROVINCE,
            "Ban Tuyên giáo Đảng ủy Khối", ("Kế hoạch", "Hướng dẫn", "Công văn"), (_HEAD, _DEPUTY), _BLOCK_RECIPIENTS, 4),
    ]
    # Every district committee numbers "…/HU": in one archive they share the
    # serials, because bantin takes a number and a year to name one document.
    for district in ("Vũ Thư", "Kiến Xương", "Hưng Hà"):
        hu = f"Huyện ủy {district}"
        orgs.append(Org(hu, None, "HU", "huyen", district, f"Ban Thường vụ Huyện ủy {district}",
                        ("Nghị quyết", "Kế hoạch", "Chương trình", "Thông báo"),
                        (_BTV, ("T/M", "Ban Thường vụ", "Bí thư")), _DISTRICT_RECIPIENTS, 2))
        orgs.append(Org("Ban Tuyên giáo", hu, "BTGHU", "huyen", district, f"Ban Tuyên giáo Huyện ủy {district}",
                        ("Hướng dẫn", "Kế hoạch", "Công văn"), (_HEAD, _DEPUTY), _DISTRICT_RECIPIENTS, 2))
    orgs.append(Org("Đảng ủy xã Vũ Hội", "Huyện ủy Vũ Thư", "ĐU", "co-so", "Vũ Hội", "Đảng ủy xã Vũ Hội",
                    ("Nghị quyết", "Kế hoạch", "Thông báo"), (("T/M", "Đảng ủy", "Bí thư"),), _COMMUNE_RECIPIENTS, 1))
    return tuple(orgs)


ORGS = _orgs()

# Outside documents: (symbol, how texts name the issuer, kinds it issues).
OUTSIDE_ISSUERS = (
    ("TW", "Ban Chấp hành Trung ương Đảng", ("Nghị quyết",)),
    ("TW", "Bộ Chính trị", ("Nghị quyết", "Kết luận", "Chỉ thị", "Quy định", "Quyết định")),
    ("TW", "Ban Bí thư", ("Chỉ thị", "Kết luận", "Quy định", "Thông báo")),
    ("BTGTW", "Ban Tuyên giáo Trung ương", ("Hướng dẫn", "Kế hoạch", "Công văn")),
    ("BTCTW", "Ban Tổ chức Trung ương", ("Hướng dẫn", "Công văn")),
    ("BDVTW", "Ban Dân vận Trung ương", ("Hướng dẫn", "Kế hoạch")),
    ("UBKTTW", "Ủy ban Kiểm tra Trung ương", ("Hướng dẫn", "Quyết định")),
    ("VPTW", "Văn phòng Trung ương Đảng", ("Hướng dẫn", "Công văn")),
    ("BCĐ", "Ban Chỉ đạo tỉnh", ("Kết luận", "Công văn")),
)
# Documents the seeds cite, with their real dates: the hubs of any archive.
WELL_KNOWN = (
    ("18-NQ/TW", "2017-10-25", "Ban Chấp hành Trung ương Đảng khóa XII",
     "một số vấn đề về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả"),
    ("19-NQ/TW", "2017-10-25", "Ban Chấp hành Trung ương Đảng khóa XII",
     "tiếp tục đổi mới hệ thống tổ chức và quản lý, nâng cao chất lượng và hiệu quả hoạt động của các đơn vị sự nghiệp công lập"),
    ("35-NQ/TW", "2018-10-22", "Bộ Chính trị", "tăng cường bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch trong tình hình mới"),
    ("05-CT/TW", "2016-05-15", "Bộ Chính trị", "đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"),
    ("04-NQ/TW", "2016-10-30", "Ban Chấp hành Trung ương Đảng khóa XII", "tăng cường xây dựng, chỉnh đốn Đảng"),
    ("12-NQ/TW", "2012-01-16", "Ban Chấp hành Trung ương Đảng khóa XI", "một số vấn đề cấp bách về xây dựng Đảng hiện nay"),
    ("01-KL/TW", "2021-05-18", "Bộ Chính trị",
     "tiếp tục thực hiện Chỉ thị của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"),
    ("21-KL/TW", "2021-10-25", "Ban Chấp hành Trung ương Đảng khóa XIII", "đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị"),
    ("09-KL/TW", "2024-11-24", "Ban Chỉ đạo Trung ương", "tổng kết việc thực hiện Nghị quyết Trung ương 6 khóa XII"),
    ("173-HD/BTGTW", "2024-11-28", "Ban Tuyên giáo Trung ương",
     "tuyên truyền một số nội dung trọng tâm của Hội nghị Ban Chấp hành Trung ương Đảng khóa XIII ngày 25/11/2024"),
    ("127-KL/TW", "2025-02-28", "Bộ Chính trị, Ban Bí thư",
     "triển khai nghiên cứu, đề xuất tiếp tục sắp xếp tổ chức bộ máy của hệ thống chính trị"),
)

TOPICS = (
    "sắp xếp, tinh gọn tổ chức bộ máy của hệ thống chính trị",
    "tổng kết Nghị quyết Trung ương 6 khóa XII",
    "bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch",
    "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "kỷ niệm Ngày thành lập Đảng Cộng sản Việt Nam",
    "kỷ niệm Ngày sinh Chủ tịch Hồ Chí Minh",
    "kỷ niệm Ngày Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam",
    "đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc của Đảng",
    "bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân các cấp",
    "xây dựng, chỉnh đốn Đảng và hệ thống chính trị",
    "phòng, chống tham nhũng, lãng phí, tiêu cực",
    "chuyển đổi số trong các cơ quan đảng",
    "xây dựng nông thôn mới và đô thị văn minh",
    "phát triển kinh tế - xã hội của tỉnh",
    "công tác dân vận của hệ thống chính trị",
    "quy chế dân chủ ở cơ sở",
    "công tác kiểm tra, giám sát và thi hành kỷ luật đảng",
    "phát triển đảng viên trong doanh nghiệp ngoài khu vực nhà nước",
    "nâng cao chất lượng sinh hoạt chi bộ",
    "công tác thông tin đối ngoại",
    "phòng, chống dịch bệnh và bảo vệ sức khỏe Nhân dân",
    "bảo vệ chủ quyền biển, đảo của Tổ quốc",
    "phát triển hạ tầng năng lượng quốc gia",
    "công tác báo cáo viên, tuyên truyền viên cơ sở",
    "nắm bắt tình hình tư tưởng của cán bộ, đảng viên và Nhân dân",
    "các phong trào thi đua yêu nước",
    "sinh hoạt chính trị, tư tưởng trong cán bộ, đảng viên",
    "cải cách hành chính và nâng cao chỉ số năng lực cạnh tranh cấp tỉnh",
    "bảo vệ môi trường và ứng phó với biến đổi khí hậu",
    "phát triển văn hóa, con người Việt Nam",
)
TITLE_PREFIXES = {
    "Kế hoạch": ("tuyên truyền", "tổ chức các hoạt động về", "triển khai thực hiện công tác"),
    "Hướng dẫn": ("tuyên truyền", "tổ chức sinh hoạt chính trị về", "thực hiện công tác"),
    "Công văn": ("đẩy mạnh tuyên truyền", "tăng cường công tác tuyên truyền về", "triển khai công tác"),
    "Nghị quyết": ("về", "về tăng cường sự lãnh đạo của Đảng đối với"),
    "Chỉ thị": ("về tăng cường sự lãnh đạo của các cấp ủy đảng đối với", "về đẩy mạnh"),
    "Kết luận": ("của Ban Thường vụ về", "về tiếp tục thực hiện"),
    "Chương trình": ("thực hiện", "công tác năm về"),
    "Quy định": ("về", "về trách nhiệm của người đứng đầu trong"),
    "Quyết định": ("ban hành quy chế", "thành lập Tổ công tác về"),
    "Thông báo": ("kết luận của Thường trực về", "ý kiến chỉ đạo về"),
    "Báo cáo": ("kết quả", "sơ kết công tác"),
}
SECTION_FIRST = "MỤC ĐÍCH, YÊU CẦU"
SECTION_LAST = "TỔ CHỨC THỰC HIỆN"
FAMILY_NAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Lý")
MIDDLE_NAMES = ("Văn", "Thị", "Đức", "Minh", "Quang", "Thanh", "Hữu", "Ngọc", "Xuân")
GIVEN_NAMES = ("An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hùng", "Lan", "Long", "Mai", "Nam", "Phong",
               "Sơn", "Thảo", "Trung", "Tuấn", "Yến", "Hương", "Thắng", "Khánh")
