"""The manifesto: clauses and their ids, version numbers, the changelog and endorsements, the pull-request
check, the clause-by-clause diff and the release (the advocacy.manifesto subpackage and
`advocacy manifesto ...`)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest
import yaml

from advocacy.cli.main import main
from advocacy.content.project import Project, load_project
from advocacy.manifesto.changelog import read_changelog
from advocacy.manifesto.diff import compare, word_diff
from advocacy.manifesto.model import ManifestoText, Version, level_of, load_manifesto_model, parse_version
from advocacy.manifesto.reading import load_manifesto
from advocacy.manifesto.release import ReleaseError, next_version, release
from advocacy.manifesto.summary import markdown_summary
from advocacy.manifesto.text import parse_text
from advocacy.translations.pins import fingerprint, pin_of, with_pin
from tests.conftest import write_project

REPOSITORY = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 6, 1)
INDEX = "manifesto/index.md"
CHANGELOG = "manifesto/changelog.yml"
LANGUAGES = ("en", "fr", "ar")

# Lines: 5 Principles, 9 Free knowledge, 13 Public domain, 17 Privacy.
TEXT = """\
---
title: Test manifesto
---

## Principles {#principles}

Why we act together.

### Free knowledge {#free-knowledge}

Everyone should be able to read and share knowledge.

### Public domain {#public-domain}

Facts and old works belong to everyone.

### Privacy {#privacy}

Readers must never be watched.
"""

TEXT_FR = """\
---
title: Manifeste de test
translation:
  method: machine
---

## Principes {#principles}

Pourquoi nous agissons ensemble.

### Savoir libre {#free-knowledge}

Chacun devrait pouvoir lire et partager le savoir.

### Domaine public {#public-domain}

Les faits et les œuvres anciennes appartiennent à tous.

### Vie privée {#privacy}

Les lecteurs ne doivent jamais être surveillés.
"""

TEXT_AR = """\
---
title: بيان تجريبي
translation:
  method: machine
---

## المبادئ {#principles}

لماذا نعمل معا.

### المعرفة الحرة {#free-knowledge}

ينبغي أن يتمكن الجميع من قراءة المعرفة ومشاركتها.

### الملك العام {#public-domain}

الحقائق والأعمال القديمة ملك للجميع.

### الخصوصية {#privacy}

لا يجوز مراقبة القراء أبدا.
"""

# The first item of `unreleased` is on line 3, each next one three lines lower; the 0.1.0 entry is on line 4.
CHANGELOG_TEXT = """\
# The changelog of the test manifesto.
unreleased: []
versions:
  - version: 0.1.0
    date: 2026-01-10
    status: draft
    summary: First draft.
"""

# The same words as TEXT, in the free-knowledge clause (line 11) changed.
EDITED = TEXT.replace("read and share knowledge.", "read, share and improve knowledge.")


def frozen(text: str, version: str) -> str:
    """A manifesto file as a release writes it: ``version:`` in its frontmatter."""
    return text.replace("\n---\n", f"\nversion: {version}\n---\n", 1)


def pinned(translation: str, source: str) -> str:
    """A translation pinned to (current with) ``source``."""
    return with_pin(translation, fingerprint(source), "machine")


def with_unreleased(changelog: str, *items: tuple[str, str, str]) -> str:
    """The changelog with these (clause, change, note) items under ``unreleased``."""
    lines = "".join(f"  - clause: {c}\n    change: {k}\n    note: {n}\n" for c, k, n in items)
    return changelog.replace("unreleased: []\n", "unreleased:\n" + lines, 1)


def manifesto_files(changes: dict[str, str | None] | None = None) -> dict[str, str | bytes]:
    """A valid manifesto released as 0.1.0 (English and French), with ``changes`` (``None`` deletes a file)."""
    files: dict[str, str | None] = {
        INDEX: TEXT,
        "manifesto/index.fr.md": pinned(TEXT_FR, TEXT),
        CHANGELOG: CHANGELOG_TEXT,
        "manifesto/versions/0.1.0/index.md": frozen(TEXT, "0.1.0"),
        "manifesto/versions/0.1.0/index.fr.md": frozen(pinned(TEXT_FR, TEXT), "0.1.0"),
        **(changes or {}),
    }
    return {name: content for name, content in files.items() if content is not None}


def make(tmp_path: Path, changes: dict[str, str | None] | None = None) -> Project:
    """A project holding :func:`manifesto_files`."""
    return write_project(tmp_path / "hub", manifesto_files(changes))


Found = tuple[str, int | None, str | None, str]


def problems_of(project: Project, today: dt.date = TODAY) -> list[Found]:
    """(file, line, field, message) of every problem of the project's manifesto."""
    return [(p.file, p.line, p.field, p.message) for p in load_manifesto(project, today).problems]


def parsed(markdown: str) -> ManifestoText:
    """A manifesto file that must parse without problems."""
    text, problems = parse_text(markdown, INDEX)
    assert problems == []
    assert text is not None
    return text


def endorsement(name: str, country: str, *versions: tuple[str, str], website: str = "") -> str:
    """An endorsements file endorsing each (version, date)."""
    items = "".join(
        f"  - version: {v}\n    date: {d}\n    evidence: https://example.org/minutes/{d}\n"
        for v, d in versions
    )
    site = website or f"https://example.org/{country.lower()}"
    return f"name: {name}\ntype: chapter\ncountry: {country}\nwebsite: {site}\nendorsements:\n{items}"


# Parsing -------------------------------------------------------------------------------------------------


def test_parse_text_reads_the_ids_titles_bodies_and_levels_of_parts_and_clauses() -> None:
    """Each part and clause is found with its id, title, text and line, which the site anchors and links use."""
    text = parsed(TEXT)
    assert text.title == "Test manifesto"
    assert text.version is None
    assert [(c.id, c.level, c.title, c.line) for c in text.clauses] == [
        ("principles", 2, "Principles", 5),
        ("free-knowledge", 3, "Free knowledge", 9),
        ("public-domain", 3, "Public domain", 13),
        ("privacy", 3, "Privacy", 17),
    ]
    assert text.by_id["free-knowledge"].body == "Everyone should be able to read and share knowledge."
    assert text.by_id["privacy"].paragraphs == ("Readers must never be watched.",)
    assert parsed(frozen(TEXT, "0.1.0")).version == "0.1.0"


def test_paragraphs_are_what_a_reader_reads() -> None:
    """Markup and line wrapping do not count as words: one string per paragraph or list item."""
    text = parsed(
        "---\ntitle: T\n---\n\n### Lists {#lists}\n\nSome *emphasised*\nwords, [a link](https://example.org/).\n\n"
        "- first item\n- second item\n"
    )
    assert text.clauses[0].paragraphs == ("Some emphasised words, a link.", "first item", "second item")


def test_a_heading_without_an_id_gets_a_suggested_one() -> None:
    """The message gives the heading back with an id to paste."""
    text, problems = parse_text(
        TEXT.replace("### Public domain {#public-domain}", "### Public domain"), INDEX
    )
    assert [str(p) for p in problems] == [
        'manifesto/index.md:13: error: the heading "Public domain" has no id; end it with one that will never '
        'change, such as "### Public domain {#public-domain}"'
    ]
    assert text is not None
    assert [c.id for c in text.clauses] == ["principles", "free-knowledge", "privacy"]


def test_a_heading_in_another_script_gets_a_placeholder_id() -> None:
    """A title without Latin letters still gets a usable suggestion."""
    _, problems = parse_text("---\ntitle: T\n---\n\n### الخصوصية\n\nText.\n", INDEX)
    assert problems[0].line == 5
    assert '"### الخصوصية {#clause-id}"' in problems[0].message


def test_an_invalid_id_is_refused() -> None:
    """An id with capitals or underscores is reported on its line, with the rule to follow."""
    _, problems = parse_text(TEXT.replace("{#privacy}", "{#Reader_Privacy}"), INDEX)
    assert [(p.file, p.line, p.message) for p in problems] == [
        (
            INDEX,
            17,
            '"Reader_Privacy" is not a valid clause id; use lowercase Latin letters, digits and hyphens (the id '
            "is the same in every language)",
        )
    ]


