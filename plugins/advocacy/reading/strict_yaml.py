"""A strict reader for the YAML that contributors write: frontmatter and vocabularies.

PyYAML alone is too forgiving for content written by many people: duplicate keys silently keep the last
value, anchors and aliases can expand without bound ("billion laughs"), tags such as ``!!python/name`` ask for
objects, and YAML 1.1 turns ``no`` into ``False``, ``0123`` into 83 and ``1.10`` into ``1.1``. This module
builds its own small tree from the parser's events instead of constructing Python objects: every node keeps
its line and its text exactly as written, so the validator can say which line is wrong and what YAML would
have made of the value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import yaml

from advocacy.reading.sourcefile import char_name

try:  # libyaml is several times faster; PyYAML's wheels include it, source installs may not.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was installed
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

_RESOLVER = yaml.resolver.Resolver()

MAX_DEPTH = 20
"""How deep lists and mappings may nest. Content needs four levels at most; deeper nesting is refused with its
line before anything walks it (about 1,000 levels would exhaust Python's stack)."""

ScalarType = Literal["str", "int", "float", "bool", "null", "timestamp"]
_TAG_TYPES: dict[str, ScalarType] = {
    "tag:yaml.org,2002:str": "str",
    "tag:yaml.org,2002:int": "int",
    "tag:yaml.org,2002:float": "float",
    "tag:yaml.org,2002:bool": "bool",
    "tag:yaml.org,2002:null": "null",
    "tag:yaml.org,2002:timestamp": "timestamp",
}


class YamlError(Exception):
    """The text is not YAML we accept; ``line`` is 1-based within the text given to :func:`parse`."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass(frozen=True)
class Scalar:
    """A scalar exactly as written: ``text`` is the source text, ``type`` what YAML 1.1 would read it as."""

    text: str
    type: ScalarType
    quoted: bool
    line: int


@dataclass(frozen=True)
class Sequence:
    """A YAML list."""

    items: list[Node]
    line: int


@dataclass(frozen=True)
class Mapping:
    """A YAML mapping with text keys, in source order; ``key_lines`` gives the line of each key."""

    items: dict[str, Node]
    line: int
    key_lines: dict[str, int] = field(default_factory=dict)


Node = Scalar | Sequence | Mapping


def describe(node: Node) -> str:
    """Name a node's kind the way a contributor would ("a list", "the number 83", "the text 'x'")."""
    if isinstance(node, Mapping):
        return "a mapping (key: value pairs)"
    if isinstance(node, Sequence):
        return "a list"
    if node.type == "str" or node.type == "timestamp":
        return f'"{node.text}"'
    if node.type == "null":
        return "nothing (an empty value)"
    if node.type == "bool":
        return f"{node.text}, which YAML reads as the boolean {str(_construct_bool(node.text)).lower()}"
    if node.type == "int":
        value = _construct_int(node.text)
        if str(value) != node.text:
            return f"{node.text}, which YAML reads as the number {value}"
        return f"the number {node.text}"
    value_float = _construct_float(node.text)
    if value_float is not None and repr(value_float) != node.text:
        return f"{node.text}, which YAML reads as the number {value_float!r}"
    return f"the number {node.text}"


def _construct_bool(text: str) -> bool:
    return text.lower() in {"yes", "true", "on", "y"}


def _construct_int(text: str) -> int:
    loader = yaml.SafeLoader("")
    try:
        value = loader.construct_yaml_int(yaml.ScalarNode("tag:yaml.org,2002:int", text))
        return int(value)
    finally:
        loader.dispose()


def _construct_float(text: str) -> float | None:
    loader = yaml.SafeLoader("")
    try:
        return float(loader.construct_yaml_float(yaml.ScalarNode("tag:yaml.org,2002:float", text)))
    except ValueError:
        return None
    finally:
        loader.dispose()


def parse(text: str) -> Node | None:
    """Parse one YAML document into nodes; return ``None`` for an empty document.

    Raises:
        YamlError: on a syntax error, a second document, an anchor, an alias, an explicit tag, a duplicate
            key or a key that is not plain text. The message says what to write instead.
    """
    try:
        events = list(yaml.parse(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc) from exc
    except yaml.reader.ReaderError as exc:  # a character YAML refuses; it carries a position, not a line
        line = None
        if isinstance(exc.character, int) and chr(exc.character) in text:
            line = text[: text.index(chr(exc.character))].count("\n") + 1
            found = f"the character {char_name(chr(exc.character))}"
        else:
            found = "a character that is not text"
        raise YamlError(f"the YAML cannot be read: this line holds {found}; delete it", line) from exc
    except yaml.YAMLError as exc:  # pragma: no cover - every error of the parser is one of the above
        raise YamlError(f"the YAML cannot be read ({exc})", None) from exc
    reader = _EventReader(events)
    return reader.document()


_GENERIC_HINT = (
    'Check the indentation and quote text that contains ": ", "#", or starts with a special character such '
    'as "[", "{", "*", "&", "!", "%", "@" or "`"'
)


def _syntax_error(exc: yaml.MarkedYAMLError) -> YamlError:
    """A syntax error worded for a contributor, on the line where the mistake most likely is.

    The parser notices an unclosed quotation mark or bracket only where the text ends or the next field starts;
    the line to fix is the one where the quote or bracket was opened, which the parser gives as the context.
    """
    context = exc.context or ""
    context_line = exc.context_mark.line + 1 if exc.context_mark is not None else None
    problem_line = exc.problem_mark.line + 1 if exc.problem_mark is not None else context_line
    problem = exc.problem or "invalid YAML"
    if "quoted scalar" in context and ("end of stream" in problem or "document" in problem):
        return YamlError(
            "the YAML cannot be read: the quoted text that starts on this line has no closing quotation mark; "
            "end the text with the same quotation mark it starts with",
            context_line,
        )
    if "nesting depth" in problem:  # libyaml stops at 1,000 levels, before MAX_DEPTH can be counted
        return YamlError(
            f"lists and mappings nest more than {MAX_DEPTH} levels deep here; the fields of this file need a "
            "few levels at most: write the value out flat",
            problem_line,
        )
    if "escape" in problem:
        return YamlError(
            f"the YAML cannot be read ({problem}): in text between double quotes a backslash starts an escape; "
            "write \\\\ for a backslash, or put the text between single quotes",
            problem_line,
        )
    if "flow sequence" in context or "flow mapping" in context:
        what, opening, closing = ("list", "[", "]") if "sequence" in context else ("mapping", "{", "}")
        return YamlError(
            f'the YAML cannot be read: the {what} that opens with "{opening}" on this line is not closed where '
            f'expected; close it with "{closing}", and put items that contain ", " or ": " in quotes',
            context_line,
        )
    return YamlError(f"the YAML cannot be read ({problem}). {_GENERIC_HINT}", problem_line)


def _line(event: yaml.Event) -> int:
    """The 1-based line where ``event`` starts (the parser always gives one; the stubs allow ``None``)."""
    return event.start_mark.line + 1 if event.start_mark is not None else 1


class _EventReader:
    def __init__(self, events: list[yaml.Event]) -> None:
        self.events = events
        self.position = 0
        self.depth = 0

    def next(self) -> yaml.Event:
        event = self.events[self.position]
        self.position += 1
        return event

    def peek(self) -> yaml.Event:
        return self.events[self.position]

    def document(self) -> Node | None:
        self.next()  # StreamStart
        if isinstance(self.peek(), yaml.StreamEndEvent):
            return None
        self.next()  # DocumentStart
        node = self.node()
        self.next()  # DocumentEnd
        if not isinstance(self.peek(), yaml.StreamEndEvent):
            raise YamlError(
                'found a second YAML document (a line "---" or "..." inside the frontmatter); '
                "keep one block of fields",
                _line(self.peek()),
            )
        if isinstance(node, Scalar) and node.type == "null":
            return None
        return node

    def node(self) -> Node:
        event = self.next()
        line = _line(event)
        if isinstance(event, yaml.AliasEvent):
            raise YamlError(
                f'found the alias "*{event.anchor}"; aliases are not allowed here: write the value out', line
            )
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise YamlError(
                f'found the anchor "&{anchor}"; anchors and aliases are not allowed here: write values out',
                line,
            )
        if isinstance(event, yaml.ScalarEvent):
            return self.scalar(event, line)
        if not isinstance(event, yaml.CollectionStartEvent):  # pragma: no cover - the parser gives no other
            raise YamlError(f"unexpected YAML content ({type(event).__name__})", line)
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise YamlError(
                f"lists and mappings nest more than {MAX_DEPTH} levels deep here; the fields of this file "
                "need a few levels at most: write the value out flat",
                line,
            )
        try:
            if isinstance(event, yaml.SequenceStartEvent):
                self.refuse_tag(event, line)
                items = []
                while not isinstance(self.peek(), yaml.SequenceEndEvent):
                    items.append(self.node())
                self.next()
                return Sequence(items, line)
            assert isinstance(event, yaml.MappingStartEvent)
            return self.mapping(event, line)
        finally:
            self.depth -= 1

    @staticmethod
    def refuse_tag(event: yaml.CollectionStartEvent | yaml.ScalarEvent, line: int) -> None:
        if event.tag is not None and not (isinstance(event, yaml.ScalarEvent) and event.tag == "!"):
            tag = event.tag.replace("tag:yaml.org,2002:", "!!")
            raise YamlError(
                f'found the YAML tag "{tag}"; tags are not allowed here: write plain values, '
                "and put text in quotes",
                line,
            )

    def scalar(self, event: yaml.ScalarEvent, line: int) -> Scalar:
        self.refuse_tag(event, line)
        quoted = bool(event.style)  # libyaml reports a plain scalar's style as "", PyYAML as None
        if quoted:
            return Scalar(event.value, "str", True, line)
        # types-PyYAML leaves Resolver.resolve untyped.
        tag = _RESOLVER.resolve(yaml.ScalarNode, event.value, (True, False))  # type: ignore[no-untyped-call]
        return Scalar(event.value, _TAG_TYPES.get(tag, "str"), False, line)

    def mapping(self, event: yaml.MappingStartEvent, line: int) -> Mapping:
        self.refuse_tag(event, line)
        items: dict[str, Node] = {}
        key_lines: dict[str, int] = {}
        while not isinstance(self.peek(), yaml.MappingEndEvent):
            key = self.node()
            if not isinstance(key, Scalar):
                raise YamlError("found a list or mapping used as a key; keys must be plain names", key.line)
            if key.text in items:
                raise YamlError(
                    f'the key "{key.text}" appears twice (first on line {key_lines[key.text]}); '
                    "keep one and merge the values",
                    key.line,
                )
            key_lines[key.text] = key.line
            items[key.text] = self.node()
        self.next()
        return Mapping(items, line, key_lines)
