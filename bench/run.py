#!/usr/bin/env python3
"""make bench: how a bantin build grows with the archive, against plain MkDocs.

    run.py [--n 1000 5000] [--repeat 2] [--seed 1] [--out bench/out] [--readme bench/README.md]

For each N, generate an archive (generate.py), then build it with bantin's
hooks and build its plain baseline (the same directive pages, same Markdown,
same theme, no hooks) in alternation, in this one run on this one machine, and
measure wall time, peak memory and what the site weighs. Then time the preview
rebuild after one directive changes, profile the hooks, and write the figures
into bench/README.md.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import gzip
import json
import math
import os
import platform
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from importlib import metadata
from pathlib import Path
from urllib.parse import unquote, urlsplit

import generate

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
GZIP_LEVEL = 6  # what web servers use by default (nginx gzip_comp_level is often set to it)
SAMPLE_REBUILDS = 5
TARGET_OVERHEAD = 0.10
TARGET_REBUILD = 2.0
LINEAR = 1.1  # a growth exponent up to this counts as linear (noise, fixed costs)


def _env() -> dict[str, str]:
    epoch = os.environ.get("SOURCE_DATE_EPOCH") or _git("log", "-1", "--format=%ct") or "1767225600"
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": epoch}


def _git(*args: str) -> str:
    proc = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
    return proc.stdout.strip() if proc.returncode == 0 else ""


def say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# -- one build ---------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    seconds: float  # wall clock
    cpu: float  # user + system: what the build costs, whatever else the machine runs meanwhile
    peak_rss: int  # bytes
    load: float  # the machine's 1-minute load average when the build ended


def timed_build(project: Path, site: Path, log: Path) -> Run:
    """``mkdocs build --strict`` in a fresh process: wall time and its peak RSS."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]
    with log.open("w", encoding="utf-8") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=project, stdout=out, stderr=subprocess.STDOUT, env=_env())
        _, status, usage = os.wait4(proc.pid, 0)  # the rusage of this child alone
        seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        tail = log.read_text(encoding="utf-8").splitlines()[-15:]
        raise SystemExit(f"mkdocs build failed in {project} (log: {log}):\n" + "\n".join(tail))
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024, os.getloadavg()[0])


# -- what a site weighs ------------------------------------------------------


def gz(data: bytes) -> int:
    return len(gzip.compress(data, GZIP_LEVEL, mtime=0))


@dataclass
class SiteStats:
    total_bytes: int
    files: int
    html_pages: int
    largest_page: tuple[int, str]
    directive_pages: int
    search_raw: int
    search_gzip: int


def site_stats(site: Path, directive_urls: list[str]) -> SiteStats:
    total = files = html = 0
    largest = (0, "")
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        size = path.stat().st_size
        total += size
        files += 1
        if path.suffix == ".html":
            html += 1
            largest = max(largest, (size, "/" + path.relative_to(site).as_posix()))
    search = [p for p in (site / "search").rglob("*") if p.is_file()]
    return SiteStats(
        total_bytes=total,
        files=files,
        html_pages=html,
        largest_page=largest,
        directive_pages=sum((site / u).is_file() for u in directive_urls),
        search_raw=sum(p.stat().st_size for p in search),
        search_gzip=sum(gz(p.read_bytes()) for p in search),
    )


_FONT_URL = re.compile(r"""@font-face\s*{[^}]*?url\(\s*["']?([^"')]+)["']?\s*\)""")


class _Assets(HTMLParser):
    """Stylesheets and scripts a page makes the browser fetch before it is usable."""

    def __init__(self) -> None:
        super().__init__()
        self.css: list[str] = []
        self.js: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "link" and "stylesheet" in (a.get("rel") or "").split() and a.get("href"):
            self.css.append(a["href"])
        elif tag == "script" and a.get("src"):
            self.js.append(a["src"])


def nav_bytes(site: Path, page: str) -> int:
    """Bytes of Material's primary navigation on a page: constant unless the nav lists directives."""
    html = (site / page).read_text(encoding="utf-8")
    start = html.find('<nav class="md-nav md-nav--primary"')
    if start < 0:
        return 0
    depth, pos = 0, start
    for tag in re.finditer(r"<(/?)nav\b", html[start:]):
        depth += -1 if tag[1] else 1
        if depth == 0:
            pos = start + tag.end()
            break
    return len(html[start:pos].encode("utf-8"))


