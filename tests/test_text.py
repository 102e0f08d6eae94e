"""Finding control characters: the quick look at bytes misses none the text search finds."""

from __future__ import annotations

from bantin.text import find_control, may_have_control


def test_the_quick_look_at_bytes_agrees_with_the_text_search_on_every_character() -> None:
    # Every one- and two-byte character; longer ones have no byte below 0x80 and no 0xC2.
    differ = [hex(c) for c in [*range(0x800), 0x1EA0, 0xFEFF, 0xFFFD, 0x1F600, 0x10FFFF]
              if may_have_control(f"a{chr(c)}b".encode()) != (find_control(f"a{chr(c)}b") is not None)]
    assert differ == []


def test_tab_and_line_ends_are_not_control_characters() -> None:
    assert find_control("a\tb\r\nc\n") is None and not may_have_control(b"a\tb\r\nc\n")


def test_a_control_character_is_found_with_its_line_and_column() -> None:
    assert find_control("dòng một\nđến \x0cđây") == (2, 5, "U+000C")
