"""A preview of one case: a small copy of the project holding that case and the cases it names, so that the
site rebuilds in about a second after each edit, whatever the size of the repository.

The copy links to the real case files (an edit shows at once) and is served with ``mkdocs serve``, which watches
the real folder of cases. It holds what a case page needs and nothing more: the cases, the vocabularies and
media (under cases/), the theme, a home page of its own and the pages the catalogue generates; not the
documentation pages or the manifesto, which would cost time at every rebuild and print their own problems.
A case with errors is not left as a missing page: its address shows what to fix.
"""

from __future__ import annotations

import html
import json
import socket
from pathlib import Path
from typing import Any

import yaml

from advocacy.content.project import CONFIG_FILE, ConfigLoader, Project, plugin_options
from advocacy.content.repository import load_repository, reading_workers
from advocacy.content.urls import language_prefix
from advocacy.reading.problems import Problem

# The navigation of a preview: the home page and the pages the catalogue generates, which case pages link to.
PREVIEW_NAV = ["index.md", "catalogue/index.md", "dossiers/index.md", "organizations/index.md"]
HOME = """\
---
title: Preview
---

# Preview of {case}

This small site shows the case and the cases it names or that name it, rebuilt each time you save. Its
pages are listed below; the terminal where the preview runs names every problem too.
"""


class PreviewError(Exception):
    """The preview cannot be made; the message says why."""


def cases_to_show(project: Project, path: Path) -> tuple[str, list[str]]:
    """The id of the case of ``path`` and the ids of the cases it names (related, inspired by, inspiring it).

    Raises:
        PreviewError: when ``path`` is not a case file of the project.
    """
    path = path.resolve()
    if path.parent != project.cases_dir.resolve() or path.suffix != ".md":
        raise PreviewError(
            f"{path}: not a case file; give a file of {project.cases_dirname}/ such as cases/x.md"
        )
    case_id = path.name.split(".")[0]
    repository = load_repository(project, workers=reading_workers())
    case = repository.cases.get(case_id)
    if case is None:
        raise PreviewError(f"{path}: no case {case_id!r} in {project.cases_dirname}/")
    named: set[str] = set()
    for case_file in case.files:
        named.update(reference.case_id for reference in case_file.references)
    for other in repository.cases.values():
        for case_file in other.files:
            if any(reference.case_id == case_id for reference in case_file.references):
                named.add(other.id)
    named.discard(case_id)
    return case_id, sorted(named & set(repository.cases))


def case_addresses(project: Project, path: Path) -> list[str]:
    """The site addresses of the case of ``path``, its original's language first (``cases/x/``,
    ``fr/cases/x/``...)."""
    case_id = path.resolve().name.split(".")[0]
    default = project.default_language.code
    codes = []
    for file in sorted(project.cases_dir.glob(f"{case_id}.*md")):
        parts = file.name.split(".")
        code = parts[1] if len(parts) == 3 else default
        if project.language(code) is not None:
            codes.append(code)
    given = path.resolve().name.split(".")
    first = given[1] if len(given) == 3 else default
    ordered = [first, *sorted(c for c in set(codes) if c != first)]
    return [f"{language_prefix(code, default)}{project.cases_dirname}/{case_id}/" for code in ordered]


def make_preview(project: Project, path: Path, target: Path) -> Path:
    """Write the preview project of the case at ``path`` into ``target``; return its mkdocs.yml.

    Raises:
        PreviewError: when ``path`` is not a case file of the project.
    """
    case_id, named = cases_to_show(project, path)
    cases = target / project.cases_dirname
    cases.mkdir(parents=True, exist_ok=True)
    for old in cases.iterdir():
        old.unlink()
    real = project.cases_dir.resolve()
    for source in sorted(real.iterdir()):
        if source.is_dir() or source.name.split(".")[0] in {case_id, *named}:
            (cases / source.name).symlink_to(source, target_is_directory=source.is_dir())
    docs = target / project.relative(project.docs_dir)
    docs.mkdir(parents=True, exist_ok=True)
    link = docs / project.cases_dirname
    if not link.is_symlink():
        link.symlink_to(Path("..") / project.cases_dirname, target_is_directory=True)
    (docs / "index.md").write_text(HOME.format(case=case_id), encoding="utf-8")
    config = _preview_config(project)
    destination = target / CONFIG_FILE
    destination.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return destination


def _preview_config(project: Project) -> dict[str, Any]:
    """The project's mkdocs.yml, with absolute paths, the preview's navigation, watching the real cases,
    without search, with the problems of a case shown at its address."""
    text = (project.root / CONFIG_FILE).read_text(encoding="utf-8")
    config: dict[str, Any] = yaml.load(text, Loader=ConfigLoader)  # noqa: S506 - a SafeLoader subclass
    theme = config.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        theme["custom_dir"] = str((project.root / theme["custom_dir"]).resolve())
    config["watch"] = [str(project.cases_dir.resolve())]
    config["nav"] = PREVIEW_NAV
    plugins = config.get("plugins") or []
    cases = {"partial": True, "mirror_of": str(project.root.resolve())}  # the preview's links lead there
    for name, options in (("advocacy-cases", cases), ("advocacy-catalogue", {"search": False})):
        current = plugin_options(plugins, name)
        if current is None:
            continue
        plugins = [
            {name: {**current, **options}} if (p == name or (isinstance(p, dict) and name in p)) else p
            for p in plugins
        ]
    for entry in plugins:
        if isinstance(entry, dict) and "advocacy-catalogue" in entry:
            entry["advocacy-catalogue"].pop("featured", None)
    config["plugins"] = plugins
    config["strict"] = False
    return config


def problems_page(case_id: str, problems: list[Problem]) -> str:
    """The page a preview shows at the address of a case that is not published: what to fix, file by file.

    Its text is Markdown holding escaped HTML (the messages quote what contributors wrote)."""
    count = len(problems)
    title = f"{case_id}: {count} problem{'s' if count != 1 else ''} to fix"
    items = "".join(
        f"<li><code>{html.escape(problem.file)}{f':{problem.line}' if problem.line else ''}</code> "
        f"{html.escape(problem.field + ': ') if problem.field else ''}{html.escape(problem.message)}</li>"
        for problem in problems
    )
    return (
        # The id is letters, digits and hyphens (a file of another name is not read as a case); the title is
        # escaped where the page is built, as every page's.
        f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n---\n\n"
        '<div class="admonition failure" lang="en">\n'  # the messages are in English
        f'<p class="admonition-title">This case is not published until these problems are fixed. Save the '
        f"file and this page shows it again.</p>\n<ul>{items}</ul>\n</div>\n"
    )


def free_port(host: str, wanted: int) -> int:
    """``wanted`` if nothing listens on it on ``host``, else a free port the system gives."""
    for port in (wanted, 0):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            try:
                probe.bind((host, port))
            except OSError:
                continue
            return int(probe.getsockname()[1])
    raise PreviewError(f"no free port on {host}")
