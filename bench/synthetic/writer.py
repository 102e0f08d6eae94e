"""Writing one directive: its body in the seeds' shape, citing the documents
meant, and its front matter."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

import yaml

from synthetic.documents import Doc, Registry
from synthetic.material import DAY, Material
from synthetic.world import FAMILY_NAMES, GIVEN_NAMES, MIDDLE_NAMES, SECTION_FIRST, SECTION_LAST, TOPICS


@dataclass
class Writer:
    """Writes one directive body, recording which document each citation means."""

    rng: random.Random
    material: Material
    registry: Registry
    # The one date the seed sentences' own dates ("hoàn thành trước ngày 31/12/2024")
    # become: weeks after the directive, as a deadline in it would be.
    deadline: dt.date
    cited: list[Doc] = field(default_factory=list)  # in order of first mention
    dated_here: set[int] = field(default_factory=set)  # ids of docs this text has dated

    def mention(self, doc: Doc, *, full: bool = False) -> str:
        """The document as a citing text writes it, in one of the seeds' shapes."""
        rng = self.rng
        number = doc.number
        serial, rest = number.split("-", 1)
        code, symbol = rest.split("/", 1)
        if rng.random() < 0.15 and ("Đ" in symbol or "D" in symbol):
            # Spelled with Đ or D the other way: the same number to bantin.
            symbol = symbol.replace("Đ", "D") if "Đ" in symbol else symbol.replace("D", "Đ", 1)
        spaced = rng.random() < 0.08  # "127 -KL/TW", as PDF extraction leaves it
        written = f"{serial}{' ' if spaced else ''}-{code}/{symbol}"
        so = "số " if rng.random() < 0.85 else ""
        text = f"{doc.kind} {so}{written}"
        first_here = doc not in self.cited
        # Undated is safe once this text has dated the number, or when the
        # number alone names one document of the whole archive.
        undated_ok = id(doc) in self.dated_here or self.registry.unique(doc)
        if not undated_ok or rng.random() < (0.85 if first_here else 0.3):
            text += self._date(doc.date)
            self.dated_here.add(id(doc))
            self.registry.dated.add(id(doc))
        if first_here:
            self.cited.append(doc)
        if full:
            text += f" của {doc.named} về {doc.about}"
        return text

    def _date(self, date: dt.date) -> str:
        shape = self.rng.random()
        if shape < 0.5:
            return f" ngày {date:%d/%m/%Y}"
        if shape < 0.75:
            return f", ngày {date:%d/%m/%Y}"
        if shape < 0.9:
            return f" ngày {date.day}/{date.month}/{date.year}"
        return f" ngày {date.day:02d} tháng {date.month:02d} năm {date.year}"

    def sentence(self) -> str:
        return self._redate(self.rng.choice(self.material.sentences))

    def _redate(self, text: str) -> str:
        return DAY.sub(f"{self.deadline:%d/%m/%Y}", text)

    def cite_sentence(self, docs: list[Doc]) -> str:
        """A seed sentence that cited documents, citing these instead."""
        fitting = [s for s in self.material.slotted if len(s) - 1 == len(docs)]
        if not fitting:
            return " ".join(self.cite_sentence([doc]) for doc in docs)
        pieces = [self._redate(piece) for piece in self.rng.choice(fitting)]
        out = [pieces[0]]
        for doc, piece in zip(docs, pieces[1:]):
            out += [self.mention(doc), piece]
        return "".join(out)

    def item_text(self, low: int = 1, high: int = 3) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(low, high)))


def _roman(n: int) -> str:
    return ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")[n - 1]


