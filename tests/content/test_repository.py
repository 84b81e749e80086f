"""The repository as a whole: every file accounted for, valid content kept next to invalid content, files and
ids across cases, and the images of cases/media/ (in the exact words a contributor reads)."""

from __future__ import annotations

from typing import Any

import pytest

from advocacy.content import repository as repository_module
from advocacy.content.project import load_project
from advocacy.content.repository import load_repository
from tests.support.images import PNG, jpeg
from tests.support.paths import ROOT
from tests.support.project import VALID_CASE, VALID_TRANSLATION_FR, ProjectFactory
from tests.support.validation import GOOD, case, check, messages, published


def test_valid_case_and_translation_have_no_problems(make_project: ProjectFactory) -> None:
    """A correct original and its translation validate cleanly and are both published."""
    project = make_project({"cases/a-case.md": VALID_CASE, "cases/a-case.fr.md": VALID_TRANSLATION_FR})
    repository = load_repository(project)
    assert repository.problems == []
    assert [f.display for f in repository.published_files()] == ["cases/a-case.fr.md", "cases/a-case.md"]


def test_invalid_case_does_not_hide_valid_neighbour(make_project: ProjectFactory) -> None:
    """A broken case is left out while the valid one next to it is still published."""
    project = make_project(
        {"cases/good.md": VALID_CASE, "cases/bad.md": VALID_CASE.replace("outcome: success", "outcome: won")}
    )
    repository = load_repository(project)
    assert [str(p) for p in repository.problems] == [
        'cases/bad.md:6: error: outcome: found "won"; write one of: success, partial, failure, ongoing, unknown'
    ]
    assert [f.display for f in repository.published_files()] == ["cases/good.md"]


def test_translation_of_invalid_original_is_not_published(make_project: ProjectFactory) -> None:
    """A case is never half-published: without a valid original, its translations stay out too."""
    project = make_project(
        {
            "cases/a-case.md": VALID_CASE.replace("topics: [censorship]", "topics: [censorhip]"),
            "cases/a-case.fr.md": VALID_TRANSLATION_FR,
        }
    )
    assert load_repository(project).published_files() == []


def test_repository_content_is_valid() -> None:
    """Every case and vocabulary of the repository passes the validator."""
    repository = load_repository(load_project(ROOT))
    assert [str(p) for p in repository.problems] == []


# --- Files and ids across the repository ---------------------------------------------------------------


def test_duplicate_ids_are_refused(make_project: ProjectFactory) -> None:
    """foo.md and foo.en.md are two English files of one case: one message, and the case is left out."""
    repository = check(make_project, {**GOOD, "cases/foo.md": VALID_CASE, "cases/foo.en.md": VALID_CASE})
    assert messages(repository) == [
        'cases/foo.md: error: cases/foo.en.md is already the en version of the case "foo"; keep one of the two '
        "files",
    ]
    assert published(repository) == ["cases/good.md"]


def test_two_originals_of_one_case_are_refused(make_project: ProjectFactory) -> None:
    """Two files carrying full metadata for one id are both refused, with how to fix it."""
    repository = check(make_project, {**GOOD, "cases/foo.md": VALID_CASE, "cases/foo.fr.md": VALID_CASE})
    several = (
        "error: the case has several originals (cases/foo.fr.md, cases/foo.md); keep the metadata in the one "
        "written first and turn the others into translations (title, summary and a translation: field)"
    )
    assert messages(repository) == [f"cases/foo.fr.md: {several}", f"cases/foo.md: {several}"]
    assert published(repository) == ["cases/good.md"]


def test_translation_without_original_is_refused(make_project: ProjectFactory) -> None:
    """A translation whose original does not exist says which file to add."""
    repository = check(make_project, {**GOOD, "cases/foo.fr.md": VALID_TRANSLATION_FR})
    assert messages(repository) == [
        "cases/foo.fr.md: error: this translation has no original: add cases/foo.md (or "
        "cases/foo.<language>.md) with the case's full metadata"
    ]
    assert published(repository) == ["cases/good.md"]


def test_unknown_language_suffix_is_refused(make_project: ProjectFactory) -> None:
    """foo.de.md on a site without German names the site languages."""
    repository = check(make_project, {**GOOD, "cases/foo.de.md": VALID_CASE})
    assert messages(repository) == [
        'cases/foo.de.md: error: ".de" is not a site language; the languages are en, fr, ar (add a language in '
        "mkdocs.yml first)"
    ]
    assert published(repository) == ["cases/good.md"]


