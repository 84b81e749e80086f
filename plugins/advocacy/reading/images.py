"""Location data hidden in images: a photo's EXIF can carry the GPS position where it was taken, which may
put its author at risk. Published images must not carry it.

A small reader of JPEG and WebP containers (no image library): it finds an EXIF block and, in its first
directory, the pointer to GPS data.
"""

from __future__ import annotations

import struct

_GPS_TAG = 0x8825


def _tiff_has_gps(tiff: bytes) -> bool:
    """Whether a TIFF-structured EXIF block points to GPS data from its first directory."""
    if len(tiff) < 8 or tiff[:2] not in (b"II", b"MM"):
        return False
    order = "<" if tiff[:2] == b"II" else ">"
    (offset,) = struct.unpack_from(order + "I", tiff, 4)
    if offset + 2 > len(tiff):
        return False
    (count,) = struct.unpack_from(order + "H", tiff, offset)
    for index in range(count):
        entry = offset + 2 + 12 * index
        if entry + 12 > len(tiff):
            return False
        (tag,) = struct.unpack_from(order + "H", tiff, entry)
        if tag == _GPS_TAG:
            return True
    return False


def _jpeg_exif(data: bytes) -> bytes | None:
    position = 2
    while position + 4 <= len(data):
        if data[position] != 0xFF:
            return None
        marker = data[position + 1]
        if marker in (0xD9, 0xDA):  # end of image, start of scan: no more metadata
            return None
        (length,) = struct.unpack_from(">H", data, position + 2)
        segment = data[position + 4 : position + 2 + length]
        if marker == 0xE1 and segment.startswith(b"Exif\x00\x00"):
            return segment[6:]
        position += 2 + length
    return None


def _webp_exif(data: bytes) -> bytes | None:
    position = 12
    while position + 8 <= len(data):
        kind = data[position : position + 4]
        (size,) = struct.unpack_from("<I", data, position + 4)
        if kind == b"EXIF":
            chunk = data[position + 8 : position + 8 + size]
            return chunk[6:] if chunk.startswith(b"Exif\x00\x00") else chunk
        position += 8 + size + (size & 1)
    return None


def has_location(data: bytes) -> bool:
    """Whether a JPEG or WebP image carries GPS location in its EXIF data."""
    exif = None
    if data[:2] == b"\xff\xd8":
        exif = _jpeg_exif(data)
    elif data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        exif = _webp_exif(data)
    return exif is not None and _tiff_has_gps(exif)
