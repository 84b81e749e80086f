"""The 48x48 icon Kiwix shows beside an offline copy: a real PNG, drawn without an imaging library."""

from __future__ import annotations

import struct
import zlib

from advocacy.offline.illustration import INDIGO, WHITE, icon, png_size


def _pixels(data: bytes) -> list[list[tuple[int, ...]]]:
    """The RGBA pixels of a PNG written by the hub (8-bit RGBA, no filter), read back chunk by chunk."""
    position, idat, width = 8, b"", 0
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        (crc,) = struct.unpack(">I", data[position + 8 + length : position + 12 + length])
        assert crc == zlib.crc32(kind + body), kind
        if kind == b"IHDR":
            width = struct.unpack(">I", body[:4])[0]
        elif kind == b"IDAT":
            idat += body
        position += 12 + length
    raw = zlib.decompress(idat)
    stride = 1 + 4 * width
    rows = [raw[i : i + stride] for i in range(0, len(raw), stride)]
    assert all(row[0] == 0 for row in rows)
    return [[tuple(row[1 + 4 * x : 5 + 4 * x]) for x in range(width)] for row in rows]


def test_the_icon_is_a_48_by_48_png_of_a_page_on_the_sites_colour() -> None:
    """Kiwix needs a 48x48 PNG: the icon decodes (valid chunks), with clear rounded corners, the site's indigo
    around a white page."""
    data = icon()
    assert png_size(data) == (48, 48)
    pixels = _pixels(data)
    assert len(pixels) == 48 and all(len(row) == 48 for row in pixels)
    assert pixels[0][0][3] == 0  # a rounded corner
    assert pixels[24][4] == INDIGO
    assert pixels[12][20] == WHITE


def test_only_png_files_have_a_size() -> None:
    """A file that is not a PNG (a JPEG, an SVG, nothing) has no PNG size: the metadata check refuses it."""
    assert png_size(b"\xff\xd8\xff\xe0" + b"\x00" * 40) is None
    assert png_size(b"<svg/>") is None
    assert png_size(b"") is None
