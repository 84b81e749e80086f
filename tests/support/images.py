"""Image files made byte by byte: PNG, JPEG, WebP and GIF files of a given size, with or without metadata
blocks (EXIF holding one tag, XMP) where each format keeps them, and with bytes after their end."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Sequence

GPS = 0x8825  # the EXIF tag pointing to GPS data
MAKE = 0x010F  # the camera maker
XMP_PACKET = (
    b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
    b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
    b'xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="41,24.5N"/></rdf:RDF></x:xmpmeta>'
)


def tiff(tag: int, little: bool = True) -> bytes:
    """A TIFF header with one EXIF entry, in either byte order."""
    order = "<" if little else ">"
    header = (b"II*\x00" if little else b"MM\x00*") + struct.pack(order + "I", 8)
    entry = struct.pack(order + "HHII", tag, 4, 1, 0)
    return header + struct.pack(order + "H", 1) + entry + struct.pack(order + "I", 0)


def exif(tag: int = GPS, little: bool = True) -> bytes:
    """An EXIF block as JPEG and WebP hold it: "Exif" and two zero bytes, then the TIFF structure."""
    return b"Exif\x00\x00" + tiff(tag, little)


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(
    width: int = 2, height: int = 2, chunks: Sequence[tuple[bytes, bytes]] = (), after: bytes = b""
) -> bytes:
    """A PNG of grey pixels (real pixel data, so browsers show it), ``chunks`` before its pixels."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(min(height, 64))) if width <= 4096 else b""
    body = b"".join(_chunk(kind, data) for kind, data in chunks)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + body
        + _chunk(b"IDAT", zlib.compress(rows))
        + _chunk(b"IEND", b"")
        + after
    )


PNG = png()


def _segment(marker: int, data: bytes) -> bytes:
    return bytes([0xFF, marker]) + struct.pack(">H", len(data) + 2) + data


def jpeg(
    tag: int | None = None,
    little: bool = True,
    width: int = 8,
    height: int = 8,
    segments: Sequence[tuple[int, bytes]] = (),
    after: bytes = b"",
) -> bytes:
    """A JPEG of the given size whose EXIF (in the first APP1 segment) holds ``tag``, then ``segments``
    (marker, data) before its frame."""
    app = [_segment(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")]
    if tag is not None:
        app.append(_segment(0xE1, exif(tag, little)))
    app += [_segment(marker, data) for marker, data in segments]
    frame = _segment(0xC0, struct.pack(">BHHB", 8, height, width, 1) + b"\x01\x11\x00")
    scan = _segment(0xDA, b"\x01\x01\x00\x00\x3f\x00") + b"\x12\x34\xff\x00\x56"
    return b"\xff\xd8" + b"".join(app) + frame + scan + b"\xff\xd9" + after


def webp(tag: int | None = None, width: int = 2, height: int = 2, xmp: bool = False) -> bytes:
    """A WebP (extended format) of the given size, with an EXIF chunk holding ``tag`` and an XMP chunk."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return kind + struct.pack("<I", len(data)) + data + (b"\x00" if len(data) % 2 else b"")

    flags = (0x08 if tag is not None else 0) | (0x04 if xmp else 0)
    canvas = bytes([flags, 0, 0, 0]) + (width - 1).to_bytes(3, "little") + (height - 1).to_bytes(3, "little")
    bits = (width - 1) | ((height - 1) << 14)
    body = b"WEBP" + chunk(b"VP8X", canvas) + chunk(b"VP8L", b"\x2f" + struct.pack("<I", bits) + b"\x00")
    if tag is not None:
        body += chunk(b"EXIF", exif(tag))
    if xmp:
        body += chunk(b"XMP ", XMP_PACKET)
    return b"RIFF" + struct.pack("<I", len(body)) + body


def gif(width: int = 2, height: int = 2, frames: int = 1, xmp: bool = False) -> bytes:
    """A GIF of the given size with ``frames`` frames as large as the screen, and an XMP extension."""
    out = b"GIF89a" + struct.pack("<HHBBB", width, height, 0x80, 0, 0) + b"\x00\x00\x00\xff\xff\xff"
    if xmp:
        out += b"\x21\xff\x0bXMP DataXMP" + bytes([len(XMP_PACKET[:255])]) + XMP_PACKET[:255] + b"\x00"
    for _ in range(frames):
        out += b"\x2c" + struct.pack("<HHHHB", 0, 0, width, height, 0) + b"\x02\x02\x44\x01\x00"
    return out + b"\x3b"
