"""Publishing is atomic: the site folder is a link switched by one rename, so
a kill at any moment leaves a complete site, old or new; builds in one folder
take turns; an unwritable folder or a full disk is one Vietnamese line, and
the published site stays as it was."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest

from conftest import ROOT, copy_project
from test_publishing import tree

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1767225600"}
SCRIPT = ROOT / "src/bantin/publish.py"


def publisher(*args: str, cwd: Path, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "bantin.publish", *args], cwd=cwd, env=ENV,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, **kwargs)


def publish(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    proc = publisher(*args, cwd=cwd)
    out, err = proc.communicate(timeout=300)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def kill_after(proc: subprocess.Popen, seconds: float) -> None:
    """SIGKILL the publisher and its build at once, as a power cut would."""
    time.sleep(seconds)
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.communicate()


def leftovers(releases: Path) -> list[str]:
    return sorted(p.name for p in releases.iterdir() if p.name.endswith(".partial"))


@pytest.fixture(scope="module")
def two_sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Two different complete sites (the second has one more file)."""
    project = copy_project(tmp_path_factory.mktemp("sites"))
    done = publish("build", "--site", "a", cwd=project)
    assert done.returncode == 0, done.stderr
    b = project / "b"
    shutil.copytree(project / "a", b)
    (b / "phien-ban.txt").write_text("b\n", encoding="utf-8")
    return project / "a", b


def test_make_build_publishes_a_link_to_a_complete_release(project: Path) -> None:
    shutil.copy2(ROOT / "Makefile", project / "Makefile")
    bin_dir = Path(sys.executable).parent
    done = subprocess.run(["make", "--no-print-directory", "build", "STAMP=", f"BIN={bin_dir}"],
                          cwd=project, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    site = project / "site"
    assert site.is_symlink()
    release = os.readlink(site)
    assert release.startswith("site-releases/") and (site / "index.html").is_file()
    assert "Đã đăng bản " + release.removeprefix("site-releases/") + " ở site." in done.stderr


def test_a_build_killed_at_any_moment_leaves_the_old_or_the_new_site(project: Path) -> None:
    first = publish("build", cwd=project)
    assert first.returncode == 0, first.stderr
    old = tree(project / "site")
    path = project / "content/directives/2024/02-kh-btgduk.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nMột đoạn mới.\n", encoding="utf-8")
    assert publish("build", "--site", "reference", cwd=project).returncode == 0
    new = tree(project / "reference")
    seen = set()
    for delay in (0.0, 0.1, 0.2, 0.35, 0.5, 0.65, 0.8, 0.95, 1.1, 1.3, 1.6):
        kill_after(publisher("build", cwd=project), delay)
        now = tree(project / "site")
        assert now in (old, new), delay
        seen.add(now == old)
    finished = publish("build", cwd=project)
    assert finished.returncode == 0, finished.stderr
    assert leftovers(project / "site-releases") == []
    assert len([p for p in (project / "site-releases").iterdir() if p.is_dir()]) <= 3
    assert True in seen  # at least one kill came before the switch


