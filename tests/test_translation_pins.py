"""Translation pins: fingerprints, status (current, outdated, missing), the notes on case pages, and the
`advocacy translations` / `advocacy translate` commands."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from advocacy.locales import strings as locale_strings
from advocacy.locales.strings import section_headings
from advocacy.site.dashboard import clause_counts
from advocacy.site.html import isolate_latin
from advocacy.translations.pins import fingerprint, pin_of, with_pin
from advocacy.translations.units import Unit
from tests.conftest import VALID_CASE, VALID_TRANSLATION_FR, ProjectFactory, add_to_nav
from tests.test_site_build import build

ADVOCACY = Path(sys.executable).with_name("advocacy")


def _run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(ADVOCACY), *args], cwd=root, capture_output=True, text=True, check=False)


def _pinned(source: str, translation: str = VALID_TRANSLATION_FR) -> str:
    return with_pin(translation, fingerprint(source), "machine")


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


def test_an_edited_original_marks_its_translation_outdated_on_the_page(make_project: ProjectFactory) -> None:
    """After the original changes, the French page says so, links the original, and keeps its machine label."""
    edited = VALID_CASE.replace("What was done.", "What was done, and by whom.")
    project = make_project({"cases/blackout.md": edited, "cases/blackout.fr.md": _pinned(VALID_CASE)})
    result = build(project.root, "--strict")
    assert result.returncode == 0, result.stderr
    page = (project.root / "site/fr/cases/blackout/index.html").read_text(encoding="utf-8")
    assert "Cette page est une traduction automatique : personne ne l’a encore relue." in page
    assert "L’original a changé depuis cette traduction" in page
    assert 'href="../../../cases/blackout/" hreflang="en">Lire l’original actuel (anglais)</a>' in page


def test_a_current_translation_has_no_outdated_note(make_project: ProjectFactory) -> None:
    """A translation pinned to the original as it is shows the machine label only."""
    project = make_project({"cases/blackout.md": VALID_CASE, "cases/blackout.fr.md": _pinned(VALID_CASE)})
    result = build(project.root, "--strict")
    assert result.returncode == 0, result.stderr
    page = (project.root / "site/fr/cases/blackout/index.html").read_text(encoding="utf-8")
    assert "traduction automatique" in page
    assert "L’original a changé" not in page


def test_report_and_check(make_project: ProjectFactory) -> None:
    """The report counts each status per language; --check fails on a translation without a pin."""
    project = make_project(
        {
            "cases/blackout.md": VALID_CASE,
            "cases/blackout.fr.md": VALID_TRANSLATION_FR,
            "cases/other.md": VALID_CASE,
            "cases/other.fr.md": _pinned(VALID_CASE),
        }
    )
    report = json.loads(_run(project.root, "translations", "--format", "json").stdout)
    assert report["fr"]["counts"]["case"] == {
        "current": 1,
        "outdated": 0,
        "missing": 0,
        "unpinned": 1,
        "malformed": 0,
    }
    assert report["ar"]["counts"]["case"]["missing"] == 2
    assert report["fr"]["counts"]["page"]["current"] == 0  # docs/index.fr.md has no pin in the fixture
    result = _run(project.root, "translations", "--check")
    assert result.returncode == 1
    assert (
        "cases/blackout.fr.md: error: translation.source: no pin says which version of cases/blackout.md this "
        "translates; if it translates cases/blackout.md as it is now, run: advocacy translations repin "
        "cases/blackout.md --since HEAD"
    ) in result.stderr


def test_repin_after_a_typo_fix_keeps_current_translations_current(make_project: ProjectFactory) -> None:
    """A typo fixed in the original, declared with repin, leaves the translation current (git tells the
    version before the fix)."""
    project = make_project({"cases/blackout.md": VALID_CASE, "cases/blackout.fr.md": _pinned(VALID_CASE)})
    root = project.root
    for command in (
        ["git", "init", "-q"],
        ["git", "add", "-A"],
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "start"],
    ):
        subprocess.run(command, cwd=root, check=True, capture_output=True)
    source = root / "cases/blackout.md"
    source.write_text(VALID_CASE.replace("Why it mattered.", "Why it mattered!"), encoding="utf-8")
    assert (
        json.loads(_run(root, "translations", "--format", "json").stdout)["fr"]["counts"]["case"]["outdated"]
        == 1
    )
    result = _run(root, "translations", "repin", "cases/blackout.md", "--since", "HEAD")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "cases/blackout.fr.md: pinned to cases/blackout.md as it is now\n"
    counts = json.loads(_run(root, "translations", "--format", "json").stdout)["fr"]["counts"]["case"]
    assert counts["current"] == 1 and counts["outdated"] == 0


def test_translate_starts_a_pinned_translation(make_project: ProjectFactory) -> None:
    """`advocacy translate` writes the new file with title, summary, pin and the text to translate."""
    project = make_project({"cases/blackout.md": VALID_CASE})
    result = _run(project.root, "translate", "cases/blackout.md", "ar")
    assert result.returncode == 0, result.stderr
    created = (project.root / "cases/blackout.ar.md").read_text(encoding="utf-8")
    assert created.startswith('---\ntitle: "A blackout against a bad law"\nsummary: ')
    assert pin_of(created) == ("human", fingerprint(VALID_CASE))
    assert "## Context\n\nWhy it mattered." in created
    again = _run(project.root, "translate", "cases/blackout.md", "ar")
    assert again.returncode == 2
    assert "cases/blackout.ar.md exists already" in again.stderr


def test_an_outdated_page_translation_says_so_and_links_its_original(make_project: ProjectFactory) -> None:
    """A documentation page translated before its source changed shows the note in its own language."""
    source = "# About\n\nThe hub collects cases.\n"
    translation = _pinned(source, "# À propos\n\nLe hub rassemble des cas.\n")
    project = make_project(
        {
            "docs/about.md": source.replace("collects cases", "collects and reviews cases"),
            "docs/about.fr.md": translation,
            "docs/ok.md": source,
            "docs/ok.fr.md": _pinned(source, "# D'accord\n\nTexte.\n"),
        }
    )
    add_to_nav(project, "about.md", "ok.md")
    result = build(project.root, "--strict")
    assert result.returncode == 0, result.stderr
    about = (project.root / "site/fr/about/index.html").read_text(encoding="utf-8")
    assert "L’original a changé depuis cette traduction" in about
    assert '<a href="../../about/" hreflang="en">Lire l’original actuel (anglais)</a>' in about
    ok = (project.root / "site/fr/ok/index.html").read_text(encoding="utf-8")
    assert "traduction automatique" in ok
    assert "L’original a changé" not in ok


def test_alternates_name_only_existing_versions_and_the_switcher_falls_back_to_the_catalogue(
    make_project: ProjectFactory,
) -> None:
    """A case in English and French lists those two (and x-default) as alternates; the Arabic entry of
    its language switcher opens the Arabic catalogue."""
    project = make_project({"cases/blackout.md": VALID_CASE, "cases/blackout.fr.md": _pinned(VALID_CASE)})
    result = build(project.root, "--strict")
    assert result.returncode == 0, result.stderr
    page = (project.root / "site/fr/cases/blackout/index.html").read_text(encoding="utf-8")
    alternates = re.findall(r'<link rel="alternate" href="([^"]*)" hreflang="([^"]*)">', page)
    assert alternates == [
        ("../../../cases/blackout/", "en"),
        ("../../../fr/cases/blackout/", "fr"),
        ("../../../cases/blackout/", "x-default"),
    ]
    switcher = dict(
        (code, href)
        for href, code in re.findall(r'href="([^"]*)" hreflang="([a-z]+)" class="md-select__link"', page)
    )
    assert switcher == {"en": "../../../cases/blackout/", "fr": "./", "ar": "../../../ar/catalogue/"}


def test_the_dashboard_counts_and_lists_what_needs_translating(make_project: ProjectFactory) -> None:
    """The French dashboard counts current, outdated and missing cases, and links to start the missing one."""
    edited = VALID_CASE.replace("What was done.", "What was done, and by whom.")
    project = make_project(
        {
            "cases/blackout.md": edited,
            "cases/blackout.fr.md": _pinned(VALID_CASE),
            "cases/current.md": VALID_CASE,
            "cases/current.fr.md": _pinned(VALID_CASE),
            "cases/untranslated.md": VALID_CASE,
        }
    )
    result = build(project.root, "--strict")
    assert result.returncode == 0, result.stderr
    page = (project.root / "site/fr/translations/index.html").read_text(encoding="utf-8")
    row = re.search(r"<tr><th scope=\"row\">Cas</th><td>(\d+)</td><td>(\d+)</td><td>(\d+)</td></tr>", page)
    assert row is not None and row.groups() == ("1", "1", "1")
    assert (
        '<a href="https://github.com/example/hub/edit/main/cases/blackout.fr.md" rel="nofollow">Mettre à jour</a>'
        in page
    )
    start = re.search(
        r'href="(https://github.com/example/hub/new/main/cases\?filename=untranslated\.fr\.md[^"]*)"', page
    )
    assert start is not None
    assert "source%3A+sha256%3A" in start[1]


def test_a_language_without_interface_strings_stops_the_build(make_project: ProjectFactory) -> None:
    """Adding a language to mkdocs.yml without its strings file fails at once, saying which file to write."""
    project = make_project({"cases/blackout.md": VALID_CASE})
    config = project.root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "        - {locale: ar, name: العربية}\n",
            "        - {locale: ar, name: العربية}\n        - {locale: de, name: Deutsch}\n",
        ),
        encoding="utf-8",
    )
    result = build(project.root)
    assert result.returncode == 1
    assert (
        "no user-interface strings for the language 'de': copy plugins/advocacy/locales/en.yml to "
        "plugins/advocacy/locales/de.yml and translate it"
    ) in result.stderr


def test_missing_strings_names_every_absent_key(monkeypatch: pytest.MonkeyPatch) -> None:
    """A strings file lacking keys is reported key by key, in the reference's order."""
    files = {
        "en": {"notice": "n", "case": {"about": "a", "when": "w"}, "cite": {"title": "t"}},
        "xx": {"notice": "n", "case": {"when": "w"}},
    }
    monkeypatch.setattr(locale_strings, "strings", lambda code: files[code])
    assert locale_strings.missing_strings("xx") == ["case.about", "cite.title"]


