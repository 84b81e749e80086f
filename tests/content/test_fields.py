"""The checks of each field, in the exact words a contributor reads: what was found, what to write (each test
writes a small project with one kind of mistake, and where it matters a valid case next to it)."""

from __future__ import annotations

import pytest

from tests.support.project import ProjectFactory
from tests.support.validation import GOOD, TITLE, case, check, messages, published

JURISDICTION_HELP = (
    "write an ISO 3166-1 alpha-2 country code (DE), an ISO 3166-2 subdivision code (ES-CT), EU, or a forum id "
    "of cases/vocabularies/forums.yml"
)


NOT_A_WEB_ADDRESS = "is not a web address; write a full address that starts with https://"


def test_missing_required_fields_are_each_named(make_project: ProjectFactory) -> None:
    """Every missing required field is listed, with what it is for."""
    text = case(
        ("date: 2011-10-04\n", ""),
        ("summary: The community blacked out the site for a day, and the clause was dropped.\n", ""),
    )
    repository = check(make_project, {**GOOD, "cases/short.md": text})
    assert messages(repository) == [
        'cases/short.md:2: error: date: the required field "date" is missing; add it (When the action started.)',
        'cases/short.md:2: error: summary: the required field "summary" is missing; add it (One or two sentences '
        "saying what happened and how it ended, in plain text.)",
    ]
    assert published(repository) == ["cases/good.md"]


def test_misspelt_field_gets_a_suggestion(make_project: ProjectFactory) -> None:
    """ "summery" is reported as unknown with "did you mean summary?", and summary as missing."""
    repository = check(make_project, {**GOOD, "cases/typo.md": case(("summary:", "summery:"))})
    assert messages(repository) == [
        'cases/typo.md:2: error: summary: the required field "summary" is missing; add it (One or two sentences '
        "saying what happened and how it ended, in plain text.)",
        'cases/typo.md:3: error: summery: unknown field "summery"; did you mean "summary"?',
    ]
    assert published(repository) == ["cases/good.md"]


@pytest.mark.parametrize(
    ("value", "reading"),
    [
        ("NO", "NO, which YAML reads as the boolean false"),
        ("no", "no, which YAML reads as the boolean false"),
        ("0123", "0123, which YAML reads as the number 83"),
        ("1.10", "1.10, which YAML reads as the number 1.1"),
    ],
)
def test_yaml_11_surprises_ask_for_quotes(make_project: ProjectFactory, value: str, reading: str) -> None:
    """A title YAML would read as a boolean or a number is refused with what YAML made of it and the fix."""
    repository = check(make_project, {**GOOD, "cases/surprise.md": case((TITLE, f"title: {value}"))})
    assert messages(repository) == [
        f'cases/surprise.md:2: error: title: expected text, found {reading}; put it in quotes: "{value}"'
    ]
    assert published(repository) == ["cases/good.md"]


def test_unknown_vocabulary_terms_get_suggestions(make_project: ProjectFactory) -> None:
    """A misspelt term gets "did you mean"; an unknown one is told where new terms are added."""
    text = case(
        ("topics: [censorship]", "topics: [censorhip, zzz]"), ("methods: [blackout]", "methods: [blackouts]")
    )
    repository = check(make_project, {**GOOD, "cases/terms.md": text})
    assert messages(repository) == [
        'cases/terms.md:8: error: topics: "censorhip" is not a term of the topics vocabulary; did you mean '
        '"censorship"? To add a new term, add it to cases/vocabularies/topics.yml in the same pull request',
        'cases/terms.md:8: error: topics: "zzz" is not a term of the topics vocabulary; add it to '
        "cases/vocabularies/topics.yml in the same pull request",
        'cases/terms.md:9: error: methods: "blackouts" is not a term of the methods vocabulary; did you mean '
        '"blackout"? To add a new term, add it to cases/vocabularies/methods.yml in the same pull request',
    ]
    assert published(repository) == ["cases/good.md"]


def test_unknown_country_codes_get_the_code_to_write(make_project: ProjectFactory) -> None:
    """UK is told to be GB, de to be DE; XX is not a jurisdiction at all."""
    repository = check(
        make_project, {**GOOD, "cases/where.md": case(("jurisdictions: [IT]", "jurisdictions: [UK, de, XX]"))}
    )
    assert messages(repository) == [
        'cases/where.md:7: error: jurisdictions: "UK" is not the ISO 3166 code of this country; write "GB"',
        f'cases/where.md:7: error: jurisdictions: "XX" is not a known jurisdiction; {JURISDICTION_HELP}',
        'cases/where.md:7: error: jurisdictions: write codes in capital letters: "DE"',
    ]
    assert published(repository) == ["cases/good.md"]


