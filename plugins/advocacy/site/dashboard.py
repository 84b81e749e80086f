"""The translation dashboard: for one language, how much is translated and what is outdated or missing, with
links that start or update each translation on the hosting platform."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import quote, urlencode

from advocacy.content.project import Project
from advocacy.locales.strings import keys, missing_strings, strings
from advocacy.manifesto.text import read_clauses
from advocacy.translations.pins import read, split
from advocacy.translations.tools import KINDS, PinError, translation_text
from advocacy.translations.units import STATUSES, Status, Unit, UnitKind, split_language

# The dashboard lists at most this many outdated or missing items of each kind (the report of
# `advocacy translations` lists them all): a page stays light at any size of the repository.
LIST_LIMIT = 100


@dataclass(frozen=True)
class Item:
    """One translation that is not current, as the dashboard lists it."""

    kind: str
    status: str
    source: str
    translation: str | None
    original_url: str
    help_url: str | None


@dataclass(frozen=True)
class Dashboard:
    """The dashboard of one language."""

    counts: dict[str, dict[str, int]]
    items: list[Item]
    left_out: dict[str, int]


def build_dashboard(
    project: Project, units: list[Unit], language: str, repository_base: str | None
) -> Dashboard:
    """The dashboard of ``language``.

    Args:
        project: The project.
        units: Every translation unit (see :func:`advocacy.translations.units.translation_units`).
        language: The language.
        repository_base: The repository's web address followed by ``/<action>/<branch>/`` placeholders as
            ``https://github.com/o/r/{action}/main/``, or ``None`` for no links to the hosting platform.
    """
    mine = [u for u in units if u.language == language]
    counts: dict[str, dict[str, int]] = {kind: {status: 0 for status in STATUSES} for kind in KINDS}
    for unit in mine:
        counts[unit.kind][unit.status] += 1
    interface = len(keys(strings(project.default_language.code)))
    present = interface - len(missing_strings(language, project.default_language.code))
    counts["clause"] = clause_counts(mine)
    counts["interface"] = {status: 0 for status in STATUSES}
    counts["interface"][Status.CURRENT] = present
    counts["interface"][Status.MISSING] = interface - present
    items: list[Item] = []
    left_out = {kind: 0 for kind in KINDS}
    shown = {kind: 0 for kind in KINDS}
    for unit in mine:
        if unit.status == Status.CURRENT:
            continue
        if shown[unit.kind] >= LIST_LIMIT:
            left_out[unit.kind] += 1
            continue
        shown[unit.kind] += 1
        items.append(
            Item(
                unit.kind,
                unit.status,
                project.relative(unit.source),
                project.relative(unit.translation) if unit.translation else None,
                original_url(project, unit),
                help_url(project, unit, repository_base),
            )
        )
    return Dashboard(counts, items, left_out)


def clause_ids(text: str) -> list[str]:
    """The ids of the manifesto's clauses in a file (``### Title {#id}`` headings)."""
    _, _, body = split(text)
    clauses, _ = read_clauses(body, 1, "")
    return [c.id for c in clauses if c.level == 3]


def clause_counts(units: list[Unit]) -> dict[str, int]:
    """Manifesto clauses of one language: translated in a current or an outdated file, or missing."""
    counts: dict[str, int] = {status: 0 for status in STATUSES}
    for unit in units:
        if unit.kind != UnitKind.MANIFESTO:
            continue
        source = set(clause_ids(read(unit.source)))
        # A file that still holds the source's text translates nothing yet.
        translated = unit.translation is not None and unit.status != Status.UNTRANSLATED
        present = (
            set(clause_ids(read(unit.translation))) & source if translated and unit.translation else set()
        )
        counts[Status.MISSING] += len(source - present)
        counts[Status.CURRENT if unit.status == Status.CURRENT else Status.OUTDATED] += len(present)
    return counts


def original_url(project: Project, unit: Unit) -> str:
    """The site-root-relative URL of a unit's source page."""
    default = project.default_language.code
    codes = project.language_codes
    if unit.kind == UnitKind.CASE:
        case_id = unit.source.name.split(".")[0]
        _, code = split_language(unit.source.name, codes, default)
        return project.urls.case(case_id, code)
    name = PurePosixPath(unit.source.relative_to(project.docs_dir).as_posix())
    folder = name.parent if name.stem == "index" else name.parent / name.stem
    return "" if str(folder) == "." else f"{folder}/"


def help_url(project: Project, unit: Unit, repository_base: str | None) -> str | None:
    """A link that starts the missing translation (a new file, filled in) or edits the outdated one."""
    if repository_base is None:
        return None
    if unit.translation is not None:
        return repository_base.format(action="edit") + quote(project.relative(unit.translation))
    try:
        target, text = translation_text(project, unit.source, unit.language)
    except PinError:
        return None
    # The frontmatter only (title, summary, pin): the text to translate is the source's, linked from the
    # dashboard; a whole case in an address is refused by some servers.
    header = text.split("\n---\n", 1)[0] + "\n---\n\n<!-- " + project.relative(unit.source) + " -->\n"
    folder = quote(project.relative(target.parent))
    query = urlencode({"filename": target.name, "value": header})
    return repository_base.format(action="new") + folder + "?" + query
