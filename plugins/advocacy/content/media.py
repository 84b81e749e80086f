"""Images the site publishes (``cases/media/`` and ``docs/``): the one check every image file goes through.

An image is published only when it is what its name says (a ``.png`` holds a PNG), carries no EXIF, XMP or
IPTC metadata at all (they can hold the GPS position where a photo was taken, the camera's serial number, a
name), has nothing after the end of the image, and is small enough for a cheap phone on prepaid data: in bytes
and in pixels.
"""

from __future__ import annotations

from pathlib import Path

from advocacy.content.model import Limits
from advocacy.reading.images import ImageError, read_image

FORMATS = {"png": "png", "jpg": "jpeg", "jpeg": "jpeg", "webp": "webp", "gif": "gif"}
"""The image format each accepted file extension must hold."""


def image_problems(path: Path, limits: Limits) -> list[str]:
    """What keeps the image at ``path`` out of the site (messages for its author), or ``[]``."""
    extension = path.suffix.lower().lstrip(".")
    size = path.stat().st_size
    if size > limits.media_bytes:
        return [
            f"the image is {size:,} bytes; the limit is {limits.media_bytes:,} bytes so pages stay light on "
            "slow connections: reduce its size or compress it"
        ]
    try:
        facts = read_image(path.read_bytes())
    except ImageError as exc:
        return [f"the file cannot be published as an image: {exc}; export it again as PNG, JPEG, WebP or GIF"]
    problems = []
    expected = FORMATS.get(extension)
    if expected is not None and facts.format != expected:
        right = "jpg" if facts.format == "jpeg" else facts.format
        problems.append(
            f'the file is named ".{extension}" but holds a {facts.format.upper()} image; rename it to '
            f"{path.stem}.{right}"
        )
    if facts.metadata:
        blocks = ", ".join(facts.metadata)
        problems.append(
            f"the image carries metadata ({blocks}), which can hold the GPS position where it was taken, the "
            "camera's serial number or a name, and can put people at risk; remove all of it before adding the "
            f"image (for example: exiftool -all= {path.name}, or export it again without metadata)"
        )
    if facts.pixels > limits.media_pixels:
        problems.append(
            f"the image is {facts.width:,} x {facts.height:,} pixels"
            + (
                f" ({facts.pixels:,} pixels over its frames)"
                if facts.pixels > facts.width * facts.height
                else ""
            )
            + f"; the limit is {limits.media_pixels:,} pixels (a phone must hold them all in memory to show it): "
            "scale it down"
        )
    if facts.trailing > 0:
        problems.append(
            f"{facts.trailing:,} bytes follow the end of the image, where anything can hide; export it again"
        )
    return problems
