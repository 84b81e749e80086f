"""What an image file declares about itself, read from its bytes without an image library: its format, its
size in pixels, and the metadata blocks that can say where and by whom it was taken.

A photo's EXIF can carry the GPS position where it was taken and the camera's serial number; XMP and IPTC
carry the same and more (names, places, captions). Any of them may put the person who took the photo at risk,
and each format can hold them in several places: JPEG in any APP segment, PNG in ``eXIf`` and text chunks
(compressed or not), WebP in ``EXIF`` and ``XMP`` chunks, GIF in an application extension. This module reads
each container's structure, and also searches the whole file for the signatures of EXIF and XMP, so that a
block put where a reader does not look is still found.

An image is also read for the number of pixels it declares: a file of a few hundred bytes may declare
40,000 x 40,000 pixels, which a phone must allocate to show it.
"""

from __future__ import annotations

import re
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field


class ImageError(Exception):
    """The bytes are not an image of a known format, or are cut short; the message says what was found."""


@dataclass(frozen=True)
class ImageFacts:
    """What an image file declares.

    Attributes:
        format: ``png``, ``jpeg``, ``webp`` or ``gif``.
        width: Width in pixels.
        height: Height in pixels.
        pixels: The pixels decoded to show it: width times height, or for an animation the sum over its frames
            when that is more.
        metadata: Each block of EXIF, XMP or IPTC data found, named with where it is ("EXIF (APP1 segment)").
        trailing: How many bytes follow the end of the image (where anything can hide).
    """

    format: str
    width: int
    height: int
    pixels: int
    metadata: tuple[str, ...] = ()
    trailing: int = 0


@dataclass
class _Found:
    width: int = 0
    height: int = 0
    frames: int = 0  # the sum of the areas of an animation's frames (GIF)
    metadata: list[str] = field(default_factory=list)
    end: int = 0


# The beginnings of EXIF (a TIFF structure after "Exif\0\0") and XMP (an x:xmpmeta element or the packet
# wrapper), wherever they are.
_EXIF = re.compile(rb"Exif\x00[\x00\xff](?:II\*\x00|MM\x00\*)")
_XMP = re.compile(rb"<x:xmpmeta|<\?xpacket|http://ns\.adobe\.com/xap/1\.0/", re.IGNORECASE)
# Text chunks of PNG are decompressed up to this many bytes to be searched (a larger one is refused).
_MAX_TEXT = 1 << 20


def read_image(data: bytes) -> ImageFacts:
    """Read an image's format, size and metadata blocks.

    Raises:
        ImageError: when the bytes are not a PNG, JPEG, WebP or GIF image, or end before their structure does.
    """
    reader: Callable[[bytes], _Found]
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        name, reader = "png", _png
    elif data.startswith(b"\xff\xd8"):
        name, reader = "jpeg", _jpeg
    elif data.startswith((b"GIF87a", b"GIF89a")):
        name, reader = "gif", _gif
    elif data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        name, reader = "webp", _webp
    else:
        raise ImageError("it is not a PNG, JPEG, WebP or GIF image")
    try:
        found = reader(data)
    except (struct.error, IndexError, ValueError) as exc:
        raise ImageError(f"the {name.upper()} data is cut short or damaged") from exc
    if found.width <= 0 or found.height <= 0:
        raise ImageError(f"the {name.upper()} data declares no size in pixels")
    metadata = list(found.metadata)
    if _EXIF.search(data) and not any(kind.startswith("EXIF") for kind in metadata):
        metadata.append("EXIF")
    if _XMP.search(data) and not any(kind.startswith("XMP") for kind in metadata):
        metadata.append("XMP")
    area = found.width * found.height
    return ImageFacts(
        name, found.width, found.height, max(area, found.frames), tuple(metadata), len(data) - found.end
    )


# --- PNG ----------------------------------------------------------------------------------------------------

_TEXT_CHUNKS = {b"tEXt", b"zTXt", b"iTXt"}
# ImageMagick and exiftool store whole metadata profiles in text chunks under these keywords.
_PROFILE = re.compile(rb"(?i)raw profile type (exif|xmp|iptc|8bim|app1)")


def _png(data: bytes) -> _Found:
    found = _Found()
    position = 8
    while True:
        length, kind = struct.unpack_from(">I4s", data, position)
        chunk = data[position + 8 : position + 8 + length]
        if len(chunk) < length:
            raise IndexError("chunk cut short")
        if kind == b"IHDR":
            found.width, found.height = struct.unpack_from(">II", chunk)
        elif kind == b"eXIf":
            found.metadata.append("EXIF (eXIf chunk)")
        elif kind in _TEXT_CHUNKS:
            block = _png_text_metadata(kind, chunk)
            if block is not None:
                found.metadata.append(f"{block} ({kind.decode()} chunk)")
        position += 12 + length
        if kind == b"IEND":
            found.end = position
            return found


def _png_text_metadata(kind: bytes, chunk: bytes) -> str | None:
    """The metadata a PNG text chunk holds ("XMP", "EXIF"...), or ``None`` for ordinary text."""
    keyword, _, rest = chunk.partition(b"\x00")
    if keyword == b"XML:com.adobe.xmp":
        return "XMP"
    profile = _PROFILE.match(keyword)
    if profile is not None:
        return profile[1].decode().upper().replace("8BIM", "IPTC").replace("APP1", "EXIF")
    text = rest
    if kind == b"zTXt":
        text = _inflate(rest[1:])
    elif kind == b"iTXt" and rest[:1] == b"\x01":
        # compression flag, method, language tag and translated keyword come before the text
        parts = rest[2:].split(b"\x00", 2)
        text = _inflate(parts[2] if len(parts) == 3 else b"")
    if _XMP.search(text):
        return "XMP"
    if _EXIF.search(text):
        return "EXIF"
    return None