def test_related_cases_must_exist_and_not_be_the_case_itself(make_project: ProjectFactory) -> None:
    """related and inspired_by naming a missing case, or the case itself, are reported on their lines."""
    text = case(("published:", "related: [foo, missing-case]\ninspired_by: [nope]\npublished:"))
    repository = check(make_project, {**GOOD, "cases/foo.md": text})
    assert messages(repository) == [
        "cases/foo.md:14: error: related: a case cannot name itself; remove it",
        'cases/foo.md:14: error: related: there is no case "missing-case" (no file cases/missing-case.md or '
        "cases/missing-case.<language>.md); check the id",
        'cases/foo.md:15: error: inspired_by: there is no case "nope" (no file cases/nope.md or '
        "cases/nope.<language>.md); check the id",
    ]
    assert published(repository) == ["cases/good.md"]


def test_stray_files_and_folders_are_reported_not_skipped(make_project: ProjectFactory) -> None:
    """A .MD file, a notes.txt and a subfolder are each reported; nothing is silently left out."""
    repository = check(
        make_project,
        {**GOOD, "cases/foo.MD": VALID_CASE, "cases/notes.txt": "to do\n", "cases/drafts/bar.md": VALID_CASE},
    )
    assert messages(repository) == [
        "cases/drafts/: error: folders inside cases/ are not read (except media/ and vocabularies/); move its case "
        "files directly into cases/",
        'cases/foo.MD: error: case files end in ".md"; rename it to foo.md (or <id>.<language>.md)',
        "cases/notes.txt: error: cases/ holds only case files (<id>.md or <id>.<language>.md), media/ and "
        "vocabularies/; move this file (images go in cases/media/)",
    ]
    assert published(repository) == ["cases/good.md"]


# --- Images and media ----------------------------------------------------------------------------------


def with_image(markdown: str) -> str:
    return case(("What was done.", markdown))


def test_image_in_media_is_accepted(make_project: ProjectFactory) -> None:
    """An image of cases/media/ with a text alternative is published with its case."""
    repository = check(
        make_project,
        {
            "cases/pics.md": with_image("![A crowd in front of parliament](media/crowd.png)"),
            "cases/media/crowd.png": PNG,
        },
    )
    assert messages(repository) == []
    assert repository.published_media() == ["cases/media/crowd.png"]


def test_image_without_alt_text_is_refused(make_project: ProjectFactory) -> None:
    """An image with empty brackets is refused on its line, with how to describe it."""
    repository = check(
        make_project,
        {
            "cases/good.md": with_image("![A crowd in front of parliament](media/crowd.png)"),
            "cases/pics.md": with_image("![](media/crowd.png)"),
            "cases/media/crowd.png": PNG,
        },
    )
    assert messages(repository) == [
        'cases/pics.md:23: error: the image "media/crowd.png" has no text alternative; describe it between the '
        "brackets: ![what the image shows](media/crowd.png)"
    ]
    assert published(repository) == ["cases/good.md"]


def test_external_image_is_refused(make_project: ProjectFactory) -> None:
    """An image loaded from another site is refused: the site loads nothing from elsewhere."""
    repository = check(
        make_project, {**GOOD, "cases/pics.md": with_image("![A crowd](https://example.org/crowd.png)")}
    )
    assert messages(repository) == [
        'cases/pics.md:23: error: "https://example.org/crowd.png" is not in the repository; put the image in '
        "cases/media/ and write ![description](media/<file name>) (the site loads nothing from other sites)"
    ]
    assert published(repository) == ["cases/good.md"]


def test_external_image_in_angle_brackets_is_refused(make_project: ProjectFactory) -> None:
    """An address written <like this> with a space in it is still seen as an image from another site."""
    repository = check(
        make_project, {**GOOD, "cases/pics.md": with_image("![A crowd](<https://example.org/a b.png>)")}
    )
    assert messages(repository) == [
        'cases/pics.md:23: error: "https://example.org/a b.png" is not in the repository; put the image in '
        "cases/media/ and write ![description](media/<file name>) (the site loads nothing from other sites)"
    ]
    assert published(repository) == ["cases/good.md"]


def test_missing_media_file_is_refused(make_project: ProjectFactory) -> None:
    """An image pointing at a file that is not in cases/media/ is refused on its line."""
    repository = check(make_project, {**GOOD, "cases/pics.md": with_image("![A crowd](media/nope.png)")})
    assert messages(repository) == [
        'cases/pics.md:23: error: the image "media/nope.png" does not exist; write media/<file name> for a file of '
        "cases/media/"
    ]
    assert published(repository) == ["cases/good.md"]


