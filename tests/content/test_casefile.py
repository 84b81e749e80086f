"""One case file checked on its own, in the exact words a contributor reads: its frontmatter as a whole, the
dates against each other and the outcome, what a translation may carry, and the sections of its body."""

from __future__ import annotations

import subprocess

from tests.support.paths import ADVOCACY
from tests.support.project import VALID_CASE, VALID_TRANSLATION_FR, ProjectFactory
from tests.support.validation import GOOD, case, check, messages, published

# --- The frontmatter -----------------------------------------------------------------------------------


def test_frontmatter_that_is_not_a_mapping_is_rejected(make_project: ProjectFactory) -> None:
    """A frontmatter that is a list or a lone value is refused, with the form fields must take."""
    repository = check(
        make_project,
        {
            **GOOD,
            "cases/a-list.md": "---\n- title\n- summary\n---\n",
            "cases/a-scalar.md": "---\njust text\n---\n",
        },
    )
    expected = (
        "error: the frontmatter must be fields written as 'name: value' lines, one per line; found a single "
        "value or a list"
    )
    assert messages(repository) == [f"cases/a-list.md:2: {expected}", f"cases/a-scalar.md:2: {expected}"]
    assert published(repository) == ["cases/good.md"]


def test_end_date_before_date_is_refused(make_project: ProjectFactory) -> None:
    """An end before the start is reported on end_date, naming both dates."""
    repository = check(
        make_project, {**GOOD, "cases/backwards.md": case(("end_date: 2011-10-06", "end_date: 2011-10-03"))}
    )
    assert messages(repository) == [
        "cases/backwards.md:5: error: end_date: the end date 2011-10-03 is before the start date 2011-10-04; "
        "check both"
    ]
    assert published(repository) == ["cases/good.md"]


def test_end_date_of_lower_precision_in_the_same_year_is_accepted(make_project: ProjectFactory) -> None:
    """end_date 2011 can mean a day after 2011-10-04, so it is not "before" it."""
    repository = check(make_project, {"cases/vague.md": case(("end_date: 2011-10-06", "end_date: 2011"))})
    assert messages(repository) == []


def test_end_date_with_ongoing_outcome_is_refused(make_project: ProjectFactory) -> None:
    """An ongoing case cannot have ended yet."""
    repository = check(
        make_project, {**GOOD, "cases/ongoing.md": case(("outcome: success", "outcome: ongoing"))}
    )
    assert messages(repository) == [
        'cases/ongoing.md:5: error: end_date: the outcome is "ongoing", so there is no end date yet; delete '
        "end_date or change the outcome"
    ]
    assert published(repository) == ["cases/good.md"]


def test_translation_carrying_metadata_is_refused_with_hint(make_project: ProjectFactory) -> None:
    """A date in a translation is refused with where metadata belongs; the original is still published."""
    translation = VALID_TRANSLATION_FR.replace("translation:", "date: 2011-10-04\ntranslation:")
    repository = check(make_project, {"cases/a-case.md": VALID_CASE, "cases/a-case.fr.md": translation})
    assert messages(repository) == [
        'cases/a-case.fr.md:4: error: date: unknown field "date"; a translation carries only title, summary and '
        "translation; the other fields belong in the original file of the case, which holds the metadata for "
        "every language"
    ]
    assert published(repository) == ["cases/a-case.md"]


# --- The body ------------------------------------------------------------------------------------------


def test_translation_with_french_headings_is_recognised(make_project: ProjectFactory) -> None:
    """A French translation uses French section names; a missing one is named in French."""
    incomplete = VALID_TRANSLATION_FR.replace("\n## Leçons\n\nLeçons.\n", "")
    repository = check(
        make_project,
        {
            "cases/a-case.md": VALID_CASE,
            "cases/a-case.fr.md": VALID_TRANSLATION_FR,
            "cases/b-case.md": VALID_CASE,
            "cases/b-case.fr.md": incomplete,
        },
    )
    assert messages(repository) == [
        'cases/b-case.fr.md: error: the section "Leçons" is missing; add a heading "## Leçons" with why it worked '
        "or failed, the risks, and advice for others"
    ]
    assert published(repository) == ["cases/a-case.fr.md", "cases/a-case.md", "cases/b-case.md"]


