"""The build log: warnings and errors one line each, with file and line;
notes one line per kind, with a count (thousands of them would bury the
line that matters)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, BuildResult, copy_project, run_build

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


@pytest.fixture(scope="module")
def sample_build(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    result = run_build(copy_project(tmp_path_factory.mktemp("project")))
    assert result.returncode == 0, result.output
    return result


def test_the_sample_build_logs_two_lines_of_notes(sample_build: BuildResult) -> None:
    notes = [line.split("-  ", 1)[1] for line in sample_build.output.splitlines() if "ghi chú" in line]
    assert notes == [
        "ghi chú (1 chỗ): cùng một văn bản được ghi số hiệu khác nhau: … — xem từng chỗ bằng lệnh 'bantin check'",
        "ghi chú (18 chỗ): dẫn chiếu … chưa có trong bản tin: liên kết tới trang … — xem từng chỗ bằng lệnh "
        "'bantin check'",
    ]


def test_pages_reached_from_listings_are_not_reported_missing_from_the_nav(sample_build: BuildResult) -> None:
    # Generated pages and the search page are NOT_IN_NAV: MkDocs' own default
    # (omitted_files: info) stays on for pages an editor adds to docs/ and forgets.
    assert "omitted_files" not in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert 'not included in the "nav"' not in sample_build.output