def test_impossible_dates_are_reported_on_their_line(make_project: ProjectFactory) -> None:
    """February 30th, month 13 and one-digit months are refused, each with what to write."""
    repository = check(
        make_project,
        {
            **GOOD,
            "cases/feb30.md": case(("date: 2011-10-04", "date: 2019-02-30")),
            "cases/month13.md": case(("end_date: 2011-10-06", "end_date: 2011-13")),
            "cases/short-form.md": case(("date: 2011-10-04", "date: 2011-2-3")),
        },
    )
    assert messages(repository) == [
        'cases/feb30.md:4: error: date: "2019-02-30" is not a valid date: February 2019 has 28 days; write a '
        "date that exists, as YYYY or YYYY-MM or YYYY-MM-DD",
        'cases/month13.md:5: error: end_date: "2011-13" is not a valid date: there is no month 13; write the '
        "date as YYYY or YYYY-MM or YYYY-MM-DD",
        'cases/short-form.md:4: error: date: "2011-2-3" is not a valid date: write the month and the day with '
        'two digits: "2011-02-03"',
    ]
    assert published(repository) == ["cases/good.md"]


def test_year_zero_is_reported_not_a_crash(make_project: ProjectFactory) -> None:
    """A date in year 0000 is a content mistake with a message, not a traceback."""
    repository = check(make_project, {**GOOD, "cases/zero.md": case(("date: 2011-10-04", "date: 0000"))})
    assert messages(repository) == [
        'cases/zero.md:4: error: date: "0000" is not a valid date: there is no year 0000; write the date as YYYY '
        "or YYYY-MM or YYYY-MM-DD"
    ]
    assert published(repository) == ["cases/good.md"]


def test_non_web_source_addresses_are_refused(make_project: ProjectFactory) -> None:
    """ftp: and javascript: addresses are refused, each on its own line."""
    sources = (
        "url: https://en.wikipedia.org/wiki/Example",
        "url: ftp://example.org/file\n  - title: Two\n    url: javascript:alert(1)",
    )
    repository = check(make_project, {**GOOD, "cases/links.md": case(sources)})
    assert messages(repository) == [
        f'cases/links.md:13: error: sources[1].url: "ftp://example.org/file" {NOT_A_WEB_ADDRESS}',
        f'cases/links.md:15: error: sources[2].url: "javascript:alert(1)" {NOT_A_WEB_ADDRESS}',
    ]
    assert published(repository) == ["cases/good.md"]


def test_unencrypted_addresses_are_refused_with_the_https_one(make_project: ProjectFactory) -> None:
    """An http:// source (or archived copy) is refused with the same address in https to write instead."""
    sources = (
        "url: https://en.wikipedia.org/wiki/Example",
        "url: HTTP://example.org/report?id=1\n    archive_url: http://archive.org/x",
    )
    repository = check(make_project, {**GOOD, "cases/plain.md": case(sources)})
    assert messages(repository) == [
        'cases/plain.md:13: error: sources[1].url: "HTTP://example.org/report?id=1" is not an encrypted address; '
        'write "https://example.org/report?id=1" (most sites answer at https; if this one does not, link to an '
        "archived copy such as web.archive.org)",
        'cases/plain.md:14: error: sources[1].archive_url: "http://archive.org/x" is not an encrypted address; '
        'write "https://archive.org/x" (most sites answer at https; if this one does not, link to an archived copy '
        "such as web.archive.org)",
    ]
    assert published(repository) == ["cases/good.md"]


PRINT_SOURCE = (
    "  - title: Les encyclopédies libres\n"
    "    publisher: Le Monde diplomatique\n"
    "    date: 2011-10\n"
    "    citation: Print edition, issue 691, page 3\n"
)


def test_a_print_only_source_is_cited_by_publisher_date_and_citation(make_project: ProjectFactory) -> None:
    """A source that is not online needs no url when it has its publisher, date and citation; a source with
    neither is told both ways of citing it."""
    sources = (
        "    url: https://en.wikipedia.org/wiki/Example\n",
        "    url: https://en.wikipedia.org/wiki/Example\n" + PRINT_SOURCE,
    )
    printed = case(sources)
    incomplete = PRINT_SOURCE.replace("    citation: Print edition, issue 691, page 3\n", "")
    sources = (
        "    url: https://en.wikipedia.org/wiki/Example\n",
        "    url: https://en.wikipedia.org/wiki/Example\n" + incomplete,
    )
    repository = check(make_project, {**GOOD, "cases/print.md": printed, "cases/vague.md": case(sources)})
    assert messages(repository) == [
        "cases/vague.md:14: error: sources[2]: give its https address as url, or, for a source that is not online "
        "(print, broadcast), its publisher, date and citation (where a reader finds it: issue and page, archive "
        "and file number)"
    ]
    assert published(repository) == ["cases/good.md", "cases/print.md"]


def test_address_with_a_hidden_line_break_is_refused(make_project: ProjectFactory) -> None:
    """A line break or tab inside an address is refused (and shown escaped), not silently dropped."""
    url = (
        "url: https://en.wikipedia.org/wiki/Example",
        'url: "https://en.wikipedia.org/wiki/Ex\\n::error::x\\ty"',
    )
    repository = check(make_project, {**GOOD, "cases/broken-link.md": case(url)})
    assert messages(repository) == [
        'cases/broken-link.md:13: error: sources[1].url: "https://en.wikipedia.org/wiki/Ex\\n::error::x\\ty" is '
        "not a web address: it contains a space or a line break; write the address on one line, with %20 for a "
        "space"
    ]
    assert published(repository) == ["cases/good.md"]