def test_a_duplicate_id_names_the_line_of_the_first() -> None:
    """Two headings with one id: the second is reported, pointing at the first."""
    text, problems = parse_text(TEXT.replace("{#privacy}", "{#free-knowledge}"), INDEX)
    assert [(p.line, p.message) for p in problems] == [
        (17, 'the id "free-knowledge" is already used on line 9; give each heading its own id')
    ]
    assert text is not None
    assert text.by_id["free-knowledge"].line == 9


def test_headings_inside_code_fences_are_not_clauses() -> None:
    """A Markdown example in a code block neither creates a clause nor ends the one around it."""
    text, problems = parse_text(
        TEXT.replace(
            "Readers must never be watched.\n", "Readers must never be watched.\n\n```md\n### x\n```\n"
        ),
        INDEX,
    )
    assert problems == []
    assert text is not None
    assert [c.id for c in text.clauses] == ["principles", "free-knowledge", "public-domain", "privacy"]
    assert text.by_id["privacy"].body.endswith("```md\n### x\n```")


def test_the_words_of_a_code_block_are_its_code() -> None:
    """A code block reads as its code in the diff, not as ``` fences and a heading."""
    text = parsed("---\ntitle: T\n---\n\n### Example {#example}\n\n```md\n### A heading {#anchor}\n```\n")
    assert text.clauses[0].paragraphs == ("### A heading {#anchor}",)


def test_a_title_is_required_and_level_one_headings_are_refused() -> None:
    """The title lives in the frontmatter; a # heading in the body is reported on its line."""
    _, problems = parse_text("---\n---\n\n# Manifesto\n\n### One {#one}\n\nText.\n", INDEX)
    assert [(p.line, p.field, p.message) for p in problems] == [
        (1, "title", 'the manifesto needs a title: add "title: ..." to its frontmatter'),
        (4, None, "the title is in the frontmatter; start parts with ## and clauses with ###"),
    ]


def test_a_text_without_clauses_and_raw_html_are_reported() -> None:
    """An empty manifesto and raw HTML (which the site would not show safely) are errors."""
    _, problems = parse_text('---\ntitle: T\n---\n\nIntro <span onclick="x">here</span>.\n', INDEX)
    assert [(p.line, p.message) for p in problems] == [
        (5, 'found raw HTML ("<span>"); write Markdown without it'),
        (None, "the manifesto has no clauses (### Title {#id} headings)"),
    ]


# Versions ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.2.0", Version(1, 2, 0)),
        ("0.10.3", Version(0, 10, 3)),
        ("1.2", None),
        ("v1.2.0", None),
        ("01.2.0", None),
        ("1.2.0-rc1", None),
    ],
)
def test_parse_version_accepts_only_major_minor_patch(text: str, expected: Version | None) -> None:
    """Only MAJOR.MINOR.PATCH is a version number; anything else is refused by the changelog check."""
    assert parse_version(text) == expected


def test_versions_order_as_numbers() -> None:
    """0.10.0 is newer than 0.9.0, so the changelog order check does not compare text."""
    assert Version(0, 10, 0) > Version(0, 9, 5) > Version(0, 9, 0)
    assert str(Version(1, 10, 2)) == "1.10.2"
    assert Version(1, 2, 3).raised("patch") == Version(1, 2, 4)
    assert Version(1, 2, 3).raised("minor") == Version(1, 3, 0)
    assert Version(1, 2, 3).raised("major") == Version(2, 0, 0)


@pytest.mark.parametrize(
    ("current", "kinds", "level"),
    [
        ("1.0.0", ["wording"], "patch"),
        ("1.0.0", ["wording", "added"], "minor"),
        ("1.0.0", ["refined"], "minor"),
        ("1.0.0", ["wording", "reversed"], "major"),
        ("1.0.0", ["removed"], "major"),
        ("1.0.0", [], "patch"),
        # Before 1.0.0 the text is a draft: one level less.
        ("0.3.0", ["wording"], "patch"),
        ("0.3.0", ["added"], "patch"),
        ("0.3.0", ["refined"], "patch"),
        ("0.3.0", ["removed"], "minor"),
        ("0.3.0", ["reversed", "wording"], "minor"),
    ],
)
def test_the_kinds_of_change_decide_the_part_of_the_version_raised(
    current: str, kinds: list[str], level: str
) -> None:
    """The release number follows the documented table, one step less before 1.0.0."""
    version = parse_version(current)
    assert version is not None
    assert level_of(kinds, version, load_manifesto_model()) == level


# Comparing texts -----------------------------------------------------------------------------------------


def test_word_diff_marks_the_changed_words() -> None:
    """Only the words that changed are marked deleted or inserted; the rest stays as it was."""
    assert word_diff(
        ("Facts and old works belong to everyone.",), ("Facts and expired works belong to everyone.",)
    ) == [
        ("same", "Facts and"),
        ("del", "old"),
        ("ins", "expired"),
        ("same", "works belong to everyone."),
    ]
    assert word_diff(("Readers must never be watched.",), ("Readers must never be tracked or watched.",)) == [
        ("same", "Readers must never be"),
        ("ins", "tracked or"),
        ("same", "watched."),
    ]


def test_word_diff_keeps_paragraph_breaks_and_whole_tokens() -> None:
    """A paragraph break is its own run, and version numbers and punctuation stay attached to their words."""
    assert word_diff(
        ("Version 1.0.0 is here.", "Second one."), ("Version 1.1.0 is here.", "Second one.")
    ) == [
        ("same", "Version"),
        ("del", "1.0.0"),
        ("ins", "1.1.0"),
        ("same", "is here."),
        ("same", "\n"),
        ("same", "Second one."),
    ]
    assert word_diff(("One.",), ("One.", "Two.")) == [("same", "One."), ("ins", "\n"), ("ins", "Two.")]


def test_identical_texts_have_no_changes() -> None:
    """Re-wrapping lines or changing the frontmatter is not a change of the text."""
    rewrapped = TEXT.replace("be able to read and share", "be able\nto read and share")
    assert compare(parsed(TEXT), parsed(rewrapped)) == []
    assert compare(parsed(TEXT), parsed(frozen(TEXT, "0.1.0"))) == []
    assert word_diff(("Same words.",), ("Same words.",)) == [("same", "Same words.")]


def test_compare_lists_added_and_removed_clauses_where_they_stand() -> None:
    """Changes come in reading order: a new clause where it was added, a removed one where it stood."""
    new = TEXT.replace(
        "### Free knowledge",
        "### Open access {#open-access}\n\nResearch paid by the public is open.\n\n### Free knowledge",
    )
    new = new.replace("### Public domain {#public-domain}\n\nFacts and old works belong to everyone.\n\n", "")
    new = new.replace("read and share", "read, share and improve")
    changes = compare(parsed(TEXT), parsed(new))
    assert [(c.kind, c.id) for c in changes] == [
        ("added", "open-access"),
        ("changed", "free-knowledge"),
        ("removed", "public-domain"),
    ]
    assert changes[0].old is None and changes[0].clause.line == 9
    assert changes[2].new is None and changes[2].clause.title == "Public domain"


def test_compare_places_a_removed_first_clause_first() -> None:
    """Removing the first part and adding a clause at the end keeps that order."""
    new = TEXT.replace("## Principles {#principles}\n\nWhy we act together.\n\n", "") + (
        "\n### Open access {#open-access}\n\nResearch paid by the public is open.\n"
    )
    assert [(c.kind, c.id) for c in compare(parsed(TEXT), parsed(new))] == [
        ("removed", "principles"),
        ("added", "open-access"),
    ]
    assert [(c.kind, c.id) for c in compare(None, parsed(TEXT))] == [
        ("added", "principles"),
        ("added", "free-knowledge"),
        ("added", "public-domain"),
        ("added", "privacy"),
    ]


def test_a_moved_clause_shows_in_the_summary() -> None:
    """After moving a clause, the diff the check points to must not say that the text is the same."""
    moved = TEXT.replace(
        "### Public domain {#public-domain}\n\nFacts and old works belong to everyone.\n\n", ""
    )
    moved += "\n### Public domain {#public-domain}\n\nFacts and old works belong to everyone.\n"
    summary = markdown_summary(compare(parsed(TEXT), parsed(moved)), "main", "HEAD")
    assert "The text of the manifesto is the same." not in summary
    # Two neighbours swapped places: either one may be named as the one that moved.
    assert (
        "### Moved: Privacy (`privacy`)" in summary or "### Moved: Public domain (`public-domain`)" in summary
    )


