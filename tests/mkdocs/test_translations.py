"""Translations in built sites: the notes on translated and outdated pages, what changed since a pin, the
language switcher and alternates, the dashboard, pages missing in a language, and right-to-left text."""

from __future__ import annotations

import re
import subprocess

import pytest

from advocacy.locales.strings import section_headings
from tests.support.building import build, warnings
from tests.support.html import Switcher, Tags
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
    assert (
        'href="../../../cases/blackout/index.html" hreflang="en">Lire l’original actuel (anglais)</a>' in page
    )


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
    assert '<a href="../../about/index.html" hreflang="en">Lire l’original actuel (anglais)</a>' in about
    ok = (project.root / "site/fr/ok/index.html").read_text(encoding="utf-8")
    assert "traduction automatique" in ok
    assert "L’original a changé" not in ok


def test_alternates_name_only_existing_versions_and_the_switcher_falls_back_to_the_catalogue(
    make_project: ProjectFactory,
) -> None:
    """A case in English and French lists those two (and x-default) as alternates; the Arabic entry of its
    language switcher says, in Arabic, that the case is not translated and that it opens the catalogue."""
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
    links = Switcher(page).links
    assert {code: link.href for code, link in links.items()} == {
        "en": "../../../cases/blackout/index.html",
        "fr": "./index.html",
        "ar": "../../../ar/catalogue/index.html",
    }
    assert [code for code, link in links.items() if link.current] == ["fr"]
    assert {code: link.note for code, link in links.items()} == {
        "en": "",
        "fr": "",
        "ar": "لم تُترجم بعد: يفتح الفهرس",
    }
    assert links["ar"].lang == "ar" and links["ar"].dir == "rtl"
    assert links["ar"].title is not None and links["ar"].title.startswith(
        "لم تُترجم هذه الصفحة إلى العربية بعد"
    )


def test_the_dashboard_counts_and_lists_what_needs_translating(make_project: ProjectFactory) -> None:
    """The French dashboard counts machine translations apart from checked ones, lists what is outdated,
    missing or unchecked by title with links, and links to start or update each translation."""
    edited = VALID_CASE.replace("What was done.", "What was done, and by whom.")
    project = make_project(
        {
            "cases/blackout.md": edited,
            "cases/blackout.fr.md": pinned_translation(VALID_CASE),
            "cases/current.md": VALID_CASE,
            "cases/current.fr.md": pinned_translation(VALID_CASE),
            "cases/checked.md": VALID_CASE,
            "cases/checked.fr.md": pinned_translation(VALID_CASE).replace("method: machine", "method: human"),
            "cases/untranslated.md": VALID_CASE,
        }
    )
    result = build(project.root, "--strict")
    assert result.returncode == 0, result.stderr
    page = (project.root / "site/fr/translations/index.html").read_text(encoding="utf-8")
    row = re.search(r'<tr><th scope="row">Cas</th>((?:<td>\d+</td>){4})</tr>', page)
    # Checked by a person, machine-made and unchecked, outdated, missing.
    assert row is not None and re.findall(r"\d+", row[1]) == ["1", "1", "1", "1"]
    items = {
        group: re.findall(r'<li><a href="([^"]*)" lang="en" dir="ltr">([^<]*)</a>', part.split("</ul>", 1)[0])
        for group, part in re.findall(r'<h2 id="(outdated|missing|machine)">.*?</h2>\n(.*?</ul>)', page, re.S)
    }
    # Each named by its title; outdated and unchecked ones lead to the translation, the missing one to the original.
    assert items == {
        # The test project's French home page has no pin: nobody can tell which version it follows.
        "outdated": [
            ("../../fr/cases/blackout/index.html", "A blackout against a bad law"),
            ("../../fr/index.html", "Home"),
        ],
        "missing": [("../../cases/untranslated/index.html", "A blackout against a bad law")],
        "machine": [("../../fr/cases/current/index.html", "A blackout against a bad law")],
    }
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
            "docs/guide.fr.md": pinned_translation("# Guide\n\nRead me.\n", "# Guide\n\nLisez-moi.\n"),
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
    assert "+What was done, and by whom." in diff[1]
    # What was removed from the original is never shown (it may have been taken down for someone's safety).
    assert "-What was done." not in diff[1]


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


