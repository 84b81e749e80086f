"""The translation dashboard: for one language, how much is translated and what is outdated or missing, with
links that start or update each translation on the hosting platform."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote, urlencode

from advocacy.locale_strings import keys, missing_strings, strings
from advocacy.manifesto import read_clauses
from advocacy.pins import read, split
from advocacy.project import Project
from advocacy.translation_tools import KINDS, PinError, translation_text
from advocacy.translations import STATUSES, Unit, split_language
from advocacy.urls import language_prefix

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
        units: Every translation unit (see :func:`advocacy.translations.translation_units`).
        language: The language.
        repository_base: The repository's web address followed by ``/<action>/<branch>/`` placeholders as
            ``https://github.com/o/r/{action}/main/``, or ``None`` for no links to the hosting platform.
    """
    mine = [u for u in units if u.language == language]
    counts = {kind: {status: 0 for status in STATUSES} for kind in KINDS}
    for unit in mine:
        counts[unit.kind][unit.status] += 1
    interface = len(keys(strings(project.default_language.code)))
    present = interface - len(missing_strings(language, project.default_language.code))
    counts["clause"] = clause_counts(mine)
    counts["interface"] = {status: 0 for status in STATUSES}
    counts["interface"]["current"] = present
    counts["interface"]["missing"] = interface - present
    items: list[Item] = []
    left_out = {kind: 0 for kind in KINDS}
    shown = {kind: 0 for kind in KINDS}
    for unit in mine:
        if unit.status == "current":
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
    counts = {status: 0 for status in STATUSES}
    for unit in units:
        if unit.kind != "manifesto":
            continue
        source = set(clause_ids(read(unit.source)))
        present = set(clause_ids(read(unit.translation))) & source if unit.translation else set()
        counts["missing"] += len(source - present)
        counts["current" if unit.status == "current" else "outdated"] += len(present)
    return counts


def original_url(project: Project, unit: Unit) -> str:
    """The site-root-relative URL of a unit's source page."""
    default = project.default_language.code
    codes = project.language_codes
    if unit.kind == "case":
        case_id = unit.source.name.split(".")[0]
        _, code = split_language(unit.source.name, codes, default)
        return f"{language_prefix(code, default)}cases/{case_id}/"
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


def repository_base(config: Any) -> str | None:
    """``<repo_url>/{action}/<branch>/`` from a MkDocs-style configuration's ``repo_url`` and the branch in its
    ``edit_uri`` (``edit/<branch>/docs/``), or ``None`` when they do not say."""
    repo_url, edit_uri = getattr(config, "repo_url", None), getattr(config, "edit_uri", None)
    if not repo_url or not edit_uri:
        return None
    parts = str(edit_uri).strip("/").split("/")
    if len(parts) < 2 or parts[0] != "edit":
        return None
    return str(repo_url).rstrip("/") + "/{action}/" + parts[1] + "/"


def issue_url(config: Any) -> str | None:
    """The "new issue" page of the repository, from a MkDocs-style configuration's ``repo_url`` when it is on
    GitHub (whose issue forms take their fields from the address), else ``None``."""
    repo_url = str(getattr(config, "repo_url", None) or "")
    if not repo_url.startswith("https://github.com/"):
        return None
    return repo_url.rstrip("/") + "/issues/new"
