"""A preview rebuilds only what an edit changes, and ends where a clean build does.

``mkdocs serve --dirty`` (``make serve``) keeps one ``BantinPlugin`` across
rebuilds with its record memo and page cache (``bantin.mkdocs.cache``), and
skips the pages whose inputs did not change. These tests drive that loop in a
process of its own, as ``mkdocs serve`` does (the configuration loaded anew
for each rebuild), through a sequence of edits, and compare every file of the
resulting site with a clean ``mkdocs build`` of the final content.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import run_build

EPOCH = "1767225600"

# One rebuild per edit, in a process of its own: what `mkdocs serve --dirty` does.
_PREVIEW = r"""
import json, logging, sys, time
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

project, site, steps = Path(sys.argv[1]), sys.argv[2], json.loads(sys.argv[3])
logging.getLogger("mkdocs").setLevel(logging.ERROR)

def config():
    return load_config(config_file=str(project / "mkdocs.yml"), site_dir=site)

first = config()
first.plugins.on_startup(command="serve", dirty=True)
build(first, dirty=True)
rendered = []
for step in steps:
    for rel, text in step.items():
        path = project / rel
        if text is None:
            path.unlink()
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    current = config()
    build(current, dirty=True)
    plugin = next(p for p in current.plugins.values() if hasattr(p, "_plugin"))._plugin  # the hook module's
    rendered.append(sorted(plugin.pages.new_uris))
first.plugins.on_shutdown()
print(json.dumps(rendered))
"""


def _preview(project: Path, site: Path, steps: list[dict[str, str | None]]) -> list[list[str]]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH, "BANTIN_CACHE": "0"}
    proc = subprocess.run([sys.executable, "-c", _PREVIEW, str(project), str(site), json.dumps(steps)],
                          cwd=project, capture_output=True, text=True, env=env, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _differences(a: Path, b: Path) -> list[str]:
    left, right = _files(a), _files(b)
    return sorted(set(left) ^ set(right)) + sorted(k for k in set(left) & set(right) if left[k] != right[k])


def _edits(project: Path) -> list[dict[str, str | None]]:
    kh = "content/directives/2024/02-kh-btgduk.md"
    cv = "content/directives/2024/229-cv-btghu.md"
    kh_text = (project / kh).read_text(encoding="utf-8")
    cv_text = (project / cv).read_text(encoding="utf-8")
    slogans = next((project / "content/slogans").glob("*.yml")).relative_to(project).as_posix()
    slogan_text = (project / slogans).read_text(encoding="utf-8")
    new = "content/directives/2024/231-cv-btghu.md"
    new_text = (cv_text.replace("number: 229-CV/BTGHU", "number: 231-CV/BTGHU")
                .replace("date: 2024-12-24", "date: 2024-12-27")
                .replace("title: đẩy mạnh tuyên truyền", "title: tiếp tục tuyên truyền"))
    return [
        {cv: (cv_cited := cv_text + "\nĐề nghị các chi bộ thực hiện theo Kế hoạch số 02-KH/BTGDĐUK.\n")},  # a new citation
        {kh: (kh_titled := kh_text.replace("\ntitle: ", "\ntitle: (sửa) ", 1))},  # a title: listings, bulletins, home
        # Lines above every citation, and what the text says of a cited document (``relink``):
        {kh: kh_titled.replace("\n---\n\n", "\n---\n\nMột đoạn mở đầu.\n\n", 1)},
        {cv: cv_cited.replace("Huyện ủy về Tuyên truyền tổng kết", "Huyện ủy về Tuyên truyền sơ kết", 1)},
        {new: new_text},  # a new directive
        {slogans: slogan_text.replace("muôn năm!", "muôn năm muôn năm!", 1)},  # a slogan set
        {new: None},  # a deleted directive
    ]


def test_a_preview_through_a_sequence_of_edits_ends_byte_identical_to_a_clean_build(project: Path) -> None:
    preview = project / "preview-site"
    _preview(project, preview, _edits(project))
    clean = run_build(project)
    assert clean.returncode == 0, clean.output
    assert _differences(preview, clean.site) == []


def test_edits_that_keep_every_number_and_date_end_byte_identical_to_a_clean_build(project: Path) -> None:
    # The graph and the page specs are then taken from the last build (``relink``, ``pages.reuse``).
    kh = "content/directives/2024/02-kh-btgduk.md"
    cv = "content/directives/2024/229-cv-btghu.md"
    kh_text = (project / kh).read_text(encoding="utf-8")
    cv_text = (project / cv).read_text(encoding="utf-8")
    preview = project / "preview-site"
    _preview(project, preview, [
        {kh: kh_text.replace("\n---\n\n", "\n---\n\nMột đoạn mở đầu.\n\n", 1)},
        {cv: cv_text.replace("Huyện ủy về Tuyên truyền tổng kết", "Huyện ủy về Tuyên truyền sơ kết", 1)},
    ])
    clean = run_build(project)
    assert clean.returncode == 0, clean.output
    assert _differences(preview, clean.site) == []


def _plan(number: int) -> str:
    return (f"---\nnumber: {number}-KH/CB\nkind: Kế hoạch\ntitle: học tập nghị quyết, đợt {number}\n"
            f"issuer: Chi bộ Khu dân cư số {number}\ndate: 2024-03-{number % 28 + 1:02d}\n---\n\n"
            "Thực hiện Nghị quyết số 18-NQ/TW, ngày 25/10/2017 của Ban Chấp hành Trung ương Đảng khóa XII.\n")


def test_a_preview_keeps_the_second_page_of_a_cited_document_out_of_search(project: Path) -> None:
    # 18-NQ/TW cited by more than a page of directives (LISTING_PAGE_SIZE): its page 2 is not searched,
    # also when a rebuild skips that page and takes its search entry from the cache.
    for n in range(1, 101):
        (project / f"content/directives/2024/{n}-kh-cb.md").write_text(_plan(n), encoding="utf-8")
    cv = "content/directives/2024/229-cv-btghu.md"
    preview = project / "preview-site"
    _preview(project, preview, [{cv: (project / cv).read_text(encoding="utf-8") + "\nMột câu thêm vào.\n"}])
    clean = run_build(project)
    assert clean.returncode == 0, clean.output
    assert (clean.site / "dan-chieu/18-nq-tw-2017/trang-2/index.html").is_file()
    assert _differences(preview, clean.site) == []


def test_a_body_edit_renders_the_directive_and_the_pages_that_show_it_not_the_others(project: Path) -> None:
    cv = "content/directives/2024/229-cv-btghu.md"
    text = (project / cv).read_text(encoding="utf-8")
    rendered = _preview(project, project / "preview-site", [{cv: text + "\nMột câu thêm vào.\n"}])
    assert rendered == [[
        "ban-tin/2024-12/ban-in/index.md",  # the print page embeds the text
        "ban-tin/2024-12/index.md",  # the screen page shows its summary (deadlines come from the text)
        "van-ban/2024/229-cv-btghu.md",
    ]]


def test_a_rebuild_with_nothing_changed_renders_no_page(project: Path) -> None:
    assert _preview(project, project / "preview-site", [{}]) == [[]]


def test_a_deleted_directive_leaves_no_page_behind_in_the_preview(project: Path) -> None:
    cv = "content/directives/2024/229-cv-btghu.md"
    text = (project / cv).read_text(encoding="utf-8")
    extra = "content/directives/2024/231-cv-btghu.md"
    steps = [{extra: text.replace("229-CV/BTGHU", "231-CV/BTGHU")}, {extra: None}]
    _preview(project, project / "preview-site", steps)
    assert not (project / "preview-site" / "van-ban" / "2024" / "231-cv-btghu").exists()


# Two publishing builds, each in a process of its own as `make build` runs
# them: how many pages the second converts from Markdown.
_CONVERTED = r"""
import logging, sys
from pathlib import Path
import markdown
from mkdocs.commands.build import build
from mkdocs.config import load_config