def test_a_page_without_translations_offers_to_start_them(make_project: ProjectFactory) -> None:
    """Under an English page that has no French or Arabic version, a link per language starts the file."""
    project = make_project(
        {"docs/guide.md": "# Guide\n\nRead me.\n", "docs/guide.fr.md": _pinned("# Guide\n\nRead me.\n")}
    )
    add_to_nav(project, "guide.md")
    result = build(project.root, "--strict")
    assert result.returncode == 0, result.stderr
    page = (project.root / "site/guide/index.html").read_text(encoding="utf-8")
    line = re.search(r'<p class="adv-help-translate"[^>]*>(.*?)</p>', page)
    assert line is not None
    assert line[1].startswith("Help translate this page: ")
    # French exists: only Arabic is offered, named in Arabic, as a new file next to the page.
    assert re.findall(r'hreflang="(\w+)" lang="\w+" rel="nofollow">([^<]+)</a>', line[1]) == [
        ("ar", "العربية")
    ]
    assert "https://github.com/example/hub/new/main/docs?filename=guide.ar.md&amp;value=" in line[1]


def test_an_outdated_page_shows_what_changed_when_the_history_has_it(make_project: ProjectFactory) -> None:
    """With git history, the outdated note lists the lines of the original that changed since the pin."""
    project = make_project({"cases/blackout.md": VALID_CASE, "cases/blackout.fr.md": _pinned(VALID_CASE)})
    root = project.root
    commit = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qam"]
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    subprocess.run(["git", "add", "-A"], cwd=root, check=True)
    subprocess.run([*commit, "translated"], cwd=root, check=True)
    (root / "cases/blackout.md").write_text(
        VALID_CASE.replace("What was done.", "What was done, and by whom."), encoding="utf-8"
    )
    subprocess.run([*commit, "original edited"], cwd=root, check=True)
    result = build(root, "--strict")
    assert result.returncode == 0, result.stderr
    page = (root / "site/fr/cases/blackout/index.html").read_text(encoding="utf-8")
    assert "<summary>Ce qui a changé dans l’original depuis</summary>" in page
    diff = re.search(r'<pre lang="en" dir="ltr"><code>(.*?)</code></pre>', page, re.DOTALL)
    assert diff is not None
    assert "-What was done.\n+What was done, and by whom." in diff[1]


