"""bantin's theme files (templates, partials, CSS, JS, fonts, icons), which
install with the package and extend Material: a site needs no ``overrides/``."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

THEME_DIR = Path(__file__).resolve().parent.parent / "theme"


def install(config: MkDocsConfig) -> None:
    """Put the theme's folder before Material's, after the site's own
    ``custom_dir`` if it has one, so a site's overrides still win."""
    dirs = config.theme.dirs
    if str(THEME_DIR) in dirs:  # ``mkdocs serve`` may hand the same theme again
        return
    dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))