def test_oversized_media_file_is_refused(make_project: ProjectFactory) -> None:
    """An image over 200 KiB is refused with its size and the limit."""
    big = PNG + bytes(250 * 1024 - len(PNG))
    repository = check(make_project, {**GOOD, "cases/media/big.png": big})
    assert messages(repository) == [
        "cases/media/big.png: error: the image is 256,000 bytes; the limit is 204,800 bytes so pages stay light on slow "
        "connections: reduce its size or compress it"
    ]
    assert repository.published_media() == []


def test_unused_media_file_is_a_warning(make_project: ProjectFactory) -> None:
    """An image no case shows is a warning: the case next to it is still published."""
    repository = check(make_project, {**GOOD, "cases/media/crowd.png": PNG})
    assert messages(repository) == [
        "cases/media/crowd.png: warning: no case shows this image, so it is not published; use it in a "
        "case or delete it"
    ]
    assert published(repository) == ["cases/good.md"]
    assert repository.error_count == 0


def test_image_of_a_refused_case_is_not_published(make_project: ProjectFactory) -> None:
    """An image shown only by a refused case is not copied into the site."""
    repository = check(
        make_project, {"cases/pics.md": with_image("![](media/crowd.png)"), "cases/media/crowd.png": PNG}
    )
    assert published(repository) == []
    assert repository.published_media() == []


def test_oversized_image_shown_by_a_case_is_not_called_missing(make_project: ProjectFactory) -> None:
    """A case showing an image that is too large is not told that the image does not exist."""
    big = PNG + bytes(250 * 1024 - len(PNG))
    repository = check(
        make_project, {"cases/pics.md": with_image("![A crowd](media/big.png)"), "cases/media/big.png": big}
    )
    assert not any("does not exist" in message for message in messages(repository))


def test_an_image_with_gps_is_refused_and_so_is_the_case_that_shows_it(make_project: ProjectFactory) -> None:
    """The validator says why the photo is refused and how to clean it; the case showing it is held back."""
    case = VALID_CASE.replace("What was done.", "What was done.\n\n![The square](media/square.jpg)")
    project = make_project({"cases/square.md": case, "cases/media/square.jpg": jpeg(0x8825)})
    repository = load_repository(project)
    messages = [str(p) for p in repository.problems]
    assert (
        "cases/media/square.jpg: error: the image carries metadata (EXIF (APP1 segment)), which can hold the GPS "
        "position where it was taken, the camera's serial number or a name, and can put people at risk; remove "
        "all of it before adding the image (for example: exiftool -all= square.jpg, or export it again without "
        "metadata)"
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
    project = make_project({"cases/square.md": case, "cases/media/square.jpg": jpeg()})
    messages = [str(p) for p in load_repository(project).problems]
    line = case.split("\n").index("![The square][photo] and ![][local]") + 1
    assert messages == [
        f'cases/square.md:{line}: error: "https://example.org/square.jpg" is not in the repository; put the image '
        "in cases/media/ and write ![description](media/<file name>) (the site loads nothing from other sites)",
        f'cases/square.md:{line}: error: the image "media/square.jpg" has no text alternative; describe it '
        "between the brackets: ![what the image shows](media/square.jpg)",
    ]


def test_reading_in_two_processes_gives_what_one_reads(
    make_project: ProjectFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`mkdocs build` and `advocacy validate` read the case files in two processes: the same cases, files and
    problems, in the same order, as one process; files whose names are wrong are still reported."""
    monkeypatch.setattr(repository_module, "PARALLEL_FROM", 2)
    read_here: list[str] = []
    read_case = repository_module._read_case

    def counted(*args: Any) -> Any:
        read_here.append(args[-1].name)  # in this process only: the other process counts in its own copy
        return read_case(*args)

    monkeypatch.setattr(repository_module, "_read_case", counted)
    files: dict[str, str | bytes] = {
        f"cases/case-{n}.md": VALID_CASE.replace("title: A blackout", f"title: Blackout {n}")
        for n in range(9)
    }
    files["cases/case-3.fr.md"] = VALID_TRANSLATION_FR
    files["cases/case-5.md"] = VALID_CASE.replace("outcome: success", "outcome: triumph")
    files["cases/Bad Name.md"] = VALID_CASE
    project = make_project(files)
    one = load_repository(project)
    assert len(read_here) == 10  # every file with a good name, in this process
    read_here.clear()
    two = load_repository(project, workers=2)
    assert 0 < len(read_here) < 10  # the other process read the rest
    assert [f.display for f in two.files] == [f.display for f in one.files]
    assert two.files == one.files
    assert two.problems == one.problems
    assert any(p.file == "cases/Bad Name.md" for p in two.problems)
    assert any(p.file == "cases/case-5.md" and "triumph" in p.message for p in two.problems)
