"""The nginx recipe (deploy/nginx/), run by Debian's nginx on 127.0.0.1 at a
free port, in a folder of its own (pid, logs, temp files) with a certificate
made for the test: login required, the same security headers on every kind
of file, the caching rules, the Vietnamese 404 page, and publish.sh
switching releases while readers keep getting whole pages."""

from __future__ import annotations

import base64
import http.client
import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest

from conftest import ROOT

NGINX = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin")
OPENSSL = shutil.which("openssl")
pytestmark = pytest.mark.skipif(
    NGINX is None or OPENSSL is None,
    reason="cần nginx và openssl của Debian cho kiểm thử công thức nginx: chạy 'apt-get install nginx openssl' "
           "(hoặc 'bash .ci/run', tự cài rồi chạy kiểm thử)")

HOST = "bantin.example.vn"
USER, PASSWORD = "bientap", "mat-khau-thu"
CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; font-src 'self'; connect-src 'self'; manifest-src 'self'; worker-src 'self'; "
       "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")
REVALIDATE, FOR_A_YEAR = "private, no-cache", "private, max-age=31536000, immutable"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def recipe(prefix: Path, https: int, http: int) -> str:
    """bantin.conf with this test's ports, certificate, password file and site: nothing else changed."""
    text = (ROOT / "deploy/nginx/bantin.conf").read_text(encoding="utf-8")
    for pattern, replacement in (
        (r"listen 443 ssl http2;", f"listen 127.0.0.1:{https} ssl http2;"),
        (r"listen 80;", f"listen 127.0.0.1:{http};"),
        (r"/etc/ssl/bantin/fullchain\.pem", f"{prefix}/cert.pem"),
        (r"/etc/ssl/bantin/privkey\.pem", f"{prefix}/key.pem"),
        (r"/etc/nginx/bantin\.htpasswd;", f"{prefix}/bantin.htpasswd;"),
        (r"root /srv/bantin/current;", f"root {prefix}/srv/current;"),
    ):
        text, count = re.subn(pattern, replacement, text)
        assert count == 1, pattern
    return text


MAIN = """\
{user}
pid {prefix}/nginx.pid;
error_log {prefix}/error.log;
worker_processes 1;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {prefix}/access.log;
    client_body_temp_path {prefix}/tmp/body;
    proxy_temp_path {prefix}/tmp/proxy;
    fastcgi_temp_path {prefix}/tmp/fastcgi;
    uwsgi_temp_path {prefix}/tmp/uwsgi;
    scgi_temp_path {prefix}/tmp/scgi;
    include bantin.conf;
}}
"""


@dataclass(frozen=True)
class Server:
    prefix: Path
    https: int
    http: int
    context: ssl.SSLContext

    def get(self, path: str, *, login: tuple[str, str] | None = (USER, PASSWORD),
            tls: bool = True) -> tuple[int, http.client.HTTPMessage, bytes]:
        if tls:
            conn = http.client.HTTPSConnection("127.0.0.1", self.https, context=self.context, timeout=10)
        else:
            conn = http.client.HTTPConnection("127.0.0.1", self.http, timeout=10)
        headers = {"Host": HOST}
        if login:
            headers["Authorization"] = "Basic " + base64.b64encode(":".join(login).encode()).decode()
        try:
            conn.request("GET", path, headers=headers)
            response = conn.getresponse()
            return response.status, response.headers, response.read()
        finally:
            conn.close()


def publish_sh(site: Path, prefix: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "BANTIN_SITE": str(site), "BANTIN_TARGET": f"{prefix}/srv", "PYTHON": sys.executable}
    return subprocess.run([str(ROOT / "deploy/webserver/publish.sh")], env=env, capture_output=True, text=True, timeout=60)


def nginx_command(prefix: Path, *args: str) -> list[str]:
    return [str(NGINX), "-p", f"{prefix}/", "-e", f"{prefix}/error.log", "-c", f"{prefix}/nginx.conf", *args]


