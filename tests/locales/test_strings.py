"""The user-interface strings of each language: a strings file lacking keys is reported key by key."""

from __future__ import annotations

import pytest

from advocacy.locales import strings as locale_strings


def test_missing_strings_names_every_absent_key(monkeypatch: pytest.MonkeyPatch) -> None:
    """A strings file lacking keys is reported key by key, in the reference's order."""
    files = {
        "en": {"notice": "n", "case": {"about": "a", "when": "w"}, "cite": {"title": "t"}},
        "xx": {"notice": "n", "case": {"when": "w"}},
    }
    monkeypatch.setattr(locale_strings, "strings", lambda code: files[code])
    assert locale_strings.missing_strings("xx") == ["case.about", "cite.title"]
