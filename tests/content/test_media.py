"""The one check every published image goes through: what its name says, no metadata at all, nothing after
its end, and few enough bytes and pixels for a cheap phone."""

from __future__ import annotations

from pathlib import Path

import pytest

from advocacy.content.media import image_problems
from advocacy.content.model import load_model
from tests.support.images import GPS, MAKE, gif, jpeg, png, webp


def _problems(tmp_path: Path, name: str, data: bytes) -> list[str]:
    path = tmp_path / name
    path.write_bytes(data)
    return image_problems(path, load_model().limits)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("a.png", png()),
        ("a.jpg", jpeg()),
        ("a.jpeg", jpeg()),
        ("a.webp", webp()),
        ("a.gif", gif(3, 3, frames=4)),
    ],
)
def test_clean_images_of_every_accepted_format_pass(tmp_path: Path, name: str, data: bytes) -> None:
    """A clean image of each format, named for its format, has nothing to fix."""
    assert _problems(tmp_path, name, data) == []


def test_any_exif_is_refused_not_only_a_gps_pointer(tmp_path: Path) -> None:
    """EXIF holding only a camera maker is refused too: it can hold a serial number; the message names the
    block and the command that removes it."""
    assert _problems(tmp_path, "photo.jpg", jpeg(MAKE)) == [
        "the image carries metadata (EXIF (APP1 segment)), which can hold the GPS position where it was taken, "
        "the camera's serial number or a name, and can put people at risk; remove all of it before adding the "
        "image (for example: exiftool -all= photo.jpg, or export it again without metadata)"
    ]


def test_a_file_named_for_another_format_or_not_an_image_is_refused(tmp_path: Path) -> None:
    """A JPEG named .png is told its right name; an SVG named .png is not an image at all."""
    assert _problems(tmp_path, "photo.png", jpeg()) == [
        'the file is named ".png" but holds a JPEG image; rename it to photo.jpg'
    ]
    assert _problems(
        tmp_path, "logo.png", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'
    ) == [
        "the file cannot be published as an image: it is not a PNG, JPEG, WebP or GIF image; export it again as "
        "PNG, JPEG, WebP or GIF"
    ]


def test_pixel_bombs_and_long_animations_are_refused_by_their_pixels(tmp_path: Path) -> None:
    """A 40,000 x 40,000 PNG of a few hundred bytes, and an animation whose frames add up past the limit."""
    assert _problems(tmp_path, "bomb.png", png(40000, 40000)) == [
        "the image is 40,000 x 40,000 pixels; the limit is 12,000,000 pixels (a phone must hold them all in "
        "memory to show it): scale it down"
    ]
    assert _problems(tmp_path, "movie.gif", gif(1000, 1000, frames=13)) == [
        "the image is 1,000 x 1,000 pixels (13,000,000 pixels over its frames); the limit is 12,000,000 pixels "
        "(a phone must hold them all in memory to show it): scale it down"
    ]


def test_bytes_after_the_end_of_the_image_are_refused(tmp_path: Path) -> None:
    """What follows the end of the image (an archive, a script, a second photo with its EXIF) is refused."""
    assert _problems(tmp_path, "a.png", png(after=b"PK\x03\x04 an archive")) == [
        "15 bytes follow the end of the image, where anything can hide; export it again"
    ]
    trailing = _problems(tmp_path, "b.jpg", jpeg(after=jpeg(GPS)))
    assert trailing[0].startswith("the image carries metadata (EXIF)")
    assert trailing[1].endswith("bytes follow the end of the image, where anything can hide; export it again")


def test_an_image_over_the_byte_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    """The size in bytes is checked first, with the limit."""
    big = png(chunks=[(b"tEXt", b"Comment\x00" + b"x" * 210_000)])
    assert _problems(tmp_path, "big.png", big) == [
        f"the image is {len(big):,} bytes; the limit is 204,800 bytes so pages stay light on slow connections: "
        "reduce its size or compress it"
    ]
