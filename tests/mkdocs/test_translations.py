"""Translations in built sites: the notes on translated and outdated pages, what changed since a pin, the
language switcher and alternates, the dashboard, pages missing in a language, and right-to-left text."""

from __future__ import annotations

import re
import subprocess

import pytest

from advocacy.locales.strings import section_headings
from tests.support.building import build, warnings
from tests.support.paths import ADVOCACY
from tests.support.project import VALID_CASE, ProjectFactory, add_to_nav, pinned_translation

pytestmark = pytest.mark.site


def test_an_edited_original_marks_its_translation_outdated_on_the_page(make_project: ProjectFactory) -> None:
    """After the original changes, the French page says so, links the original, and keeps its machine label."""
    edited = VALID_CASE.replace("What was done.", "What was done, and by whom.")
    project = make_project(
        {"cases/blackout.md": edited, "cases/blackout.fr.md": pinned_translation(VALID_CASE)}
    )
    result = build(project.root, "--strict")
    assert result.returncode == 0, result.stderr
    page = (project.root / "site/fr/cases/blackout/index.html").read_text(encoding="utf-8")
    assert "Cette page est une traduction automatique : personne ne l’a encore relue." in page
    assert "L’original a changé depuis cette traduction" in page
    assert 'href="../../../cases/blackout/" hreflang="en">Lire l’original actuel (anglais)</a>' in page


def test_a_current_translation_has_no_outdated_note(make_project: ProjectFactory) -> None:
    """A translation pinned to the original as it is shows the machine label only."""
    project = make_project(
        {"cases/blackout.md": VALID_CASE, "cases/blackout.fr.md": pinned_translation(VALID_CASE)}
    )
    result = build(project.root, "--strict")
    assert result.returncode == 0, result.stderr
    page = (project.root / "site/fr/cases/blackout/index.html").read_text(encoding="utf-8")
    assert "traduction automatique" in page
    assert "L’original a changé" not in page


