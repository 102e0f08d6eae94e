"""The ``bantin`` command answers editors in Vietnamese, mistakes included."""

from __future__ import annotations

import pytest

from bantin.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as stopped:
        main(list(argv))
    out, err = capsys.readouterr()
    return stopped.value.code, out, err


def test_a_command_is_required(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys) == (2, "", "cách dùng: bantin [-h] LỆNH ...\nbantin: lỗi: thiếu LỆNH\n")


def test_an_unknown_command_lists_the_known_ones(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "kiem-tra")
    assert (code, err.splitlines()[-1]) == (
        2, "bantin: lỗi: không có 'kiem-tra'; chọn một trong: 'refs', 'check', 'import', 'new', 'init'")


def test_an_option_without_its_value_is_named(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check", "--root")
    assert (code, err.splitlines()[-1]) == (2, "bantin check: lỗi: --root cần một giá trị")


def test_a_stray_argument_is_named(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check", "content")
    assert (code, err.splitlines()[-1]) == (2, "bantin: lỗi: không hiểu: content")


def test_help_is_in_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "import", "--help")
    assert code == 0
    assert out.startswith("cách dùng: bantin import [-h] [--root THƯ_MỤC] [--force] TỆP [TỆP ...]\n")
    assert "tham số:\n  TỆP " in out and "tùy chọn:\n  -h, --help  " in out
    assert "in hướng dẫn này rồi thoát" in out


def test_a_file_that_cannot_be_read_is_explained_in_vietnamese(capsys: pytest.CaptureFixture[str], tmp_path) -> None:
    assert main(["refs", str(tmp_path / "khong-co.md"), str(tmp_path)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{tmp_path / 'khong-co.md'}: không đọc được tệp: không có tệp này",
        f"{tmp_path}: không đọc được tệp: đây là thư mục, không phải tệp"]
