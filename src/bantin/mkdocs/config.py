"""bantin's options, checked once per build with Vietnamese messages.

A site sets them under the plugin (``plugins: [{bantin: {...}}]``) or, as
this repository does, under ``extra.bantin`` in mkdocs.yml; the latter wins,
so a configuration that inherits (mkdocs.offline.yml) can change one option.
"""

from __future__ import annotations

import difflib
import re
from typing import Any, Mapping

from mkdocs.config import base
from mkdocs.config import config_options as c

from bantin import icons


class BantinConfig(base.Config):
    """The options every part of bantin and the templates read (``bantin_options``)."""

    bulletin_name = c.Type(str, default="Bản tin Thông tin nội bộ")
    organisation = c.Type(str, default="")
    content_dir = c.Type(str, default="content")
    # The copy opened from disk turns it off: file:// pages have no origin
    # that 'self' could match (bantin.mkdocs.csp).
    csp = c.Type(bool, default=True)
    # The copy opened from disk (mkdocs.offline.yml): pages name nothing a
    # browser would fetch by itself, which file:// refuses with an error in
    # the console (the web app manifest; the feed, which makes the theme
    # fetch sitemap.xml).
    disk_copy = c.Type(bool, default=False)
    # Pages and records kept between builds (bantin.mkdocs.cache), under the
    # folder of mkdocs.yml; "" keeps them in memory only (BANTIN_CACHE=0 too).
    cache_dir = c.Type(str, default=".cache/bantin")
    # The browser's bar and the installed app (meta theme-color, manifest):
    # Party red, as the header in bantin.css and the app icon are.
    theme_color = c.Type(str, default=icons.RED)


_TYPE_WORDS = {bool: "true hoặc false", str: "chữ"}


def option_problems(raw: Mapping[str, Any]) -> tuple[BantinConfig, list[tuple[str, str]]]:
    """Options loaded from ``raw`` and what is wrong with them, as (option,
    Vietnamese message); a misspelt name gets the closest real one, since it
    would otherwise fall back to its default silently."""
    options = BantinConfig()
    schema = dict(options._schema)
    problems = []
    for key in raw:
        if key not in schema:
            hint = difflib.get_close_matches(key, schema, n=1)
            tip = f"có phải là '{hint[0]}'?" if hint else f"các tùy chọn: {', '.join(schema)}"
            problems.append((key, f"không có tùy chọn này; {tip}"))
    options.load_dict({key: value for key, value in raw.items() if key in schema})
    errors, _ = options.validate()
    for key, _error in errors:
        problems.append((key, f"phải là {_TYPE_WORDS[schema[key]._type]}, không phải {raw[key]!r}"))
    if not errors and not _COLOUR.fullmatch(options.theme_color):
        problems.append(("theme_color", f"phải là mã màu dạng #rrggbb, ví dụ {icons.RED}, không phải "
                                        f"{options.theme_color!r}"))
    return options, problems


_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
