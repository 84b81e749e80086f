"""A small manifesto to change in tests: its text in three languages, released as 0.1.0 (English and French)
with a changelog, endorsements written to order, and an adopted 1.0.0."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from advocacy.content.project import Project
from advocacy.manifesto.model import ManifestoText
from advocacy.manifesto.reading import load_manifesto
from advocacy.manifesto.text import parse_text
from advocacy.translations.pins import fingerprint, with_pin
from tests.support.project import write_project

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


def write(project: Project, files: dict[str, str | None]) -> None:
    """Change the working tree: write each file, or delete it for ``None``."""
    for name, content in files.items():
        path = project.root / name
        if content is None:
            path.unlink()
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