@dataclass
class FirstView:
    html: int
    css: int
    js: int
    fonts: int = 0  # woff2 the CSS declares, as sent (already compressed): at most what the page loads
    external: list[str] = field(default_factory=list)
    assets: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.html + self.css + self.js


def first_view(site: Path, page: str) -> FirstView:
    """Gzipped bytes of a page's HTML and of the CSS and JS it references."""
    path = site / page
    data = path.read_bytes()
    parser = _Assets()
    parser.feed(data.decode("utf-8"))
    view = FirstView(html=gz(data), css=0, js=0)
    for kind, refs in (("css", parser.css), ("js", parser.js)):
        for ref in dict.fromkeys(refs):
            parts = urlsplit(ref)
            if parts.scheme or parts.netloc:
                view.external.append(ref)
                continue
            asset = (path.parent / unquote(parts.path)).resolve()
            size = gz(asset.read_bytes())
            setattr(view, kind, getattr(view, kind) + size)
            view.assets.append(f"{asset.relative_to(site.resolve()).as_posix()} ({size:,} B)")
            if kind == "css":
                for font in dict.fromkeys(_FONT_URL.findall(asset.read_text(encoding="utf-8"))):
                    font_path = (asset.parent / unquote(font)).resolve()
                    view.fonts += font_path.stat().st_size
                    view.assets.append(f"{font_path.relative_to(site.resolve()).as_posix()} "
                                       f"({font_path.stat().st_size:,} B, font)")
    return view


def directive_urls(project: Path) -> list[str]:
    content = project / "content" / "directives"
    return sorted(f"van-ban/{p.parent.name}/{p.stem}/index.html" for p in content.glob("*/*.md"))


def search_budget(site: Path) -> list[dict] | str:
    """bench/search_budget.py (another engineer's): what a phone fetches for a search, per query."""
    script = BENCH / "search_budget.py"
    if not script.exists():
        return "not yet available"
    proc = subprocess.run([sys.executable, str(script), str(site), "--json"], cwd=ROOT, capture_output=True,
                          text=True, env=_env(), timeout=1800)
    try:  # exit status 1 only says a query is over its budget; the figures are still there
        return json.loads(proc.stdout)
    except json.JSONDecodeError:
        return f"search_budget.py failed ({proc.returncode}): {(proc.stderr or proc.stdout).strip()[-2000:]}"


def run_lighthouse(site: Path, out: Path) -> str:
    """bench/lighthouse.py (another engineer's) on the sample site its pages are chosen for."""
    script = BENCH / "lighthouse.py"
    if not script.exists():
        return "not yet available"
    args, skipped = [sys.executable, str(script), str(site), "--out", str(out)], []
    try:  # only the pages this build has (a page type may not be committed yet)
        import lighthouse

        pages = dict(lighthouse.PAGES)
        skipped = [f"{name} ({url})" for name, url in pages.items() if not (site / url.strip("/") / "index.html").is_file()]
        args += ["--pages", *(name for name, url in pages.items() if (site / url.strip("/") / "index.html").is_file())]
    except (ImportError, AttributeError):
        pass
    try:
        proc = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, env=_env(), timeout=900)
    except subprocess.TimeoutExpired:
        return "lighthouse.py did not finish in 15 minutes"
    note = f"\n(not in this build, so not measured: {', '.join(skipped)})" if skipped else ""
    if proc.returncode == 0:
        return proc.stdout.strip()[-4000:] + note
    error = "\n".join(proc.stderr.strip().splitlines()[-6:])
    return f"{proc.stdout.strip()[-3000:]}\n[lighthouse.py stopped with exit status {proc.returncode}:]\n{error}{note}"


# -- preview rebuild and profile (each in a child process of its own) ---------