def test_missing_sections_are_each_named(make_project: ProjectFactory) -> None:
    """Each missing section is named with the heading to add and what it holds."""
    text = case(("## Actions\n\nWhat was done.\n\n", ""), ("## Lessons", "## Lesson"))
    repository = check(make_project, {**GOOD, "cases/gaps.md": text})
    assert messages(repository) == [
        'cases/gaps.md: error: the section "Actions" is missing; add a heading "## Actions" with what the advocates '
        "did, when, and with whom",
        'cases/gaps.md:25: error: the heading "## Lesson" is not a section name; rename it "## Lessons" (the '
        "section with why it worked or failed, the risks, and advice for others)",
    ]
    assert published(repository) == ["cases/good.md"]


def test_a_section_under_another_name_is_asked_to_be_renamed(make_project: ProjectFactory) -> None:
    """ "## Results" stands for Outcome: the writer is told to rename it, on its line, not that Outcome is
    missing; a heading that stands for nothing is left alone."""
    text = case(("## Outcome", "## Results"), ("## Lessons", "## Further reading\n\nMore.\n\n## Lessons"))
    repository = check(make_project, {**GOOD, "cases/results.md": text})
    assert messages(repository) == [
        'cases/results.md:25: error: the heading "## Results" is not a section name; rename it "## Outcome" (the '
        "section with what happened as a result)"
    ]


def test_an_untouched_new_case_is_refused_section_by_section(make_project: ProjectFactory) -> None:
    """Sections holding only the guidance comments that `advocacy new` writes are each refused on their line,
    with what to write; a section with text next to them is fine."""
    text = case(
        ("Why it mattered.", "<!-- The situation, the law or threat,\nand who was involved. -->"),
        ("What was done.", "<!-- What the advocates did. -->"),
        ("What we learned.", ""),
    )
    repository = check(make_project, {**GOOD, "cases/untouched.md": text})
    assert messages(repository) == [
        'cases/untouched.md:17: error: the section "Context" holds no text yet; write the Context section: the '
        "situation, the law or threat, and who was involved",
        'cases/untouched.md:22: error: the section "Actions" holds no text yet; write the Actions section: what the '
        "advocates did, when, and with whom",
        'cases/untouched.md:30: error: the section "Lessons" holds no text yet; write the Lessons section: why it '
        "worked or failed, the risks, and advice for others",
    ]
    assert published(repository) == ["cases/good.md"]


def test_raw_img_is_answered_with_the_markdown_to_write(make_project: ProjectFactory) -> None:
    """An <img> tag is refused with the Markdown image that replaces it."""
    text = case(("What happened.", 'What happened.\n\n<img src="media/crowd.jpg">'))
    repository = check(make_project, {**GOOD, "cases/img.md": text})
    assert messages(repository) == [
        "cases/img.md:29: error: raw HTML (<img>) is not published; show an image in Markdown: put the file in "
        "cases/media/ and write ![what the image shows](media/<file name>)"
    ]


def test_sections_out_of_order_are_reported(make_project: ProjectFactory) -> None:
    """Sections in the wrong order are reported with the order to use."""
    swapped = case(
        (
            "## Context\n\nWhy it mattered.\n\n## Actions\n\nWhat was done.",
            "## Actions\n\nWhat was done.\n\n## Context\n\nWhy it mattered.",
        )
    )
    repository = check(make_project, {**GOOD, "cases/order.md": swapped})
    assert messages(repository) == [
        "cases/order.md:17: error: put the sections in this order: Context, Actions, Outcome, Lessons"
    ]
    assert published(repository) == ["cases/good.md"]


def test_level_one_heading_in_body_is_refused(make_project: ProjectFactory) -> None:
    """A "# Title" in the body is refused on its line: the title comes from the title field."""
    repository = check(make_project, {**GOOD, "cases/h1.md": case(("## Context", "# My case\n\n## Context"))})
    assert messages(repository) == [
        'cases/h1.md:17: error: remove the level-1 heading "# My case": the page title comes from the title field; '
        "sections start with ##"
    ]
    assert published(repository) == ["cases/good.md"]


def test_headings_inside_fenced_code_are_not_counted(make_project: ProjectFactory) -> None:
    """A "## Actions" inside a code block is not the section, and a "# comment" there is not a heading."""
    fenced = case(
        ("## Actions\n\nWhat was done.", "```markdown\n## Actions\n```\n\n~~~sh\n# a shell comment\n~~~")
    )
    repository = check(make_project, {**GOOD, "cases/fenced.md": fenced})
    assert messages(repository) == [
        'cases/fenced.md: error: the section "Actions" is missing; add a heading "## Actions" with what the '
        "advocates did, when, and with whom"
    ]
    assert published(repository) == ["cases/good.md"]


