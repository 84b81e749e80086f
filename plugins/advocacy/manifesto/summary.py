"""``advocacy manifesto diff``: the changes between two revisions as a Markdown summary for reviewers, with contributors' text escaped."""

from __future__ import annotations

import html

from advocacy.content.project import Project
from advocacy.manifesto.diff import PARAGRAPH, ClauseChange, compare, paragraphs_of, word_diff
from advocacy.manifesto.files import manifesto_dir
from advocacy.manifesto.text import text_at
from advocacy.reading.git import RevisionError, file_at, files_at, verify_revision


def _escape(text: str) -> str:
    """Text as data in GitHub Markdown: no HTML of its own, no mention, no reference to an issue."""
    return html.escape(text, quote=False).replace("@", "@\u200b").replace("#", "&#35;")


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
