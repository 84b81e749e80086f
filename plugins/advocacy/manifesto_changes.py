"""What changed in the manifesto: clause by clause, word by word, between versions or git revisions; the
checks a pull request must pass; and the release that freezes a version.

Pages (:mod:`advocacy.manifesto_pages`) and the ``advocacy manifesto`` command use the same comparison.
"""

from __future__ import annotations

import datetime as dt
import difflib
import html
import re
from dataclasses import dataclass
from pathlib import Path, PurePath

import yaml

from advocacy.git import GitError, run_git
from advocacy.manifesto import (
    Change,
    Changelog,
    Clause,
    Manifesto,
    ManifestoText,
    Version,
    level_of,
    load_manifesto,
    load_manifesto_model,
    manifesto_dir,
    parse_text,
    parse_version,
    read_changelog,
    text_files,
)
from advocacy.pins import pinned_to
from advocacy.problems import Problem, Severity
from advocacy.project import Project

# How alike two clauses must be (0-1, difflib's ratio of their words) to count as one clause given a new id.
RENAMED = 0.6
PARAGRAPH = "\n"


@dataclass(frozen=True)
class ClauseChange:
    """One clause that differs between two texts.

    Attributes:
        kind: ``added``, ``removed``, ``changed`` or ``moved``.
        id: The clause id.
        old: The clause in the older text (``None`` when added).
        new: The clause in the newer text (``None`` when removed).
    """

    kind: str
    id: str
    old: Clause | None
    new: Clause | None

    @property
    def clause(self) -> Clause:
        """The clause as it is now, or as it was when it is removed."""
        found = self.new or self.old
        assert found is not None
        return found


def compare(old: ManifestoText | None, new: ManifestoText) -> list[ClauseChange]:
    """The clauses added, removed, changed or moved from ``old`` to ``new``, in reading order (a removed clause
    where it stood). A clause is moved when it kept its words but not its place among the others."""
    before = old.clauses if old is not None else ()
    old_ids = {c.id: c for c in before}
    new_ids = {c.id for c in new.clauses}
    kept_old = [c.id for c in before if c.id in new_ids]
    kept_new = [c.id for c in new.clauses if c.id in old_ids]
    in_place = {
        kept_old[block.a + n]
        for block in difflib.SequenceMatcher(None, kept_old, kept_new, autojunk=False).get_matching_blocks()
        for n in range(block.size)
    }
    removed_after: dict[str | None, list[Clause]] = {}
    previous: str | None = None
    for clause in before:
        if clause.id in new_ids:
            previous = clause.id
        else:
            removed_after.setdefault(previous, []).append(clause)
    changes = [ClauseChange("removed", c.id, c, None) for c in removed_after.get(None, [])]
    for clause in new.clauses:
        was = old_ids.get(clause.id)
        if was is None:
            changes.append(ClauseChange("added", clause.id, None, clause))
        elif was.title != clause.title or was.paragraphs != clause.paragraphs:
            changes.append(ClauseChange("changed", clause.id, was, clause))
        elif clause.id not in in_place:
            changes.append(ClauseChange("moved", clause.id, was, clause))
        changes.extend(ClauseChange("removed", c.id, c, None) for c in removed_after.get(clause.id, []))
    return changes


def word_diff(old: tuple[str, ...], new: tuple[str, ...]) -> list[tuple[str, str]]:
    """The words of two texts (lists of paragraphs) as runs: ``("same" | "del" | "ins", text)``.

    A paragraph break is the run text ``"\\n"``.
    """
    a, b = _tokens(old), _tokens(new)
    runs: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            runs.extend(_runs("same", a[i1:i2]))
        else:
            if i2 > i1:
                runs.extend(_runs("del", a[i1:i2]))
            if j2 > j1:
                runs.extend(_runs("ins", b[j1:j2]))
    return runs


def _tokens(paragraphs: tuple[str, ...]) -> list[str]:
    tokens: list[str] = []
    for number, paragraph in enumerate(paragraphs):
        if number:
            tokens.append(PARAGRAPH)
        # Words with their punctuation: "1.0.0" and "number," stay whole, and the text joins back with spaces.
        tokens.extend(paragraph.split())
    return tokens


def _runs(kind: str, tokens: list[str]) -> list[tuple[str, str]]:
    """Tokens joined back into text, split at paragraph breaks (which become runs of their own)."""
    runs: list[tuple[str, str]] = []
    words: list[str] = []
    for token in [*tokens, None]:
        if token is None or token == PARAGRAPH:
            if words:
                runs.append((kind, _join(words)))
            if token is not None:
                runs.append((kind, PARAGRAPH))
            words = []
        else:
            words.append(token)
    return runs


