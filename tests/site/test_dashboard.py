"""The translation dashboard's counts: the manifesto counted clause by clause."""

from __future__ import annotations

from pathlib import Path

from advocacy.site.dashboard import clause_counts
from advocacy.translations.units import Unit


def test_manifesto_clauses_are_counted_one_by_one(tmp_path: Path) -> None:
    """A translation of the manifesto lacking a clause counts that clause as missing, the others by status."""
    source = tmp_path / "index.md"
    source.write_text(
        "# M\n\n## Part {#part}\n\n### One {#one}\n\nA.\n\n### Two {#two}\n\nB.\n", encoding="utf-8"
    )
    translation = tmp_path / "index.fr.md"
    translation.write_text("# M\n\n### Un {#one}\n\nA.\n", encoding="utf-8")
    units = [
        Unit("manifesto", source, "fr", translation, "outdated", "machine"),
        Unit("page", source, "fr", None, "missing"),
    ]
    assert clause_counts(units) == {
        "current": 0,
        "outdated": 1,
        "missing": 1,
        "unpinned": 0,
        "malformed": 0,
        "untranslated": 0,
    }
