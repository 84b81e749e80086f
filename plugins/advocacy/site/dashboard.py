"""The translation dashboard: for one language, how much is translated, how (checked by a person, or a machine
translation nobody has checked yet), and what is outdated or missing, each named by its title, with links to
read it and to start or update the translation on the hosting platform."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import quote, urlencode

from advocacy.content.project import Project
from advocacy.locales.strings import keys, missing_strings, strings
from advocacy.manifesto.text import read_clauses
from advocacy.translations.pins import read, split
from advocacy.translations.tools import KINDS, PinError, translation_text
from advocacy.translations.units import Method, Status, Unit, UnitKind, split_language

# The dashboard lists at most this many items of each kind and state (the report of `advocacy translations`
# lists them all): a page stays light at any size of the repository.
LIST_LIMIT = 100
# The columns of the dashboard's counts: a current translation is either checked by a person (translated by
# people, or a machine translation a person checked) or a machine translation nobody has checked yet.
REVIEWED = "reviewed"
MACHINE = "machine"
COLUMNS = (REVIEWED, MACHINE, "outdated", "missing")
_HEADING = re.compile(r"^#\s+(.+?)(?:\s*\{[^}]*\})?\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Item:
    """One translation the dashboard lists: outdated, missing, or a machine translation nobody checked.

    Attributes:
        kind: ``case``, ``manifesto`` or ``page``.
        group: ``outdated``, ``missing`` or ``machine``.
        title: The title of the source, as readers know it.
        source_language: The language of the source (and of its title).
        source: The source file, relative to the repository.
        original_url: The site-root-relative URL of the source's page.
        translation_url: The site-root-relative URL of the translation's page (``None`` when missing).
        help_url: A link that starts or updates the translation on the hosting platform.
    """

    kind: str
    group: str
    title: str
    source_language: str
    source: str
    original_url: str
    translation_url: str | None
    help_url: str | None


@dataclass(frozen=True)
class Dashboard:
    """The dashboard of one language: per kind, the count in each of :data:`COLUMNS`; the items listed; and
    per group, how many items the page leaves out."""

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
    counts: dict[str, dict[str, int]] = {kind: dict.fromkeys(COLUMNS, 0) for kind in KINDS}
    for unit in mine:
        counts[unit.kind][column(unit.status, unit.method)] += 1
    counts["clause"] = clause_counts(mine)
    interface = len(keys(strings(project.default_language.code)))
    present = interface - len(missing_strings(language, project.default_language.code))
    counts["interface"] = dict.fromkeys(COLUMNS, 0)
    counts["interface"][column(Status.CURRENT, interface_method(language, project.default_language.code))] = (
        present
    )
    counts["interface"]["missing"] = interface - present
    items: list[Item] = []
    left_out = {group: 0 for group in ("outdated", "missing", MACHINE)}
    shown: dict[tuple[str, str], int] = {}
    for unit in mine:
        group = column(unit.status, unit.method)
        if group == REVIEWED:
            continue
        if shown.get((unit.kind, group), 0) >= LIST_LIMIT:
            left_out[group] += 1
            continue
        shown[(unit.kind, group)] = shown.get((unit.kind, group), 0) + 1
        items.append(
            Item(
                unit.kind,
                group,
                title_of(unit.source),
                source_language(project, unit),
                project.relative(unit.source),
                original_url(project, unit),
                translation_url(project, unit),
                help_url(project, unit, repository_base),
            )
        )
    return Dashboard(counts, items, left_out)


def column(status: str, method: str | None) -> str:
    """Where a translation counts: checked by a person or machine-made when current, else its state
    (unpinned and malformed pins count as outdated: nobody can tell which version they follow; a file that
    still holds its source's text counts as missing: it translates nothing yet)."""
    if status in (Status.MISSING, Status.UNTRANSLATED):
        return "missing"
    if status != Status.CURRENT:
        return "outdated"
    return MACHINE if method == Method.MACHINE else REVIEWED


def interface_method(language: str, default: str) -> str | None:
    """How a language's interface strings were translated: ``translation.method`` in its strings file."""
    if language == default:
        return None
    translation = strings(language).get("translation")
    return str(translation.get("method")) if isinstance(translation, dict) else Method.HUMAN


def source_language(project: Project, unit: Unit) -> str:
    """The language a unit's source is written in (a case's original may be in any site language)."""
    _, code = split_language(unit.source.name, project.language_codes, project.default_language.code)
    return code


def title_of(path: Path) -> str:
    """The title of a source file: its ``title``, else its first heading, else its file name."""
    values, _, body = split(read(path))
    if values.get("title"):
        return str(values["title"])
    heading = _HEADING.search(body)
    return heading[1].strip() if heading else path.stem


def clause_ids(text: str) -> list[str]:
    """The ids of the manifesto's clauses in a file (``### Title {#id}`` headings)."""
    _, _, body = split(text)
    clauses, _ = read_clauses(body, 1, "")
    return [c.id for c in clauses if c.level == 3]


def clause_counts(units: list[Unit]) -> dict[str, int]:
    """Manifesto clauses of one language, in :data:`COLUMNS`: translated in a current file (checked by a person
    or machine-made) or in an outdated one, or missing."""
    counts: dict[str, int] = dict.fromkeys(COLUMNS, 0)
    for unit in units:
        if unit.kind != UnitKind.MANIFESTO:
            continue
        source = set(clause_ids(read(unit.source)))
        # A file that still holds the source's text translates nothing yet.
        translated = unit.translation is not None and unit.status != Status.UNTRANSLATED
        present = (
            set(clause_ids(read(unit.translation))) & source if translated and unit.translation else set()
        )
        counts["missing"] += len(source - present)
        counts[column(unit.status, unit.method)] += len(present)
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


def translation_url(project: Project, unit: Unit) -> str | None:
    """The site-root-relative URL of a unit's translation page, ``None`` when it is missing."""
    if unit.translation is None:
        return None
    if unit.kind == UnitKind.CASE:
        return project.urls.case(unit.source.name.split(".")[0], unit.language)
    # original_url() is the default language's, which has no prefix.
    return project.urls.prefix(unit.language) + original_url(project, unit)


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
