"""The whole manifesto read and checked: texts, changelog, released versions and endorsements."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from advocacy.content.project import Project
from advocacy.manifesto.changelog import read_changelog
from advocacy.manifesto.endorsements import read_endorsements
from advocacy.manifesto.files import manifesto_dir, pinned_languages, text_files
from advocacy.manifesto.model import MAX_FILE_BYTES, Manifesto, ManifestoText
from advocacy.manifesto.rules import check_manifesto
from advocacy.manifesto.text import parse_text
from advocacy.reading.copies import copied
from advocacy.reading.problems import Problem
from advocacy.reading.sourcefile import read_text
from advocacy.translations.pins import translatable


def _leave_out_copies(project: Project, files: dict[str, Path], result: Manifesto) -> None:
    """A translation that still holds the original's text (as `advocacy translate` starts it) is reported and
    counts as absent: no page shows English words as another language's."""
    original = files.get(result.default)
    if original is None:
        return
    source = translatable(original.read_text(encoding="utf-8"))
    for code, path in list(files.items()):
        if code == result.default:
            continue
        found = copied(source, translatable(path.read_text(encoding="utf-8")))
        if found.is_copy:
            result.problems.append(
                Problem(
                    project.relative(path),
                    None,
                    None,
                    f"{found.paragraphs} of {found.of} paragraphs are still those of {project.relative(original)}, "
                    "word for word: translate them; until then this translation is not published",
                )
            )
            del files[code]
            result.texts.pop(code, None)


def load_manifesto(project: Project, today: dt.date | None = None) -> Manifesto:
    """Read and check the whole manifesto: texts, changelog, released versions and endorsements."""
    default = project.default_language.code
    languages = project.language_codes
    folder = manifesto_dir(project)
    result = Manifesto(default)
    if not folder.is_dir():
        return result
    files = text_files(folder, languages, default)
    for code, path in files.items():
        text = _read(project, path, result.problems)
        if text is not None:
            result.texts[code] = text
    _leave_out_copies(project, files, result)
    result.current_languages = pinned_languages(files, default)
    changelog_path = folder / "changelog.yml"
    display = project.relative(changelog_path)
    if changelog_path.is_file():
        content, problems = read_text(changelog_path, display, MAX_FILE_BYTES)
        result.problems.extend(problems)
        if content is not None:
            result.changelog, problems = read_changelog(content, display, languages)
            result.problems.extend(problems)
    elif result.texts:
        result.problems.append(
            Problem(
                display,
                None,
                None,
                "the manifesto has no changelog; create it with `unreleased: []` and the first version under `versions:`",
            )
        )
    versions_dir = folder / "versions"
    if versions_dir.is_dir():
        for entry in sorted(versions_dir.iterdir()):
            if not entry.is_dir():
                result.problems.append(
                    Problem(
                        project.relative(entry),
                        None,
                        None,
                        "only version folders (versions/1.0.0/) belong here",
                    )
                )
                continue
            texts = {}
            for code, path in text_files(entry, languages, default).items():
                text = _read(project, path, result.problems)
                if text is not None:
                    texts[code] = text
            result.versions[entry.name] = texts
    endorsements_dir = folder / "endorsements"
    if endorsements_dir.is_dir():
        for path in sorted(endorsements_dir.iterdir()):
            if path.suffix != ".yml":
                result.problems.append(
                    Problem(
                        project.relative(path),
                        None,
                        None,
                        "endorsements are .yml files, one per organisation",
                    )
                )
                continue
            endorsements, problems = read_endorsements(path, project.relative(path), languages)
            result.endorsements.extend(endorsements)
            result.problems.extend(problems)
    check_manifesto(project, result, today or dt.date.today())
    return result


def _read(project: Project, path: Path, problems: list[Problem]) -> ManifestoText | None:
    display = project.relative(path)
    content, read_problems = read_text(path, display, MAX_FILE_BYTES)
    problems.extend(read_problems)
    if content is None:
        return None
    text, text_problems = parse_text(content, display)
    problems.extend(text_problems)
    return text