def test_the_messages_say_where_and_what_to_write_instead(make_project: ProjectFactory) -> None:
    """Each refusal names the file, the line, what was found and what to write instead."""
    case = VALID_CASE.replace(
        "What we learned.", "What we learned, <b>boldly</b>.\n\nSee [the law](javascript:void(0))."
    )
    project = make_project({"cases/x.md": case})
    lines = case.split("\n")
    html_line = next(n for n, line in enumerate(lines, 1) if "<b>" in line)
    link_line = next(n for n, line in enumerate(lines, 1) if "javascript:" in line)
    result = subprocess.run(
        [str(ADVOCACY), "validate"], cwd=project.root, capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"cases/x.md:{html_line}: error: raw HTML (<b>) is not published; write the text in Markdown (*emphasis*, "
        "**strong**, [a link](https://...), lists with -), or put code between backticks",
        f'cases/x.md:{link_line}: error: "javascript:void(0)" is not an address a reader can follow safely; link to '
        "an https:// (or http://, mailto:) address, or to a page of the site",
    ]


def test_attribute_lists_may_give_ids_but_not_the_themes_classes_or_attributes(
    make_project: ProjectFactory,
) -> None:
    """{#id} on a heading passes; .md-*/.adv-* classes, ids the theme uses, and any attribute (src, style,
    onclick) are refused with their line and what an attribute list may give."""
    body = (
        "## Context {#context}\n\nWhy it mattered.\n{: .md-dialog .adv-notice #__drawer style=position:fixed }\n\n"
        '![x](media/x.png){: src="https://evil.example/x.png" }'
    )
    text = VALID_CASE.replace("## Context\n\nWhy it mattered.", body)
    repository = check(make_project, {**GOOD, "cases/attrs.md": text})
    line = text.split("\n").index("Why it mattered.") + 2
    classes = (
        "an attribute list may give an id ({#some-id}) or a class of its list (no class is documented yet)"
    )
    assert [m for m in messages(repository) if "media/x.png" not in m or "attribute" in m] == [
        f'cases/attrs.md:{line}: error: "#__drawer" is not an id a page may use; write lowercase Latin letters, '
        "digits and hyphens (such as {#what-we-did})",
        f'cases/attrs.md:{line}: error: the attribute list sets "style=position:fixed", which is not published; an '
        "attribute list may give only an id ({#some-id}) or a documented class",
        f'cases/attrs.md:{line}: error: the class ".adv-notice" cannot be used: the site\'s own classes would let '
        f"a page restyle its interface; {classes}",
        f'cases/attrs.md:{line}: error: the class ".md-dialog" cannot be used: the site\'s own classes would let a '
        f"page restyle its interface; {classes}",
        f'cases/attrs.md:{line + 2}: error: the attribute list sets "src=https://evil.example/x.png", which is not '
        "published; show an image of cases/media/ with ![description](media/file-name.png) and link with "
        "[text](https://...)",
    ]
    assert published(repository) == ["cases/good.md"]


def test_e_mail_addresses_in_the_body_are_refused_wherever_they_are(make_project: ProjectFactory) -> None:
    """In text (with a full-width at sign), an autolink and a mailto link: each is named on its line."""
    text = VALID_CASE.replace(
        "What was done.", "Write to a\uff20example.org.\n\n<b@example.org> and [c](mailto:c@example.org)."
    )
    repository = check(make_project, {**GOOD, "cases/mail.md": text})
    line = text.split("\n").index("Write to a\uff20example.org.") + 1
    mail = (
        "e-mail addresses are never published (they identify people): leave it out or name the organisation to "
        "contact (a mailing list's archive goes under sources, as its web address)"
    )
    assert messages(repository) == [
        f'cases/mail.md:{line}: error: found the e-mail address "a@example.org"; {mail}',
        f'cases/mail.md:{line + 2}: error: found the e-mail address "b@example.org"; {mail}',
        f'cases/mail.md:{line + 2}: error: found the e-mail address "c@example.org"; {mail}',
    ]
    assert published(repository) == ["cases/good.md"]