def test_compare_detects_a_changed_title() -> None:
    """A clause whose heading changed but not its words is listed as changed, and the title diff is shown."""
    new = TEXT.replace("### Privacy {#privacy}", "### Privacy of readers {#privacy}")
    changes = compare(parsed(TEXT), parsed(new))
    assert [(c.kind, c.id) for c in changes] == [("changed", "privacy")]
    summary = markdown_summary(changes, "main", "HEAD")
    assert (
        "### Changed: Privacy <ins>of readers</ins> (`privacy`)\n\nReaders must never be watched.\n"
        in summary
    )


def test_markdown_summary_marks_words_and_lists_every_change() -> None:
    """The pull-request summary counts the changes and shows each clause with <del> and <ins>."""
    new = TEXT.replace("old works", "expired works").replace(
        "### Privacy {#privacy}\n\nReaders must never be watched.\n",
        "### Open access {#open-access}\n\nResearch is open.\n\nData too.\n",
    )
    summary = markdown_summary(
        compare(parsed(TEXT), parsed(new)), "main", "working tree", ["`x.yml` changed"]
    )
    assert summary == (
        "## Manifesto changes\n\n"
        "From `main` to `working tree` (manifesto/index.md): 1 clause changed, 1 clause added, 1 clause removed.\n\n"
        "### Changed: Public domain (`public-domain`)\n\n"
        "Facts and <del>old</del> <ins>expired</ins> works belong to everyone.\n\n"
        "### Removed: Privacy (`privacy`)\n\n"
        "<del>Readers must never be watched.</del>\n\n"
        "### Added: Open access (`open-access`)\n\n"
        "<ins>Research is open.</ins>\n\n<ins>Data too.</ins>\n\n"
        "- `x.yml` changed\n"
    )
    assert markdown_summary([], "main", "HEAD") == (
        "## Manifesto changes\n\nFrom `main` to `HEAD` (manifesto/index.md): 0 clauses changed, 0 clauses added, "
        "0 clauses removed.\n\nThe text of the manifesto is the same.\n"
    )


def test_markdown_summary_escapes_html_mentions_and_issue_references() -> None:
    """Text from a pull request cannot inject HTML, ping people or link issues in the summary."""
    new = TEXT.replace(
        "Readers must never be watched.",
        "Never run `<script>alert(1)</script>`; write to @octocat about #12.",
    ).replace("### Privacy {#privacy}", "### Privacy <b>now</b> {#privacy}")
    text, problems = parse_text(new, INDEX)
    assert text is not None
    assert [p.message for p in problems] == ['found raw HTML ("<b>"); write Markdown without it']
    summary = markdown_summary(compare(parsed(TEXT), text), "main", "HEAD")
    assert "<script>" not in summary and "<b>" not in summary
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in summary
    assert "@\u200boctocat" in summary and "&#35;12" in summary
    assert "@octocat" not in summary and "#12" not in summary
    assert "Privacy <ins>&lt;b&gt;now&lt;/b&gt;</ins>" in summary


# Changelog -----------------------------------------------------------------------------------------------


def test_the_example_manifesto_is_valid(tmp_path: Path) -> None:
    """The fixture the other tests change loads without problems (so each test shows one problem)."""
    manifesto = load_manifesto(make(tmp_path), TODAY)
    assert manifesto.problems == []
    assert sorted(manifesto.texts) == ["en", "fr"]
    assert sorted(manifesto.versions["0.1.0"]) == ["en", "fr"]
    assert manifesto.current_languages == {"en", "fr"}
    assert manifesto.changelog is not None and manifesto.changelog.latest is not None
    assert manifesto.changelog.latest.version == "0.1.0"


def test_changelog_items_are_checked_field_by_field() -> None:
    """An unknown kind of change and a missing note are reported with the file, line and field."""
    text = with_unreleased(CHANGELOG_TEXT, ("privacy", "rewritten", "Clearer.")).replace(
        "unreleased:\n", "unreleased:\n  - clause: privacy\n    change: wording\n", 1
    )
    changelog, problems = read_changelog(text, CHANGELOG, LANGUAGES)
    assert [(p.line, p.field, p.message) for p in problems] == [
        (
            3,
            "unreleased[1].note",
            'the required field "note" is missing; add it (What changed and why, in one or two plain sentences.)',
        ),
        (
            6,
            "unreleased[2].change",
            'found "rewritten"; write one of: wording, refined, added, reversed, removed',
        ),
    ]
    assert changelog is not None and changelog.unreleased == ()


@pytest.mark.parametrize(
    ("version", "field", "message"),
    [
        (
            '"1.0"',
            "versions[1].version",
            '"1.0" is not a version number; write MAJOR.MINOR.PATCH, such as 1.2.0',
        ),
        (
            "v0.1.0",
            "versions[1].version",
            '"v0.1.0" is not a version number; write MAJOR.MINOR.PATCH, such as 1.2.0',
        ),
        ("1.0", "versions[1].version", 'expected text, found the number 1.0; put it in quotes: "1.0"'),
    ],
)
def test_a_bad_version_string_is_refused(version: str, field: str, message: str) -> None:
    """A version that is not MAJOR.MINOR.PATCH is reported on its line."""
    changelog, problems = read_changelog(
        CHANGELOG_TEXT.replace("version: 0.1.0", f"version: {version}"), CHANGELOG, LANGUAGES
    )
    assert [(p.file, p.line, p.field, p.message) for p in problems] == [(CHANGELOG, 4, field, message)]
    assert changelog is not None and changelog.releases == ()


def test_versions_must_be_listed_newest_first_and_once() -> None:
    """An older version above a newer one, or a version listed twice, is reported on the later entry."""
    older_first = CHANGELOG_TEXT + (
        "  - version: 0.2.0\n    date: 2026-02-10\n    status: draft\n    summary: Second.\n"
        "  - version: 0.2.0\n    date: 2026-02-10\n    status: draft\n    summary: Again.\n"
    )
    _, problems = read_changelog(older_first, CHANGELOG, LANGUAGES)
    assert [(p.line, p.field, p.message) for p in problems] == [
        (8, "versions", "list versions newest first, each once: 0.1.0 comes before 0.2.0"),
        (12, "versions", "list versions newest first, each once: 0.2.0 comes before 0.2.0"),
    ]


def test_an_item_after_a_malformed_one_keeps_its_line(tmp_path: Path) -> None:
    """A problem of the second unreleased item points at that item, not at the malformed one above it."""
    changelog = CHANGELOG_TEXT.replace(
        "unreleased: []\n",
        "unreleased:\n  - just text\n  - clause: privcy\n    change: wording\n    note: Typo.\n",
    )
    problems = problems_of(make(tmp_path, {INDEX: EDITED, CHANGELOG: changelog}))
    assert (
        CHANGELOG,
        4,
        "unreleased",
        'no clause has the id "privcy"; name the clause by the id in its heading ({#...})',
    ) in problems


def test_a_changelog_that_is_not_a_mapping_or_not_yaml_is_reported() -> None:
    """A list or broken YAML gets one message saying what the file must contain, not a traceback."""
    assert [str(p) for p in read_changelog("- 0.1.0\n", CHANGELOG, LANGUAGES)[1]] == [
        "manifesto/changelog.yml:1: error: the changelog must have the fields unreleased: and versions:"
    ]
    changelog, problems = read_changelog("unreleased: [\n", CHANGELOG, LANGUAGES)
    assert changelog is None
    assert len(problems) == 1 and problems[0].file == CHANGELOG and problems[0].line is not None


def test_a_missing_changelog_is_reported(tmp_path: Path) -> None:
    """A manifesto without changelog.yml is told how to start one."""
    assert problems_of(make(tmp_path, {CHANGELOG: None})) == [
        (
            CHANGELOG,
            None,
            None,
            "the manifesto has no changelog; create it with `unreleased: []` and the first version under `versions:`",
        )
    ]


