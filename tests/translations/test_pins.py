"""Translation pins: the fingerprint of a source, and the pin line written into a translation."""

from __future__ import annotations

from advocacy.translations.pins import fingerprint, pin_of, with_pin
from tests.support.project import VALID_CASE, VALID_TRANSLATION_FR


def test_fingerprints_ignore_what_editors_change_silently() -> None:
    """Line endings, a BOM, trailing spaces and end blank lines leave the pin alone; a word does not."""
    pin = fingerprint(VALID_CASE)
    assert pin.startswith("sha256:") and len(pin) == 23
    assert fingerprint("\ufeff" + VALID_CASE.replace("\n", "\r\n") + "\n\n") == pin
    assert fingerprint(VALID_CASE.replace("What was done.", "What was done.   ")) == pin
    assert fingerprint(VALID_CASE.replace("What was done.", "What was undone.")) != pin
    # Metadata a translation does not carry is not part of the pin.
    assert fingerprint(VALID_CASE.replace("outcome: success", "outcome: partial")) == pin


def test_with_pin_adds_or_replaces_only_the_source_line() -> None:
    """Writing a pin keeps the other lines, and replaces an older pin."""
    once = with_pin(VALID_TRANSLATION_FR, "sha256:0000000000000000")
    twice = with_pin(once, "sha256:1111111111111111")
    assert pin_of(twice) == ("machine", "sha256:1111111111111111")
    assert twice.count("source:") == 1
    assert twice.replace("  source: sha256:1111111111111111\n", "") == VALID_TRANSLATION_FR


def test_fields_nested_too_deep_read_as_none() -> None:
    """A translation whose frontmatter nests deeper than the validator allows has no method or pin for the
    tools (which would otherwise exhaust the stack walking it), and its source's fingerprint is computed."""
    deep = "---\ntitle: " + "[" * 995 + "]" * 995 + "\ntranslation: {method: machine}\n---\n\nText.\n"
    assert pin_of(deep) == (None, None)
    assert fingerprint(deep).startswith("sha256:")
