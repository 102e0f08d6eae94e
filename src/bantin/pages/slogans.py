"""The approved-slogans page (/khau-hieu/)."""

from __future__ import annotations

from . import PageSpec, Site


def build(site: Site) -> list[PageSpec]:
    return [PageSpec("khau-hieu/index.md", "Khẩu hiệu tuyên truyền", "bantin/slogans.html",
                     context={"sets": site.corpus.slogan_sets})]
