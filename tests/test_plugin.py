"""The two doors to one BantinPlugin: this repository's hook and the
``bantin`` entry point a site names in ``plugins:`` build the same site."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import run_build


def test_plugins_bantin_builds_the_same_site_as_the_hook(built_site: Path, project: Path) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text, hooks = re.subn(r"(?m)^hooks:\n  - hooks/bantin_hooks\.py.*\n", "", text)
    text, plugins = re.subn(r"(?m)^plugins: \[\].*$", "plugins: [bantin]", text)
    assert (hooks, plugins) == (1, 1)
    config.write_text(text, encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 0, result.output
    files = sorted(p.relative_to(built_site) for p in built_site.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(result.site) for p in result.site.rglob("*") if p.is_file())
    assert [str(p) for p in files if (built_site / p).read_bytes() != (result.site / p).read_bytes()] == []


def test_the_hook_module_only_hands_events_to_one_plugin() -> None:
    source = (Path(__file__).resolve().parent.parent / "hooks" / "bantin_hooks.py").read_text(encoding="utf-8")
    code = [line for line in source.split('"""', 2)[2].splitlines() if line.strip()]
    assert code[:3] == ["from bantin.mkdocs.plugin import BantinPlugin", "_plugin = BantinPlugin()", "_plugin.load_config({})"]
    assert all(re.fullmatch(r"on_(\w+) = _plugin\.on_\1", line) for line in code[3:]), code[3:]
