"""Image files made byte by byte: a PNG, and JPEG and WebP files whose EXIF holds one tag (GPS or another)."""

from __future__ import annotations

import struct

PNG = b"\x89PNG\r\n\x1a\n" + bytes(16)


def tiff(tag: int, little: bool = True) -> bytes:
    """A TIFF header with one EXIF entry, in either byte order."""
    order = "<" if little else ">"
    header = (b"II*\x00" if little else b"MM\x00*") + struct.pack(order + "I", 8)
    entry = struct.pack(order + "HHII", tag, 4, 1, 0)
    return header + struct.pack(order + "H", 1) + entry + struct.pack(order + "I", 0)


def jpeg(tag: int, little: bool = True) -> bytes:
    """A JPEG whose EXIF holds ``tag``."""
    exif = b"Exif\x00\x00" + tiff(tag, little)
    app1 = b"\xff\xe1" + struct.pack(">H", len(exif) + 2) + exif
    return b"\xff\xd8" + app1 + b"\xff\xda\x00\x02" + b"\x00" * 16 + b"\xff\xd9"


def webp(tag: int) -> bytes:
    """A WebP whose EXIF chunk holds ``tag``."""
    exif = b"Exif\x00\x00" + tiff(tag)
    chunk = b"EXIF" + struct.pack("<I", len(exif)) + exif + (b"\x00" if len(exif) % 2 else b"")
    body = b"WEBP" + chunk
    return b"RIFF" + struct.pack("<I", len(body)) + body