def test_a_version_folder_without_changelog_entry_is_reported(tmp_path: Path) -> None:
    """A folder under versions/ that the changelog does not list is not a release."""
    project = make(tmp_path, {"manifesto/versions/0.2.0/index.md": frozen(TEXT, "0.2.0")})
    assert problems_of(project) == [
        (
            "manifesto/versions/0.2.0",
            None,
            None,
            'the folder is not a released version: changelog.yml lists no version "0.2.0"',
        )
    ]


def test_a_changelog_entry_without_version_folder_is_reported(tmp_path: Path) -> None:
    """A release listed in the changelog needs its frozen text, and the message says which command writes it."""
    changelog = CHANGELOG_TEXT.replace(
        "versions:\n",
        "versions:\n  - version: 0.2.0\n    date: 2026-02-10\n    status: draft\n    summary: S.\n",
    )
    assert problems_of(make(tmp_path, {CHANGELOG: changelog})) == [
        (
            CHANGELOG,
            4,
            "versions",
            "version 0.2.0 has no frozen text; `advocacy manifesto release` writes manifesto/versions/0.2.0/index.md",
        )
    ]


def test_a_frozen_text_must_carry_the_version_of_its_folder(tmp_path: Path) -> None:
    """A released file whose ``version:`` differs from its folder is reported with the line to write."""
    project = make(tmp_path, {"manifesto/versions/0.1.0/index.fr.md": frozen(pinned(TEXT_FR, TEXT), "0.2.0")})
    assert problems_of(project) == [
        (
            "manifesto/versions/0.1.0/index.fr.md",
            1,
            "version",
            'write "version: 0.1.0", the version of its folder',
        )
    ]


def test_the_current_text_has_no_version(tmp_path: Path) -> None:
    """Only a release gives the text a version; one written in index.md is reported."""
    assert problems_of(make(tmp_path, {INDEX: frozen(TEXT, "0.2.0")})) == [
        (
            INDEX,
            1,
            "version",
            "the current text has no version of its own (a release gives it one); delete this line",
        )
    ]


def test_a_release_dated_in_the_future_is_reported(tmp_path: Path) -> None:
    """A release date after today is a mistake in the changelog."""
    project = make(tmp_path, {CHANGELOG: CHANGELOG_TEXT.replace("2026-01-10", "2026-07-01")})
    assert problems_of(project) == [
        (CHANGELOG, 4, "versions", "version 0.1.0 is dated in the future (2026-07-01)")
    ]


def test_an_unreleased_item_must_name_a_clause(tmp_path: Path) -> None:
    """A typo in an unreleased item's clause id is reported on its line."""
    changelog = with_unreleased(
        CHANGELOG_TEXT, ("privacy", "wording", "Clearer."), ("privcy", "wording", "Typo.")
    )
    assert problems_of(make(tmp_path, {INDEX: EDITED, CHANGELOG: changelog})) == [
        (
            CHANGELOG,
            6,
            "unreleased",
            'no clause has the id "privcy"; name the clause by the id in its heading ({#...})',
        )
    ]


def test_a_changed_text_needs_an_unreleased_item(tmp_path: Path) -> None:
    """Editing the text with an empty ``unreleased`` is reported; listing the change clears it."""
    assert problems_of(make(tmp_path, {INDEX: EDITED})) == [
        (
            CHANGELOG,
            1,
            "unreleased",
            "manifesto/index.md differs from version 0.1.0, but no change is listed under unreleased; add one item "
            "per clause changed (`advocacy manifesto diff` shows them)",
        )
    ]
    listed = with_unreleased(CHANGELOG_TEXT, ("free-knowledge", "wording", "Improving is sharing too."))
    assert problems_of(make(tmp_path / "listed", {INDEX: EDITED, CHANGELOG: listed})) == []


def test_rewrapping_the_text_needs_no_changelog_item(tmp_path: Path) -> None:
    """Line breaks and Markdown spacing are not a change of the released text."""
    rewrapped = TEXT.replace("be able to read and share", "be able\nto read  and share")
    assert problems_of(make(tmp_path, {INDEX: rewrapped})) == []


def test_translations_use_the_ids_of_the_original(tmp_path: Path) -> None:
    """A translation with an id the original lacks is reported on the heading's line."""
    extra = TEXT_FR + "\n### En plus {#extra}\n\nTexte.\n"
    assert problems_of(make(tmp_path, {"manifesto/index.fr.md": pinned(extra, TEXT)})) == [
        (
            "manifesto/index.fr.md",
            24,
            None,
            'the original has no clause "extra"; a translation uses the ids of manifesto/index.md',
        )
    ]


def test_a_current_translation_must_have_every_clause(tmp_path: Path) -> None:
    """A translation pinned as current but missing a clause is reported with the missing ids."""
    short = TEXT_FR.split("### Vie privée")[0]
    assert problems_of(make(tmp_path, {"manifesto/index.fr.md": pinned(short, TEXT)})) == [
        (
            "manifesto/index.fr.md",
            None,
            None,
            "the translation is pinned as current but lacks the clauses privacy",
        )
    ]
    # An outdated translation may lag behind.
    outdated = with_pin(short, "sha256:0000000000000000", "machine")
    assert problems_of(make(tmp_path / "outdated", {"manifesto/index.fr.md": outdated})) == []


def test_a_retired_id_is_never_used_again(tmp_path: Path) -> None:
    """A clause whose id the changelog records as removed cannot come back under that id."""
    changelog = with_unreleased(CHANGELOG_TEXT, ("privacy", "removed", "Covered elsewhere."))
    assert problems_of(make(tmp_path, {CHANGELOG: changelog})) == [
        (
            INDEX,
            17,
            None,
            'the id "privacy" belonged to a removed clause and is never used again; choose a new id',
        )
    ]


def test_removing_a_clause_leaves_outdated_translations_alone(tmp_path: Path) -> None:
    """Removing a clause needs no change of the translations, which the site marks as outdated."""
    removed = TEXT.split("### Privacy")[0].rstrip("\n") + "\n"
    changelog = with_unreleased(CHANGELOG_TEXT, ("privacy", "removed", "Covered elsewhere."))
    assert problems_of(make(tmp_path, {INDEX: removed, CHANGELOG: changelog})) == []


# Endorsements --------------------------------------------------------------------------------------------


def test_an_endorsement_of_a_version_never_released_is_reported(tmp_path: Path) -> None:
    """Endorsing a version that does not exist names the released ones."""
    project = make(
        tmp_path,
        {
            "manifesto/endorsements/wmde.yml": endorsement(
                "Wikimedia Deutschland", "DE", ("0.2.0", "2026-03-01")
            )
        },
    )
    assert problems_of(project) == [
        (
            "manifesto/endorsements/wmde.yml",
            6,
            "endorsements",
            'version "0.2.0" was never released; endorse a released version (0.1.0)',
        )
    ]


def test_an_endorsement_problem_names_its_line(tmp_path: Path) -> None:
    """In a file with several endorsements, the message points at the wrong one's line."""
    text = endorsement("Wikimedia Deutschland", "DE", ("0.1.0", "2026-03-01"), ("0.2.0", "2026-03-01"))
    project = make(tmp_path, {"manifesto/endorsements/wmde.yml": text})
    assert [line for _, line, _, _ in problems_of(project)] == [9]


@pytest.mark.parametrize(
    ("date", "message"),
    [
        (
            "2026-01-01",
            "the endorsement of 0.1.0 is dated 2026-01-01, before the version was released (2026-01-10)",
        ),
        ("2026-07-01", "the endorsement is dated in the future (2026-07-01)"),
    ],
)
def test_an_endorsement_dated_before_the_release_or_in_the_future_is_reported(
    tmp_path: Path, date: str, message: str
) -> None:
    """An endorsement cannot predate the version it endorses, nor be dated after today."""
    project = make(
        tmp_path,
        {"manifesto/endorsements/wmde.yml": endorsement("Wikimedia Deutschland", "DE", ("0.1.0", date))},
    )
    assert problems_of(project) == [("manifesto/endorsements/wmde.yml", 6, "endorsements", message)]


def test_a_version_endorsed_twice_in_one_file_is_reported(tmp_path: Path) -> None:
    """An organisation endorses each version at most once."""
    text = endorsement("Wikimedia Deutschland", "DE", ("0.1.0", "2026-03-01"), ("0.1.0", "2026-04-01"))
    assert problems_of(make(tmp_path, {"manifesto/endorsements/wmde.yml": text})) == [
        ("manifesto/endorsements/wmde.yml", 9, "endorsements", "version 0.1.0 is endorsed twice; keep one")
    ]


