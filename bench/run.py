#!/usr/bin/env python3
"""make bench: how a bantin build grows with the archive, against plain MkDocs.

    run.py [--n 1000 5000] [--repeat 2] [--seed 1] [--out bench/out] [--readme bench/README.md]

For each N, generate an archive (generate.py), then build it with bantin's
hooks and build its plain baseline (the same directive pages, same Markdown,
same theme, no hooks) in alternation, in this one run on this one machine, and
measure wall time, peak memory and what the site weighs. Then time the preview
rebuild after one directive changes, profile bantin's plugin, and write the
figures into bench/README.md.

The archive comes from generate.py (its pieces in synthetic/), the measuring
from measure/ (builds, what a site weighs, phases, profile), the README from
report.py.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sys
import time
from importlib import metadata
from pathlib import Path

import generate

from measure.build import BENCH, git, in_child, run_lighthouse, say, search_budget, timed_build
from measure.inprocess import profile_child, rebuild_child
from measure.phases import fastest, phases_child
from measure.scale import Scale, archive_facts
from measure.site import directive_urls, first_view, nav_bytes, site_stats
from report import Results, readme

SAMPLE_REBUILDS = 5


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
    scale.phases = {name: fastest(r) for name, r in runs.items()}
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
    commit = git("rev-parse", "--short", "HEAD")
    dirty = bool(git("--no-optional-locks", "status", "--porcelain", "--untracked-files=no"))
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


if __name__ == "__main__":
    sys.exit(main())
