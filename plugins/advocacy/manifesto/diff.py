"""What changed between two texts of the manifesto: clause by clause (added, removed, changed, moved), and word by word inside a clause."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Literal

from advocacy.manifesto.model import Clause, ManifestoText

# How alike two clauses must be (0-1, difflib's ratio of their words) to count as one clause given a new id.
RENAMED = 0.6


PARAGRAPH = "\n"


ChangeKind = Literal["added", "removed", "changed", "moved"]
"""How a clause differs between two texts (``moved``: the same words in another place)."""


@dataclass(frozen=True)
class ClauseChange:
    """One clause that differs between two texts.

    Attributes:
        kind: How it differs.
        id: The clause id.
        old: The clause in the older text (``None`` when added).
        new: The clause in the newer text (``None`` when removed).
    """

    kind: ChangeKind
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


def renamed(changes: list[ClauseChange]) -> list[tuple[Clause, Clause]]:
    """The clauses that look given a new id: (the removed clause, the added one) pairs, where the added one
    has the removed one's title or nearly its words."""
    removed = [c.old for c in changes if c.kind == "removed" and c.old is not None]
    added = [c.new for c in changes if c.kind == "added" and c.new is not None]
    pairs = []
    for clause in added:
        for gone in removed:
            alike = difflib.SequenceMatcher(
                None, " ".join(gone.paragraphs), " ".join(clause.paragraphs)
            ).ratio()
            if gone.title == clause.title or alike >= RENAMED:
                pairs.append((gone, clause))
                break
    return pairs


def renamed_message(gone: Clause, clause: Clause) -> str:
    """What to write when ``clause`` looks like ``gone`` given a new id (the one fix: the id comes back)."""
    return (
        f'this clause looks like "{gone.id}" with a new id "{clause.id}"; a clause keeps its id for ever: write '
        f"{{#{gone.id}}}"
    )


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


def paragraphs_of(runs: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """Word-diff runs grouped into the paragraphs of the newer text (a removed paragraph break joins two)."""
    paragraphs: list[list[tuple[str, str]]] = [[]]
    for kind, text in runs:
        if text != PARAGRAPH:
            paragraphs[-1].append((kind, text))
        elif kind != "del" and paragraphs[-1]:
            paragraphs.append([])
    return [runs for runs in paragraphs if runs]
