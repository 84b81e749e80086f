"""A preview of one case: a small copy of the project holding that case and the cases it names, so that the
site rebuilds in about a second after each edit, whatever the size of the repository.

The copy links to the real files (an edit shows at once) and is served with ``mkdocs serve``, which watches
the real folders. Everything else (docs, vocabularies, media, manifesto, theme) is the project's own.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from advocacy.content.project import CONFIG_FILE, ConfigLoader, Project, plugin_options
from advocacy.content.repository import load_repository


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
    repository = load_repository(project)
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
    _mirror(project.docs_dir.resolve(), docs, skip={project.cases_dirname})
    if not (docs / project.cases_dirname).exists():
        (docs / project.cases_dirname).symlink_to(
            Path("..") / project.cases_dirname, target_is_directory=True
        )
    config = _preview_config(project)
    destination = target / CONFIG_FILE
    destination.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return destination


def _mirror(source: Path, target: Path, skip: set[str]) -> None:
    """Make ``target`` a folder of links to the entries of ``source`` (except ``skip``)."""
    target.mkdir(parents=True, exist_ok=True)
    for entry in source.iterdir():
        link = target / entry.name
        if entry.name in skip or link.exists() or link.is_symlink():
            continue
        link.symlink_to(entry.resolve(), target_is_directory=entry.is_dir())


def _preview_config(project: Project) -> dict[str, Any]:
    """The project's mkdocs.yml, with absolute paths, watching the real folders, without search."""
    text = (project.root / CONFIG_FILE).read_text(encoding="utf-8")
    config: dict[str, Any] = yaml.load(text, Loader=ConfigLoader)  # noqa: S506 - a SafeLoader subclass
    theme = config.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        theme["custom_dir"] = str((project.root / theme["custom_dir"]).resolve())
    watch = [str((project.root / w).resolve()) for w in config.get("watch") or []]
    config["watch"] = watch or [str(project.cases_dir.resolve())]
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
