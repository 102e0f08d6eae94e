"""The site's app icon: a yellow star on Party red, drawn without an image tool.

The PNGs live in ``bantin/theme/assets/images`` and are copied as they are by
every build (drawing them took a third of a second per build); a test checks
they are what ``draw`` makes. After changing the drawing, write them again:

    python -m bantin.icons src/bantin/theme/assets/images
"""

from __future__ import annotations

import math
import struct
import sys
import zlib
from pathlib import Path

RED = "#c62828"  # Party red, as the header (bantin.css)
STAR = "#ffde00"
SIZES = (192, 512)


def file_name(size: int) -> str:
    return f"bantin-icon-{size}.png"


def draw(size: int) -> bytes:
    """A yellow star on Party red, as PNG; the star stays inside the central
    80 % that a maskable icon keeps."""
    cx = cy = size / 2
    outer, inner = size * 0.34, size * 0.34 * 0.382
    star = [(cx + (outer if i % 2 == 0 else inner) * math.sin(i * math.pi / 5),
             cy - (outer if i % 2 == 0 else inner) * math.cos(i * math.pi / 5) + size * 0.03) for i in range(10)]
    edges = list(zip(star, star[1:] + star[:1]))
    red, yellow = _rgb(RED), _rgb(STAR)
    samples = 4  # per pixel side, for smooth edges
    rows = []
    for y in range(size):
        coverage = [0] * size
        for sy in range(samples):
            yy = y + (sy + 0.5) / samples
            xs = sorted(x0 + (yy - y0) * (x1 - x0) / (y1 - y0) for (x0, y0), (x1, y1) in edges
                        if (y0 <= yy < y1) or (y1 <= yy < y0))
            for a, b in zip(xs[::2], xs[1::2]):
                for x in range(max(0, int(a)), min(size, int(b) + 1)):
                    coverage[x] += max(0.0, min(b, x + 1) - max(a, x))
        row = bytearray(b"\0")
        for x in range(size):
            t = coverage[x] / samples
            row += bytes(round(r + (s - r) * t) for r, s in zip(red, yellow))
        rows.append(bytes(row))
    return _png(size, b"".join(rows))


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def _png(size: int, raw: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)  # 8-bit RGB
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    folder = Path(sys.argv[1])
    for size in SIZES:
        (folder / file_name(size)).write_bytes(draw(size))
