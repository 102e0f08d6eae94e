"""Plain text with one paragraph a line and no empty line between (Word's
"Lưu dưới dạng .txt", a copy from a web page or a chat): every line is a
paragraph, headings stand alone, and the title ends where the body begins."""

from __future__ import annotations

import datetime as dt

from bantin.importer import convert, directive_file, text_source

from faithful import difference

PARTY = ("ĐẢNG CỘNG SẢN VIỆT NAM", "*")

PLAN_PER_LINE = """ĐẢNG BỘ TỈNH BÌNH ĐỊNH
ĐẢNG ỦY XÃ PHƯỚC AN
*
Số 12-KH/ĐU
ĐẢNG CỘNG SẢN VIỆT NAM
Phước An, ngày 12 tháng 4 năm 2024
KẾ HOẠCH
tổ chức học tập chuyên đề năm 2024
Thực hiện Hướng dẫn số 05-HD/BTGTU ngày 15/3/2024 của Ban Tuyên giáo Tỉnh ủy, Ban Thường vụ Đảng ủy xây dựng kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Nâng cao nhận thức của cán bộ, đảng viên.
Tạo chuyển biến trong hành động.
2. Yêu cầu
Tổ chức nghiêm túc, thiết thực.
II. TỔ CHỨC THỰC HIỆN
Văn phòng Đảng ủy theo dõi, tổng hợp.
Nơi nhận:
- Ban Tuyên giáo Tỉnh ủy,
- Các chi bộ,
- Lưu VP.
T/M ĐẢNG ỦY
BÍ THƯ
Trần Thị Bình
"""


def test_a_plan_saved_one_paragraph_a_line_keeps_its_title_headings_and_paragraphs():
    conv = convert(text_source("ke-hoach.txt", PLAN_PER_LINE))
    assert (conv.number, conv.kind, conv.date) == ("12-KH/ĐU", "Kế hoạch", dt.date(2024, 4, 12))
    assert conv.title == "tổ chức học tập chuyên đề năm 2024"
    assert conv.body == (
        "Thực hiện Hướng dẫn số 05-HD/BTGTU ngày 15/3/2024 của Ban Tuyên giáo Tỉnh ủy, "
        "Ban Thường vụ Đảng ủy xây dựng kế hoạch như sau:\n\n"
        "## I. MỤC ĐÍCH, YÊU CẦU\n\n"
        "### 1. Mục đích\n\n"
        "Nâng cao nhận thức của cán bộ, đảng viên.\n\n"
        "Tạo chuyển biến trong hành động.\n\n"
        "### 2. Yêu cầu\n\n"
        "Tổ chức nghiêm túc, thiết thực.\n\n"
        "## II. TỔ CHỨC THỰC HIỆN\n\n"
        "Văn phòng Đảng ủy theo dõi, tổng hợp.\n"
    )
    assert difference(PLAN_PER_LINE, directive_file(conv), PARTY) == ({}, {})


def test_a_section_heading_with_its_text_on_the_next_line_of_a_wrapped_text_stands_alone():
    text = ("KẾ HOẠCH\nvề y\n\nThực hiện chỉ đạo của cấp trên, Ban Thường vụ xây dựng kế hoạch\n"
            "như sau:\n\nII. NỘI DUNG\nCác cấp ủy triển khai theo Công văn số 123-CV/BTGTU của\n"
            "Ban Tuyên giáo Tỉnh ủy.\n")
    conv = convert(text_source("t.txt", text))
    assert conv.body == (
        "Thực hiện chỉ đạo của cấp trên, Ban Thường vụ xây dựng kế hoạch như sau:\n\n"
        "## II. NỘI DUNG\n\n"
        "Các cấp ủy triển khai theo Công văn số 123-CV/BTGTU của Ban Tuyên giáo Tỉnh ủy.\n"
    )


def test_a_wrapped_text_is_still_read_as_wrapped():
    text = ("KẾ HOẠCH\nvề y\n\nThực hiện chỉ đạo của cấp trên về công tác tuyên truyền,\n"
            "Ban Thường vụ xây dựng kế hoạch như sau.\nCác chi bộ tổ chức học tập\nnghiêm túc.\n")
    conv = convert(text_source("t.txt", text))
    assert conv.body == (
        "Thực hiện chỉ đạo của cấp trên về công tác tuyên truyền, Ban Thường vụ xây dựng kế hoạch như sau. "
        "Các chi bộ tổ chức học tập nghiêm túc.\n"
    )


DECISION_PER_LINE = """ỦY BAN NHÂN DÂN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH QUẢNG NAM                         Độc lập - Tự do - Hạnh phúc
Số: 456/QĐ-UBND                   Tam Kỳ, ngày 10 tháng 4 năm 2024
QUYẾT ĐỊNH
Về việc thành lập Ban Chỉ đạo tuyên truyền
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Theo đề nghị của Giám đốc Sở Văn hóa, Thể thao và Du lịch.
QUYẾT ĐỊNH:
Điều 1. Thành lập Ban Chỉ đạo tuyên truyền.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Nơi nhận:                                       KT. CHỦ TỊCH
- Như Điều 2;                                   PHÓ CHỦ TỊCH
- Lưu: VT, KGVX.
                                                Trần Văn Tân
"""


def test_a_state_decision_one_paragraph_a_line_keeps_the_authority_line_out_of_its_title():
    conv = convert(text_source("qd.txt", DECISION_PER_LINE))
    assert (conv.number, conv.kind, conv.title) == ("456/QĐ-UBND", "Quyết định", "Về việc thành lập Ban Chỉ đạo tuyên truyền")
    assert conv.body == (
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\n\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n\n"
        "Theo đề nghị của Giám đốc Sở Văn hóa, Thể thao và Du lịch.\n\n"
        "QUYẾT ĐỊNH:\n\n"
        "Điều 1. Thành lập Ban Chỉ đạo tuyên truyền.\n\n"
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n"
    )
    state = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
    assert difference(DECISION_PER_LINE, directive_file(conv), state) == ({}, {})


def test_a_short_wrapped_text_is_not_cut_into_paragraphs_mid_sentence():
    text = ("KẾ HOẠCH\nvề y\n\nBan Tuyên giáo Huyện ủy đề nghị các chi bộ triển khai Kế hoạch số 12-KH/TU của\n"
            "Ban Thường vụ Tỉnh ủy.\nTrân trọng./.\n")
    conv = convert(text_source("t.txt", text))
    assert conv.body == ("Ban Tuyên giáo Huyện ủy đề nghị các chi bộ triển khai Kế hoạch số 12-KH/TU của "
                         "Ban Thường vụ Tỉnh ủy.\n\nTrân trọng./.\n")