def test_manifesto_clauses_are_counted_one_by_one(tmp_path: Path) -> None:
    """A translation of the manifesto lacking a clause counts that clause as missing, the others by status."""
    source = tmp_path / "index.md"
    source.write_text(
        "# M\n\n## Part {#part}\n\n### One {#one}\n\nA.\n\n### Two {#two}\n\nB.\n", encoding="utf-8"
    )
    translation = tmp_path / "index.fr.md"
    translation.write_text("# M\n\n### Un {#one}\n\nA.\n", encoding="utf-8")
    units = [
        Unit("manifesto", source, "fr", translation, "outdated", "machine"),
        Unit("page", source, "fr", None, "missing"),
    ]
    assert clause_counts(units) == {"current": 0, "outdated": 1, "missing": 1, "unpinned": 0, "malformed": 0}


def test_latin_runs_in_right_to_left_text_are_isolated() -> None:
    """Hashtags, names and codes in Arabic text keep their order; code, tags and entities are untouched."""
    html = (
        '<p>بوسم #Tag و CC BY-SA 4.0. ثم &amp; <a href="https://x.org/a b">Wikimedia</a> <code>a b</code></p>'
    )
    assert isolate_latin(html) == (
        '<p>بوسم <bdi>#Tag</bdi> و <bdi>CC BY-SA 4.0</bdi>. ثم &amp; <a href="https://x.org/a b">'
        "<bdi>Wikimedia</bdi></a> <code>a b</code></p>"
    )
    assert isolate_latin(isolate_latin(html)) == isolate_latin(html)


def test_an_arabic_page_isolates_a_hashtag_of_its_body(make_project: ProjectFactory) -> None:
    """In an Arabic translation, a hashtag written in the text is wrapped so that it is not mirrored."""
    headings = section_headings("ar")
    body = "".join(
        f"## {headings[s]}\n\nنص مع الوسم #SaveTheWeb هنا.\n\n"
        for s in ("context", "actions", "outcome", "lessons")
    )
    arabic = f"---\ntitle: حالة\nsummary: ملخص.\ntranslation:\n  method: machine\n---\n\n{body}"
    project = make_project(
        {"cases/blackout.md": VALID_CASE, "cases/blackout.ar.md": _pinned(VALID_CASE, arabic)}
    )
    result = build(project.root, "--strict")
    assert result.returncode == 0, result.stderr
    page = (project.root / "site/ar/cases/blackout/index.html").read_text(encoding="utf-8")
    assert "نص مع الوسم <bdi>#SaveTheWeb</bdi> هنا." in page
    english = (project.root / "site/cases/blackout/index.html").read_text(encoding="utf-8")
    assert "<bdi>What</bdi>" not in english
