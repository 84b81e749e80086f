"""``advocacy manifesto release``: freeze the current text as the next version."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from advocacy.content.project import Project
from advocacy.manifesto.files import manifesto_dir, text_files
from advocacy.manifesto.model import Change, Manifesto, Version, level_of, load_manifesto_model, parse_version
from advocacy.manifesto.reading import load_manifesto
from advocacy.reading.problems import Severity
from advocacy.translations.pins import pinned_to


class ReleaseError(Exception):
    """The release cannot be made; the message says what to do."""


@dataclass(frozen=True)
class Released:
    """What a release wrote."""

    version: str
    files: list[Path]
    left_out: list[str]


def next_version(manifesto: Manifesto) -> Version:
    """The version the unreleased changes call for."""
    assert manifesto.changelog is not None
    latest = manifesto.changelog.latest
    if latest is None:
        return Version(0, 1, 0)
    current = parse_version(latest.version)
    assert current is not None
    kinds = [c.change for c in manifesto.changelog.unreleased]
    return current.raised(level_of(kinds, current, load_manifesto_model()))


@dataclass(frozen=True)
class ReleasePlan:
    """What a release will write, decided before anything is written.

    Attributes:
        version: The version released.
        folder: ``manifesto/versions/<version>/``.
        texts: The frozen texts to write (the original and every current translation), by path.
        left_out: The translations left out because they do not follow the current original.
        changelog: The changelog file, and its new text (the unreleased items moved into the new version).
    """

    version: str
    folder: Path
    texts: dict[Path, str]
    left_out: list[str]
    changelog: tuple[Path, str]


def plan_release(
    project: Project, summary: str, version: str | None = None, today: dt.date | None = None
) -> ReleasePlan:
    """Check that the current text can be released as ``version`` (by default, the one its changes call
    for), and work out every file the release writes.

    Raises:
        ReleaseError: saying what to do first.
    """
    day = today or dt.date.today()
    manifesto = load_manifesto(project, day)
    errors = [p for p in manifesto.problems if p.severity is Severity.ERROR]
    if errors:
        raise ReleaseError("fix the manifesto first:\n" + "\n".join(str(p) for p in errors))
    if manifesto.changelog is None or manifesto.current is None:
        raise ReleaseError("the manifesto needs manifesto/index.md and manifesto/changelog.yml")
    if not manifesto.changelog.unreleased and manifesto.changelog.releases:
        raise ReleaseError("nothing to release: changelog.yml lists no unreleased change")
    if not summary.strip() or "\n" in summary.strip():
        raise ReleaseError("give the release a one-line summary (--summary)")
    chosen = _chosen_version(manifesto, version)
    folder = manifesto_dir(project)
    target = folder / "versions" / str(chosen)
    if target.exists():
        raise ReleaseError(f"{project.relative(target)} exists already")
    default = project.default_language.code
    sources = text_files(folder, project.language_codes, default)
    original_text = sources[default].read_text(encoding="utf-8")
    texts, left_out = {}, []
    for code, path in sources.items():
        content = path.read_text(encoding="utf-8")
        if code != default and not pinned_to(original_text, content):
            left_out.append(project.relative(path))
            continue
        texts[target / path.name] = _with_version(content, str(chosen))
    changelog_path = folder / "changelog.yml"
    old = changelog_path.read_text(encoding="utf-8")
    changelog = _changelog_text(old, manifesto, str(chosen), day, summary.strip())
    return ReleasePlan(str(chosen), target, texts, left_out, (changelog_path, changelog))


def _chosen_version(manifesto: Manifesto, version: str | None) -> Version:
    needed = next_version(manifesto)
    if version is None:
        return needed
    parsed = parse_version(version)
    if parsed is None:
        raise ReleaseError(f'"{version}" is not a version number; write MAJOR.MINOR.PATCH, such as 1.2.0')
    if parsed < needed:
        raise ReleaseError(f"the unreleased changes need at least {needed}; {version} is too low")
    return parsed


def write_release(plan: ReleasePlan) -> Released:
    """Write what :func:`plan_release` decided: the frozen texts, then the changelog."""
    plan.folder.mkdir(parents=True)
    for path, text in plan.texts.items():
        path.write_text(text, encoding="utf-8")
    path, text = plan.changelog
    path.write_text(text, encoding="utf-8")
    return Released(plan.version, [*plan.texts, path], plan.left_out)


def release(
    project: Project, summary: str, version: str | None = None, today: dt.date | None = None
) -> Released:
    """Freeze the current text as a new version: write ``versions/<version>/`` (the original and every current
    translation) and move the unreleased changes into a new changelog entry."""
    return write_release(plan_release(project, summary, version, today))


def _with_version(content: str, version: str) -> str:
    """A manifesto file with ``version: <version>`` in its frontmatter."""
    lines = content.split("\n")
    end = next(n for n in range(1, len(lines)) if lines[n].rstrip(" \t") == "---")
    fields = [line for line in lines[1:end] if not re.match(r"version\s*:", line)]
    return "\n".join(["---", *fields, f"version: {version}", *lines[end:]])


class _Dumper(yaml.SafeDumper):
    """Writes list items indented under their key, as people write them."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _changelog_text(old: str, manifesto: Manifesto, version: str, day: dt.date, summary: str) -> str:
    """The changelog after a release: its opening comments kept, the data written out anew."""
    assert manifesto.changelog is not None
    header = []
    for line in old.split("\n"):
        if line.startswith("#") or not line.strip():
            header.append(line)
        else:
            break

    def changes(items: tuple[Change, ...]) -> list[dict[str, str]]:
        return [{"clause": c.clause, "change": c.change, "note": c.note} for c in items]

    first: dict[str, object] = {"version": version, "date": day, "status": "draft", "summary": summary}
    if manifesto.changelog.unreleased:
        first["changes"] = changes(manifesto.changelog.unreleased)
    versions = [first]
    for release in manifesto.changelog.releases:
        entry: dict[str, object] = {
            "version": release.version,
            "date": release.date,
            "status": release.status,
            "summary": release.summary,
        }
        if release.changes:
            entry["changes"] = changes(release.changes)
        for name in ("consultation", "consultation_from", "adopted"):
            value = getattr(release, name)
            if value is not None:
                entry[name] = value
        versions.append(entry)
    data = {"unreleased": [], "versions": versions}
    body = yaml.dump(
        data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=110, default_flow_style=False
    )
    return "\n".join(header).rstrip("\n") + ("\n" if header else "") + body
