#!/usr/bin/env python3
"""A synthetic archive of N directives, to measure how bantin grows with them.

    generate.py N OUT_DIR [--seed S] [--plain PLAIN_DIR]

OUT_DIR becomes a complete project (mkdocs.yml, docs/, hooks/
copied from the repository; content/ generated) that ``mkdocs build --strict``
builds. PLAIN_DIR, if given, becomes the baseline: the same directive bodies
as plain Markdown pages of MkDocs + Material, without bantin's hooks.

The text is the seeds' text recombined: their headings, sentences, lists and
numbered points, with citations written the ways the seeds write them. Numbers
and dates follow what bantin checks (no number twice in one year, never a
citation of a later document, no undated citation that could mean two
documents), so the archive is valid content. Same seed, same bytes.

Its pieces are in ``bench/synthetic/``: the seeds' text taken apart
(material), who issues what (world), numbered documents (documents), one
directive's text (writer), projects on disk (project). This module picks
what each directive cites and puts the archive together.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import itertools
import random
import sys
from dataclasses import dataclass
from pathlib import Path

from bantin import refs
from bantin.identity import issuer_close
from bantin.text import slugify

from synthetic.documents import FIRST_DATE, LAST_DATE, Doc, Registry, directives, kind_of, outside_documents, random_date
from synthetic.material import SEEDS, Material, harvest, seed_bodies
from synthetic.project import PROJECT_PARTS, copy_parts, write_material, write_plain
from synthetic.world import WELL_KNOWN
from synthetic.writer import Writer, front_matter, to_yaml, write_body

__all__ = ["SEEDS", "PROJECT_PARTS", "Archive", "Target", "copy_parts", "generate", "write_material", "write_plain",
           "write_project"]


CITES_MIN, CITES_MAX = 2, 8
DIRECTIVE_TARGET_SHARE = 0.45  # of citations, the rest go to outside documents
OUTSIDE_BASE, OUTSIDE_PER = 200, 10  # outside documents: 200 + N/10 (more directives cite more of them)


@dataclass(frozen=True)
class Target:
    """A document a generated directive means to cite."""

    number: str
    date: dt.date
    path: str | None  # content path when the document is a generated directive


@dataclass(frozen=True)
class Archive:
    files: dict[str, str]  # path under the project ("content/…") -> text
    citations: dict[str, tuple[Target, ...]]  # directive content path -> targets, in order of first mention


def _pick_targets(rng: random.Random, d: Doc, numbered: list[Doc], dates: list[dt.date],
                  outside: list[Doc], cum_weights: list[float]) -> list[Doc]:
    """2–8 distinct documents issued before ``d``: recent directives, and outside documents (hubs often)."""
    limit = d.date or LAST_DATE + dt.timedelta(days=1)
    earlier = bisect.bisect_left(dates, limit)  # numbered directives issued strictly before d
    chosen: list[Doc] = []
    own = [d] if d.number else []
    wanted = rng.randint(CITES_MIN, CITES_MAX)
    attempts = 0
    while len(chosen) < wanted and attempts < 200:
        attempts += 1
        if earlier and rng.random() < DIRECTIVE_TARGET_SHARE:
            back = int(rng.expovariate(1 / 60))  # mostly recent ones: what a new plan implements
            if back >= earlier:  # near the start of the archive: any earlier one, not always the first
                back = rng.randrange(earlier)
            doc = numbered[earlier - 1 - back]
        else:
            doc = rng.choices(outside, cum_weights=cum_weights)[0]
            if doc.date >= limit:
                continue
        # Two documents with one number (serials restart each term) in one text
        # would make its undated mentions ambiguous, and a text's own number is
        # never a citation: keep to one document per number.
        same = [c for c in chosen + own if c.family == doc.family and issuer_close(c.key[4], doc.key[4])]
        if not same:
            chosen.append(doc)
    return chosen


def generate(n: int, seed: int = 1) -> Archive:
    rng = random.Random(seed)
    material = harvest(seed_bodies())
    registry = Registry()
    outside = outside_documents(rng, OUTSIDE_BASE + n // OUTSIDE_PER, registry)
    docs = directives(rng, n, registry)
    numbered = [d for d in docs if d.number]
    dates = [d.date for d in numbered]
    cum_weights = list(itertools.accumulate(d.weight for d in outside))
    low, high = material.body_lengths[0], material.body_lengths[-1]

    files: dict[str, str] = {}
    citations: dict[str, tuple[Target, ...]] = {}
    for d in docs:
        targets = _pick_targets(rng, d, numbered, dates, outside, cum_weights)
        issued = d.date or random_date(rng, FIRST_DATE, LAST_DATE)
        w = Writer(rng, material, registry, issued + dt.timedelta(days=rng.randint(30, 180)))
        length = rng.randint(low, (low + high) // 2 if d.kind == "Công văn" else high)
        body = write_body(w, d, targets, length)
        cited = _in_text_order(d, body, w.cited)
        files[f"content/{d.path}"] = f"---\n{to_yaml(front_matter(rng, d))}---\n\n{body}"
        citations[d.path] = tuple(Target(t.number, t.date, t.path) for t in cited)

    files.update(_slogan_sets(rng, docs, material, 3 + n // 1000))
    files.update(_references())
    return Archive(files, citations)


def _in_text_order(d: Doc, body: str, cited: list[Doc]) -> list[Doc]:
    """The cited documents in order of first mention, after checking that every
    number in the body is one this directive meant to cite, dated rightly."""
    own = refs.parse_number(d.number) if d.number else None
    keys = {t.key: t for t in cited}
    found = refs.find_mentions(body, own)
    if {m.number.key for m in found} != set(keys):
        raise AssertionError(f"{d.path}: the body cites {[str(m.number) for m in found]}, meant {list(keys)}")
    for m in found:
        if m.date is not None and m.date != keys[m.number.key].date:
            raise AssertionError(f"{d.path}: {m.number} dated {m.date}, meant {keys[m.number.key].date}")
    return list({m.number.key: keys[m.number.key] for m in found}.values())


def _slogan_sets(rng: random.Random, docs: list[Doc], material: Material, count: int) -> dict[str, str]:
    """A few approved slogan sets, each naming the generated directive that approves it."""
    guides = [d for d in docs if d.kind in ("Hướng dẫn", "Kế hoạch")]
    files = {}
    for i, d in enumerate(rng.sample(guides, min(count, len(guides)))):
        slogans = rng.sample(material.slogans, rng.randint(6, min(12, len(material.slogans))))
        # Alternate the two ways a set names its directive: by file, or by number and date.
        by_number = i % 2 == 1 and d.number is not None
        data = {
            "directive": {"number": d.number, "date": d.date} if by_number else d.path,
            "occasion": d.title[0].upper() + d.title[1:],
            "approved": d.date,
            "valid_from": d.date,
            "valid_until": d.date + dt.timedelta(days=365) if d.date else None,
            "slogans": slogans,
        }
        files[f"content/slogans/{slugify(d.path.rsplit('/', 1)[-1].removesuffix('.md'))}.yml"] = to_yaml(data)
    return files


def _references() -> dict[str, str]:
    """What an editor knows about the well-known documents (content/references)."""
    files = {}
    for number, date, named, about in WELL_KNOWN:
        data = {"number": number, "date": dt.date.fromisoformat(date), "kind": kind_of(number), "title": about,
                "issuer": named}
        files[f"content/references/{refs.parse_number(number).slug}-{date[:4]}.yml"] = to_yaml(data)
    return files


def write_project(archive: Archive, out: Path) -> Path:
    """A project that builds: the repository's site files and the generated content."""
    copy_parts(out)
    for rel, text in archive.files.items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of directives")
    parser.add_argument("out", type=Path, help="project folder to write (replaced)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--plain", type=Path, help="also write the plain MkDocs baseline here (replaced)")
    args = parser.parse_args(argv)
    archive = generate(args.n, args.seed)
    write_project(archive, args.out)
    print(f"{args.out}: {args.n} văn bản, {len(archive.files)} tệp nội dung")
    if args.plain:
        pages = write_plain(args.out, args.plain)
        print(f"{args.plain}: {pages} trang văn bản")
    return 0


if __name__ == "__main__":
    sys.exit(main())
