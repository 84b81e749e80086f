"""The translation dashboard's counts: machine translations counted apart from those a person checked, the
manifesto counted clause by clause, and items named by their titles."""

from __future__ import annotations

from pathlib import Path

from advocacy.site.dashboard import clause_counts, column, interface_method, title_of
from advocacy.translations.units import Unit, UnitKind


def test_manifesto_clauses_are_counted_one_by_one(tmp_path: Path) -> None:
    """A translation of the manifesto lacking a clause counts that clause as missing, the others by status."""
    source = tmp_path / "index.md"
    source.write_text(
        "# M\n\n## Part {#part}\n\n### One {#one}\n\nA.\n\n### Two {#two}\n\nB.\n", encoding="utf-8"
    )
    translation = tmp_path / "index.fr.md"
    translation.write_text("# M\n\n### Un {#one}\n\nA.\n", encoding="utf-8")
    units = [
        Unit(UnitKind.MANIFESTO, source, "fr", translation, "outdated", "machine"),
        Unit(UnitKind.PAGE, source, "fr", None, "missing"),
    ]
    assert clause_counts(units) == {"reviewed": 0, "machine": 0, "outdated": 1, "missing": 1}
    current = [Unit(UnitKind.MANIFESTO, source, "fr", translation, "current", "machine")]
    assert clause_counts(current) == {"reviewed": 0, "machine": 1, "outdated": 0, "missing": 1}


def test_a_current_machine_translation_is_not_counted_as_checked() -> None:
    """Current translations count as checked only when people made or checked them; a pin nobody can read
    counts as outdated."""
    assert [
        column("current", "machine"),
        column("current", "machine-reviewed"),
        column("current", "human"),
        column("outdated", "human"),
        column("unpinned", "machine"),
        column("missing", None),
    ] == ["machine", "reviewed", "reviewed", "outdated", "outdated", "missing"]


def test_the_interface_strings_say_how_they_were_translated() -> None:
    """The site's own strings files of other languages are machine translations, and say so."""
    assert {code: interface_method(code, "en") for code in ("en", "fr", "es", "ar", "hi")} == {
        "en": None,
        "fr": "machine",
        "es": "machine",
        "ar": "machine",
        "hi": "machine",
    }


def test_items_are_named_by_their_title(tmp_path: Path) -> None:
    """A case is named by its title, a page by its title or its first heading (anchor left out)."""
    case = tmp_path / "x.md"
    case.write_text("---\ntitle: A blackout\n---\n\n# Other\n", encoding="utf-8")
    page = tmp_path / "safety.md"
    page.write_text("Intro.\n\n# Staying safe {#safe}\n\nText.\n", encoding="utf-8")
    bare = tmp_path / "notes.md"
    bare.write_text("No heading.\n", encoding="utf-8")
    assert [title_of(p) for p in (case, page, bare)] == ["A blackout", "Staying safe", "notes"]
