"""What an image declares: its format and size in pixels, and every EXIF, XMP or IPTC block, wherever each
format keeps it (EXIF in any JPEG segment, PNG eXIf and text chunks, WebP chunks, a GIF extension)."""

from __future__ import annotations

import zlib

import pytest

from advocacy.reading.images import ImageError, read_image
from tests.support.images import GPS, MAKE, PNG, XMP_PACKET, exif, gif, jpeg, png, tiff, webp


def test_plain_images_of_each_format_have_no_metadata() -> None:
    """A PNG, JPEG, WebP and GIF without metadata are read with their format and size, and nothing found."""
    found = [
        read_image(data) for data in (png(3, 2), jpeg(width=8, height=6), webp(width=5, height=4), gif(7, 9))
    ]
    assert [(f.format, f.width, f.height, f.metadata, f.trailing) for f in found] == [
        ("png", 3, 2, (), 0),
        ("jpeg", 8, 6, (), 0),
        ("webp", 5, 4, (), 0),
        ("gif", 7, 9, (), 0),
    ]


@pytest.mark.parametrize(
    ("data", "block"),
    [
        (jpeg(GPS), "EXIF (APP1 segment)"),
        (jpeg(GPS, little=False), "EXIF (APP1 segment)"),
        (jpeg(MAKE), "EXIF (APP1 segment)"),  # any EXIF, not only a GPS pointer
        (jpeg(segments=[(0xE9, exif(GPS))]), "EXIF (APP9 segment)"),
        (jpeg(segments=[(0xE1, b"http://ns.adobe.com/xap/1.0/\x00" + XMP_PACKET)]), "XMP (APP1 segment)"),
        (jpeg(segments=[(0xED, b"Photoshop 3.0\x008BIM\x04\x04")]), "IPTC (APP13 segment)"),
        (png(chunks=[(b"eXIf", tiff(GPS))]), "EXIF (eXIf chunk)"),
        (png(chunks=[(b"iTXt", b"XML:com.adobe.xmp\x00\x00\x00\x00\x00" + XMP_PACKET)]), "XMP (iTXt chunk)"),
        (png(chunks=[(b"zTXt", b"Comment\x00\x00" + zlib.compress(XMP_PACKET))]), "XMP (zTXt chunk)"),
        (png(chunks=[(b"tEXt", b"Raw profile type exif\x00\nexif\n   20\n45786966")]), "EXIF (tEXt chunk)"),
        (png(chunks=[(b"prVt", exif(GPS))]), "EXIF"),  # a private chunk: found by its signature
        (webp(GPS), "EXIF (EXIF chunk)"),
        (webp(xmp=True), "XMP (XMP chunk)"),
        (gif(xmp=True), "XMP (application extension)"),
    ],
)
def test_metadata_is_found_wherever_the_format_keeps_it(data: bytes, block: str) -> None:
    """EXIF, XMP and IPTC are found in every place each format holds them, and named with that place."""
    assert block in read_image(data).metadata


def test_a_second_app1_segment_is_read_too() -> None:
    """A JPEG whose first APP1 holds harmless EXIF and whose second holds GPS reports both."""
    facts = read_image(jpeg(MAKE, segments=[(0xE1, exif(GPS))]))
    assert facts.metadata == ("EXIF (APP1 segment)", "EXIF (APP1 segment)")


def test_ordinary_text_chunks_are_not_metadata() -> None:
    """A PNG text chunk naming the software that wrote it is not EXIF or XMP."""
    assert read_image(png(chunks=[(b"tEXt", b"Software\x00an editor")])).metadata == ()


@pytest.mark.parametrize(
    ("data", "pixels"),
    [
        (png(40000, 40000), 1_600_000_000),
        (jpeg(width=40000, height=40000), 1_600_000_000),
        (webp(width=16000, height=16000), 256_000_000),
        (gif(1000, 1000, frames=20), 20_000_000),  # an animation: every frame is decoded
    ],
)
def test_the_pixels_a_file_declares_are_read_from_its_header(data: bytes, pixels: int) -> None:
    """A file of a few hundred bytes declaring a huge image says so: its pixels are counted, not its bytes."""
    assert len(data) < 1000
    assert read_image(data).pixels == pixels


def test_bytes_after_the_end_of_the_image_are_counted() -> None:
    """Anything appended after IEND (a script, an archive) is reported as trailing bytes."""
    assert read_image(png(after=b"<svg onload=alert(1)>")).trailing == 21
    assert read_image(jpeg(after=b"PK\x03\x04")).trailing == 4


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
            "it is not a PNG, JPEG, WebP or GIF image",
        ),
        (b"<!doctype html><script>alert(1)</script>", "it is not a PNG, JPEG, WebP or GIF image"),
        (PNG[:30], "the PNG data is cut short or damaged"),
        (jpeg()[:20], "the JPEG data is cut short or damaged"),
        (webp()[:20], "the WEBP data is cut short or damaged"),
        (gif()[:15], "the GIF data is cut short or damaged"),
        (png(0, 0), "the PNG data declares no size in pixels"),
    ],
)
def test_files_that_are_not_images_are_refused(data: bytes, message: str) -> None:
    """An SVG, an HTML page or a cut-short file is not read as an image, with a message saying what it is."""
    with pytest.raises(ImageError) as caught:
        read_image(data)
    assert str(caught.value) == message
