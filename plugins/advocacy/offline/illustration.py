"""The 48x48 icon Kiwix shows beside an offline copy, drawn as a PNG with the standard library alone."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable

SIZE = 48
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# The site's primary colour (Material's indigo, mkdocs.yml theme.palette.primary) and white.
INDIGO = (0x3F, 0x51, 0xB5, 0xFF)
WHITE = (0xFF, 0xFF, 0xFF, 0xFF)
CLEAR = (0, 0, 0, 0)

Pixel = tuple[int, int, int, int]


def png(width: int, height: int, pixel: Callable[[int, int], Pixel]) -> bytes:
    """An 8-bit RGBA PNG of ``width`` x ``height`` whose pixel at (x, y) is ``pixel(x, y)``."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    # Each row starts with its filter type, 0 (none).
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8 bits, RGBA, no interlace
    return (
        PNG_SIGNATURE + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")
    )


def png_size(data: bytes) -> tuple[int, int] | None:
    """The width and height of a PNG, or ``None`` when ``data`` is not one."""
    if len(data) < 24 or data[:8] != PNG_SIGNATURE or data[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


def _icon_pixel(x: int, y: int) -> Pixel:
    """A white page with four lines of text on an indigo square with rounded corners: a case file."""
    radius = 9
    corner_x = min(x, SIZE - 1 - x)
    corner_y = min(y, SIZE - 1 - y)
    outside = (radius - corner_x - 0.5) ** 2 + (radius - corner_y - 0.5) ** 2 > radius**2
    if corner_x < radius and corner_y < radius and outside:
        return CLEAR
    if 12 <= x <= 35 and 9 <= y <= 38:
        if x - 29 > y - 9:  # the folded top corner of the page
            return INDIGO if x - 29 > y - 8 else WHITE
        if (16 <= x <= 31 and y in (17, 18, 23, 24, 29, 30)) or (16 <= x <= 25 and y in (33, 34)):
            return INDIGO
        return WHITE
    return INDIGO


def icon() -> bytes:
    """The icon of the offline copies, a 48x48 PNG (``Illustration_48x48@1`` in the ZIM's metadata)."""
    return png(SIZE, SIZE, _icon_pixel)