@pytest.fixture(scope="module")
def server(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    prefix = tmp_path_factory.mktemp("nginx")
    (prefix / "tmp").mkdir()
    (prefix / "snippets").mkdir()
    shutil.copy2(ROOT / "deploy/nginx/bantin-security-headers.conf", prefix / "snippets")
    subprocess.run([OPENSSL, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                    "-days", "1", "-subj", f"/CN={HOST}", "-addext", f"subjectAltName=DNS:{HOST},IP:127.0.0.1",
                    "-keyout", str(prefix / "key.pem"), "-out", str(prefix / "cert.pem")],
                   check=True, capture_output=True)
    hashed = subprocess.run([OPENSSL, "passwd", "-apr1", PASSWORD], check=True, capture_output=True, text=True)
    (prefix / "bantin.htpasswd").write_text(f"{USER}:{hashed.stdout.strip()}\n", encoding="utf-8")
    assert publish_sh(built_site, prefix).returncode == 0

    https, http = free_port(), free_port()
    (prefix / "bantin.conf").write_text(recipe(prefix, https, http), encoding="utf-8")
    # Workers of a root master run as nobody, who cannot read the test's private folder.
    user = "user root root;" if os.geteuid() == 0 else ""
    (prefix / "nginx.conf").write_text(MAIN.format(prefix=prefix, user=user), encoding="utf-8")
    proc = subprocess.Popen(nginx_command(prefix, "-g", "daemon off;"), stderr=subprocess.PIPE, text=True)
    context = ssl.create_default_context(cafile=str(prefix / "cert.pem"))
    deadline = time.monotonic() + 15
    while True:
        try:
            socket.create_connection(("127.0.0.1", https), timeout=1).close()
            break
        except OSError:
            assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
            assert time.monotonic() < deadline, "nginx không khởi động"
            time.sleep(0.05)
    try:
        yield Server(prefix, https, http, context)
    finally:
        proc.send_signal(signal.SIGQUIT)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def only(headers: http.client.HTTPMessage, name: str) -> str | None:
    values = headers.get_all(name) or []
    assert len(values) <= 1, (name, values)
    return values[0] if values else None


def asset(site: Path, pattern: str) -> str:
    return "/" + next(site.glob(pattern)).relative_to(site).as_posix()


def test_the_recipe_passes_nginx_t(server: Server) -> None:
    done = subprocess.run(nginx_command(server.prefix, "-t"), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "test is successful" in done.stderr


def test_every_request_needs_a_login(server: Server) -> None:
    status, headers, _ = server.get("/", login=None)
    assert (status, headers["WWW-Authenticate"]) == (401, 'Basic realm="Ban tin Thong tin noi bo"')
    assert server.get("/", login=(USER, "sai-mat-khau"))[0] == 401
    assert server.get("/sw.js", login=None)[0] == 401
    assert server.get("/", login=(USER, PASSWORD))[0] == 200


KINDS = {  # path (or glob in the site) → status
    "/": 200,
    "/van-ban/2024/02-kh-btgduk/": 200,
    "/sw.js": 200,
    "/manifest.webmanifest": 200,
    "assets/javascripts/bundle.*.min.js": 200,
    "assets/stylesheets/main.*.min.css": 200,
    "/assets/javascripts/offline.js": 200,
    "/search/manifest.json": 200,
    "search/*/d0.js": 200,
    "/van-ban-moi.xml": 200,
    "/khong-co-trang-nay/": 404,
    "/assets/javascripts/bundle.00000000.min.js": 404,
}


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_of_file_carries_the_same_security_headers(server: Server, built_site: Path, kind: str) -> None:
    path = kind if kind.startswith("/") else asset(built_site, kind)
    status, headers, _ = server.get(path)
    assert status == KINDS[kind]
    assert (only(headers, "Content-Security-Policy"), only(headers, "X-Content-Type-Options"),
            only(headers, "Referrer-Policy")) == (CSP, "nosniff", "same-origin")


def test_the_login_prompt_carries_them_too(server: Server) -> None:
    status, headers, _ = server.get("/", login=None)
    assert (status, headers["Content-Security-Policy"], headers["X-Content-Type-Options"]) == (401, CSP, "nosniff")


@pytest.mark.parametrize("kind, cache", [
    ("/", REVALIDATE),
    ("/van-ban/2024/02-kh-btgduk/", REVALIDATE),
    ("/sw.js", REVALIDATE),
    ("/search/manifest.json", REVALIDATE),
    ("/assets/javascripts/offline.js", REVALIDATE),     # bantin's own: same name across versions
    ("assets/javascripts/bundle.*.min.js", FOR_A_YEAR),  # Material's: a content hash in the name
    ("assets/stylesheets/palette.*.min.css", FOR_A_YEAR),
])
def test_caching_rules(server: Server, built_site: Path, kind: str, cache: str) -> None:
    path = kind if kind.startswith("/") else asset(built_site, kind)
    status, headers, _ = server.get(path)
    assert (status, only(headers, "Cache-Control")) == (200, cache)


def test_an_unknown_address_gets_the_vietnamese_404_page(server: Server) -> None:
    status, headers, body = server.get("/van-ban/2099/khong-co/")
    text = body.decode("utf-8")
    assert (status, headers.get_content_type()) == (404, "text/html")
    assert "Không tìm thấy trang này</h1>" in text
    # Its search and its ways home start at the root, whatever the address asked for.
    assert '<form class="bt-search" role="search" action="/tim-kiem/" method="get">' in text
    assert '<li><a href="/">Trang chủ</a></li>' in text


def test_plain_http_is_sent_to_https(server: Server) -> None:
    status, headers, _ = server.get("/van-ban/", login=None, tls=False)
    assert (status, headers["Location"]) == (301, f"https://{HOST}/van-ban/")


def test_publish_sh_switches_releases_while_every_request_gets_a_whole_page(
        server: Server, built_site: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    shutil.copytree(built_site, other)
    (other / "index.html").write_bytes((built_site / "index.html").read_bytes() + b"<!-- ban khac -->\n")
    paths = ["/", "/van-ban/2024/02-kh-btgduk/", asset(built_site, "assets/javascripts/bundle.*.min.js"),
             "/search/manifest.json"]
    whole = {p: {built_site.joinpath(p.strip("/"), "index.html" if p.endswith("/") else "").read_bytes(),
                 other.joinpath(p.strip("/"), "index.html" if p.endswith("/") else "").read_bytes()} for p in paths}
    done = threading.Event()
    switches: list[int] = []

    def publish_back_and_forth() -> None:
        while not done.is_set() and len(switches) < 100:
            switches.append(publish_sh((other, built_site)[len(switches) % 2], server.prefix).returncode)

    publisher = threading.Thread(target=publish_back_and_forth)
    publisher.start()
    failures, index_pages = [], set()
    try:
        for n in range(300):  # over about 4 s, while releases switch several times
            time.sleep(0.01)
            path = paths[n % len(paths)]
            status, _, body = server.get(path)
            if status != 200 or body not in whole[path]:
                failures.append((n, path, status))
            if path == "/":
                index_pages.add(body)
    finally:
        done.set()
        publisher.join()
    assert failures == []
    assert len(switches) >= 3 and set(switches) == {0}
    assert len(index_pages) == 2  # readers saw both releases: the switches happened under the requests