def test_an_outdated_page_translation_says_so_and_links_its_original(make_project: ProjectFactory) -> None:
    """A documentation page translated before its source changed shows the note in its own language."""
    source = "# About\n\nThe hub collects cases.\n"
    translation = pinned_translation(source, "# À propos\n\nLe hub rassemble des cas.\n")
    project = make_project(
        {
            "docs/about.md": source.replace("collects cases", "collects and reviews cases"),
            "docs/about.fr.md": translation,
            "docs/ok.md": source,
            "docs/ok.fr.md": pinned_translation(source, "# D'accord\n\nTexte.\n"),
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
    project = make_project(
        {"cases/blackout.md": VALID_CASE, "cases/blackout.fr.md": pinned_translation(VALID_CASE)}
    )
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
            "cases/blackout.fr.md": pinned_translation(VALID_CASE),
            "cases/current.md": VALID_CASE,
            "cases/current.fr.md": pinned_translation(VALID_CASE),
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


def test_a_page_without_translations_offers_to_start_them(make_project: ProjectFactory) -> None:
    """Under an English page that has no French or Arabic version, a link per language starts the file."""
    project = make_project(
        {
            "docs/guide.md": "# Guide\n\nRead me.\n",
            "docs/guide.fr.md": pinned_translation("# Guide\n\nRead me.\n"),
        }
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
    project = make_project(
        {"cases/blackout.md": VALID_CASE, "cases/blackout.fr.md": pinned_translation(VALID_CASE)}
    )
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


def test_an_arabic_page_isolates_a_hashtag_of_its_body(make_project: ProjectFactory) -> None:
    """In an Arabic translation, a hashtag written in the text is wrapped so that it is not mirrored."""
    headings = section_headings("ar")
    body = "".join(
        f"## {headings[s]}\n\nنص مع الوسم #SaveTheWeb هنا.\n\n"
        for s in ("context", "actions", "outcome", "lessons")
    )
    arabic = f"---\ntitle: حالة\nsummary: ملخص.\ntranslation:\n  method: machine\n---\n\n{body}"
    project = make_project(
        {"cases/blackout.md": VALID_CASE, "cases/blackout.ar.md": pinned_translation(VALID_CASE, arabic)}
    )
    result = build(project.root, "--strict")
    assert result.returncode == 0, result.stderr
    page = (project.root / "site/ar/cases/blackout/index.html").read_text(encoding="utf-8")
    assert "نص مع الوسم <bdi>#SaveTheWeb</bdi> هنا." in page
    english = (project.root / "site/cases/blackout/index.html").read_text(encoding="utf-8")
    assert "<bdi>What</bdi>" not in english


def test_partial_translations_build_strict_and_link_the_original(make_project: ProjectFactory) -> None:
    """A page missing in Arabic is linked from the Arabic site to the English page, labelled, and not copied;
    the build's log does not say "Page skipped" for it (the log `make build` prints stays readable)."""
    project = make_project(
        {
            "docs/guide.md": "# Guide\n\nRead the [home](index.md).\n",
            "docs/guide.fr.md": "# Guide\n\nLire l'[accueil](index.md).\n",
            "docs/index.ar.md": "# الرئيسية\n\n[الدليل](guide.md)\n",
        }
    )
    mkdocs_yml = project.root / "mkdocs.yml"
    text = mkdocs_yml.read_text(encoding="utf-8")
    text = text.replace("  - index.md\n", "  - index.md\n  - guide.md\n")
    mkdocs_yml.write_text(text, encoding="utf-8")
    result = build(project.root, "--strict")
    assert result.returncode == 0, result.stderr
    assert warnings(result.stderr) == []
    assert "Page skipped" not in result.stderr
    assert "mkdocs_static_i18n: Building 'ar' documentation" in result.stderr  # the log is there
    site = project.root / "site"
    assert not (site / "ar/guide").exists()
    assert (site / "fr/guide/index.html").exists()
    arabic_home = (site / "ar/index.html").read_text(encoding="utf-8")
    assert 'href="../guide/"' in arabic_home
    assert "Guide (الإنجليزية)" in arabic_home
    assert "مشروع مجتمعي لمناصري ويكيميديا" in arabic_home
    english_guide = (site / "guide/index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in english_guide


def test_a_page_translation_is_published_only_once_translated(make_project: ProjectFactory) -> None:
    """`advocacy translate docs/guide.md fr` starts a copy of the English page: the strict build refuses it and
    the French site sends readers to the English page, named as such, rather than English under /fr/; once
    translated and its method written, it is published."""
    guide = (
        "# A guide for new writers\n\nRead the home page first, then write your own case in plain words.\n"
    )
    project = make_project({"docs/guide.md": guide})
    add_to_nav(project, "guide.md")
    started = subprocess.run(
        [str(ADVOCACY), "translate", "docs/guide.md", "fr"], cwd=project.root, capture_output=True, text=True
    )
    assert started.returncode == 0, started.stderr
    strict = build(project.root, "--strict")
    assert strict.returncode == 1
    assert warnings(strict.stderr) == [
        "WARNING -  advocacy: docs/guide.fr.md: error: 2 of 2 paragraphs are still those of "
        "docs/guide.md, word for word: translate them; until then the page is not published in this language, "
        "whose readers are sent to the original"
    ]
    assert build(project.root).returncode == 0
    assert not (project.root / "site/fr/guide").exists()
    assert "A guide for new writers (anglais)" in (project.root / "site/fr/index.html").read_text(
        encoding="utf-8"
    )
    path = project.root / "docs/guide.fr.md"
    text = path.read_text(encoding="utf-8").replace(
        "Read the home page first, then write your own case in plain words.",
        "Lisez d'abord l'accueil, puis écrivez votre cas avec des mots simples.",
    )
    path.write_text(text.replace("translation:\n", "translation:\n  method: machine\n"), encoding="utf-8")
    translated = build(project.root, "--strict")
    assert translated.returncode == 0, translated.stderr
    assert (project.root / "site/fr/guide/index.html").is_file()
