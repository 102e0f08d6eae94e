"""Documents of the archive and their numbers: outside documents, and the
generated directives numbered as bantin checks (no number twice in a year)."""

from __future__ import annotations

import datetime as dt
import functools
import random
from dataclasses import dataclass

from bantin import refs
from bantin.identity import issuer_close  # bantin's rule for one issuer spelled two ways: avoided here
from bantin.records import KIND_BY_NAME
from bantin.text import fold, slugify

from synthetic.world import ORGS, OUTSIDE_ISSUERS, TITLE_PREFIXES, TOPICS, WELL_KNOWN, Org

FIRST_DATE = dt.date(2015, 1, 1)
LAST_DATE = dt.date(2025, 12, 31)
UNDATED_SHARE = 10  # one directive in ten has neither number nor date


@dataclass(eq=False)
class Doc:
    """A document of the archive's world: a generated directive or an outside one."""

    kind: str
    number: str | None  # canonical: "05-KH/BTGĐUK"
    date: dt.date | None
    named: str  # how a citing text names the issuer: "Ban Tuyên giáo Tỉnh ủy"
    about: str  # subject, for "về …" after a citation
    path: str | None = None  # content path of a generated directive
    org: Org | None = None
    title: str = ""
    weight: float = 1.0  # how often outside documents are cited

    @functools.cached_property
    def key(self) -> tuple:
        return refs.parse_number(self.number).key

    @property
    def family(self) -> tuple:
        return refs.parse_number(self.number).family


class Registry:
    """Numbered documents by family (serial, kind code), to keep citations unambiguous."""

    def __init__(self) -> None:
        self.by_family: dict[tuple[int, str], list[Doc]] = {}
        self.dated: set[int] = set()  # ids of outside documents some text has cited with their date

    def _close(self, doc: Doc) -> list[Doc]:
        return [o for o in self.by_family.get(doc.family, ()) if issuer_close(o.key[4], doc.key[4])]

    def clashes(self, doc: Doc) -> bool:
        """Same number (up to a letter) and same date: bantin would merge the two."""
        return any(o.date == doc.date for o in self._close(doc))

    def add(self, doc: Doc) -> None:
        self.by_family.setdefault(doc.family, []).append(doc)

    def unique(self, doc: Doc) -> bool:
        """Whether the number alone, without a date, can only mean ``doc``.

        bantin knows an outside document only from dated mentions, so one
        that no text has dated yet cannot be cited without its date.
        """
        known = doc.path is not None or id(doc) in self.dated
        return known and self._close(doc) == [doc]


def kind_of(number: str) -> str:
    code = refs.parse_number(number).code
    return next(k.name for k in KIND_BY_NAME.values() if k.code == code)


def random_date(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randint(0, (last - first).days))


def _term(year: int) -> int:
    # Serials restart each term; terms are taken to start in January 2016 and
    # 2021 so one year never holds two terms (bantin: number + year is unique).
    return (year - 2011) // 5


def _title(rng: random.Random, kind: str) -> str:
    prefix = rng.choice(TITLE_PREFIXES.get(kind, ("về",)))
    return f"{prefix} {rng.choice(TOPICS)}"


def outside_documents(rng: random.Random, count: int, registry: Registry) -> list[Doc]:
    """The well-known documents and a pool of other outside numbers."""
    docs = []
    for rank, (number, date, named, about) in enumerate(WELL_KNOWN):
        doc = Doc(kind_of(number), number, dt.date.fromisoformat(date), named, about, weight=30 / (rank + 1))
        registry.add(doc)
        docs.append(doc)
    taken = {(d.key, d.date.year) for d in docs}
    while len(docs) < count:
        symbol, named, kinds = rng.choice(OUTSIDE_ISSUERS)
        kind = rng.choice(kinds)
        date = random_date(rng, dt.date(2010, 1, 1), LAST_DATE)
        serial = rng.randint(1, 60 if symbol == "TW" else 400)
        number = f"{serial:02d}-{KIND_BY_NAME[kind].code}/{symbol}"
        doc = Doc(kind, number, date, named, _title(rng, kind).removeprefix("về "), weight=1.0)
        if (doc.key, date.year) in taken or registry.clashes(doc):
            continue
        taken.add((doc.key, date.year))
        registry.add(doc)
        docs.append(doc)
    return docs


def directives(rng: random.Random, n: int, registry: Registry) -> list[Doc]:
    """N directives: numbered in date order per issuer, kind and term; one in ten undated."""
    weights = [o.weight for o in ORGS]
    drafts = []
    for _ in range(n):
        org = rng.choices(ORGS, weights)[0]
        kind = rng.choice(org.kinds)
        drafts.append((random_date(rng, FIRST_DATE, LAST_DATE), org, kind))
    undated = set(rng.sample(range(n), n // UNDATED_SHARE))
    serials: dict[tuple[str, str, int], int] = {}
    docs: list[Doc] = []
    dated = sorted((d for i, d in enumerate(drafts) if i not in undated), key=lambda d: (d[0], d[1].symbol, d[2]))
    for date, org, kind in dated:
        counter = (fold(org.symbol), kind, _term(date.year))
        while True:
            serials[counter] = serials.get(counter, 0) + 1
            number = f"{serials[counter]:02d}-{KIND_BY_NAME[kind].code}/{org.symbol}"
            doc = Doc(kind, number, date, org.short, "", org=org, title=_title(rng, kind))
            if not registry.clashes(doc):  # else skip the serial: it went to a document not in the archive
                break
        doc.about = doc.title.removeprefix("về ")
        doc.path = f"directives/{date.year}/{slugify(number)}.md"
        registry.add(doc)
        docs.append(doc)
    slugs: set[str] = set()
    for i in sorted(undated):
        _, org, kind = drafts[i]
        title = _title(rng, kind)
        base = slugify(f"{kind} {title}", max_length=60)
        slug, k = base, 1
        while slug in slugs:
            k += 1
            slug = f"{base}-{k}"
        slugs.add(slug)
        docs.append(Doc(kind, None, None, org.short, title, path=f"directives/chua-ro-ngay/{slug}.md",
                        org=org, title=title))
    return docs