def test_one_organisation_in_two_files_is_reported(tmp_path: Path) -> None:
    """The same name (whatever its case and spacing) in a second file is reported, naming the first."""
    project = make(
        tmp_path,
        {
            "manifesto/endorsements/wikimedia-de.yml": endorsement(
                "Wikimedia Deutschland", "DE", ("0.1.0", "2026-03-01")
            ),
            "manifesto/endorsements/wmde.yml": endorsement(
                "wikimedia  deutschland", "DE", ("0.1.0", "2026-03-02")
            ),
        },
    )
    assert problems_of(project) == [
        (
            "manifesto/endorsements/wmde.yml",
            None,
            "name",
            '"wikimedia deutschland" already endorses in manifesto/endorsements/wikimedia-de.yml; add the version '
            "to that file",
        )
    ]


def test_one_organisation_in_two_files_is_reported_once(tmp_path: Path) -> None:
    """A second file for the same organisation is one mistake, reported once however many versions it lists."""
    second = endorsement("Wikimedia Deutschland", "DE", ("0.1.0", "2026-03-01"), ("0.1.0", "2026-03-02"))
    project = make(
        tmp_path,
        {
            "manifesto/endorsements/a.yml": endorsement(
                "Wikimedia Deutschland", "DE", ("0.1.0", "2026-03-01")
            ),
            "manifesto/endorsements/b.yml": second,
        },
    )
    assert [message for _, _, field, message in problems_of(project) if field == "name"] == [
        '"Wikimedia Deutschland" already endorses in manifesto/endorsements/a.yml; add the version to that file'
    ]


def test_endorsement_fields_are_checked_with_their_lines(tmp_path: Path) -> None:
    """A website that is not an address and an unknown type are reported on their lines, by field."""
    text = endorsement(
        "Wikimedia Deutschland", "DE", ("0.1.0", "2026-03-01"), website="www.wikimedia.de"
    ).replace("type: chapter", "type: club")
    assert problems_of(make(tmp_path, {"manifesto/endorsements/wmde.yml": text})) == [
        (
            "manifesto/endorsements/wmde.yml",
            2,
            "type",
            'found "club"; write one of: chapter, thematic-organization, user-group, community, foundation, partner',
        ),
        (
            "manifesto/endorsements/wmde.yml",
            4,
            "website",
            '"www.wikimedia.de" is not a web address; write a full address that starts with https:// (or http://)',
        ),
    ]


def test_an_endorsement_file_name_must_be_an_id(tmp_path: Path) -> None:
    """A file name with capitals is refused with an example of a good one; other files are refused too."""
    project = make(
        tmp_path,
        {
            "manifesto/endorsements/WMDE.yml": endorsement(
                "Wikimedia Deutschland", "DE", ("0.1.0", "2026-03-01")
            ),
            "manifesto/endorsements/notes.txt": "notes",
        },
    )
    assert problems_of(project) == [
        (
            "manifesto/endorsements/WMDE.yml",
            None,
            None,
            '"WMDE.yml" is not a valid file name; name it after the organisation in lowercase letters, digits and '
            "hyphens (wikimedia-deutschland.yml)",
        ),
        ("manifesto/endorsements/notes.txt", None, None, "endorsements are .yml files, one per organisation"),
    ]


# Adoption --------------------------------------------------------------------------------------------------

ADOPTED_CHANGELOG = """\
unreleased: []
versions:
  - version: 1.0.0
    date: 2026-03-01
    status: adopted
    summary: First adopted version.
    consultation: https://meta.wikimedia.org/wiki/Consultation
    consultation_from: 2026-01-30
    adopted: 2026-03-01
  - version: 0.1.0
    date: 2026-01-10
    status: draft
    summary: First draft.
"""

# Europe (DE, FR), the Americas (BR), Africa (KE) and Asia (IN).
ENDORSERS = (("wmde", "DE"), ("wmfr", "FR"), ("wmbr", "BR"), ("wmke", "KE"), ("wmin", "IN"))


def adopted_project(root: Path, changelog: str, endorsers: tuple[tuple[str, str], ...]) -> Project:
    """A manifesto whose 1.0.0 is marked adopted, endorsed by ``endorsers`` (file id, country)."""
    files: dict[str, str | bytes] = {
        INDEX: TEXT,
        CHANGELOG: changelog,
        "manifesto/versions/0.1.0/index.md": frozen(TEXT, "0.1.0"),
        "manifesto/versions/1.0.0/index.md": frozen(TEXT, "1.0.0"),
    }
    for organisation, country in endorsers:
        files[f"manifesto/endorsements/{organisation}.yml"] = endorsement(
            f"Wikimedia {organisation}", country, ("1.0.0", "2026-03-01")
        )
    return write_project(root, files)


def test_an_adopted_version_meeting_the_rule_is_valid(tmp_path: Path) -> None:
    """1.0.0 with a 30-day consultation and five endorsements from four regions is adopted without problems."""
    manifesto = load_manifesto(adopted_project(tmp_path / "hub", ADOPTED_CHANGELOG, ENDORSERS), TODAY)
    assert manifesto.problems == []
    assert [e.organization for e in manifesto.endorsements_of("1.0.0")] == [
        "wmbr",
        "wmde",
        "wmfr",
        "wmin",
        "wmke",
    ]


@pytest.mark.parametrize(
    ("changelog", "endorsers", "reason"),
    [
        (
            ADOPTED_CHANGELOG,
            ENDORSERS[:4],
            "it has 4 endorsement(s) from 3 region(s); adoption needs 5 from 3 regions (manifesto/endorsements/)",
        ),
        (
            ADOPTED_CHANGELOG,
            (("wmde", "DE"), ("wmfr", "FR"), ("wmnl", "NL"), ("wmbe", "BE"), ("wmbr", "BR")),
            "it has 5 endorsement(s) from 2 region(s); adoption needs 5 from 3 regions (manifesto/endorsements/)",
        ),
        (
            ADOPTED_CHANGELOG.replace("consultation_from: 2026-01-30", "consultation_from: 2026-01-31"),
            ENDORSERS,
            "the consultation lasted 29 days; it must last at least 30",
        ),
        (
            ADOPTED_CHANGELOG.replace(
                "    consultation: https://meta.wikimedia.org/wiki/Consultation\n", ""
            ).replace("    adopted: 2026-03-01\n", ""),
            ENDORSERS,
            "an adopted version records consultation, adopted",
        ),
    ],
    ids=["four-endorsements", "two-regions", "short-consultation", "missing-fields"],
)
def test_an_adopted_version_must_meet_each_part_of_the_rule(
    tmp_path: Path, changelog: str, endorsers: tuple[tuple[str, str], ...], reason: str
) -> None:
    """Each missing part of the adoption rule is reported on the version's status."""
    project = adopted_project(tmp_path / "hub", changelog, endorsers)
    assert problems_of(project) == [
        (CHANGELOG, 3, "status", f"version 1.0.0 is marked adopted, but {reason}")
    ]


def test_a_draft_version_cannot_be_adopted(tmp_path: Path) -> None:
    """Versions before 1.0.0 are drafts: adopting 0.1.0 says which version to release instead."""
    changelog = CHANGELOG_TEXT.replace("status: draft", "status: adopted") + (
        "    consultation: https://meta.wikimedia.org/wiki/Consultation\n"
        "    consultation_from: 2026-01-01\n    adopted: 2026-03-01\n"
    )
    endorsements = {
        f"manifesto/endorsements/{organisation}.yml": endorsement(
            organisation, country, ("0.1.0", "2026-03-01")
        )
        for organisation, country in ENDORSERS
    }
    assert problems_of(make(tmp_path, {CHANGELOG: changelog, **endorsements})) == [
        (
            CHANGELOG,
            4,
            "status",
            "version 0.1.0 is marked adopted, but versions before 1.0.0 are drafts; release 1.0.0 to adopt this text",
        )
    ]


# The pull-request check (git) ------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _own_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    """Git reads the repository of the test, even when the tests run from a git hook (which sets GIT_DIR)."""
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY"):
        monkeypatch.delenv(name, raising=False)


