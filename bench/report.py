"""bench/README.md from the figures ``bench/run.py`` measured."""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass
from pathlib import Path

import generate

from measure.phases import outside_pages
from measure.scale import Scale
from measure.site import GZIP_LEVEL

TARGET_COLD = 1.15  # issue 15: cold build against plain MkDocs + Material with search
TARGET_OVERHEAD = 0.10
TARGET_REBUILD = 2.0
LINEAR = 1.1  # a growth exponent up to this counts as linear (noise, fixed costs)


def _mb(n: float) -> str:
    return f"{n / 1e6:,.1f} MB"


def _kb(n: float) -> str:
    return f"{n / 1e3:,.1f} kB"


def _growth(a: float, b: float, na: int, nb: int) -> float:
    return math.log(b / a) / math.log(nb / na)


def _pair(times: list[float]) -> str:
    return f"{times[0]:.2f} / {times[1]:.2f} s"


def _verdict(ok: bool) -> str:
    return "met" if ok else "**not met**"


@dataclass
class Results:
    scales: list[Scale]
    sample: dict  # preview rebuilds of the sample site
    archive_rebuild: dict  # and of the smallest archive
    profile: dict | None
    lighthouse: str
    host: dict
    command: str
    elapsed: float


def _phases_section(s: Scale) -> str:
    """Where the extra time goes: each build's CPU time split by phase."""
    if set(s.phases) != {"plain", "bantin"}:
        return ""
    plain, bantin = s.phases["plain"], s.phases["bantin"]
    out = [f"## Where the time goes (N={s.n:,})\n",
           "More builds of each kind, each in a process of its own, with every event handler (bantin's are "
           "those of the one `BantinPlugin` that `hooks/bantin_hooks.py` hands MkDocs' events to) and every "
           "page's Markdown and template rendering timed (CPU s, the least of the runs for each line, since a shared "
           "machine only ever adds time; the clocks add a little). Page lines include the "
           "handlers MkDocs calls while rendering a page (listed below them), so these are not counted twice.\n",
           "| phase | plain | bantin | bantin − plain |", "|---|---:|---:|---:|"]

    def line(label: str, a: float, b: float) -> None:
        out.append(f"| {label} | {a:.2f} | {b:.2f} | {b - a:+.2f} |")

    for group in ("directive pages", "other pages"):
        counts = f"{plain['pages'].get(group, 0):,} / {bantin['pages'].get(group, 0):,} pages"
        for part in ("Markdown", "template and write"):
            key = f"{group}: {part}"
            line(f"{group} ({counts}): {part}", plain["spent"].get(key, 0.0), bantin["spent"].get(key, 0.0))
    hooks = sorted(((k, v) for k, v in bantin["spent"].items() if k.startswith("hook ") and v >= 0.005),
                   key=lambda kv: -kv[1])
    for key, value in hooks:
        if outside_pages(key):
            line(key.removeprefix("hook "), 0.0, value)
    line("the rest of MkDocs (config, files, nav, theme files)", plain["rest"], bantin["rest"])
    line("**whole build**", plain["total"], bantin["total"])
    inside = [(k, v) for k, v in hooks if not outside_pages(k)]
    if inside:
        out.append("\nHandlers inside page rendering (already in the page lines): "
                   + "; ".join(f"{k.removeprefix('hook ')} {v:.2f} s" for k, v in inside) + ".")
    other = {name: sum(p["spent"].get(f"other pages: {part}", 0.0) for part in ("Markdown", "template and write"))
             for name, p in (("plain", plain), ("bantin", bantin))}
    added = bantin["pages"].get("other pages", 0) - plain["pages"].get("other pages", 0)
    out.append(f"\nThe {added:,} pages bantin adds (cited documents, listings, monthly bulletins, timeline "
               f"pages …) cost {other['bantin'] - other['plain']:.2f} s to render: on their own, "
               f"{(other['bantin'] - other['plain']) / plain['total']:.0%} of the plain build.")
    out.append("")
    return "\n".join(out) + "\n"