def test_email_address_in_contributors_is_refused(make_project: ProjectFactory) -> None:
    """An e-mail address is never accepted where a pseudonymous handle belongs."""
    text = case(("published:", "contributors: [someone@example.org, Good_User]\npublished:"))
    repository = check(make_project, {**GOOD, "cases/email.md": text})
    assert messages(repository) == [
        "cases/email.md:14: error: contributors: this looks like an e-mail address; write a pseudonymous handle "
        "(such as a wiki user name) instead: e-mail addresses are never published"
    ]
    assert published(repository) == ["cases/good.md"]


def test_html_in_plain_text_fields_is_refused(make_project: ProjectFactory) -> None:
    """A <script> tag or an &amp; reference in plain text is refused with what to write."""
    text = case(
        (TITLE, "title: A <script>alert(1)</script> law"),
        ("summary: The community", "summary: Tom &amp; the community"),
    )
    repository = check(make_project, {**GOOD, "cases/markup.md": text})
    assert messages(repository) == [
        'cases/markup.md:2: error: title: found the markup "<script>"; write plain text, without HTML tags',
        'cases/markup.md:3: error: summary: found the HTML character reference "&amp;"; write the character '
        "itself",
    ]
    assert published(repository) == ["cases/good.md"]


def test_less_than_signs_and_ampersands_in_text_are_accepted(make_project: ProjectFactory) -> None:
    """Ordinary text such as "a<b, AT&T" is not mistaken for markup."""
    repository = check(make_project, {"cases/plain.md": case((TITLE, "title: Why a<b, and AT&T, matter"))})
    assert messages(repository) == []


def test_invisible_character_written_as_yaml_escape_is_reported(make_project: ProjectFactory) -> None:
    """A bidi override smuggled in as "\\u202E" between double quotes is caught like a literal one."""
    repository = check(
        make_project, {**GOOD, "cases/escaped.md": case((TITLE, 'title: "A \\u202Eblackout"'))}
    )
    assert messages(repository) == [
        "cases/escaped.md:2: error: title: the text holds the invisible character U+202E (RIGHT-TO-LEFT "
        'OVERRIDE), which can hide or reorder text; delete it (between double quotes it can be written "\\u202E")'
    ]
    assert published(repository) == ["cases/good.md"]


@pytest.mark.parametrize(
    ("field", "value", "line"),
    [
        ("summary: The community", "summary: Write to jane\uff20example.org, the community", 3),
        (TITLE, "title: Leaks from jane.roe\ufe6bexample\uff0eorg", 2),
        ("  - title: An article about it", "  - title: Mail from jane@example.org", 12),
        ("title: A blackout", "title: Ask jane&#x40;example.org, a blackout", 2),
    ],
)
def test_email_addresses_are_refused_in_every_text_field(
    make_project: ProjectFactory, field: str, value: str, line: int
) -> None:
    """Any plain-text field (title, summary, a source's title) refuses an e-mail address, also written with
    a full-width or small at sign or dot; the message shows it as a reader would read it."""
    repository = check(make_project, {**GOOD, "cases/mail.md": case((field, value))})
    found = [m for m in messages(repository) if "e-mail address" in m]
    assert len(found) == 1 and found[0].startswith(f"cases/mail.md:{line}: error: ")
    assert "@example.org" in found[0] and "e-mail addresses are never published" in found[0]
    assert published(repository) == ["cases/good.md"]


def test_a_handle_with_a_full_width_at_sign_is_refused(make_project: ProjectFactory) -> None:
    """A handle "someone＠example.org" is an e-mail address once normalised."""
    text = case(("published:", 'contributors: ["someone\uff20example.org"]\npublished:'))
    repository = check(make_project, {**GOOD, "cases/email.md": text})
    assert messages(repository) == [
        "cases/email.md:14: error: contributors: this looks like an e-mail address; write a pseudonymous handle "
        "(such as a wiki user name) instead: e-mail addresses are never published"
    ]


def test_source_addresses_with_a_backslash_or_an_invisible_character_are_refused(
    make_project: ProjectFactory,
) -> None:
    """A backslash (which browsers read as a slash, so "https://ok.org\\@evil.example" goes elsewhere) and a
    character browsers drop are refused in a source's url."""
    urls = (
        "url: https://en.wikipedia.org/wiki/Example",
        'url: "https://en.wikipedia.org\\\\@evil.example/"\n  - title: Two\n    url: "https://en.wikipedia\\u200e.org/"',
    )
    repository = check(make_project, {**GOOD, "cases/links.md": case(urls)})
    assert messages(repository) == [
        'cases/links.md:13: error: sources[1].url: "https://en.wikipedia.org\\@evil.example/" is not a web '
        'address: it contains a backslash, which browsers read as a slash (and "/\\host" as another site); '
        'write the address with "/"',
        'cases/links.md:15: error: sources[2].url: "https://en.wikipedia\u200e.org/" holds an invisible '
        "character that browsers drop from addresses; type the address again, or copy it from the browser's "
        "address bar",
    ]
