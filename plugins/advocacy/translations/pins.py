"""Translation pins: which revision of its source a translation was made from.

A pin is a fingerprint of the source's translatable text (title, summary and body), normalised so that line
endings, a byte-order mark, trailing spaces and blank lines at the ends do not count. Tools write it into the
translation's frontmatter as ``translation.source``; people never type it.
"""

from __future__ import annotations

import hashlib
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from advocacy.reading.strict_yaml import MAX_DEPTH

PIN = re.compile(r"sha256:[0-9a-f]{16}")
# libyaml's loader when PyYAML has it (the wheels do): pins are read from every translation at every build.
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FRONTMATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*(?:\n|\Z)", re.DOTALL)


def normalise(text: str) -> str:
    """Text without what an editor changes silently: BOM, CRLF or CR line ends, trailing spaces, end blanks."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip(" \t") for line in text.split("\n")).strip("\n")


def split(text: str) -> tuple[dict[str, Any], str, str]:
    """(frontmatter values, frontmatter text, body) of a Markdown file; empty values when it has none."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    match = _FRONTMATTER.match(text)
    if match is None:
        return {}, "", text
    try:
        values = yaml.load(match[1], Loader=_LOADER) or {}  # noqa: S506 - a safe loader
    except (yaml.YAMLError, ValueError, RecursionError):  # ValueError: a date that does not exist
        values = {}
    # Nesting the validator refuses (and that would exhaust the stack of whatever walks it) reads as no fields.
    if not isinstance(values, dict) or _depth(values) > MAX_DEPTH:
        values = {}
    return values, match[1], text[match.end() :]


def _depth(value: Any) -> int:
    """How deep lists and mappings nest in a loaded YAML value (walked without recursion)."""
    deepest = 0
    stack = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, depth + 1)
            stack.extend((child, depth + 1) for child in (item.values() if isinstance(item, dict) else item))
    return deepest


# A build reads each source's text for every language it is translated into, and again to tell copies from
# translations: the results of one text are kept (the texts are the keys; a build holds them anyway).
@lru_cache(maxsize=4096)
def translatable(text: str) -> str:
    """The part of a source file a translation renders: its title, its summary and its body."""
    values, _, body = split(text)
    parts = [str(values.get(key) or "") for key in ("title", "summary")]
    return normalise("\n".join(parts) + "\n\n" + body)


@lru_cache(maxsize=4096)
def fingerprint(text: str) -> str:
    """The pin of a source's text (``sha256:`` and 16 hexadecimal digits)."""
    return "sha256:" + hashlib.sha256(translatable(text).encode("utf-8")).hexdigest()[:16]


def pin_of(text: str) -> tuple[str | None, str | None]:
    """(``translation.method``, ``translation.source``) written in a translation file, each ``None`` if absent."""
    values, _, _ = split(text)
    translation = values.get("translation")
    if not isinstance(translation, dict):
        return None, None
    method, source = translation.get("method"), translation.get("source")
    return (str(method) if method is not None else None), (str(source) if source is not None else None)


def pinned_to(source_text: str, translation_text: str) -> bool:
    """Whether a translation's pin is the fingerprint of its source as it is (whatever its method)."""
    return pin_of(translation_text)[1] == fingerprint(source_text)


def with_pin(text: str, pin: str, method: str | None = None) -> str:
    """The text of a translation file with ``translation.source`` set to ``pin`` (other lines unchanged).

    A file without frontmatter gets one; a ``translation:`` written as a flow mapping is rewritten in block form.
    ``method`` is written only where the file has no ``translation:`` yet (``None``: none is written, and the
    validator asks the translator for it).
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    match = _FRONTMATTER.match(text)
    written = [f"  method: {method}"] if method else []
    if match is None:
        added = "\n".join(["translation:", *written, f"  source: {pin}"])
        return f"---\n{added}\n---\n\n" + text.lstrip("\n")
    lines = match[1].split("\n")[:-1]
    start = next((n for n, line in enumerate(lines) if re.match(r"translation:", line)), None)
    if start is None:
        lines += ["translation:", *written, f"  source: {pin}"]
    else:
        end = start + 1
        while end < len(lines) and (lines[end].startswith((" ", "\t")) or not lines[end].strip()):
            end += 1
        inline = lines[start].partition(":")[2].strip()
        if inline:
            values = yaml.safe_load(inline) or {}
            block = [f"  {key}: {_flow(value)}" for key, value in values.items() if key != "source"]
        else:
            block = [line for line in lines[start + 1 : end] if not re.match(r"\s+source:", line)]
        lines[start:end] = ["translation:", *block, f"  source: {pin}"]
    return "---\n" + "\n".join(lines) + "\n---\n" + text[match.end() :]


def _flow(value: Any) -> str:
    if isinstance(value, str) and re.fullmatch(r"[\w.-]+", value):
        return value
    return json.dumps(value, ensure_ascii=False)  # JSON is YAML


def read(path: Path) -> str:
    """A Markdown file's text."""
    return path.read_text(encoding="utf-8")