def _join(tokens: list[str]) -> str:
    return " ".join(tokens)


# Markdown for pull requests ---------------------------------------------------------------------------------


def _escape(text: str) -> str:
    """Text as data in GitHub Markdown: no HTML of its own, no mention, no reference to an issue."""
    return html.escape(text, quote=False).replace("@", "@\u200b").replace("#", "&#35;")


def paragraphs_of(runs: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """Word-diff runs grouped into the paragraphs of the newer text (a removed paragraph break joins two)."""
    paragraphs: list[list[tuple[str, str]]] = [[]]
    for kind, text in runs:
        if text != PARAGRAPH:
            paragraphs[-1].append((kind, text))
        elif kind != "del" and paragraphs[-1]:
            paragraphs.append([])
    return [runs for runs in paragraphs if runs]


def _marked(runs: list[tuple[str, str]]) -> str:
    return "\n\n".join(
        " ".join(
            _escape(text) if kind == "same" else f"<{kind}>{_escape(text)}</{kind}>" for kind, text in words
        )
        for words in paragraphs_of(runs)
    )


def markdown_summary(
    changes: list[ClauseChange], base: str, head: str, notes: list[str] | None = None
) -> str:
    """A clause-by-clause summary in GitHub Markdown, for a pull request or a job summary."""
    counts = {kind: sum(c.kind == kind for c in changes) for kind in ("changed", "added", "removed", "moved")}
    lines = [
        "## Manifesto changes",
        "",
        f"From `{base}` to `{head}` ({_escape('manifesto/index.md')}): "
        + ", ".join(
            f"{n} clause{'s' if n != 1 else ''} {kind}" for kind, n in counts.items() if n or kind != "moved"
        )
        + ".",
        "",
    ]
    if not changes:
        lines += ["The text of the manifesto is the same.", ""]
    for change in changes:
        clause = change.clause
        title = _escape(clause.title)
        if change.kind == "changed" and change.old is not None and change.new is not None:
            if change.old.title != change.new.title:
                title = _marked(word_diff((change.old.title,), (change.new.title,)))
            body = _marked(word_diff(change.old.paragraphs, change.new.paragraphs))
        elif change.kind == "moved":
            body = _marked([("same", p) for p in _with_breaks(clause.paragraphs)])
        elif change.kind == "added":
            body = _marked([("ins", p) for p in _with_breaks(clause.paragraphs)])
        else:
            body = _marked([("del", p) for p in _with_breaks(clause.paragraphs)])
        lines += [f"### {change.kind.capitalize()}: {title} (`{clause.id}`)", "", body or "*(no text)*", ""]
    for note in notes or []:
        lines += [f"- {note}"]
    return "\n".join(lines).rstrip() + "\n"


def _with_breaks(paragraphs: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for number, paragraph in enumerate(paragraphs):
        if number:
            out.append(PARAGRAPH)
        out.append(paragraph)
    return out


# Git --------------------------------------------------------------------------------------------------------


class RevisionError(GitError):
    """A git revision cannot be read; the message says why."""


def _git(root: Path, *args: str) -> str:
    try:
        return run_git(root, *args)
    except GitError as exc:
        raise RevisionError(str(exc)) from exc


def verify_revision(root: Path, revision: str) -> None:
    """Raise :class:`RevisionError` unless ``revision`` names a commit of the repository at ``root``."""
    if revision.startswith("-"):
        raise RevisionError(f'"{revision}" is not a revision')
    try:
        _git(root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    except RevisionError as exc:
        raise RevisionError(
            f'"{revision}" is not a commit of this repository (in a shallow clone, fetch it first: '
            f"git fetch origin {revision})"
        ) from exc


def file_at(root: Path, revision: str | None, path: str) -> str | None:
    """A file's text at a revision (``None``: the working tree), or ``None`` when it does not exist there."""
    if revision is None:
        file = root / path
        return file.read_text(encoding="utf-8") if file.is_file() else None
    try:
        return _git(root, "show", f"{revision}:{path}")
    except RevisionError:
        return None


def files_at(root: Path, revision: str | None, folder: str) -> list[str]:
    """The files under a folder at a revision (``None``: the working tree), relative to the root."""
    if revision is None:
        base = root / folder
        return (
            sorted(p.relative_to(root).as_posix() for p in base.rglob("*") if p.is_file())
            if base.is_dir()
            else []
        )
    return sorted(_git(root, "ls-tree", "-r", "--name-only", revision, "--", folder).split())


def text_at(root: Path, revision: str | None, path: str) -> ManifestoText | None:
    """The manifesto text of a file at a revision, or ``None`` when it is missing or unreadable there."""
    content = file_at(root, revision, path)
    if content is None:
        return None
    text, _ = parse_text(content, path)
    return text


def diff_revisions(project: Project, base: str, head: str | None = None) -> str:
    """``advocacy manifesto diff``: the Markdown summary of the manifesto's changes from ``base`` to ``head``
    (``None``: the working tree)."""
    root = project.root
    for revision in (base, head):
        if revision is not None:
            verify_revision(root, revision)
    folder = manifesto_dir(project).relative_to(root).as_posix()
    original = f"{folder}/index.md"
    new = text_at(root, head, original)
    if new is None:
        raise RevisionError(f"{original} does not exist at {head or 'the working tree'}")
    changes = compare(text_at(root, base, original), new)
    notes = []
    before, after = set(files_at(root, base, folder)), set(files_at(root, head, folder))
    for path in sorted(before | after):
        if path == original:
            continue
        old, now = file_at(root, base, path), file_at(root, head, path)
        if old == now:
            continue
        state = "added" if old is None else "deleted" if now is None else "changed"
        notes.append(f"`{path}` {state}")
    return markdown_summary(changes, base, head or "working tree", notes)


# The pull-request check --------------------------------------------------------------------------------------


def _entry_hint(change: ClauseChange) -> str:
    if change.kind in ("added", "removed"):
        return f'- {{clause: {change.id}, change: {change.kind}, note: "What changed and why"}}'
    return (
        f'- {{clause: {change.id}, change: wording, note: "What changed and why"}} (write refined or reversed '
        "instead of wording if the position changed)"
    )


def check_revision(project: Project, base: str, today: dt.date | None = None) -> list[Problem]:
    """``advocacy manifesto check``: everything wrong with the manifesto as it is now, and with the way it
    changed since ``base``: a text change without an unreleased changelog item, a clause id changed or
    reused, a released version edited."""
    root = project.root
    verify_revision(root, base)
    manifesto = load_manifesto(project, today)
    problems = list(manifesto.problems)
    folder = manifesto_dir(project).relative_to(root).as_posix()
    original = f"{folder}/index.md"
    changelog_display = f"{folder}/changelog.yml"
    old = text_at(root, base, original)
    new = manifesto.current
    base_changelog = None
    base_changelog_text = file_at(root, base, changelog_display)
    if base_changelog_text is not None:
        base_changelog, _ = read_changelog(base_changelog_text, changelog_display, project.language_codes)
    if new is not None:
        changes = compare(old, new)
        released_before = (
            {r.version for r in base_changelog.releases} if base_changelog is not None else set()
        )
        problems.extend(_changelog_problems(manifesto, changes, changelog_display, released_before))
        problems.extend(_id_problems(root, base, folder, old, changes, base_changelog))
    problems.extend(_frozen_problems(project, base, folder))
    if base_changelog is not None and manifesto.changelog is not None:
        for release in base_changelog.releases:
            now = manifesto.changelog.release(release.version)
            if now is None or now.date != release.date:
                problems.append(
                    Problem(
                        changelog_display,
                        now.line if now else None,
                        "versions",
                        f"version {release.version} (released {release.date}) must stay in the changelog with its "
                        "date; restore it",
                    )
                )
    return problems


def _changelog_problems(
    manifesto: Manifesto, changes: list[ClauseChange], display: str, released_before: set[str]
) -> list[Problem]:
    """Every clause the text changed has an item of the right kind: unreleased, or in a version the same pull
    request releases (one not in ``released_before``)."""
    if manifesto.changelog is None:
        return []
    listed: dict[str, set[str]] = {}
    new_releases = [r for r in manifesto.changelog.releases if r.version not in released_before]
    for item in [*manifesto.changelog.unreleased, *(c for r in new_releases for c in r.changes)]:
        listed.setdefault(item.clause, set()).add(item.change)
    problems = []
    for change in changes:
        kinds = listed.get(change.id)
        where = change.new.line if change.new is not None else None
        if kinds is None:
            problems.append(
                Problem(
                    display,
                    None,
                    "unreleased",
                    f'the clause "{change.id}" was {change.kind} in manifesto/index.md (line {where or "-"}) but '
                    f"unreleased lists no change to it; add {_entry_hint(change)}",
                )
            )
        elif change.kind in ("added", "removed") and change.kind not in kinds:
            problems.append(
                Problem(
                    display,
                    None,
                    "unreleased",
                    f'the clause "{change.id}" was {change.kind}: write "change: {change.kind}" in its item',
                )
            )
    return problems


def _id_problems(
    root: Path,
    base: str,
    folder: str,
    old: ManifestoText | None,
    changes: list[ClauseChange],
    base_changelog: Changelog | None,
) -> list[Problem]:
    """A clause keeps its id for ever, and an id is never given to another clause."""
    problems = []
    original = f"{folder}/index.md"
    removed = [c.old for c in changes if c.kind == "removed" and c.old is not None]
    added = [c.new for c in changes if c.kind == "added" and c.new is not None]
    for clause in added:
        for gone in removed:
            alike = difflib.SequenceMatcher(
                None, " ".join(gone.paragraphs), " ".join(clause.paragraphs)
            ).ratio()
            if gone.title == clause.title or alike >= RENAMED:
                problems.append(
                    Problem(
                        original,
                        clause.line,
                        None,
                        f'this clause looks like "{gone.id}" with a new id "{clause.id}"; a clause keeps its id for '
                        f"ever: write {{#{gone.id}}}",
                    )
                )
    used: set[str] = set(old.by_id) if old is not None else set()
    for path in files_at(root, base, f"{folder}/versions"):
        if path.endswith("/index.md"):
            text = text_at(root, base, path)
            used |= set(text.by_id) if text is not None else set()
    if base_changelog is not None:
        used |= {c.clause for c in base_changelog.unreleased}
        used |= {c.clause for r in base_changelog.releases for c in r.changes}
    current = set(old.by_id) if old is not None else set()
    for clause in added:
        if clause.id in used and clause.id not in current:
            problems.append(
                Problem(
                    original,
                    clause.line,
                    None,
                    f'the id "{clause.id}" belonged to a clause that was removed; ids are never reused: choose a '
                    "new one",
                )
            )
    return problems


def _frozen_problems(project: Project, base: str, folder: str) -> list[Problem]:
    """Released versions are frozen: their files never change; only new translations may join them."""
    root = project.root
    versions = f"{folder}/versions"
    problems = []
    before = files_at(root, base, versions)
    for path in before:
        old, now = file_at(root, base, path), file_at(root, None, path)
        if now is None or old != now:
            what = "was deleted" if now is None else "was edited"
            problems.append(
                Problem(
                    path,
                    None,
                    None,
                    f"{what}, but released versions are frozen: restore it (git checkout {base} -- {path}); to "
                    f"change the manifesto, edit {folder}/index.md",
                )
            )
    released = {PurePath(path).parent.as_posix() for path in before}
    for path in files_at(root, None, versions):
        parent = PurePath(path).parent.as_posix()
        if path in before or parent not in released:
            continue
        name = PurePath(path).name
        original = file_at(root, None, f"{parent}/index.md")
        if not re.fullmatch(r"index\.[A-Za-z-]+\.md", name) or original is None:
            problems.append(
                Problem(
                    path, None, None, "a released version only takes new translations (index.<language>.md)"
                )
            )
            continue
        if not pinned_to(original, file_at(root, None, path) or ""):
            problems.append(
                Problem(
                    path,
                    None,
                    "translation.source",
                    f"a translation added to version {PurePath(parent).name} must translate its text: pin it with "
                    f"advocacy translations repin {path}",
                )
            )
    return problems


# Release ------------------------------------------------------------------------------------------------------


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


def release(
    project: Project, summary: str, version: str | None = None, today: dt.date | None = None
) -> Released:
    """Freeze the current text as a new version: write ``versions/<version>/`` (the original and every current
    translation) and move the unreleased changes into a new changelog entry."""
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
    needed = next_version(manifesto)
    chosen = needed
    if version is not None:
        parsed = parse_version(version)
        if parsed is None:
            raise ReleaseError(f'"{version}" is not a version number; write MAJOR.MINOR.PATCH, such as 1.2.0')
        if parsed < needed:
            raise ReleaseError(f"the unreleased changes need at least {needed}; {version} is too low")
        chosen = parsed
    folder = manifesto_dir(project)
    target = folder / "versions" / str(chosen)
    if target.exists():
        raise ReleaseError(f"{project.relative(target)} exists already")
    default = project.default_language.code
    sources = text_files(folder, project.language_codes, default)
    original_text = sources[default].read_text(encoding="utf-8")
    written, left_out = [], []
    target.mkdir(parents=True)
    for code, path in sources.items():
        content = path.read_text(encoding="utf-8")
        if code != default and not pinned_to(original_text, content):
            left_out.append(project.relative(path))
            continue
        out = target / path.name
        out.write_text(_with_version(content, str(chosen)), encoding="utf-8")
        written.append(out)
    changelog_path = folder / "changelog.yml"
    changelog_path.write_text(
        _changelog_text(
            changelog_path.read_text(encoding="utf-8"), manifesto, str(chosen), day, summary.strip()
        ),
        encoding="utf-8",
    )
    written.append(changelog_path)
    return Released(str(chosen), written, left_out)


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
