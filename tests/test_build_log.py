"""The build log: warnings and errors one line each, with file and line;
notes one line per kind, with a count (thousands of them would bury the
line that matters)."""

from __future__ import annotations

from pathlib import Path

from conftest import run_build

from bantin.problems import INFO, WARNING, Problem, build_log


def test_notes_of_one_kind_are_one_line_with_a_count_and_warnings_stay_whole() -> None:
    problems = [
        Problem("content/a.md", 3, None, "cùng một văn bản được ghi số hiệu khác nhau: 11-HD/BTGDĐUK (dòng 41), "
                "11-HD/BTGDƯK (dòng 59)", INFO),
        Problem("content/a.md", 4, None, "dẫn chiếu 18-NQ/TW chưa có trong bản tin: liên kết tới trang "
                "/dan-chieu/18-nq-tw-2017/", INFO),
        Problem("content/b.md", 9, None, "số hiệu 101-QĐ/TW không ghi ngày và có 2 văn bản cùng số hiệu", WARNING),
        Problem("content/b.md", 12, None, "dẫn chiếu 5-KH/TU chưa có trong bản tin: liên kết tới trang "
                "/dan-chieu/5-kh-tu/", INFO),
    ]
    assert build_log(problems) == [
        (WARNING, "content/b.md:9: cảnh báo: số hiệu 101-QĐ/TW không ghi ngày và có 2 văn bản cùng số hiệu"),
        (INFO, "ghi chú (1 chỗ): cùng một văn bản được ghi số hiệu khác nhau: … — xem từng chỗ bằng lệnh "
               "'bantin check'"),
        (INFO, "ghi chú (2 chỗ): dẫn chiếu … chưa có trong bản tin: liên kết tới trang … — xem từng chỗ bằng "
               "lệnh 'bantin check'"),
    ]


def test_the_sample_build_logs_two_lines_of_notes(project: Path) -> None:
    result = run_build(project)
    assert result.returncode == 0, result.output
    notes = [line.split("-  ", 1)[1] for line in result.output.splitlines() if "ghi chú" in line]
    assert notes == [
        "ghi chú (1 chỗ): cùng một văn bản được ghi số hiệu khác nhau: … — xem từng chỗ bằng lệnh 'bantin check'",
        "ghi chú (18 chỗ): dẫn chiếu … chưa có trong bản tin: liên kết tới trang … — xem từng chỗ bằng lệnh "
        "'bantin check'",
    ]
