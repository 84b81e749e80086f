"""Images that carry the GPS position where they were taken are refused (EXIF in JPEG and WebP)."""

from __future__ import annotations

import struct
import subprocess
from pathlib import Path

from advocacy.content.repository import load_repository
from advocacy.reading.images import has_location
from tests.conftest import VALID_CASE, ProjectFactory, write_project
from tests.test_site_build import build


def _tiff(tag: int, little: bool = True) -> bytes:
    order = "<" if little else ">"
    header = (b"II*\x00" if little else b"MM\x00*") + struct.pack(order + "I", 8)
    entry = struct.pack(order + "HHII", tag, 4, 1, 0)
    return header + struct.pack(order + "H", 1) + entry + struct.pack(order + "I", 0)


def _jpeg(tag: int, little: bool = True) -> bytes:
    exif = b"Exif\x00\x00" + _tiff(tag, little)
    app1 = b"\xff\xe1" + struct.pack(">H", len(exif) + 2) + exif
    return b"\xff\xd8" + app1 + b"\xff\xda\x00\x02" + b"\x00" * 16 + b"\xff\xd9"


def _webp(tag: int) -> bytes:
    exif = b"Exif\x00\x00" + _tiff(tag)
    chunk = b"EXIF" + struct.pack("<I", len(exif)) + exif + (b"\x00" if len(exif) % 2 else b"")
    body = b"WEBP" + chunk
    return b"RIFF" + struct.pack("<I", len(body)) + body


def test_gps_in_exif_is_found_in_jpeg_and_webp() -> None:
    """A GPS pointer is found in both byte orders of a JPEG and in a WebP; other EXIF tags are not GPS."""
    assert has_location(_jpeg(0x8825))
    assert has_location(_jpeg(0x8825, little=False))
    assert has_location(_webp(0x8825))
    assert not has_location(_jpeg(0x010F))  # the camera maker
    assert not has_location(_webp(0x010F))
    assert not has_location(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)
    assert not has_location(b"\xff\xd8\xff")  # cut short: no answer is not an error


def test_an_image_with_gps_is_refused_and_so_is_the_case_that_shows_it(make_project: ProjectFactory) -> None:
    """The validator says why the photo is refused and how to clean it; the case showing it is held back."""
    case = VALID_CASE.replace("What was done.", "What was done.\n\n![The square](media/square.jpg)")
    project = make_project({"cases/square.md": case, "cases/media/square.jpg": _jpeg(0x8825)})
    repository = load_repository(project)
    messages = [str(p) for p in repository.problems]
    assert (
        "cases/media/square.jpg: error: the image carries the GPS position where it was taken (EXIF), which can "
        "put people at risk; remove its metadata before adding it (for example: exiftool -all= square.jpg, or "
        "export it again without location)"
    ) in messages
    assert any(
        m.startswith("cases/square.md:")
        and "cannot be published; see the problem reported for cases/media/square.jpg" in m
        for m in messages
    )
    assert repository.published_files() == []


def test_an_image_through_a_reference_definition_is_checked_like_an_inline_one(
    make_project: ProjectFactory,
) -> None:
    """![alt][label] with [label]: https://... is a remote image (refused), and ![][label] lacks its text."""
    body = (
        "What was done.\n\n![The square][photo] and ![][local]\n\n"
        "[photo]: https://example.org/square.jpg\n[LOCAL]: media/square.jpg\n"
    )
    case = VALID_CASE.replace("What was done.", body)
    project = make_project({"cases/square.md": case, "cases/media/square.jpg": _jpeg(0x010F)})
    messages = [str(p) for p in load_repository(project).problems]
    line = case.split("\n").index("![The square][photo] and ![][local]") + 1
    assert messages == [
        f'cases/square.md:{line}: error: "https://example.org/square.jpg" is not in the repository; put the image '
        "in cases/media/ and write ![description](media/<file name>) (the site loads nothing from other sites)",
        f'cases/square.md:{line}: error: the image "media/square.jpg" has no text alternative; describe it '
        "between the brackets: ![what the image shows](media/square.jpg)",
    ]


def test_no_git_author_appears_on_the_site(tmp_path: Path) -> None:
    """A site built from a repository with commits by a named author shows neither the name nor the e-mail."""
    project = write_project(tmp_path, {"cases/blackout.md": VALID_CASE})
    author = ["-c", "user.name=Jane Q. Contributor", "-c", "user.email=jane.contributor@example.net"]
    for command in (["init", "-q"], ["add", "-A"], [*author, "commit", "-q", "-m", "Add a case"]):
        subprocess.run(["git", *command], cwd=project.root, check=True, capture_output=True)
    assert build(project.root, "--strict").returncode == 0
    for page in (project.root / "site").rglob("*"):
        if page.is_file() and page.suffix in {".html", ".xml", ".json", ".csv", ".js"}:
            text = page.read_text(encoding="utf-8", errors="replace")
            assert "Jane Q. Contributor" not in text and "jane.contributor" not in text, page