def test_a_page_missing_in_a_language_is_shown_at_its_address_with_a_note_in_that_language(
    make_project: ProjectFactory,
) -> None:
    """A page missing in Arabic is reached from the Arabic site at an Arabic address: the interface stays
    Arabic and right to left, a note in Arabic says it is not translated with a link to the Arabic home page,
    and the English text below keeps its language and direction; it is neither searched nor in the sitemap."""
    project = make_project(
        {
            "docs/guide.md": "# Guide\n\nRead the [home](index.md) and the WIPO treaty.\n",
            "docs/guide.fr.md": "# Guide\n\nLire l'[accueil](index.md).\n",
            "docs/index.ar.md": "# الرئيسية\n\n[الدليل](guide.md)\n",
        }
    )
    add_to_nav(project, "guide.md")
    result = build(project.root, "--strict")
    assert result.returncode == 0, result.stderr
    assert warnings(result.stderr) == []
    assert "Page skipped" not in result.stderr
    assert "mkdocs_static_i18n: Building 'ar' documentation" in result.stderr  # the log is there
    site = project.root / "site"
    arabic_home = (site / "ar/index.html").read_text(encoding="utf-8")
    assert 'href="guide/index.html"' in arabic_home
    # The English title is isolated from the Arabic around it (U+2068 ... U+2069): it keeps its order.
    assert "\u2068Guide\u2069 (الإنجليزية)" in arabic_home
    guide = (site / "ar/guide/index.html").read_text(encoding="utf-8")
    assert '<html lang="ar" class="no-js" dir="rtl">' in guide
    assert "مشروع مجتمعي لمناصري ويكيميديا" in guide
    note = re.search(
        r'<div class="admonition note adv-untranslated" data-pagefind-ignore>(.*?)</div>', guide, re.S
    )
    assert note is not None
    assert "لم تُترجم هذه الصفحة إلى العربية بعد. في ما يلي النص الأصلي باللغة الإنجليزية." in note[1]
    assert '<a href="../../ar/index.html">العودة إلى الصفحة الرئيسية</a>' in note[1]
    assert "https://github.com/example/hub/new/main/docs?filename=guide.ar.md" in note[1]
    body = re.search(r'<div class="adv-borrowed" lang="en" dir="ltr">(.*?)</article>', guide, re.S)
    assert body is not None and "WIPO treaty" in body[1] and "<bdi>" not in body[1]
    assert "data-pagefind-body" not in guide
    assert '<link rel="canonical" href="https://example.org/guide/">' in guide
    assert re.findall(r'<link rel="alternate" href="([^"]*)" hreflang="([^"]*)">', guide) == [
        ("../../guide/", "en"),
        ("../../fr/guide/", "fr"),
        ("../../guide/", "x-default"),
    ]
    switcher = Switcher(guide).links
    assert (
        switcher["ar"].current
        and switcher["ar"].href == "./index.html"
        and switcher["ar"].note == "لم تُترجم بعد"
    )
    assert "ar/guide/" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    english_guide = (site / "guide/index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in english_guide
    assert Switcher(english_guide).links["ar"].href == "../ar/guide/index.html"


def test_every_language_has_its_page_not_found_and_the_root_one_offers_every_language(
    make_project: ProjectFactory,
) -> None:
    """ar/404.html is Arabic, right to left, with a way back to the Arabic home page and an Arabic interface;
    the root 404.html (what most static hosts serve for any missing address) is English and offers each
    language's home page in that language; no page of the site is left with Material's English-only text."""
    project = make_project({})
    result = build(project.root, "--strict")
    assert result.returncode == 0, result.stderr
    site = project.root / "site"
    arabic = (site / "ar/404.html").read_text(encoding="utf-8")
    assert '<html lang="ar" class="no-js" dir="rtl">' in arabic
    assert "<title>الصفحة غير موجودة - Test hub</title>" in arabic
    assert "<h1>الصفحة غير موجودة</h1>" in arabic
    assert '<a href="/ar/">الذهاب إلى الصفحة الرئيسية</a>' in arabic
    assert "مشروع مجتمعي لمناصري ويكيميديا" in arabic
    assert (
        '<li lang="en" dir="ltr"><strong>English</strong>: Page not found — <a href="/" hreflang="en">'
        in arabic
    )
    root = (site / "404.html").read_text(encoding="utf-8")
    assert '<html lang="en" class="no-js" dir="ltr">' in root
    assert "<h1>Page not found</h1>" in root
    homes = {
        attrs.get("hreflang"): attrs["href"]
        for tag, attrs in Tags(root).tags
        if tag == "a" and attrs.get("hreflang")
    }
    assert homes == {"en": "/.", "fr": "/fr/", "ar": "/ar/"}
    assert (
        '<li lang="ar" dir="rtl"><strong>العربية</strong>: الصفحة غير موجودة — <a href="/ar/" hreflang="ar">'
        in root
    )
    assert (site / "fr/404.html").is_file()
    assert "404 - Not found" not in root + arabic


def test_a_page_translation_is_published_only_once_translated(make_project: ProjectFactory) -> None:
    """`advocacy translate docs/guide.md fr` starts a copy of the English page: the strict build refuses it and
    the French site shows the English original, named and marked as such, not a copy labelled as a
    translation; once translated and its method written, it is published."""
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
    # What the contributor must still do, both said: translate the text, and say how it was translated.
    assert sorted(warnings(strict.stderr)) == [
        "WARNING -  advocacy: docs/guide.fr.md: error: 2 of 2 paragraphs are still those of "
        "docs/guide.md, word for word: translate them; until then the page is not published in this language, "
        "whose readers are sent to the original",
        'WARNING -  advocacy: docs/guide.fr.md:3: error: translation.method: the required field "method" is '
        "missing; add it (human, machine, or machine-reviewed (a machine translation checked by a person).)",
    ]
    assert build(project.root).returncode == 0
    # The copy is not published: French readers get the original, at their address, with the note that says
    # it is not translated yet.
    french = (project.root / "site/fr/guide/index.html").read_text(encoding="utf-8")
    assert "adv-untranslated" in french and '<div class="adv-borrowed" lang="en" dir="ltr">' in french
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