logging.getLogger("mkdocs").setLevel(logging.ERROR)
config = load_config(config_file=str(Path(sys.argv[1]) / "mkdocs.yml"), site_dir=sys.argv[2])
config.plugins.on_startup(command="build", dirty=False)
made = []
init = markdown.Markdown.__init__
markdown.Markdown.__init__ = lambda self, *a, **k: made.append(1) or init(self, *a, **k)
build(config)
print(len(made))
"""


def test_a_publishing_build_converts_no_markdown_for_a_page_the_cache_has(project: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH}
    counts = [subprocess.run([sys.executable, "-c", _CONVERTED, str(project), str(project / "site")], cwd=project,
                             capture_output=True, text=True, env=env, timeout=600, check=True).stdout.split()[-1]
              for _ in range(2)]
    # The first converts every page; the second only those of docs/ (always
    # built) and the navigation's own, whose titles MkDocs reads first.
    assert (int(counts[0]), int(counts[1])) == (49, 14)


def test_a_publishing_build_after_one_edit_uses_the_cache_and_equals_a_build_without_it(
        project: Path, tmp_path: Path, monkeypatch) -> None:
    first = run_build(project)  # fills .cache/bantin
    assert "bantin: 39 trang dựng mới, 0 trang lấy lại từ lần dựng trước" in first.output
    cv = project / "content/directives/2024/229-cv-btghu.md"
    cv.write_text(cv.read_text(encoding="utf-8") + "\nMột câu thêm vào.\n", encoding="utf-8")
    cached = run_build(project)  # another process: the cache on disk
    assert "bantin: 3 trang dựng mới, 36 trang lấy lại từ lần dựng trước" in cached.output
    kept = tmp_path / "cached-site"
    cached.site.rename(kept)
    monkeypatch.setenv("BANTIN_CACHE", "0")
    fresh = run_build(project)
    assert fresh.returncode == 0, fresh.output
    assert _differences(kept, fresh.site) == []
