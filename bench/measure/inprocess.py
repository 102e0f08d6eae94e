"""In-process builds, each run in a child process of its own (``run.py _rebuild``,
``run.py _profile``): preview rebuilds and a profile of bantin's code."""

from __future__ import annotations

import cProfile
import gc
import pstats
import shutil
import tempfile
import time
import types
from pathlib import Path


def rebuild_child(project: Path, rebuilds: int) -> dict:
    """What ``make serve`` (``mkdocs serve --dirty``) does after a file changes: load the config again and build."""
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
        build(config, serve_url=serve_url, dirty=True)
        return time.perf_counter() - wall, time.process_time() - cpu

    config = get_config()
    config.plugins.on_startup(command="serve", dirty=True)
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
    qualnames = _qualnames(ours)
    rows = []
    for (file, line, name), (_, calls, tt, ct, _) in stats.stats.items():
        if file.startswith(ours):
            where = file
            for prefix in ours:
                if file.startswith(prefix):
                    where = Path(prefix).name + file[len(prefix):]
            name = qualnames.get((file, line, name), name)
            rows.append({"function": f"{where}:{line}({name})", "calls": calls, "own": tt, "cumulative": ct})
    overall = sorted(
        ({"function": f"{Path(file).name}:{line}({name})", "calls": calls, "own": tt, "cumulative": ct}
         for (file, line, name), (_, calls, tt, ct, _) in stats.stats.items()),
        key=lambda r: -r["own"],
    )[:12]
    rows.sort(key=lambda r: -r["cumulative"])
    return {"total": total, "ours": rows[:25], "overall_own": overall}


def _qualnames(prefixes: tuple[str, ...]) -> dict[tuple[str, int, str], str]:
    """cProfile names a function by its bare name: ``on_post_build`` could be any
    handler. Functions still alive under ``prefixes`` by their qualified name
    (``BantinPlugin.on_post_build``), keyed as cProfile keys its figures."""
    names = {}
    for obj in gc.get_objects():
        if isinstance(obj, types.FunctionType) and obj.__code__.co_filename.startswith(prefixes):
            code = obj.__code__
            names[(code.co_filename, code.co_firstlineno, code.co_name)] = code.co_qualname
    return names
