"""Location data in images: the GPS position in the EXIF of JPEG and WebP files is found."""

from __future__ import annotations

from advocacy.reading.images import has_location
from tests.support.images import jpeg, webp


def test_gps_in_exif_is_found_in_jpeg_and_webp() -> None:
    """A GPS pointer is found in both byte orders of a JPEG and in a WebP; other EXIF tags are not GPS."""
    assert has_location(jpeg(0x8825))
    assert has_location(jpeg(0x8825, little=False))
    assert has_location(webp(0x8825))
    assert not has_location(jpeg(0x010F))  # the camera maker
    assert not has_location(webp(0x010F))
    assert not has_location(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)
    assert not has_location(b"\xff\xd8\xff")  # cut short: no answer is not an error