def write_body(w: Writer, d: Doc, targets: list[Doc], length: int) -> str:
    """Opening, numbered sections of lists and points, closing: the seeds' shape."""
    rng = w.rng
    opening_count = 1 if len(targets) <= 2 else rng.choice((1, 2))
    opening, rest = targets[:opening_count], targets[opening_count:]
    own = f"{d.kind.lower()} {d.title}"
    lead = rng.choice(("Thực hiện", "Thực hiện", "Căn cứ"))
    cited = "; ".join(w.mention(t, full=True) for t in opening)
    blocks: list[str] = []
    letter = d.kind in ("Công văn", "Thông báo", "Báo cáo")
    if letter:
        blocks.append(f"{lead} {cited};")
        blocks.append(f"{d.named} đề nghị các cấp ủy, tổ chức đảng, cơ quan, đơn vị quan tâm thực hiện tốt "
                      "một số nội dung sau:")
    else:
        blocks.append(f"{lead} {cited}, {d.named} ban hành {own}, cụ thể như sau:")

    # [marker, text] items take citations later; [line] items (headings, list intros) do not.
    items: list[list[str]] = []
    closing = 0 if letter else 1500  # about what the last section and the closing add
    written = sum(map(len, blocks))

    def filled() -> bool:
        return written + sum(len(i[-1]) + 4 for i in items) >= length - closing

    if letter:
        n = 1
        while n <= 2 or not filled():
            items.append([f"{n}\\. ", w.item_text(2, 5)])
            n += 1
    else:
        dash = rng.choice((".", "-"))
        section = 1
        while section <= 2 or (section < 6 and not filled()):
            heading = SECTION_FIRST if section == 1 else rng.choice(w.material.sections)
            items.append([f"## {_roman(section)}{dash} {heading}"])
            for sub in range(1, rng.randint(1, 3) + 1):
                if rng.random() < 0.6:
                    items.append([f"### {sub}. {rng.choice(w.material.subsections)}"])
                style = rng.choice(("dash", "dash", "point", "numbered", "plain"))
                if style in ("dash", "point") and rng.random() < 0.4:
                    items.append([rng.choice(w.material.intros)])
                for k in range(1, rng.randint(2, 5) + 1):
                    marker = {"dash": "- ", "point": f"({k}) ", "numbered": f"{k}\\. ", "plain": ""}[style]
                    items.append([marker, w.item_text()])
                    if filled():
                        break
                if filled():
                    break
            section += 1
        items.append([f"## {_roman(section)}{dash} {SECTION_LAST}"])
        for k in range(1, rng.randint(2, 3) + 1):
            items.append([f"{k}\\- ", w.item_text()])

    # Hubs are named again further down, as the seeds name 18-NQ/TW a dozen times.
    text_items = [i for i, item in enumerate(items) if len(item) == 2]
    for t in opening:
        if t.weight > 1 and rng.random() < 0.5:
            items[rng.choice(text_items)][1] += " " + w.cite_sentence([t])
    # The other citations go into the text: seed sentences that cited
    # something, or a list of documents (as in the seeds' "Tài liệu").
    if rest and not letter and rng.random() < 0.3:
        at = rng.choice(text_items) + 1
        items[at:at] = [["### Tài liệu"], *(["- ", w.mention(t, full=True) + ";"] for t in rest)]
    else:
        pending = list(rest)
        while pending:
            take = pending[: rng.randint(1, 2)]
            pending = pending[len(take) :]
            items[rng.choice(text_items)][1] += " " + w.cite_sentence(take)

    for item in items:
        blocks.append("".join(item))
    if letter:
        blocks.append("Trân trọng./.")
    else:
        blocks.append(f"Trên đây là {own}; đề nghị các cấp ủy, tổ chức đảng, cơ quan, đơn vị nghiêm túc "
                      f"triển khai thực hiện và báo cáo kết quả về {d.named}.")
    return "\n\n".join(b for b in blocks if b) + "\n"


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FAMILY_NAMES)} {rng.choice(MIDDLE_NAMES)} {rng.choice(GIVEN_NAMES)}"


def front_matter(rng: random.Random, d: Doc) -> dict:
    org = d.org
    authority, on_behalf_of, position = rng.choice(org.signers)
    count = rng.randint(3, len(org.recipients))
    recipients = [{"name": name, "note": note} if note else {"name": name} for name, note in org.recipients[:count]]
    data = {
        "number": d.number,
        "kind": d.kind,
        "title": d.title,
        "issuer": org.issuer,
        "parent": org.parent,
        "place": org.place,
        "date": d.date,
        "level": org.level,
        "signer": {"authority": authority, "on_behalf_of": on_behalf_of, "position": position, "name": _name(rng)},
    }
    if d.kind == "Công văn":
        data["addressees"] = [r["name"] for r in recipients[2:4]] or ["Các chi bộ, đảng bộ trực thuộc"]
    data["recipients"] = recipients
    data["topics"] = [rng.choice(TOPICS).split(",")[0]]
    data["draft"] = False
    return data


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # libyaml when there: 30 times faster
    def ignore_aliases(self, data: object) -> bool:  # a date used twice is written twice, as an editor would
        return True


def to_yaml(data: dict) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1 << 20)
