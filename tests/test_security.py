"""Every built page carries a policy that forbids other origins."""

from __future__ import annotations

import re
from pathlib import Path

from bantin.csp import inline_script_hashes, policy


def test_every_html_page_carries_a_policy_allowing_only_its_own_origin(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 10
    for path in pages:
        html = path.read_text(encoding="utf-8")
        found = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
        assert found == [policy(html.replace(f'<meta http-equiv="Content-Security-Policy" content="{found[0]}">', ""))], path
        sources = " ".join(found[0].split("; "))
        assert "http" not in sources and "*" not in sources and "'unsafe-eval'" not in sources, path
        assert "script-src 'self' 'sha256-" in found[0] and "'unsafe-inline'" not in found[0].split("script-src")[1].split(";")[0]


def test_inline_scripts_are_hashed_but_json_data_blocks_are_not() -> None:
    html = ('<script>var a=1;</script><script type="application/json">{"b": 2}</script>'
            '<script src="x.js"></script><script>var a=1;</script>')
    assert inline_script_hashes(html) == ["'sha256-gaaMFNHZyRta8zB2VHkWLMP4tMxJ+d8v3dTW7nw2r6M='"]