def rebuild_child(project: Path, rebuilds: int) -> dict:
    """What ``mkdocs serve`` does after a file changes: load the config again and build."""
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    site_dir = tempfile.mkdtemp(prefix="mkdocs_")
    serve_url = "http://127.0.0.1:8000/"

    def get_config():
        config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=site_dir)
        config.site_url = serve_url
        return config

    def timed(config) -> tuple[float, float]:
        wall, cpu = time.perf_counter(), time.process_time()
        build(config, serve_url=serve_url, dirty=False)
        return time.perf_counter() - wall, time.process_time() - cpu

    config = get_config()
    config.plugins.on_startup(command="serve", dirty=False)
    first = timed(config)
    target = sorted((project / "content" / "directives").rglob("*.md"))[0]
    original = target.read_text(encoding="utf-8")
    times = []
    try:
        for i in range(rebuilds):
            target.write_text(original + f"\nĐoạn sửa thử lần {i + 1}.\n", encoding="utf-8")
            times.append(timed(get_config()))
    finally:
        target.write_text(original, encoding="utf-8")
        config.plugins.on_shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)
    return {"first": first, "rebuilds": times, "changed": target.relative_to(project).as_posix()}


def profile_child(project: Path, stats_file: Path) -> dict:
    """One in-process build under cProfile; the costs that are bantin's own."""
    import logging

    import bantin
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    site_dir = tempfile.mkdtemp(prefix="mkdocs_")
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=site_dir, strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    profiler = cProfile.Profile()
    profiler.enable()
    build(config)
    profiler.disable()
    config.plugins.on_shutdown()
    shutil.rmtree(site_dir, ignore_errors=True)
    profiler.dump_stats(stats_file)

    stats = pstats.Stats(profiler)
    total = sum(tt for _, _, tt, _, _ in stats.stats.values())
    ours = (str(project / "hooks"), str(Path(bantin.__file__).parent))
    rows = []
    for (file, line, name), (_, calls, tt, ct, _) in stats.stats.items():
        if file.startswith(ours):
            where = file
            for prefix in ours:
                if file.startswith(prefix):
                    where = Path(prefix).name + file[len(prefix):]
            rows.append({"function": f"{where}:{line}({name})", "calls": calls, "own": tt, "cumulative": ct})
    overall = sorted(
        ({"function": f"{Path(file).name}:{line}({name})", "calls": calls, "own": tt, "cumulative": ct}
         for (file, line, name), (_, calls, tt, ct, _) in stats.stats.items()),
        key=lambda r: -r["own"],
    )[:12]
    rows.sort(key=lambda r: -r["cumulative"])
    return {"total": total, "ours": rows[:25], "overall_own": overall}


def phases_child(project: Path, archive: Path) -> dict:
    """One in-process build of ``project``, its CPU time split by phase: each
    hook handler, and each page's Markdown and template rendering, by the kind
    of page (a directive of the bantin project ``archive``, or another page)."""
    import functools
    import logging
    from collections import defaultdict

    import mkdocs.commands.build as mkbuild
    import mkdocs.plugins as mkplugins
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    spent: dict[str, float] = defaultdict(float)
    pages: dict[str, int] = defaultdict(int)
    directives = {u.removesuffix("index.html") for u in directive_urls(archive)}

    def kind(page) -> str:
        return "directive pages" if page.url in directives else "other pages"

    def clocked(label, func):
        @functools.wraps(func)
        def run(*args, **kwargs):
            start = time.process_time()
            try:
                return func(*args, **kwargs)
            finally:
                spent[label(*args)] += time.process_time() - start
        return run

    register = mkplugins.PluginCollection._register_event

    def register_clocked(self, event_name, method, plugin_name=None):
        where = getattr(method, "__module__", "") or "?"
        label = f"hook {Path(where).stem}: on_{event_name}"
        return register(self, event_name, clocked(lambda *a: label, method), plugin_name)

    mkplugins.PluginCollection._register_event = register_clocked
    populate, render = mkbuild._populate_page, mkbuild._build_page
    mkbuild._populate_page = clocked(lambda page, *a: f"{kind(page)}: Markdown", populate)
    mkbuild._build_page = clocked(lambda page, *a: f"{kind(page)}: template and write", render)
    site_dir = tempfile.mkdtemp(prefix="mkdocs_")
    try:
        config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=site_dir, strict=True)
        config.plugins.on_startup(command="build", dirty=False)
        original_run_event = config.plugins.run_event

        def count_pages(name, item=None, **kwargs):
            if name == "page_markdown":
                pages[kind(kwargs["page"])] += 1
            return original_run_event(name, item, **kwargs)

        config.plugins.run_event = count_pages
        start = time.process_time()
        mkbuild.build(config)
        total = time.process_time() - start
        config.plugins.on_shutdown()
    finally:
        shutil.rmtree(site_dir, ignore_errors=True)
        mkbuild._populate_page, mkbuild._build_page = populate, render
        mkplugins.PluginCollection._register_event = register
    # The page lines already hold the handlers MkDocs calls while rendering a page.
    pages_total = sum(v for k, v in spent.items() if not k.startswith("hook "))
    outside = sum(v for k, v in spent.items() if _outside_pages(k))
    return {"total": total, "spent": dict(spent), "pages": dict(pages), "rest": total - pages_total - outside}