def git(root: Path, *args: str) -> str:
    """Run git in ``root`` with a local identity, no signing and no hooks of the person running the tests."""
    result = subprocess.run(
        [
            "git",
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.org",
            "-c",
            "commit.gpgsign=false",
            "-c",
            "core.hooksPath=/dev/null",
            *args,
        ],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def committed(tmp_path: Path, changes: dict[str, str | None] | None = None) -> Project:
    """A git repository whose one commit holds the manifesto released as 0.1.0 (with ``changes``)."""
    project = make(tmp_path, changes)
    git(project.root, "init", "--quiet", "--initial-branch=main")
    git(project.root, "add", "--all")
    git(project.root, "commit", "--quiet", "--message", "Base")
    return project


def write(project: Project, files: dict[str, str | None]) -> None:
    """Change the working tree: write each file, or delete it for ``None``."""
    for name, content in files.items():
        path = project.root / name
        if content is None:
            path.unlink()
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")


def cli(capsys: pytest.CaptureFixture[str], project: Project, *args: str) -> tuple[int, str, str]:
    """Run ``advocacy manifesto ARGS --root ROOT``: (exit status, stdout, stderr)."""
    status = main(["manifesto", *args, "--root", str(project.root)])
    out, err = capsys.readouterr()
    return status, out, err


def test_check_passes_an_unchanged_manifesto(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """With nothing changed the check succeeds and says so."""
    project = committed(tmp_path)
    assert cli(capsys, project, "check", "HEAD") == (
        0,
        "",
        "0 error(s) in the manifesto and its change since HEAD.\n",
    )


def test_check_asks_for_the_changelog_item_of_a_changed_clause(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A text change without an unreleased item fails with the YAML line to add."""
    project = committed(tmp_path)
    write(project, {INDEX: EDITED})
    status, out, err = cli(capsys, project, "check", "HEAD")
    assert status == 1
    assert out.splitlines() == [
        "manifesto/changelog.yml:1: error: unreleased: manifesto/index.md differs from version 0.1.0, but no change "
        "is listed under unreleased; add one item per clause changed (`advocacy manifesto diff` shows them)",
        'manifesto/changelog.yml: error: unreleased: the clause "free-knowledge" was changed in manifesto/index.md '
        '(line 9) but unreleased lists no change to it; add - {clause: free-knowledge, change: wording, note: "What '
        'changed and why"} (write refined or reversed instead of wording if the position changed)',
    ]
    assert err == "2 error(s) in the manifesto and its change since HEAD.\n"


def test_check_passes_a_change_with_its_items(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A changed clause and an added one, each with the right item, pass the check."""
    project = committed(tmp_path)
    added = (
        EDITED + "\n### Open access {#open-access}\n\nResearch paid by the public is open to the public.\n"
    )
    changelog = with_unreleased(
        CHANGELOG_TEXT,
        ("free-knowledge", "wording", "Improving is sharing too."),
        ("open-access", "added", "A clause on open access."),
    )
    write(project, {INDEX: added, CHANGELOG: changelog})
    assert cli(capsys, project, "check", "HEAD") == (
        0,
        "",
        "0 error(s) in the manifesto and its change since HEAD.\n",
    )


def test_check_asks_for_the_right_kind_of_an_added_clause(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A new clause listed as a wording change is told to say ``change: added``; a missing one gets the hint."""
    project = committed(tmp_path)
    added = (
        TEXT
        + "\n### Open access {#open-access}\n\nResearch is open.\n\n### Open data {#open-data}\n\nData too.\n"
    )
    changelog = with_unreleased(CHANGELOG_TEXT, ("open-access", "wording", "New."))
    write(project, {INDEX: added, CHANGELOG: changelog})
    status, out, _ = cli(capsys, project, "check", "HEAD")
    assert status == 1
    assert out.splitlines() == [
        'manifesto/changelog.yml: error: unreleased: the clause "open-access" was added: write "change: added" in '
        "its item",
        'manifesto/changelog.yml: error: unreleased: the clause "open-data" was added in manifesto/index.md (line '
        '25) but unreleased lists no change to it; add - {clause: open-data, change: added, note: "What changed and '
        'why"}',
    ]


def test_check_refuses_a_clause_given_a_new_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A clause renamed to a new id with the same text is reported on its line, with the id to keep."""
    project = committed(tmp_path, {"manifesto/index.fr.md": None})
    renamed = TEXT.replace("{#privacy}", "{#reader-privacy}")
    changelog = with_unreleased(
        CHANGELOG_TEXT, ("privacy", "removed", "Renamed."), ("reader-privacy", "added", "Renamed.")
    )
    write(project, {INDEX: renamed, CHANGELOG: changelog})
    status, out, _ = cli(capsys, project, "check", "HEAD")
    assert status == 1
    assert out.splitlines() == [
        'manifesto/index.md:17: error: this clause looks like "privacy" with a new id "reader-privacy"; a clause '
        "keeps its id for ever: write {#privacy}"
    ]


def test_check_refuses_a_removed_id_used_again(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A new clause taking the id of a clause removed in an earlier release is refused on its line."""
    without = TEXT.split("### Privacy")[0].rstrip("\n") + "\n"
    changelog = CHANGELOG_TEXT.replace(
        "versions:\n",
        "versions:\n  - version: 0.2.0\n    date: 2026-02-10\n    status: draft\n    summary: Shorter.\n"
        "    changes:\n      - clause: privacy\n        change: removed\n        note: Covered elsewhere.\n",
    )
    project = committed(
        tmp_path,
        {
            INDEX: without,
            CHANGELOG: changelog,
            "manifesto/index.fr.md": None,
            "manifesto/versions/0.2.0/index.md": frozen(without, "0.2.0"),
        },
    )
    reused = without + "\n### Tracking {#privacy}\n\nNobody may follow what people look up, anywhere.\n"
    write(project, {INDEX: reused, CHANGELOG: with_unreleased(changelog, ("privacy", "added", "Back."))})
    status, out, _ = cli(capsys, project, "check", "HEAD")
    assert status == 1
    assert out.splitlines() == [
        'manifesto/index.md:17: error: the id "privacy" belonged to a removed clause and is never used again; '
        "choose a new id",
        'manifesto/index.md:17: error: the id "privacy" belonged to a clause that was removed; ids are never '
        "reused: choose a new one",
    ]


@pytest.mark.parametrize(
    ("content", "what"),
    [(frozen(EDITED, "0.1.0"), "was edited"), (None, "was deleted")],
    ids=["edited", "deleted"],
)
def test_check_refuses_a_changed_released_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | None, what: str
) -> None:
    """Editing or deleting a frozen file fails, naming the file and the command that restores it."""
    project = committed(tmp_path)
    write(project, {"manifesto/versions/0.1.0/index.fr.md": content})
    status, out, _ = cli(capsys, project, "check", "HEAD")
    assert status == 1
    assert (
        f"manifesto/versions/0.1.0/index.fr.md: error: {what}, but released versions are frozen: restore it (git "
        "checkout HEAD -- manifesto/versions/0.1.0/index.fr.md); to change the manifesto, edit manifesto/index.md"
    ) in out.splitlines()


def test_check_accepts_a_new_translation_of_a_released_version(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A translation pinned to the released text may join the version later."""
    project = committed(tmp_path)
    write(project, {"manifesto/versions/0.1.0/index.ar.md": frozen(pinned(TEXT_AR, TEXT), "0.1.0")})
    assert cli(capsys, project, "check", "HEAD")[:2] == (0, "")


def test_check_refuses_a_new_translation_of_another_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A translation added to a released version with a wrong pin, or another file, is refused."""
    project = committed(tmp_path)
    wrong = frozen(pinned(TEXT_AR, EDITED), "0.1.0")
    write(
        project,
        {"manifesto/versions/0.1.0/index.ar.md": wrong, "manifesto/versions/0.1.0/notes.md": "Notes.\n"},
    )
    status, out, _ = cli(capsys, project, "check", "HEAD")
    assert status == 1
    assert out.splitlines() == [
        "manifesto/versions/0.1.0/index.ar.md: error: translation.source: a translation added to version 0.1.0 "
        "must translate its text: pin it with advocacy translations repin manifesto/versions/0.1.0/index.ar.md",
        "manifesto/versions/0.1.0/notes.md: error: a released version only takes new translations "
        "(index.<language>.md)",
    ]


def test_check_with_an_unknown_revision_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A base that is not a commit is a usage error that says how to fetch it."""
    project = committed(tmp_path)
    assert cli(capsys, project, "check", "origin/nowhere") == (
        2,
        "",
        'advocacy manifesto check: "origin/nowhere" is not a commit of this repository (in a shallow clone, fetch '
        "it first: git fetch origin origin/nowhere)\n",
    )
    status, out, err = cli(capsys, project, "diff", "HEAD", "nowhere")
    assert (status, out) == (2, "")
    assert err.startswith('advocacy manifesto diff: "nowhere" is not a commit of this repository')


def test_check_refuses_a_released_version_removed_from_the_changelog(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A release deleted from the changelog, or its date changed, must be restored."""
    project = committed(tmp_path)
    write(project, {CHANGELOG: "unreleased: []\nversions: []\n"})
    status, out, _ = cli(capsys, project, "check", "HEAD")
    assert status == 1
    assert (
        "manifesto/changelog.yml: error: versions: version 0.1.0 (released 2026-01-10) must stay in the changelog "
        "with its date; restore it"
    ) in out.splitlines()
    write(project, {CHANGELOG: CHANGELOG_TEXT.replace("2026-01-10", "2026-01-11")})
    status, out, _ = cli(capsys, project, "check", "HEAD")
    assert (status, out) == (
        1,
        "manifesto/changelog.yml:4: error: versions: version 0.1.0 (released 2026-01-10) must stay in the "
        "changelog with its date; restore it\n",
    )


def test_check_reports_in_json_and_github_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """CI reads the check as JSON or as GitHub annotations on the changelog."""
    project = committed(tmp_path)
    write(project, {INDEX: EDITED})
    status, out, err = cli(capsys, project, "check", "HEAD", "--format", "json")
    assert (status, err) == (1, "")
    assert [(p["file"], p["line"], p["field"]) for p in json.loads(out)] == [
        (CHANGELOG, 1, "unreleased"),
        (CHANGELOG, None, "unreleased"),
    ]
    status, out, _ = cli(capsys, project, "check", "HEAD", "--format", "github")
    assert status == 1
    assert out.startswith("::error file=manifesto/changelog.yml,line=1")


def test_validate_reports_manifesto_problems(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`advocacy validate` fails on a manifesto problem too, also when the manifesto file is named."""
    project = make(tmp_path, {INDEX: TEXT.replace(" {#privacy}", "")})
    expected = (
        'manifesto/index.md:17: error: the heading "Privacy" has no id; end it with one that will never change, '
        'such as "### Privacy {#privacy}"'
    )
    assert main(["validate", "--root", str(project.root)]) == 1
    assert expected in capsys.readouterr().out.splitlines()
    assert main(["validate", "--root", str(project.root), str(project.root / INDEX)]) == 1
    assert expected in capsys.readouterr().out.splitlines()


# Diff --------------------------------------------------------------------------------------------------------

DIFFED = (
    TEXT.replace("read and share", "read and freely share")
    .replace("### Public domain {#public-domain}\n\nFacts and old works belong to everyone.\n\n", "")
    .replace(
        "### Privacy",
        "### Safe code {#safe-code}\n\nNever run `<script>alert(1)</script>` from @octocat in #12.\n\n### Privacy",
    )
)

DIFF_OUTPUT = """\
## Manifesto changes

From `{base}` to `{head}` (manifesto/index.md): 1 clause changed, 1 clause added, 1 clause removed.

### Changed: Free knowledge (`free-knowledge`)

Everyone should be able to read and <ins>freely</ins> share knowledge.

### Removed: Public domain (`public-domain`)

<del>Facts and old works belong to everyone.</del>

### Added: Safe code (`safe-code`)

<ins>Never run &lt;script&gt;alert(1)&lt;/script&gt; from @\u200boctocat in &#35;12.</ins>

- `manifesto/changelog.yml` changed
- `manifesto/endorsements/wmde.yml` added
- `manifesto/index.fr.md` deleted
"""


def diffed_changes() -> dict[str, str | None]:
    """The changes the diff tests make: the text, the changelog, a new endorsement, a deleted translation."""
    return {
        INDEX: DIFFED,
        CHANGELOG: with_unreleased(CHANGELOG_TEXT, ("free-knowledge", "wording", "Improve.")),
        "manifesto/endorsements/wmde.yml": endorsement(
            "Wikimedia Deutschland", "DE", ("0.1.0", "2026-03-01")
        ),
        "manifesto/index.fr.md": None,
    }


def test_diff_of_the_working_tree(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The summary shows each clause changed, added and removed, escapes HTML, and lists the other files."""
    project = committed(tmp_path)
    write(project, diffed_changes())
    assert cli(capsys, project, "diff", "HEAD") == (
        0,
        DIFF_OUTPUT.format(base="HEAD", head="working tree"),
        "",
    )


def test_diff_between_two_commits(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Given a HEAD revision, the diff reads both texts from git, not from the working tree."""
    project = committed(tmp_path)
    base = git(project.root, "rev-parse", "HEAD").strip()
    write(project, diffed_changes())
    git(project.root, "add", "--all")
    git(project.root, "commit", "--quiet", "--message", "Change")
    write(project, {INDEX: TEXT})  # the working tree no longer matters
    assert cli(capsys, project, "diff", base, "HEAD") == (0, DIFF_OUTPUT.format(base=base, head="HEAD"), "")
    status, out, _ = cli(capsys, project, "diff", "HEAD")
    assert status == 0
    assert "### Added: Public domain (`public-domain`)" in out


# Release -----------------------------------------------------------------------------------------------------


def released_at(root: Path, version: str, kinds: tuple[str, ...]) -> Project:
    """A manifesto released as ``version``, its free-knowledge clause edited with these kinds listed."""
    changelog = with_unreleased(
        CHANGELOG_TEXT.replace("0.1.0", version), *(("free-knowledge", kind, "Why.") for kind in kinds)
    )
    return write_project(
        root,
        {
            INDEX: EDITED,
            CHANGELOG: changelog,
            f"manifesto/versions/{version}/index.md": frozen(TEXT, version),
        },
    )


@pytest.mark.parametrize(
    ("current", "kinds", "expected"),
    [
        ("0.1.0", ("wording",), "0.1.1"),
        ("0.1.0", ("refined",), "0.1.1"),
        ("0.1.0", ("wording", "reversed"), "0.2.0"),
        ("1.0.0", ("wording",), "1.0.1"),
        ("1.0.0", ("wording", "refined"), "1.1.0"),
        ("1.2.3", ("reversed",), "2.0.0"),
    ],
)
def test_release_computes_the_version_from_the_kinds_of_change(
    tmp_path: Path, current: str, kinds: tuple[str, ...], expected: str
) -> None:
    """The release number is the one the documented table gives, one step less before 1.0.0."""
    project = released_at(tmp_path / "hub", current, kinds)
    assert str(next_version(load_manifesto(project, TODAY))) == expected
    result = release(project, "A release.", today=TODAY)
    assert result.version == expected
    assert (project.root / f"manifesto/versions/{expected}/index.md").is_file()


def test_release_removing_a_clause_raises_the_middle_number_of_a_draft(tmp_path: Path) -> None:
    """Removing a clause from 0.1.0 makes 0.2.0, and the removed id is retired."""
    without = TEXT.split("### Privacy")[0].rstrip("\n") + "\n"
    changelog = with_unreleased(CHANGELOG_TEXT, ("privacy", "removed", "Covered elsewhere."))
    project = make(tmp_path, {INDEX: without, CHANGELOG: changelog, "manifesto/index.fr.md": None})
    assert release(project, "Shorter.", today=TODAY).version == "0.2.0"
    manifesto = load_manifesto(project, TODAY)
    assert manifesto.problems == []
    assert manifesto.retired_ids() == {"privacy"}


def test_release_writes_the_version_and_moves_the_changelog(tmp_path: Path) -> None:
    """The release freezes the text and current translations, and turns unreleased into a dated entry."""
    changelog = with_unreleased(CHANGELOG_TEXT, ("free-knowledge", "wording", "Improving is sharing too."))
    project = make(
        tmp_path,
        {
            INDEX: EDITED,
            CHANGELOG: changelog,
            "manifesto/index.fr.md": pinned(TEXT_FR, EDITED),  # current
            "manifesto/index.ar.md": pinned(TEXT_AR, TEXT),  # outdated
        },
    )
    result = release(project, "Improving counts as sharing.", today=TODAY)
    folder = project.root / "manifesto/versions/0.1.1"
    assert result.version == "0.1.1"
    assert [project.relative(p) for p in result.files] == [
        "manifesto/versions/0.1.1/index.md",
        "manifesto/versions/0.1.1/index.fr.md",
        CHANGELOG,
    ]
    assert result.left_out == ["manifesto/index.ar.md"]
    assert sorted(p.name for p in folder.iterdir()) == ["index.fr.md", "index.md"]
    assert (folder / "index.md").read_text(encoding="utf-8") == frozen(EDITED, "0.1.1")
    french = (folder / "index.fr.md").read_text(encoding="utf-8")
    assert parsed(french).version == "0.1.1"
    assert pin_of(french) == ("machine", fingerprint(EDITED))

    written = (project.root / CHANGELOG).read_text(encoding="utf-8")
    assert written.startswith("# The changelog of the test manifesto.\nunreleased: []\nversions:\n")
    assert yaml.safe_load(written) == {
        "unreleased": [],
        "versions": [
            {
                "version": "0.1.1",
                "date": TODAY,
                "status": "draft",
                "summary": "Improving counts as sharing.",
                "changes": [
                    {"clause": "free-knowledge", "change": "wording", "note": "Improving is sharing too."}
                ],
            },
            {"version": "0.1.0", "date": dt.date(2026, 1, 10), "status": "draft", "summary": "First draft."},
        ],
    }
    manifesto = load_manifesto(project, TODAY)
    assert manifesto.problems == []
    assert sorted(manifesto.versions["0.1.1"]) == ["en", "fr"]


def test_release_keeps_older_entries_whole(tmp_path: Path) -> None:
    """Earlier versions keep their dates, changes and adoption record through a release."""
    project = adopted_project(
        tmp_path / "hub",
        with_unreleased(ADOPTED_CHANGELOG, ("free-knowledge", "wording", "Why.")),
        ENDORSERS,
    )
    write(project, {INDEX: EDITED})
    assert release(project, "Words.", today=TODAY).version == "1.0.1"
    versions = yaml.safe_load((project.root / CHANGELOG).read_text(encoding="utf-8"))["versions"]
    assert versions[1:] == [
        {
            "version": "1.0.0",
            "date": dt.date(2026, 3, 1),
            "status": "adopted",
            "summary": "First adopted version.",
            "consultation": "https://meta.wikimedia.org/wiki/Consultation",
            "consultation_from": dt.date(2026, 1, 30),
            "adopted": dt.date(2026, 3, 1),
        },
        {"version": "0.1.0", "date": dt.date(2026, 1, 10), "status": "draft", "summary": "First draft."},
    ]
    assert load_manifesto(project, TODAY).problems == []


def test_release_accepts_a_higher_version_and_makes_the_first_one(tmp_path: Path) -> None:
    """A maintainer may release 1.0.0 from a draft; a manifesto never released starts at 0.1.0."""
    project = released_at(tmp_path / "hub", "0.1.0", ("wording",))
    assert release(project, "Ready.", "1.0.0", today=TODAY).version == "1.0.0"
    assert load_manifesto(project, TODAY).problems == []

    first = write_project(tmp_path / "first", {INDEX: TEXT, CHANGELOG: "unreleased: []\nversions: []\n"})
    assert release(first, "First draft.", today=TODAY).version == "0.1.0"
    assert load_manifesto(first, TODAY).problems == []


@pytest.mark.parametrize(
    ("version", "message"),
    [
        ("0.1.9", "the unreleased changes need at least 0.2.0; 0.1.9 is too low"),
        ("0.1.0", "the unreleased changes need at least 0.2.0; 0.1.0 is too low"),
        ("1.0", '"1.0" is not a version number; write MAJOR.MINOR.PATCH, such as 1.2.0'),
    ],
)
def test_release_refuses_a_version_lower_than_the_changes_need(
    tmp_path: Path, version: str, message: str
) -> None:
    """A version below what the kinds of change require is refused, and nothing is written."""
    project = released_at(tmp_path / "hub", "0.1.0", ("reversed",))
    before = (project.root / CHANGELOG).read_text(encoding="utf-8")
    with pytest.raises(ReleaseError) as error:
        release(project, "Too low.", version, today=TODAY)
    assert str(error.value) == message
    assert sorted(p.name for p in (project.root / "manifesto/versions").iterdir()) == ["0.1.0"]
    assert (project.root / CHANGELOG).read_text(encoding="utf-8") == before


def test_release_refuses_when_there_is_nothing_to_release(tmp_path: Path) -> None:
    """An empty unreleased list after a release means there is nothing new to freeze."""
    with pytest.raises(ReleaseError, match=r"^nothing to release: changelog.yml lists no unreleased change$"):
        release(make(tmp_path), "Nothing.", today=TODAY)


def test_release_refuses_an_invalid_manifesto(tmp_path: Path) -> None:
    """A release of a manifesto with errors lists them instead of freezing them."""
    changelog = with_unreleased(CHANGELOG_TEXT, ("privacy", "wording", "Why."))
    project = make(
        tmp_path,
        {INDEX: EDITED.replace(" {#privacy}", ""), CHANGELOG: changelog, "manifesto/index.fr.md": None},
    )
    with pytest.raises(ReleaseError) as error:
        release(project, "Broken.", today=TODAY)
    assert str(error.value) == (
        "fix the manifesto first:\n"
        'manifesto/index.md:17: error: the heading "Privacy" has no id; end it with one that will never change, '
        'such as "### Privacy {#privacy}"'
    )
    assert not (project.root / "manifesto/versions/0.1.1").exists()


def test_release_needs_a_one_line_summary(tmp_path: Path) -> None:
    """The summary becomes one changelog line, so an empty or multi-line one is refused."""
    project = released_at(tmp_path / "hub", "0.1.0", ("wording",))
    for summary in ("  ", "One.\nTwo."):
        with pytest.raises(ReleaseError, match=r"^give the release a one-line summary \(--summary\)$"):
            release(project, summary, today=TODAY)


def test_release_command_prints_what_it_wrote(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`advocacy manifesto release` names each file written and each translation left out."""
    changelog = with_unreleased(CHANGELOG_TEXT, ("free-knowledge", "wording", "Why."))
    project = make(tmp_path, {INDEX: EDITED, CHANGELOG: changelog})
    assert cli(capsys, project, "release", "--summary", "Words.") == (
        0,
        "wrote manifesto/versions/0.1.1/index.md\n"
        "wrote manifesto/changelog.yml\n"
        "left out manifesto/index.fr.md: the translation is not current with the text (translate the changes, "
        "then add it)\n"
        "Version 0.1.1 is ready: commit these files in a release pull request.\n",
        "",
    )
    assert cli(capsys, project, "release", "--summary", "Again.") == (
        1,
        "",
        "advocacy manifesto release: nothing to release: changelog.yml lists no unreleased change\n",
    )


# The repository's own manifesto ------------------------------------------------------------------------------


def test_the_repository_manifesto_is_valid() -> None:
    """The manifesto this site publishes loads without a single problem."""
    manifesto = load_manifesto(load_project(REPOSITORY))
    assert [str(p) for p in manifesto.problems] == []
    assert manifesto.current is not None and manifesto.changelog is not None
    assert manifesto.changelog.latest is not None
    assert manifesto.changelog.latest.version in manifesto.versions


def test_a_pull_request_may_change_the_text_and_release_it_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The items of a version released in the same pull request count for the clauses it changed."""
    project = committed(tmp_path)
    changelog = with_unreleased(CHANGELOG_TEXT, ("free-knowledge", "wording", "Improving is sharing too."))
    write(project, {INDEX: EDITED, CHANGELOG: changelog})
    release(project, "Clearer words.", today=TODAY)
    assert cli(capsys, project, "check", "HEAD")[0] == 0
