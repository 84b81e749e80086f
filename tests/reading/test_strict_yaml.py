"""The strict YAML reader: text kept as written, what YAML 1.1 would make of it, and every construct it refuses,
with the line to fix."""

from __future__ import annotations

import pytest

from advocacy.reading.strict_yaml import Mapping, Scalar, Sequence, YamlError, describe, parse


def test_parse_keeps_text_as_written_and_what_yaml_would_read() -> None:
    """Every scalar keeps its source text, its YAML 1.1 type, whether it was quoted, and its line."""
    node = parse(
        "title: no\ncode: 0123\nversion: 1.10\nday: 2019-02-30\nempty: ~\nquoted: 'no'\nlist: [x, 2]\n"
    )
    assert isinstance(node, Mapping)
    assert node.items == {
        "title": Scalar("no", "bool", False, 1),
        "code": Scalar("0123", "int", False, 2),
        "version": Scalar("1.10", "float", False, 3),
        "day": Scalar("2019-02-30", "timestamp", False, 4),
        "empty": Scalar("~", "null", False, 5),
        "quoted": Scalar("no", "str", True, 6),
        "list": Sequence([Scalar("x", "str", False, 7), Scalar("2", "int", False, 7)], 7),
    }
    assert node.key_lines == {
        "title": 1,
        "code": 2,
        "version": 3,
        "day": 4,
        "empty": 5,
        "quoted": 6,
        "list": 7,
    }


def test_describe_says_what_yaml_made_of_a_value() -> None:
    """Messages show a surprising value next to what YAML 1.1 reads it as."""
    assert describe(Scalar("no", "bool", False, 1)) == "no, which YAML reads as the boolean false"
    assert describe(Scalar("0123", "int", False, 1)) == "0123, which YAML reads as the number 83"
    assert describe(Scalar("1.10", "float", False, 1)) == "1.10, which YAML reads as the number 1.1"
    assert describe(Scalar("12", "int", False, 1)) == "the number 12"
    assert describe(Scalar("~", "null", False, 1)) == "nothing (an empty value)"
    assert describe(Sequence([], 1)) == "a list"


def test_parse_empty_document_is_none() -> None:
    """An empty frontmatter, or one with only a comment, has no fields."""
    assert parse("") is None
    assert parse("# a comment\n") is None


def test_parse_nested_mapping_keeps_key_lines() -> None:
    """Fields of a source are reported on their own lines."""
    node = parse("sources:\n  - title: A\n    url: https://example.org/\n")
    assert isinstance(node, Mapping)
    sources = node.items["sources"]
    assert isinstance(sources, Sequence)
    source = sources.items[0]
    assert isinstance(source, Mapping)
    assert source.key_lines == {"title": 2, "url": 3}


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            "a: &x 1\nb: *x\n",
            1,
            'found the anchor "&x"; anchors and aliases are not allowed here: write values out',
        ),
        ("a: 1\nb: *x\n", 2, 'found the alias "*x"; aliases are not allowed here: write the value out'),
        (
            "a: 1\nb: !!python/object/apply:os.system [ls]\n",
            2,
            'found the YAML tag "!!python/object/apply:os.system"; tags are not allowed here: write plain values, '
            "and put text in quotes",
        ),
        (
            "a: !custom x\n",
            1,
            'found the YAML tag "!custom"; tags are not allowed here: write plain values, and put text in quotes',
        ),
        (
            "a: 1\nb: 2\na: 3\n",
            3,
            'the key "a" appears twice (first on line 1); keep one and merge the values',
        ),
        (
            "a: 1\n---\nb: 2\n",
            2,
            'found a second YAML document (a line "---" or "..." inside the frontmatter); keep one block of fields',
        ),
        ("[a]: 1\n", 1, "found a list or mapping used as a key; keys must be plain names"),
    ],
)
def test_parse_refuses_what_strict_yaml_forbids(text: str, line: int, message: str) -> None:
    """Anchors, aliases, tags, duplicate keys, second documents and complex keys are refused with their line."""
    with pytest.raises(YamlError) as caught:
        parse(text)
    assert (caught.value.line, caught.value.message) == (line, message)


def test_parse_refuses_billion_laughs_at_the_first_anchor() -> None:
    """An alias bomb is refused before anything is expanded."""
    bomb = 'a: &a ["lol", "lol"]\nb: &b [*a, *a]\nc: &c [*b, *b]\n'
    with pytest.raises(YamlError) as caught:
        parse(bomb)
    assert caught.value.line == 1


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            'a: "open\nb: 1\nc: 2\n',
            1,
            "the YAML cannot be read: the quoted text that starts on this line has no closing quotation mark; "
            "end the text with the same quotation mark it starts with",
        ),
        (
            "a: 1\nb: [x, y\nc: 2\n",
            2,
            'the YAML cannot be read: the list that opens with "[" on this line is not closed where expected; '
            'close it with "]", and put items that contain ", " or ": " in quotes',
        ),
        (
            "a: {en: x\nb: 2\n",
            1,
            'the YAML cannot be read: the mapping that opens with "{" on this line is not closed where expected; '
            'close it with "}", and put items that contain ", " or ": " in quotes',
        ),
        (
            'a: 1\nb: "C:\\q"\n',
            2,
            "the YAML cannot be read (found unknown escape character): in text between double quotes a backslash "
            "starts an escape; write \\\\ for a backslash, or put the text between single quotes",
        ),
        (
            "a: 1\nb: x: y\n",
            2,
            "the YAML cannot be read (mapping values are not allowed in this context). Check the indentation and "
            'quote text that contains ": ", "#", or starts with a special character such as "[", "{", "*", "&", '
            '"!", "%", "@" or "`"',
        ),
        (
            "a: 1\nb: x\x80\n",
            2,
            "the YAML cannot be read: this line holds the character U+0080 (CONTROL CHARACTER); delete it",
        ),
    ],
)
def test_parse_syntax_errors_name_the_line_to_fix(text: str, line: int, message: str) -> None:
    """A syntax error names the line where the quote or bracket was opened, in words a contributor can act on."""
    with pytest.raises(YamlError) as caught:
        parse(text)
    assert (caught.value.line, caught.value.message) == (line, message)
