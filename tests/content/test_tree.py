"""The folders the site is built from: every symbolic link but the two documented ones is refused (to a file,
to a folder, in a loop, in cases/, cases/media/, docs/ or manifesto/), and docs/ publishes only its listed file
types under plain names."""

from __future__ import annotations

from pathlib import Path

import pytest

from advocacy.content.pages import check_pages, load_page_model
from advocacy.content.repository import load_repository
from advocacy.content.tree import link_problems, site_files
from tests.support.images import GPS, PNG, jpeg
from tests.support.project import VALID_CASE, ProjectFactory, write_project

LINK = (
    "this is a symbolic link; links are never published (one could publish a file of the machine that builds "
    "the site): replace it with the file itself, or delete it"
)


@pytest.mark.parametrize(
    ("link", "target"),
    [
        ("docs/passwd.md", "/etc/passwd"),
        ("docs/git-config.txt", "../.git/config"),
        ("docs/root", "/"),
        ("docs/about/loop", ".."),
        ("cases/media/photo.png", "/etc/hostname"),
        ("cases/media/all", "../.."),
        ("cases/vocabularies/topics-link.yml", "topics.yml"),
        ("cases/elsewhere.md", "/var/x.md"),
        ("manifesto/index.fr.md", "index.md"),
    ],
)
def test_every_symbolic_link_is_refused(make_project: ProjectFactory, link: str, target: str) -> None:
    """A link in any folder of content, to a file or a folder of the machine or of the repository, is named
    as a problem, whatever it points at (and even when the target does not exist)."""
    project = make_project({"cases/blackout.md": VALID_CASE, "docs/about/index.md": "# About\n"})
    (project.root / "manifesto").mkdir(exist_ok=True)
    (project.root / "docs/manifesto").symlink_to("../manifesto", target_is_directory=True)
    path = project.root / link
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to(target)
    assert [(p.file, p.message) for p in link_problems(project)] == [(link, LINK)]


def test_the_two_documented_links_must_lead_to_their_folders(make_project: ProjectFactory) -> None:
    """docs/cases and docs/manifesto are the links that bring content in; pointed elsewhere they are refused,
    and so is a top-level folder that is itself a link."""
    project = make_project({"cases/blackout.md": VALID_CASE})
    (project.root / "elsewhere").mkdir()
    (project.root / "manifesto").symlink_to("elsewhere", target_is_directory=True)
    (project.root / "docs/manifesto").symlink_to("/etc", target_is_directory=True)
    assert [(p.file, p.message) for p in link_problems(project)] == [
        ("manifesto", LINK),
        (
            "docs/manifesto",
            "this symbolic link must lead to the folder manifesto/ of the repository; create it with: ln -s "
            "../manifesto docs/manifesto",
        ),
    ]
    assert (
        link_problems(write_project(project.root.parent / "other", {"cases/blackout.md": VALID_CASE})) == []
    )


def test_a_linked_case_or_image_is_not_read(make_project: ProjectFactory, tmp_path: Path) -> None:
    """The repository refuses a case file or a media file that is a link, without reading its target."""
    secret = tmp_path / "secret.png"
    secret.write_bytes(PNG)
    project = make_project({"cases/blackout.md": VALID_CASE})
    (project.root / "cases/media").mkdir()
    (project.root / "cases/media/photo.png").symlink_to(secret)
    (project.root / "cases/other.md").symlink_to(project.root / "cases/blackout.md")
    repository = load_repository(project)
    assert [(p.file, p.message) for p in repository.problems] == [
        ("cases/media/photo.png", LINK),
        ("cases/other.md", LINK),
    ]
    assert repository.media == set()
    assert [f.display for f in repository.published_files()] == ["cases/blackout.md"]


def test_docs_publishes_only_its_listed_file_types_under_plain_names(make_project: ProjectFactory) -> None:
    """SVG, HTML, scripts, style sheets, upper-case extensions and names with quotes or spaces are refused."""
    project = make_project(
        {
            "docs/guide.md": "# Guide\n",
            "docs/figure.png": PNG,
            "docs/logo.svg": "<svg><script>alert(1)</script></svg>",
            "docs/page.html": "<script>alert(1)</script>",
            "docs/assets/x.js": "alert(1)",
            "docs/assets/x.css": "body{}",
            "docs/SHOUT.PNG": PNG,
            'docs/a"onmouseover=alert(1).md': "# x\n",
            "docs/with space.md": "# x\n",
            "docs/.hidden.md": "# x\n",
        }
    )
    files = site_files(project, load_page_model().formats)
    assert sorted(files.pages) == ["guide.md", "index.ar.md", "index.fr.md", "index.md"]
    assert files.images == ["figure.png"]
    assert sorted(files.refused) == sorted(
        [
            ".hidden.md",
            "SHOUT.PNG",
            'a"onmouseover=alert(1).md',
            "assets/x.css",
            "assets/x.js",
            "logo.svg",
            "page.html",
            "with space.md",
        ]
    )
    messages = {p.file: str(p) for p in files.problems}
    assert messages["docs/logo.svg"] == (
        'docs/logo.svg: error: a ".svg" file is not published from docs/; the files there may be: .md, .png, '
        ".jpg, .jpeg, .webp, .gif (lowercase); no SVG, HTML, script or style sheet, which could run on the "
        "site's address"
    )
    assert messages['docs/a"onmouseover=alert(1).md'] == (
        'docs/a"onmouseover=alert(1).md: error: "a"onmouseover=alert(1).md" is not a plain name: use Latin '
        'letters, digits, ".", "_" and "-" only (no spaces or quotes), for example a-onmouseover-alert-1-.md'
    )
    assert (
        messages["docs/.hidden.md"] == "docs/.hidden.md: warning: hidden files are not published; delete it"
    )


def test_images_in_docs_are_checked_like_the_cases_images(make_project: ProjectFactory) -> None:
    """A photo in docs/ with metadata is refused with the same message as one in cases/media/; a clean one
    is published."""
    project = make_project({"docs/photo.jpg": jpeg(GPS), "docs/ok.jpg": jpeg()})
    pages = check_pages(project)
    assert pages.refused == {"photo.jpg"}
    assert [str(p) for p in pages.problems] == [
        "docs/photo.jpg: error: the image carries metadata (EXIF (APP1 segment)), which can hold the GPS "
        "position where it was taken, the camera's serial number or a name, and can put people at risk; remove "
        "all of it before adding the image (for example: exiftool -all= photo.jpg, or export it again without "
        "metadata)"
    ]
