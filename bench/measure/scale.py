"""One archive size: its facts and what its builds measured."""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path

from generate import Archive
from synthetic.material import SEEDS

from measure.build import Run
from measure.site import FirstView, SiteStats, gz


@dataclass
class Scale:
    n: int
    facts: dict
    plain: list[Run] = field(default_factory=list)
    bantin: list[Run] = field(default_factory=list)
    material: list[Run] = field(default_factory=list)  # plain with Material's search plugin
    plain_site: SiteStats | None = None
    bantin_site: SiteStats | None = None
    page: str = ""
    page_largest: str = ""
    views: dict[str, FirstView] = field(default_factory=dict)
    nav: dict[str, int] = field(default_factory=dict)  # primary nav bytes on the median directive page
    search: list[dict] | str = ""  # search_budget.py's figures per query, or why there are none
    phases: dict[str, dict] = field(default_factory=dict)  # phases_child() of "plain" and "bantin"

    def median(self, which: str, attr: str) -> float:
        return statistics.median(getattr(r, attr) for r in getattr(self, which))


def archive_facts(archive: Archive, project: Path) -> dict:
    directives = [p for p in archive.files if p.startswith("content/directives/")]
    targets = [t for ts in archive.citations.values() for t in ts]
    return {
        "directives": len(directives),
        "undated": sum("/chua-ro-ngay/" in p for p in directives),
        "citations": len(targets),
        "cited_outside": len({(t.number, t.date) for t in targets if t.path is None}),
        "slogan_sets": sum(p.startswith("content/slogans/") for p in archive.files),
        "markdown_bytes": sum(p.stat().st_size for p in (project / "content").rglob("*") if p.is_file()),
        **compression(project),
    }


def compression(project: Path) -> dict:
    """How well the synthetic text compresses, against the seeds' real text."""
    pages = [p.read_bytes() for p in sorted((project / "content" / "directives").rglob("*.md"))]
    seeds = [p.read_bytes() for p in sorted(SEEDS.glob("*.txt"))]
    return {
        "gzip_archive": sum(map(len, pages)) / gz(b"".join(pages)),
        "gzip_page": statistics.median(len(p) / gz(p) for p in pages),
        "gzip_seeds": sum(map(len, seeds)) / gz(b"".join(seeds)),
        "gzip_seed_pages": (min(len(p) / gz(p) for p in seeds), max(len(p) / gz(p) for p in seeds)),
        "words_archive": len(_words(pages)),
        "words_seeds": len(_words(seeds)),
    }


def _words(texts: list[bytes]) -> set[str]:
    """Distinct words (Vietnamese writes one syllable per word), accents kept."""
    return {w for t in texts for w in re.findall(r"[^\W\d_]+", t.decode("utf-8").lower())}

