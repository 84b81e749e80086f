"""Pages of docs/ and the manifesto's texts: their frontmatter checked against the page model (fields the
theme would print or act on are refused, values of the wrong kind too), read where MkDocs reads it."""

from __future__ import annotations

from advocacy.content.pages import check_pages, load_page_model
from tests.support.project import ProjectFactory

ALLOWED = (
    "the fields of this page are title, description, translation (the theme acts on other fields, some by "
    "printing them into the page: plugins/advocacy/data/page-model.yml lists those allowed)"
)


def _report(make_project: ProjectFactory, files: dict[str, str | bytes]) -> list[str]:
    project = make_project(files)
    return [str(problem) for problem in check_pages(project).problems]


def test_the_allowed_fields_of_a_page_pass_and_are_kept() -> None:
    """The model lists title, description and translation for pages, and version too for manifesto texts."""
    model = load_page_model()
    assert list(model.page_fields) == ["title", "description", "translation"]
    assert list(model.manifesto_fields) == ["title", "version", "translation"]


def test_fields_the_theme_would_print_are_refused_with_their_lines(make_project: ProjectFactory) -> None:
    """author, template, location, hide, icon, subtitle and status are unknown fields, each on its line."""
    page = (
        "---\ntitle: Guide\nauthor: x\ntemplate: redirect.html\nlocation: javascript:alert(1)\nhide: [toc]\n"
        "icon: material/home\nsubtitle: s\nstatus: new\n---\n\n# Guide\n"
    )
    assert _report(make_project, {"docs/guide.md": page}) == [
        f'docs/guide.md:3: error: author: unknown field "author"; {ALLOWED}',
        f'docs/guide.md:4: error: template: unknown field "template"; {ALLOWED}',
        f'docs/guide.md:5: error: location: unknown field "location"; {ALLOWED}',
        f'docs/guide.md:6: error: hide: unknown field "hide"; {ALLOWED}',
        f'docs/guide.md:7: error: icon: unknown field "icon"; {ALLOWED}',
        'docs/guide.md:8: error: subtitle: unknown field "subtitle"; did you mean "title"?',
        f'docs/guide.md:9: error: status: unknown field "status"; {ALLOWED}',
    ]


def test_values_must_be_plain_text_of_the_right_kind(make_project: ProjectFactory) -> None:
    """A list, a mapping, markup or a character reference in a title or description is refused."""
    page = '---\ntitle: ["<img src=x onerror=alert(1)>"]\ndescription: {a: b}\n---\n\n# Guide\n'
    other = '---\ntitle: "A &lt;b&gt; title"\ndescription: "Read <b>this</b>"\n---\n\nText.\n'
    assert _report(make_project, {"docs/guide.md": page, "docs/other.md": other}) == [
        "docs/guide.md:2: error: title: expected a single value, found a list",
        "docs/guide.md:3: error: description: expected a single value, found a mapping (key: value pairs)",
        'docs/other.md:2: error: title: found the HTML character reference "&lt;"; write the character itself',
        'docs/other.md:3: error: description: found the markup "<b>"; write plain text, without HTML tags',
    ]


def test_only_valid_fields_are_kept_for_the_theme(make_project: ProjectFactory) -> None:
    """The checked metadata of a page holds its valid fields only; a page with none has none."""
    page = "---\ntitle: Guide\ndescription: ['x']\nauthor: y\n---\n\nText.\n"
    pages = check_pages(make_project({"docs/guide.md": page}))
    assert pages.meta["guide.md"] == {"title": "Guide"}
    assert pages.meta["index.md"] == {}


def test_multimarkdown_metadata_and_unloadable_yaml_are_named(make_project: ProjectFactory) -> None:
    """Lines "key: value" at the top (which MkDocs takes as fields) and YAML MkDocs cannot load (which it
    shows as text) are reported, with what to write."""
    assert _report(
        make_project,
        {
            "docs/mmd.md": "Note: read this first.\nAuthor: me\n\n# Guide\n",
            "docs/date.md": "---\ntitle: 2024-02-30\n---\n\n# Dates\n",
            "docs/dots.md": "---\ntitle: Dots\n...\n\n# Dots\n",
        },
    ) == [
        "docs/date.md:2: error: MkDocs cannot read this frontmatter (day is out of range for month), so it would "
        "show it as text on the page and ignore every field: put text values in quotes, and write dates that "
        "exist (YYYY-MM-DD)",
        'docs/dots.md:3: error: the frontmatter ends with "..."; write "---" there, as at its start',
        'docs/mmd.md:1: error: MkDocs reads the first lines of this page as its fields ("note", "author": '
        "MultiMarkdown metadata) and does not show them; put a blank line or a heading before line 1, or write "
        'fields between two lines "---"',
    ]


def test_manifesto_texts_are_checked_with_their_own_fields(make_project: ProjectFactory) -> None:
    """A manifesto text may carry its version; an author is refused there as on any page."""
    project = make_project(
        {
            "manifesto/index.md": "---\ntitle: M\nversion: 1.0.0\nauthor: '<script>x</script>'\n---\n\n## P {#p}\n"
        }
    )
    (project.root / "docs/manifesto").symlink_to("../manifesto", target_is_directory=True)
    pages = check_pages(project)
    assert [str(p) for p in pages.problems] == [
        'manifesto/index.md:4: error: author: unknown field "author"; the fields of this page are title, version, '
        "translation (the theme acts on other fields, some by printing them into the page: "
        "plugins/advocacy/data/page-model.yml lists those allowed)"
    ]
    assert pages.meta["manifesto/index.md"] == {"title": "M", "version": "1.0.0"}