def _inflate(data: bytes) -> bytes:
    """Decompressed text, at most ``_MAX_TEXT`` bytes of it (a chunk that says more is treated as metadata)."""
    decompressor = zlib.decompressobj()
    try:
        text = decompressor.decompress(data, _MAX_TEXT)
    except zlib.error:
        return b""
    if decompressor.unconsumed_tail:
        return b"<x:xmpmeta"  # too large to read: refused like metadata rather than trusted
    return text


# --- JPEG ---------------------------------------------------------------------------------------------------

# Start-of-frame markers (baseline, progressive, lossless, arithmetic): they hold the height and the width.
_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}
# Markers without a length: RSTn, TEM, SOI.
_STANDALONE = {*range(0xD0, 0xD8), 0x01, 0xD8}


def _jpeg(data: bytes) -> _Found:
    found = _Found()
    position = 2
    while True:
        if data[position] != 0xFF:
            raise IndexError("not a marker")
        while data[position + 1] == 0xFF:  # fill bytes
            position += 1
        marker = data[position + 1]
        position += 2
        if marker == 0xD9:  # end of image
            found.end = position
            return found
        if marker in _STANDALONE:
            continue
        (length,) = struct.unpack_from(">H", data, position)
        segment = data[position + 2 : position + length]
        if len(segment) < length - 2 or length < 2:
            raise IndexError("segment cut short")
        if marker in _SOF:
            height, width = struct.unpack_from(">HH", segment, 1)
            found.height, found.width = max(found.height, height), max(found.width, width)
        elif 0xE0 <= marker <= 0xEF:
            block = _jpeg_app_metadata(segment)
            if block is not None:
                found.metadata.append(f"{block} (APP{marker - 0xE0} segment)")
        position += length
        if marker == 0xDA:  # start of scan: compressed data runs to the next marker that is not RSTn
            position = _after_scan(data, position)


def _jpeg_app_metadata(segment: bytes) -> str | None:
    if segment.startswith(b"Exif\x00"):
        return "EXIF"
    if segment.startswith((b"http://ns.adobe.com/xap/1.0/\x00", b"http://ns.adobe.com/xmp/extension/\x00")):
        return "XMP"
    if segment.startswith(b"Photoshop 3.0\x00"):
        return "IPTC"
    return None


def _after_scan(data: bytes, position: int) -> int:
    while True:
        position = data.index(b"\xff", position)
        following = data[position + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7 or following == 0xFF:
            position += 1
            continue
        return position


# --- WebP ---------------------------------------------------------------------------------------------------


def _webp(data: bytes) -> _Found:
    found = _Found()
    (size,) = struct.unpack_from("<I", data, 4)
    end = 8 + size
    if end > len(data):
        raise IndexError("RIFF cut short")
    position = 12
    canvas = False
    while position + 8 <= end:
        kind, length = struct.unpack_from("<4sI", data, position)
        chunk = data[position + 8 : position + 8 + length]
        if len(chunk) < length:
            raise IndexError("chunk cut short")
        if kind == b"VP8X":
            found.width = 1 + int.from_bytes(chunk[4:7], "little")
            found.height = 1 + int.from_bytes(chunk[7:10], "little")
            canvas = True
        elif kind == b"VP8 " and not canvas:
            if chunk[3:6] != b"\x9d\x01\x2a":
                raise IndexError("no VP8 start code")
            width, height = struct.unpack_from("<HH", chunk, 6)
            found.width, found.height = width & 0x3FFF, height & 0x3FFF
        elif kind == b"VP8L" and not canvas:
            if chunk[0] != 0x2F:
                raise IndexError("no VP8L signature")
            (bits,) = struct.unpack_from("<I", chunk, 1)
            found.width, found.height = 1 + (bits & 0x3FFF), 1 + ((bits >> 14) & 0x3FFF)
        elif kind == b"EXIF":
            found.metadata.append("EXIF (EXIF chunk)")
        elif kind == b"XMP ":
            found.metadata.append("XMP (XMP chunk)")
        position += 8 + length + (length & 1)
    found.end = end
    return found


# --- GIF ----------------------------------------------------------------------------------------------------


def _gif(data: bytes) -> _Found:
    found = _Found()
    found.width, found.height, flags = struct.unpack_from("<HHB", data, 6)
    position = 13 + (3 << ((flags & 7) + 1) if flags & 0x80 else 0)
    while True:
        block = data[position]
        if block == 0x3B:  # trailer
            found.end = position + 1
            return found
        if block == 0x2C:  # an image (a frame)
            width, height, flags = struct.unpack_from("<HHB", data, position + 5)
            found.frames += width * height
            position += 10 + (3 << ((flags & 7) + 1) if flags & 0x80 else 0)
            position = _sub_blocks(data, position + 1)  # after the LZW code size
        elif block == 0x21:  # an extension
            label = data[position + 1]
            if label == 0xFF and data[position + 3 : position + 14] == b"XMP DataXMP":
                found.metadata.append("XMP (application extension)")
            position = _sub_blocks(data, position + 2)
        else:
            raise IndexError("unknown block")


def _sub_blocks(data: bytes, position: int) -> int:
    """The position after a chain of GIF data sub-blocks (each a length byte and that many bytes)."""
    while True:
        length = data[position]
        position += 1 + length
        if length == 0:
            if position > len(data):
                raise IndexError("sub-blocks cut short")
            return position