# Events MkDocs fires inside _populate_page and _build_page.
_PAGE_EVENTS = ("pre_page", "page_read_source", "page_markdown", "page_content", "page_context", "post_page")


def _outside_pages(key: str) -> bool:
    """Whether a ``phases_child`` key ("hook bantin_site: on_pre_build") is a
    hook handler MkDocs calls outside page rendering."""
    return key.startswith("hook ") and key.rsplit("on_", 1)[-1] not in _PAGE_EVENTS


def _fastest(runs: list[dict]) -> dict:
    """Each phase's least CPU time over several ``phases_child`` runs: noise
    from a shared machine only ever adds time."""
    spent = {key: min(r["spent"].get(key, 0.0) for r in runs) for key in runs[0]["spent"]}
    return {**runs[0], "spent": spent, "total": min(r["total"] for r in runs), "rest": min(r["rest"] for r in runs)}


def in_child(mode: str, *args: str) -> dict:
    proc = subprocess.run([sys.executable, __file__, mode, *args], capture_output=True, text=True, env=_env())
    if proc.returncode != 0:
        raise SystemExit(f"{mode} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# -- the whole benchmark -----------------------------------------------------


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


def archive_facts(archive: generate.Archive, project: Path) -> dict:
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
    seeds = [p.read_bytes() for p in sorted(generate.SEEDS.glob("*.txt"))]
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


def measure_scale(n: int, seed: int, repeat: int, out: Path) -> Scale:
    where = out / f"n{n}"
    where.mkdir(parents=True, exist_ok=True)
    say(f"N={n}: generating the archive")
    archive = generate.generate(n, seed)
    project = generate.write_project(archive, where / "bantin")
    plain = where / "plain"
    generate.write_plain(project, plain)
    material = where / "material"
    generate.write_material(plain, material)
    scale = Scale(n, archive_facts(archive, project))
    urls = directive_urls(project)
    kinds = [("plain", plain), ("material", material), ("bantin", project)]
    for i in range(repeat):
        # Rotate which goes first, so none always meets a warm or a cold cache.
        order = kinds[i % 3:] + kinds[:i % 3]
        for name, proj in order:
            site = where / f"site-{name}"
            run = timed_build(proj, site, where / f"build-{name}-{i + 1}.log")
            getattr(scale, name).append(run)
            say(f"N={n}: {name} build {i + 1}/{repeat}: {run.seconds:.1f} s ({run.cpu:.1f} s CPU), "
                f"{run.peak_rss / 2**20:.0f} MiB")
    scale.plain_site = site_stats(where / "site-plain", urls)
    scale.bantin_site = site_stats(where / "site-bantin", urls)
    sizes = sorted(((where / "site-bantin" / u).stat().st_size, u) for u in urls)
    scale.page, scale.page_largest = sizes[len(sizes) // 2][1], sizes[-1][1]
    for site_name in ("bantin", "plain"):
        for label, page in (("median", scale.page), ("largest", scale.page_largest)):
            scale.views[f"{site_name}-{label}"] = first_view(where / f"site-{site_name}", page)
        scale.nav[site_name] = nav_bytes(where / f"site-{site_name}", scale.page)
    runs: dict[str, list[dict]] = {"plain": [], "bantin": []}
    for i in range(repeat):
        for name, proj in (("plain", plain), ("bantin", project)):
            say(f"N={n}: {name}: where the time goes {i + 1}/{repeat}")
            runs[name].append(in_child("_phases", str(proj), str(project)))
    scale.phases = {name: _fastest(r) for name, r in runs.items()}
    say(f"N={n}: search budget")
    scale.search = search_budget(where / "site-bantin")
    return scale


def sample_project(out: Path) -> Path:
    """A copy of the repository's own site (its sample content) to rebuild."""
    return generate.copy_parts(out / "sample", (*generate.PROJECT_PARTS, "content"))


def machine() -> dict:
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    meminfo = Path("/proc/meminfo").read_text() if Path("/proc/meminfo").exists() else ""
    model = next((line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if line.startswith("model name")), "?")
    mem_kb = next((int(line.split()[1]) for line in meminfo.splitlines() if line.startswith("MemTotal")), 0)
    commit = _git("rev-parse", "--short", "HEAD")
    dirty = bool(_git("--no-optional-locks", "status", "--porcelain", "--untracked-files=no"))
    return {
        "cpus": os.cpu_count(),
        "cpu": model,
        "ram": f"{mem_kb / 2**20:.1f} GiB",
        "os": platform.platform(),
        "python": platform.python_version(),
        "mkdocs": metadata.version("mkdocs"),
        "material": metadata.version("mkdocs-material"),
        "commit": commit + (" (with uncommitted changes in the tree)" if dirty else ""),
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    }


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "_rebuild":
        print(json.dumps(rebuild_child(Path(argv[1]), int(argv[2]))))
        return 0
    if argv and argv[0] == "_phases":
        print(json.dumps(phases_child(Path(argv[1]), Path(argv[2]))))
        return 0
    if argv and argv[0] == "_profile":
        print(json.dumps(profile_child(Path(argv[1]), Path(argv[2]))))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, nargs="+", default=[1000, 5000], help="archive sizes (directives)")
    parser.add_argument("--repeat", type=int, default=3, help="builds of each kind per size (median taken)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=BENCH / "out", help="work folder (replaced parts)")
    parser.add_argument("--readme", type=Path, default=BENCH / "README.md")
    parser.add_argument("--no-profile", action="store_true")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    args.out.mkdir(parents=True, exist_ok=True)

    say("sample site: preview rebuilds after one directive changes")
    sample = in_child("_rebuild", str(sample_project(args.out)), str(SAMPLE_REBUILDS))
    scales = [measure_scale(n, args.seed, args.repeat, args.out) for n in sorted(args.n)]
    smallest = args.out / f"n{scales[0].n}" / "bantin"
    say(f"N={scales[0].n}: one preview rebuild")
    archive_rebuild = in_child("_rebuild", str(smallest), "1")
    profile = None
    if not args.no_profile:
        say(f"N={scales[0].n}: profiling a build")
        profile = in_child("_profile", str(smallest), str(args.out / f"profile-{scales[0].n}.pstats"))
    say("Lighthouse on the sample site")
    sample_site = args.out / "sample-site"
    timed_build(args.out / "sample", sample_site, args.out / "build-sample.log")
    lighthouse_text = run_lighthouse(sample_site, args.out / "lighthouse")
    command = "make bench" + (f' N="{" ".join(map(str, args.n))}"' if sorted(args.n) != [1000, 5000] else "")
    command += f"  (bench/run.py --n {' '.join(map(str, args.n))} --repeat {args.repeat} --seed {args.seed})"
    elapsed = time.perf_counter() - started
    results = Results(scales, sample, archive_rebuild, profile, lighthouse_text, machine(), command, elapsed)
    args.readme.write_text(readme(results), encoding="utf-8")
    say(f"wrote {args.readme} after {elapsed / 60:.1f} min")
    return 0


# -- the report --------------------------------------------------------------


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
           "More builds of each kind, each in a process of its own, with every hook handler and every page's "
           "Markdown and template rendering timed (CPU s, the least of the runs for each line, since a shared "
           "machine only ever adds time; the clocks add a little). Page lines include the hook "
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
        if _outside_pages(key):
            line(key.removeprefix("hook "), 0.0, value)
    line("the rest of MkDocs (config, files, nav, theme files)", plain["rest"], bantin["rest"])
    line("**whole build**", plain["total"], bantin["total"])
    inside = [(k, v) for k, v in hooks if not _outside_pages(k)]
    if inside:
        out.append("\nHook handlers inside page rendering (already in the page lines): "
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
      "The nav names a handful of pages and leaves directive pages out (`validation.omitted_files: ignore`), so "
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
      "the hooks in `mkdocs.yml` generate at the time of the run (see \"HTML pages\" above);")
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
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    sys.exit(main())