def readme(r: Results) -> str:
    scales, sample, archive_rebuild, profile, host = r.scales, r.sample, r.archive_rebuild, r.profile, r.host
    out: list[str] = []
    w = out.append
    w("# Benchmark: bantin at archive scale\n")
    w("A province's bulletin accumulates thousands of directives. This benchmark generates synthetic archives "
      "of N directives and builds each three ways in the same run on the same machine: **bantin** (the real "
      "project: its `mkdocs.yml`, hooks and templates), **plain** (the same directive pages, same Markdown, "
      "same theme, plugins and Markdown extensions, without bantin's hooks and templates), and plain **with "
      "Material's search plugin**, which MkDocs turns on by default and bantin's own search replaces. Machines like this "
      "one are noisy, so the targets are checked on ratios and growth exponents, not on seconds, and on CPU "
      "time (user + system of the build process): a build is one single-threaded process, so on an idle "
      "machine its CPU time is its wall time, and unlike wall time it does not grow when other work shares "
      "the machine (the load average during this run is given below). Wall times are in the figures too.\n")
    w("This file is written by `bench/run.py`; rerun it rather than editing the figures.\n")
    w(f"Command: `{r.command}` — took {r.elapsed / 60:.0f} min.  ")
    w(f"Machine: {host['cpus']} CPUs ({host['cpu']}), {host['ram']} RAM, {host['os']}; Python {host['python']}, "
      f"MkDocs {host['mkdocs']}, Material {host['material']}.  ")
    w(f"Tree: commit {host['commit']}; run {host['date']}.\n")

    w("## Targets\n")
    w("| Target | Figure | Verdict |\n|---|---|---|")
    for s in scales:
        over = s.median("bantin", "cpu") / s.median("plain", "cpu") - 1
        wall = s.median("bantin", "seconds") / s.median("plain", "seconds") - 1
        w(f"| hooks add at most 10 % to the plain build's time (N={s.n:,}) | {over:+.0%} "
          f"({s.median('bantin', 'cpu'):.1f} s CPU against {s.median('plain', 'cpu'):.1f} s; wall {wall:+.0%}) | "
          f"{_verdict(over <= TARGET_OVERHEAD)} |")
    for s in scales:
        if not s.material:
            continue
        over = s.median("bantin", "cpu") / s.median("material", "cpu") - 1
        wall = s.median("bantin", "seconds") / s.median("material", "seconds") - 1
        w(f"| the same, against plain MkDocs + Material with its search plugin, as MkDocs sets a site up by default "
          f"(N={s.n:,}) | {over:+.0%} ({s.median('bantin', 'cpu'):.1f} s CPU against "
          f"{s.median('material', 'cpu'):.1f} s; wall {wall:+.0%}) | {_verdict(over <= TARGET_OVERHEAD)} |")
        w(f"| a cold build costs at most 1.15× plain MkDocs + Material with its search plugin (N={s.n:,}; "
          f"issue 15) | ×{over + 1:.2f} | {_verdict(over + 1 <= TARGET_COLD)} |")
        peak, base = s.median("bantin", "peak_rss"), s.median("material", "peak_rss")
        w(f"| peak memory at most that baseline's (N={s.n:,}) | {peak / 1e6:,.0f} MB against {base / 1e6:,.0f} MB | "
          f"{_verdict(peak <= base)} |")
    if len(scales) >= 2:
        a, b = scales[0], scales[-1]
        for label, get in (
            ("time", lambda s: s.median("bantin", "cpu")),
            ("peak memory", lambda s: s.median("bantin", "peak_rss")),
            ("output size", lambda s: s.bantin_site.total_bytes),
        ):
            k = _growth(get(a), get(b), a.n, b.n)
            w(f"| {label} grows linearly with N ({a.n:,} → {b.n:,}) | exponent {k:.2f} "
              f"(×{get(b) / get(a):.2f} for ×{b.n / a.n:g} directives) | {_verdict(k <= LINEAR)} |")
        w(f"| the navigation does not list every directive (primary nav on a directive page, {a.n:,} → {b.n:,}) | "
          f"{a.nav['bantin']:,} B → {b.nav['bantin']:,} B | {_verdict(b.nav['bantin'] <= a.nav['bantin'] * 1.05)} |")
    cpu = statistics.median(c for _, c in sample["rebuilds"])
    wall = statistics.median(t for t, _ in sample["rebuilds"])
    w(f"| a preview rebuild after one directive changes takes under 2 s (sample site) | {cpu:.2f} s CPU, "
      f"{wall:.2f} s wall (medians of {len(sample['rebuilds'])}) | {_verdict(cpu < TARGET_REBUILD)} |")
    w("")
    w(f"A growth exponent is log(value at {scales[-1].n:,} / value at {scales[0].n:,}) / log({scales[-1].n:,} / "
      f"{scales[0].n:,}): 1 is linear, 2 quadratic; up to {LINEAR} counts as linear here. "
      "The nav names a handful of pages and leaves directive pages out (bantin adds them as `NOT_IN_NAV`), so "
      "the navigation every page carries stays the same size whatever N is. What does grow with N are single "
      "pages that list directives: bantin's listings by year, kind and issuer, and the pages of documents "
      "cited by many directives (see \"largest HTML page\" below); their total is linear in N.\n")

    for s in scales:
        w(_phases_section(s))
    w("## Figures\n")
    header = "| | " + " | ".join(f"plain N={s.n:,} | bantin N={s.n:,}" for s in scales) + " |"
    w(header)
    w("|---" * (1 + 2 * len(scales)) + "|")

    def row(label: str, plain, bantin) -> None:
        w(f"| {label} | " + " | ".join(f"{plain(s)} | {bantin(s)}" for s in scales) + " |")

    row("build CPU time, median (s)", lambda s: f"{s.median('plain', 'cpu'):.1f}",
        lambda s: f"{s.median('bantin', 'cpu'):.1f}")
    row("build wall time, median (s)", lambda s: f"{s.median('plain', 'seconds'):.1f}",
        lambda s: f"{s.median('bantin', 'seconds'):.1f}")
    def each(which: str):
        return lambda s: "; ".join(f"{r.seconds:.1f} / {r.cpu:.1f} (load {r.load:.1f})" for r in getattr(s, which))

    row("each build: wall / CPU s (machine load)", each("plain"), each("bantin"))
    if all(s.material for s in scales):
        row("plain with Material's search plugin: CPU / wall time, median (s)",
            lambda s: f"{s.median('material', 'cpu'):.1f} / {s.median('material', 'seconds'):.1f}",
            lambda s: f"bantin {s.median('bantin', 'cpu') / s.median('material', 'cpu') - 1:+.0%} CPU")
        row("plain with Material's search plugin: peak RSS, median",
            lambda s: f"{s.median('material', 'peak_rss') / 2**20:,.0f} MiB", lambda s: "")
    row("peak RSS, median", lambda s: f"{s.median('plain', 'peak_rss') / 2**20:,.0f} MiB",
        lambda s: f"{s.median('bantin', 'peak_rss') / 2**20:,.0f} MiB")
    row("HTML pages", lambda s: f"{s.plain_site.html_pages:,}", lambda s: f"{s.bantin_site.html_pages:,}")
    row("CPU time per HTML page (ms)", lambda s: f"{1000 * s.median('plain', 'cpu') / s.plain_site.html_pages:.1f}",
        lambda s: f"{1000 * s.median('bantin', 'cpu') / s.bantin_site.html_pages:.1f}")
    row("output size", lambda s: _mb(s.plain_site.total_bytes), lambda s: _mb(s.bantin_site.total_bytes))
    row("output files", lambda s: f"{s.plain_site.files:,}", lambda s: f"{s.bantin_site.files:,}")
    row("largest HTML page", lambda s: _kb(s.plain_site.largest_page[0]), lambda s: _kb(s.bantin_site.largest_page[0]))
    row("primary nav on a directive page", lambda s: f"{s.nav['plain']:,} B", lambda s: f"{s.nav['bantin']:,} B")
    row("search a phone downloads before the first results (gzip, worst query)", lambda s: "no search",
        lambda s: _kb(max(q["search_gzip"] for q in s.search)) if isinstance(s.search, list) else "—")
    row("search answer time once downloaded (worst query)", lambda s: "no search",
        lambda s: f"{max(q['query_ms'] for q in s.search):.0f} ms" if isinstance(s.search, list) else "—")
    row("`search/` on disk, whole index (raw / gzip)", lambda s: f"{_mb(s.plain_site.search_raw)} / {_mb(s.plain_site.search_gzip)}",
        lambda s: f"{_mb(s.bantin_site.search_raw)} / {_mb(s.bantin_site.search_gzip)}")
    def view(k: str):
        return lambda s: (f"{_kb(s.views[k].total)} ({_kb(s.views[k].html)} + {_kb(s.views[k].css)} + "
                          f"{_kb(s.views[k].js)}); fonts {_kb(s.views[k].fonts)}")

    for label in ("median", "largest"):
        row(f"first view of the {label} directive page: HTML + CSS + JS, gzip (and fonts declared)",
            view(f"plain-{label}"), view(f"bantin-{label}"))
    w("")
    for s in scales:
        w(f"- N={s.n:,}: largest page of the bantin site `{s.bantin_site.largest_page[1]}`; median directive page "
          f"`/{s.page.removesuffix('index.html')}`, largest `/{s.page_largest.removesuffix('index.html')}`.")
        external = s.views["bantin-median"].external
        w(f"  Assets of the median directive page: {', '.join(s.views['bantin-median'].assets)}"
          + (f"; **requests to other hosts: {', '.join(external)}**" if external else "; nothing from other hosts") + ".")
    w("")
    w(f"Gzip is level {GZIP_LEVEL}, each file on its own, as a web server sends it. Fonts are the woff2 files "
      "the page's CSS declares in `@font-face` (sent as they are); a page loads only those its text uses, so "
      "this is an upper bound. `bench/lighthouse.py` measures a whole first view in a browser.\n")

    w("### Search (`bench/search_budget.py`)\n")
    w("bantin's configuration turns Material's search off (`plugins: []`) and indexes with its own hook "
      "(`bantin.mkdocs.search`, shards fetched per query term), so the plain baseline, being that "
      "configuration without the hooks, has no search; indexing is part of the hooks' cost. "
      "`bench/search_budget.py` opens the results page in headless chromium with an empty cache, once per "
      "query, and counts what it fetched before the first results (gzip) and the time to answer once fetched.\n")
    for s in scales:
        if isinstance(s.search, str):
            w(f"- N={s.n:,}: {s.search}")
            continue
        w(f"N={s.n:,}:\n")
        w("| query | search bytes (gzip) | files | answer | hits | within budget |\n|---|---:|---:|---:|---:|---|")
        for q in s.search:
            w(f"| {q['query']} | {_kb(q['search_gzip'])} | {len(q['files'])} | {q['query_ms']:.0f} ms | "
              f"{q['hits']:,} | {'yes' if q.get('within_budget') else '**no**'} |")
        w("")
    w("### Lighthouse (`bench/lighthouse.py`, on the sample site its pages are chosen for)\n")
    w(f"```\n{r.lighthouse}\n```\n")

    w("## Preview rebuild\n")
    w(f"`mkdocs serve` rebuilds by loading the configuration again and building the whole site. `run.py` does "
      f"the same in one process: a first build, then `{sample['changed']}` is changed and the site rebuilt.\n")
    w(f"- Sample site (the repository's own content), wall / CPU: first build {_pair(sample['first'])}; "
      "rebuilds " + ", ".join(map(_pair, sample["rebuilds"])) + ".")
    w(f"- Archive of {scales[0].n:,} directives, wall / CPU: first build {_pair(archive_rebuild['first'])}; "
      "rebuild " + ", ".join(map(_pair, archive_rebuild["rebuilds"])) + ". There is no incremental build: "
      "an editor previewing a large archive waits this long after each save.\n")

    if profile:
        w(f"## Where bantin's code spends time (N={scales[0].n:,}, cProfile)\n")
        w(f"One in-process build under cProfile, {profile['total']:.1f} s in all (cProfile slows Python code "
          "about twofold, so read shares, not seconds). Functions from `hooks/`, the theme's templates and the "
          "`bantin` package, by cumulative time (nested functions count in their callers too):\n")
        w("Templates are generators: their \"calls\" count every time rendering resumes them.\n")
        w("| function | calls | own s | cumulative s | share of build |\n|---|---:|---:|---:|---:|")
        for r in profile["ours"][:20]:
            w(f"| `{r['function']}` | {r['calls']:,} | {r['own']:.2f} | {r['cumulative']:.2f} | "
              f"{r['cumulative'] / profile['total']:.0%} |")
        w("\nThe whole build's largest own times (any code), for context:\n")
        w("| function | calls | own s |\n|---|---:|---:|")
        for r in profile["overall_own"]:
            w(f"| `{r['function']}` | {r['calls']:,} | {r['own']:.2f} |")
        w("")

    w("## The synthetic archive\n")
    w("`bench/generate.py N OUT_DIR [--seed S] [--plain PLAIN_DIR]` writes a complete project: `mkdocs.yml`, "
      "`docs/` and `hooks/` copied from the repository and a generated `content/`. Its text is "
      "the seeds' (`tests/fixtures/seeds/*.txt` through bantin's importer, and `content/directives/*.md`) taken "
      "apart and recombined: their section headings (I., II. …), subheadings (1., 2.1.), dash lists, (1) points "
      "and numbered paragraphs, and their sentences; letters (Công văn, Thông báo, Báo cáo) are numbered "
      "paragraphs closed by \"Trân trọng./.\". Each directive opens with \"Thực hiện/Căn cứ …\" and cites 2–8 "
      "documents issued before it: recent generated directives (some without their date, some with the Đ/D "
      "of the symbol spelled the other way, as in the seeds) and outside documents (18-NQ/TW of 25/10/2017 and "
      f"the other documents the seeds cite, which become hubs, plus a pool of {generate.OUTSIDE_BASE} + "
      f"N/{generate.OUTSIDE_PER} central and provincial numbers). Issuers are the bodies of one province (Tỉnh ủy TU, Ban Tuyên giáo BTGTU, Đảng ủy Khối ĐUK, "
      "BTGĐUK, three Huyện ủy HU and their BTGHU, a commune ĐU …); dates spread over 2015–2025; serials count "
      "per issuer, kind and term, so the same number recurs in another term; one directive in ten has neither "
      "number nor date. A few slogan sets name generated directives. The same seed gives the same bytes; "
      "`tests/test_bench_generator.py` checks the archive is valid content and its citations resolve to the "
      "documents meant.\n")
    w("| | " + " | ".join(f"N={s.n:,}" for s in scales) + " |\n|---" + "|---" * len(scales) + "|")
    for key, label in (("directives", "directives"), ("undated", "without number or date"),
                       ("citations", "citations (distinct documents per directive, summed)"),
                       ("cited_outside", "outside documents cited"), ("slogan_sets", "slogan sets")):
        w(f"| {label} | " + " | ".join(f"{s.facts[key]:,}" for s in scales) + " |")
    w("| content/ size | " + " | ".join(_mb(s.facts["markdown_bytes"]) for s in scales) + " |\n")

    w("## Is the comparison fair?\n")
    w("All builds run `mkdocs build --strict` in a fresh process with the same MkDocs, Material, theme settings, "
      "plugins, Markdown extensions (including `bantin.mdext`), nav and `extra_css`; they alternate, and each "
      "figure is the median of the runs. The plain project has every published directive as a page at the same "
      "URL with the same title and the same Markdown body (front matter reduced to the title); pages the bantin "
      "nav names but bantin generates get a one-line page. What bantin adds, and the overhead pays for:\n")
    w("- validating all content and building the citation graph (`on_pre_build`);")
    w("- a page for every outside document cited, with every citing sentence; listings by year, kind and "
      "issuer; the home page's newest directives; slogans, timeline, bulletins, feeds, search page — whatever "
      "bantin's plugin generates at the time of the run (see \"HTML pages\" above);")
    w("- its search index (the plain build has none: bantin's configuration turns Material's search off; "
      "the third build, plain with Material's search plugin, is the like-for-like baseline for this part);")
    w("- links in every citation, the official header and signature block, and the related-documents panel on "
      "every directive page (its own templates instead of Material's page template).\n")
    w("So \"hooks overhead\" here is everything bantin does beyond rendering the same directives with plain "
      "MkDocs; \"CPU time per HTML page\" shows how much of it is the extra pages.\n")
    c = scales[0].facts
    low, high = c["gzip_seed_pages"]
    w(f"Caveat: the synthetic text is the seeds' hundred-odd sentences recombined, so it has their vocabulary "
      f"({c['words_archive']:,} distinct words in the whole archive of {scales[0].n:,}; the four seeds alone "
      f"have {c['words_seeds']:,}) and repeats itself. A real archive has more distinct words (more search "
      f"terms, each with shorter postings) and compresses less when many directives share a file: the "
      f"generated Markdown gzips ×{c['gzip_archive']:.1f} as a whole, the four seeds together "
      f"×{c['gzip_seeds']:.1f}. Per-page figures are realistic: a generated directive gzips "
      f"×{c['gzip_page']:.1f} (median), a seed ×{low:.1f}–{high:.1f}.\n")
    w("Previews and cached publishing builds (save to preview, memory over rebuilds, warm against cold): "
      "[PREVIEW.md](PREVIEW.md), `make bench-preview`.\n")
    steps = Path(__file__).with_name("STEPS.md")
    if steps.is_file():  # hand-written: what each step of issue 15 gained, when it was made
        w("## What each step gained (issue 15)\n")
        w(steps.read_text(encoding="utf-8"))
    w("Phones at 5,000 (Lighthouse mobile on every page type, what downloads unasked): [PHONES.md](PHONES.md), "
      "`make bench-phones`.\n")
    return "\n".join(out) + "\n"