def test_an_install_killed_at_any_moment_leaves_one_of_the_two_sites(two_sites: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = two_sites
    trees = (tree(a), tree(b))
    target = tmp_path / "srv" / "current"
    assert publish("install", str(a), "--site", str(target), cwd=tmp_path).returncode == 0
    for step in range(40):
        source = (a, b)[step % 2]
        kill_after(publisher("install", str(source), "--site", str(target), cwd=tmp_path), step * 0.004)
        assert tree(target) in trees, step * 0.004
    assert publish("install", str(a), "--site", str(target), cwd=tmp_path).returncode == 0
    assert leftovers(tmp_path / "srv" / "current-releases") == []


def test_readers_never_find_the_site_missing_while_releases_switch(two_sites: tuple[Path, Path], tmp_path: Path) -> None:
    from bantin.publish import Target, copy_of, publish as publish_in_process
    a, b = two_sites
    target = Target.at(tmp_path / "site")
    publish_in_process(target, copy_of(a), min_free_mb=0)
    stop = threading.Event()

    def switch_back_and_forth() -> None:
        for step in range(20):
            publish_in_process(target, copy_of((b, a)[step % 2]), min_free_mb=0)
        stop.set()

    switcher = threading.Thread(target=switch_back_and_forth)
    switcher.start()
    reads = missing = 0
    while not stop.is_set():
        for name in ("index.html", "van-ban/2024/02-kh-btgduk/index.html", "search/manifest.json"):
            reads += 1
            try:
                (tmp_path / "site" / name).read_bytes()
            except OSError:
                missing += 1
    switcher.join()
    assert reads > 100 and missing == 0


def test_two_builds_at_once_in_one_folder_take_turns(project: Path) -> None:
    first, second = publisher("build", cwd=project), publisher("build", cwd=project)
    outputs = [proc.communicate(timeout=300)[1] for proc in (first, second)]
    assert [first.returncode, second.returncode] == [0, 0], outputs
    assert sum("Đang chờ một lần dựng/đăng khác vào " in out for out in outputs) == 1
    expected = copy_project(project.parent / "reference")
    done = publish("build", "--site", "site", cwd=expected)
    assert done.returncode == 0
    assert tree(project / "site") == tree(expected / "site")
    assert len([p for p in (project / "site-releases").iterdir() if p.is_dir()]) == 2


def test_rollback_returns_to_the_previous_release(two_sites: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = two_sites
    for source in (a, b):
        assert publish("install", str(source), cwd=tmp_path).returncode == 0
    assert (tmp_path / "site/phien-ban.txt").is_file()
    back = publish("rollback", cwd=tmp_path)
    assert back.returncode == 0, back.stderr
    assert tree(tmp_path / "site") == tree(a)
    again = publish("rollback", cwd=tmp_path)
    assert again.returncode == 1
    assert again.stderr == f"lỗi: không còn bản nào trước bản đang đăng ở {tmp_path / 'site'} để quay lại\n"


def test_a_site_folder_from_before_releases_is_switched_in_one_step_and_kept(two_sites: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = two_sites
    shutil.copytree(a, tmp_path / "site")
    assert publish("install", str(b), cwd=tmp_path).returncode == 0
    assert (tmp_path / "site").is_symlink() and tree(tmp_path / "site") == tree(b)
    assert publish("rollback", cwd=tmp_path).returncode == 0
    assert tree(tmp_path / "site") == tree(a)


def test_a_file_where_the_site_should_be_is_refused(two_sites: tuple[Path, Path], tmp_path: Path) -> None:
    (tmp_path / "site").write_text("ghi chú\n", encoding="utf-8")
    done = publish("install", str(two_sites[0]), cwd=tmp_path)
    assert (done.returncode, done.stderr) == (1, f"lỗi: {tmp_path / 'site'} là một tệp, không phải thư mục trang: "
                                                 "hãy đổi tên hoặc xóa tệp đó\n")
    assert (tmp_path / "site").read_text(encoding="utf-8") == "ghi chú\n"


def test_too_little_free_space_is_refused_before_any_work(two_sites: tuple[Path, Path], tmp_path: Path) -> None:
    done = publish("install", str(two_sites[0]), "--min-free-mb", "100000000", cwd=tmp_path)
    assert done.returncode == 1
    free = shutil.disk_usage(tmp_path).free / 2**20
    said = done.stderr.removeprefix("lỗi: không đủ chỗ trống trên đĩa: còn ")
    assert abs(float(said.split(" MB")[0]) - free) < 50
    assert said.endswith(f" MB ở {tmp_path / 'site-releases'}, cần ít nhất 100000000 MB: hãy giải phóng chỗ trống "
                         "rồi chạy lại; trang đang đăng vẫn giữ nguyên\n")
    assert not (tmp_path / "site").exists()


def runnable_python(as_other) -> str:
    if as_other is None:
        return sys.executable
    for candidate in (os.path.realpath(sys.executable), "/usr/bin/python3", "/usr/local/bin/python3"):
        try:
            if subprocess.run([candidate, "-c", ""], preexec_fn=as_other, capture_output=True).returncode == 0:
                return candidate
        except OSError:  # nobody may not even reach it
            continue
    pytest.skip("cần một python3 mà người dùng nobody chạy được (gói Debian python3) cho kiểm thử này")


def test_an_unwritable_folder_is_one_vietnamese_line_and_the_site_stays(two_sites: tuple[Path, Path]) -> None:
    a, b = two_sites
    folder = Path(tempfile.mkdtemp(prefix="bantin-readonly-"))
    try:
        shutil.copytree(b, folder / "b")
        done = subprocess.run([sys.executable, "-m", "bantin.publish", "install", str(a), "--site", str(folder / "site")],
                              env=ENV, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        before = tree(folder / "site")
        os.chmod(folder, 0o555)
        # root writes anywhere: the publish runs as nobody then, as a user who does not own the folder
        # would, with a python3 nobody may run (the script needs only the standard library).
        as_other = (lambda: (os.setgid(65534), os.setuid(65534))) if os.geteuid() == 0 else None
        python = runnable_python(as_other)
        os.chmod(folder, 0o755) if as_other else None
        done = subprocess.run([python, str(SCRIPT), "install", str(folder / "b"), "--site", str(folder / "site")],
                              env=ENV, capture_output=True, text=True, timeout=60, preexec_fn=as_other)
        assert (done.returncode, done.stderr) == (1, f"lỗi: không có quyền ghi vào thư mục {folder}: hãy cấp quyền "
                                                     "ghi cho thư mục này hoặc chạy bằng người dùng sở hữu nó; "
                                                     "trang đang đăng vẫn giữ nguyên\n")
        assert tree(folder / "site") == before
    finally:
        os.chmod(folder, 0o755)
        shutil.rmtree(folder)


def test_a_disk_full_during_the_build_is_one_vietnamese_line_and_the_site_stays(project: Path, tmp_path: Path) -> None:
    """A 2 MB disk of its own (tmpfs in a user namespace): the build needs 4 MB."""
    if subprocess.run(["unshare", "-rm", "true"], capture_output=True).returncode != 0:
        pytest.skip("cần 'unshare -rm' (gói Debian util-linux, và nhân cho phép không gian tên người dùng) "
                    "để tạo một ổ đĩa nhỏ đầy cho kiểm thử này")
    disk = tmp_path / "disk"
    disk.mkdir()
    old = tmp_path / "old"
    old.mkdir()
    (old / "index.html").write_text("bản cũ\n", encoding="utf-8")
    py = sys.executable
    script = (f"mount -t tmpfs -o size=2m tmpfs {disk} && "
              f"{py} -m bantin.publish install {old} --site {disk}/site --min-free-mb 0 2>/dev/null && "
              f"{py} -m bantin.publish build --site {disk}/site --min-free-mb 0; echo rc=$?; "
              f"cat {disk}/site/index.html; ls -A {disk}/site-releases")
    done = subprocess.run(["unshare", "-rm", "sh", "-c", script], cwd=project, env=ENV,
                          capture_output=True, text=True, timeout=300)
    said = [line for line in done.stderr.splitlines() if not line.startswith("INFO")]
    assert len(said) == 1 and "Traceback" not in done.stderr, done.stderr
    assert said[0].startswith(f"lỗi: hết chỗ trống trên đĩa khi ghi {disk}/site-releases/")
    assert said[0].endswith(": hãy giải phóng chỗ trống rồi chạy lại; trang đang đăng vẫn giữ nguyên")
    rc, index, *rest = done.stdout.splitlines()
    assert (rc, index) == ("rc=1", "bản cũ")
    assert [name for name in rest if name.endswith(".partial")] == []


def test_publish_sh_over_ssh_installs_and_switches_on_the_server(two_sites: tuple[Path, Path], tmp_path: Path) -> None:
    """ssh and rsync stand in for the network: each runs here what it would run on the server."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "ssh").write_text('#!/bin/sh\n[ "$1" = may-chu ] || exit 255\nshift\nexec sh -c "$*"\n')
    (bin_dir / "rsync").write_text('#!/bin/sh\n# rsync -a --delete SRC/ host:DEST/\n'
                                   'dest=${4#*:}; rm -rf "$dest" && mkdir -p "$dest" && cp -a "$3". "$dest"\n')
    (bin_dir / "python3").symlink_to(sys.executable)
    for tool in ("ssh", "rsync"):
        (bin_dir / tool).chmod(0o755)
    server = tmp_path / "thư mục máy chủ"
    server.mkdir()
    env = {**ENV, "PATH": f"{bin_dir}:{os.environ['PATH']}", "BANTIN_SITE": str(two_sites[1]),
           "BANTIN_TARGET": f"may-chu:{server}"}
    done = subprocess.run([str(ROOT / "deploy/webserver/publish.sh")], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert os.readlink(server / "current").startswith("releases/")
    assert tree(server / "current") == tree(two_sites[1])
    assert done.stderr.startswith("Đã đăng bản ") and done.stderr.endswith(f" ở {server}/current.\n")


def test_make_offline_switches_the_disk_copy_and_zips_it_without_what_no_page_loads(project: Path) -> None:
    import zipfile
    for name in ("Makefile", "mkdocs.offline.yml"):
        shutil.copy2(ROOT / name, project / name)
    (project / "dist").mkdir()
    (project / "dist/.bantin-offline.zip.4242.tmp").write_bytes(b"killed half-way")
    bin_dir = Path(sys.executable).parent
    done = subprocess.run(["make", "--no-print-directory", "offline", "STAMP=", f"BIN={bin_dir}"],
                          cwd=project, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    copy = project / "dist/bantin-offline"
    assert copy.is_symlink() and (copy / "index.html").is_file()
    names = zipfile.ZipFile(project / "dist/bantin-offline.zip").namelist()
    expected = {"bantin-offline/" + p.relative_to(copy).as_posix() for p in copy.rglob("*") if p.is_file()
                and not p.name.endswith(".map") and "/lunr/" not in p.as_posix() and "/workers/" not in p.as_posix()}
    assert sorted(names) == sorted(expected) and "bantin-offline/index.html" in names
    assert sorted(p.name for p in (project / "dist").iterdir()) == [
        "bantin-offline", "bantin-offline-releases", "bantin-offline.zip"]
