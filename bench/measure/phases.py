"""Where a build's CPU time goes (``run.py _phases``): each plugin or hook
handler, and each page's Markdown and template rendering."""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from measure.site import directive_urls


def handler_name(method, event: str) -> str:
    """How a phase names an event handler: ``BantinPlugin.on_post_build`` for a
    plugin's method (the hooks of this repository hand MkDocs the methods of
    one BantinPlugin), ``module.on_files`` for a hook module's own function."""
    name = getattr(method, "__qualname__", "") or "?"
    if "." not in name:
        name = f"{(getattr(method, '__module__', '') or '?').rsplit('.', 1)[-1]}.{name}"
    return name if name.endswith(f"on_{event}") else f"{name} on_{event}"


def phases_child(project: Path, archive: Path) -> dict:
    """One in-process build of ``project``, its CPU time split by phase: each
    event handler, and each page's Markdown and template rendering, by the kind
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
        label = f"hook {handler_name(method, event_name)}"
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
    outside = sum(v for k, v in spent.items() if outside_pages(k))
    return {"total": total, "spent": dict(spent), "pages": dict(pages), "rest": total - pages_total - outside}


# Events MkDocs fires inside _populate_page and _build_page.
_PAGE_EVENTS = ("pre_page", "page_read_source", "page_markdown", "page_content", "page_context", "post_page")


def outside_pages(key: str) -> bool:
    """Whether a ``phases_child`` key ("hook bantin_site: on_pre_build") is a
    hook handler MkDocs calls outside page rendering."""
    return key.startswith("hook ") and key.rsplit("on_", 1)[-1] not in _PAGE_EVENTS


def fastest(runs: list[dict]) -> dict:
    """Each phase's least CPU time over several ``phases_child`` runs: noise
    from a shared machine only ever adds time."""
    spent = {key: min(r["spent"].get(key, 0.0) for r in runs) for key in runs[0]["spent"]}
    return {**runs[0], "spent": spent, "total": min(r["total"] for r in runs), "rest": min(r["rest"] for r in runs)}

