"""User-interface strings of each site language, read from ``advocacy/locales/<code>.yml``."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


class MissingStringsError(Exception):
    """A language has no strings file, or lacks a key; the message names both."""


@cache
def strings(code: str) -> dict[str, Any]:
    """All UI strings of language ``code`` (cached: the files ship with the package and do not change)."""
    resource = resources.files("advocacy") / "locales" / f"{code}.yml"
    if not resource.is_file():
        raise MissingStringsError(
            f"no user-interface strings for the language '{code}': copy plugins/advocacy/locales/en.yml "
            f"to plugins/advocacy/locales/{code}.yml and translate it"
        )
    data = yaml.safe_load(resource.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise MissingStringsError(f"plugins/advocacy/locales/{code}.yml must be a mapping of keys to text")
    return data


def section_headings(code: str) -> dict[str, str]:
    """The names of the four case sections in language ``code``, keyed by section id."""
    sections = strings(code).get("sections")
    if not isinstance(sections, dict):
        raise MissingStringsError(f"plugins/advocacy/locales/{code}.yml has no 'sections' strings")
    return {str(k): str(v) for k, v in sections.items()}


def keys(data: object, prefix: str = "") -> list[str]:
    """Every key of nested strings, dotted (``case.about``), in file order."""
    if not isinstance(data, dict):
        return [prefix.rstrip(".")]
    return [key for k, v in data.items() for key in keys(v, f"{prefix}{k}.")]


def missing_strings(code: str, reference: str = "en") -> list[str]:
    """The keys (``case.about``) that language ``code`` lacks compared with ``reference``, in its order.

    Raises:
        MissingStringsError: when the language has no strings file at all.
    """
    have = set(keys(strings(code)))
    return [key for key in keys(strings(reference)) if key not in have]
