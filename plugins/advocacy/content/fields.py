"""Checking YAML nodes against field specifications, with a message per mistake.

The checker returns plain Python values (``str``, ``PartialDate``, lists, dicts) for what is valid and records
a :class:`~advocacy.reading.problems.Problem` for everything else, so that one pass reports every mistake of a file.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from advocacy.content.dates import DateError, parse_date
from advocacy.content.jurisdictions import check_jurisdiction
from advocacy.content.model import FieldKind, FieldSpec
from advocacy.reading.addresses import emails_in, normalise
from advocacy.reading.problems import Problem, Severity
from advocacy.reading.sourcefile import char_name, is_forbidden
from advocacy.reading.strict_yaml import Mapping as YamlMapping
from advocacy.reading.strict_yaml import Node, Scalar, Sequence, describe

TERM_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# An HTML tag, comment or declaration: "<b>", "</p>", "<img src=x>", "<!--", or a tag left open at the end of the
# text ("<script"); "a<b, c" and "3 < 4" are text.
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:[\s/][^<>]*)?(?:>|$)|<!--|<![A-Za-z\[]|<\?")
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_INVALID = object()


def _excerpt(text: str, limit: int) -> str:
    """The first words of ``text``, on one line, cut at a word boundary before ``limit`` characters."""
    words = " ".join(text.split())
    if len(words) <= limit:
        return words
    cut = words[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def _shown(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, line breaks and tabs shown as ``\\n`` and ``\\t``, for a message."""
    return text[:limit].replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")


@dataclass(frozen=True)
class Reference:
    """A field naming another case; checked once every file has been read."""

    field: str
    case_id: str
    line: int


@dataclass
class FieldChecker:
    """Checks the fields of one file.

    Attributes:
        display: The file's path for messages.
        terms: Known ids per vocabulary name.
        languages: Site language codes, for labels.
        problems: Everything found so far.
        references: Every case id named by a ``case`` field.
    """

    display: str
    terms: Mapping[str, Collection[str]]
    languages: tuple[str, ...]
    problems: list[Problem] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)

    def report(self, line: int | None, name: str | None, message: str, warning: bool = False) -> None:
        """Record a problem of this file."""
        severity = Severity.WARNING if warning else Severity.ERROR
        self.problems.append(Problem(self.display, line, name, message, severity))

    def check_fields(
        self,
        node: YamlMapping,
        specs: Mapping[str, FieldSpec],
        path: str = "",
        unknown_hint: str | None = None,
    ) -> dict[str, Any]:
        """Check a mapping against ``specs``; return the valid values, keyed by field name."""
        values: dict[str, Any] = {}
        for key, value in node.items.items():
            line = node.key_lines[key]
            name = f"{path}.{key}" if path else key
            spec = specs.get(key)
            if spec is None:
                self.report(line, name, self._unknown_field(key, specs, unknown_hint))
                continue
            checked = self.check_value(value, spec, name, line)
            if checked is not _INVALID:
                values[key] = checked
        for key, spec in specs.items():
            if spec.required and key not in node.items:
                name = f"{path}.{key}" if path else key
                about = f" ({spec.description})" if spec.description else ""
                self.report(node.line, name, f'the required field "{key}" is missing; add it{about}')
        return values

    @staticmethod
    def _unknown_field(key: str, specs: Mapping[str, FieldSpec], hint: str | None) -> str:
        close = difflib.get_close_matches(key, list(specs), n=1, cutoff=0.7)
        if close:
            return f'unknown field "{key}"; did you mean "{close[0]}"?'
        if hint:
            return f'unknown field "{key}"; {hint}'
        return f'unknown field "{key}"; the fields here are: {", ".join(specs)}'

    def check_value(self, node: Node, spec: FieldSpec, name: str, line: int) -> Any:
        """Check one value; return it converted, or ``_INVALID`` after recording why."""
        if isinstance(node, Scalar) and node.type == "null":
            self.report(line, name, "the field is empty; give it a value or delete the line")
            return _INVALID
        if spec.kind == FieldKind.LIST:
            return self._check_list(node, spec, name)
        if spec.kind == FieldKind.RECORD:
            if not isinstance(node, YamlMapping):
                fields = " and ".join(k for k, s in spec.fields.items() if s.required)
                self.report(
                    node.line, name, f"expected fields ({fields}) on indented lines, found {describe(node)}"
                )
                return _INVALID
            values = self.check_fields(node, spec.fields, name)
            if spec.one_of and not any(all(key in node.items for key in group) for group in spec.one_of):
                self.report(node.line, name, spec.one_of_message)
            return values
        if spec.kind == FieldKind.LABELS:
            return self._check_labels(node, spec, name)
        if not isinstance(node, Scalar):
            self.report(node.line, name, f"expected a single value, found {describe(node)}")
            return _INVALID
        checkers = {
            FieldKind.TEXT: self._check_text,
            FieldKind.DATE: self._check_date,
            FieldKind.DAY: self._check_day,
            FieldKind.CHOICE: self._check_choice,
            FieldKind.TERM: self._check_term,
            FieldKind.JURISDICTION: self._check_jurisdiction,
            FieldKind.CASE: self._check_case,
            FieldKind.HANDLE: self._check_handle,
            FieldKind.URL: self._check_url,
        }
        return checkers[spec.kind](node, spec, name)

    def _check_list(self, node: Node, spec: FieldSpec, name: str) -> Any:
        assert spec.item is not None
        if not isinstance(node, Sequence):
            example = node.text if isinstance(node, Scalar) else "..."
            self.report(
                node.line,
                name,
                f"expected a list, found {describe(node)}; write it in brackets: {name}: [{example}]",
            )
            return _INVALID
        if spec.min and len(node.items) < spec.min:
            self.report(node.line, name, f"the list is empty; give at least {spec.min} item")
            return _INVALID
        values = []
        seen: dict[str, int] = {}
        for index, item in enumerate(node.items, start=1):
            item_name = name if spec.item.kind != FieldKind.RECORD else f"{name}[{index}]"
            checked = self.check_value(item, spec.item, item_name, item.line)
            if checked is _INVALID:
                continue
            if isinstance(checked, str):
                if checked in seen:
                    self.report(item.line, name, f'"{checked}" is listed twice; keep one')
                    continue
                seen[checked] = item.line
            values.append(checked)
        return values

    def _check_labels(self, node: Node, spec: FieldSpec, name: str) -> Any:
        what = spec.name  # "label", "description": what each text of the mapping is, for messages
        if isinstance(node, Scalar) and node.type == "str":
            # The old form of a description (one English text), or a label written without its language.
            shown = _excerpt(node.text, 40)
            first, *others = self.languages
            rest = "".join(f", {code}: ..." for code in others)
            self.report(
                node.line,
                name,
                f'expected a {what} in each site language, found one text: "{shown}"; write '
                f'{what}: {{{first}: "{shown}"{rest}}}',
            )
            return _INVALID
        if not isinstance(node, YamlMapping):
            self.report(
                node.line,
                name,
                f"expected one {what} per language (en: ..., fr: ...), found {describe(node)}",
            )
            return _INVALID
        text_spec = FieldSpec(name=name, kind=FieldKind.TEXT, max=spec.max or 200, multiline=spec.multiline)
        labels = {}
        for code, value in node.items.items():
            if code not in self.languages:
                self.report(
                    node.key_lines[code],
                    f"{name}.{code}",
                    f'"{code}" is not a site language; use one of {", ".join(self.languages)}',
                )
                continue
            checked = self.check_value(value, text_spec, f"{name}.{code}", node.key_lines[code])
            if checked is not _INVALID:
                labels[code] = checked
        if spec.complete:
            missing = [code for code in self.languages if code not in node.items]
            if missing:
                self.report(
                    node.line, name, f"add a {what} for each site language; missing: {', '.join(missing)}"
                )
        return labels

    def _text(self, node: Scalar, name: str) -> str | None:
        if node.type not in {"str", "timestamp"} and not node.quoted:
            self.report(
                node.line, name, f'expected text, found {describe(node)}; put it in quotes: "{node.text}"'
            )
            return None
        # The file itself was checked for these characters; a YAML escape ("\u202E") can still produce them.
        forbidden = next((char for char in node.text if is_forbidden(char)), None)
        if forbidden is not None:
            self.report(
                node.line,
                name,
                f"the text holds the invisible character {char_name(forbidden)}, which can hide or reorder "
                f'text; delete it (between double quotes it can be written "\\u{ord(forbidden):04X}")',
            )
            return None
        return node.text

    def _check_text(self, node: Scalar, spec: FieldSpec, name: str) -> Any:
        text = self._text(node, name)
        if text is None:
            return _INVALID
        value = text.strip()
        ok = True
        if not value:
            self.report(node.line, name, "the text is empty; write it or delete the line")
            return _INVALID
        if not spec.multiline and "\n" in value:
            self.report(node.line, name, "write this on one line")
            ok = False
        if spec.max is not None and len(value) > spec.max:
            self.report(
                node.line,
                name,
                f"the text is {len(value)} characters long; shorten it to at most {spec.max} characters",
            )
            ok = False
        tag = _TAG.search(value)
        if tag:
            self.report(
                node.line,
                name,
                f'found the markup "{_shown(tag.group(), 80)}"; write plain text, without HTML tags',
            )
            ok = False
        entity = _ENTITY.search(value)
        if entity:
            self.report(
                node.line,
                name,
                f'found the HTML character reference "{entity.group()}"; write the character itself',
            )
            ok = False
        emails = emails_in(value)
        if emails:
            self.report(
                node.line,
                name,
                f'found the e-mail address "{_shown(emails[0], 80)}"; e-mail addresses are never published '
                "(they identify people): leave it out, or name the organisation or the page to contact",
            )
            ok = False
        return " ".join(value.split()) if ok else _INVALID

    def _check_date(self, node: Scalar, spec: FieldSpec, name: str) -> Any:
        return self._date(node, name, ("year", "month", "day"))

    def _check_day(self, node: Scalar, spec: FieldSpec, name: str) -> Any:
        return self._date(node, name, ("day",))

    def _date(self, node: Scalar, name: str, precisions: tuple[str, ...]) -> Any:
        if node.type not in {"str", "int", "timestamp"}:
            self.report(node.line, name, f"expected a date, found {describe(node)}")
            return _INVALID
        try:
            return parse_date(node.text, precisions)
        except DateError as exc:
            self.report(node.line, name, f'"{node.text}" is not a valid date: {exc}')
            return _INVALID

    def _check_choice(self, node: Scalar, spec: FieldSpec, name: str) -> Any:
        if node.text in spec.choices and (node.type == "str" or node.quoted):
            return node.text
        close = difflib.get_close_matches(node.text.lower(), list(spec.choices), n=1, cutoff=0.6)
        hint = f' (did you mean "{close[0]}"?)' if close else ""
        found = describe(node) if node.type != "str" else f'"{node.text}"'
        self.report(node.line, name, f"found {found}{hint}; write one of: {', '.join(spec.choices)}")
        return _INVALID

    def _check_term(self, node: Scalar, spec: FieldSpec, name: str) -> Any:
        assert spec.vocabulary is not None
        text = self._text(node, name)
        if text is None:
            return _INVALID
        known = self.terms.get(spec.vocabulary, ())
        if text in known:
            return text
        close = difflib.get_close_matches(text, list(known), n=1, cutoff=0.8)
        if not close:
            close = [term for term in known if term.lower() == text.lower()]
        hint = f'did you mean "{close[0]}"? To add a new term, add' if close else "add"
        self.report(
            node.line,
            name,
            f'"{text}" is not a term of the {spec.vocabulary} vocabulary; {hint} it to '
            f"cases/vocabularies/{spec.vocabulary}.yml in the same pull request",
        )
        return _INVALID

    def _check_jurisdiction(self, node: Scalar, spec: FieldSpec, name: str) -> Any:
        text = self._text(node, name)
        if text is None:
            return _INVALID
        problem = check_jurisdiction(text, self.terms.get("forums", ()))
        if problem:
            self.report(node.line, name, problem)
            return _INVALID
        return text

    def _check_case(self, node: Scalar, spec: FieldSpec, name: str) -> Any:
        text = self._text(node, name)
        if text is None:
            return _INVALID
        if not TERM_ID.fullmatch(text):
            self.report(
                node.line,
                name,
                f'"{text}" is not a case id; write the file name of the case without ".md" '
                "(lowercase letters, digits and hyphens)",
            )
            return _INVALID
        self.references.append(Reference(name, text, node.line))
        return text

    def _check_handle(self, node: Scalar, spec: FieldSpec, name: str) -> Any:
        text = self._text(node, name)
        if text is None:
            return _INVALID
        value = text.strip()
        if _EMAIL.search(unicodedata.normalize("NFKC", value)) or emails_in(value):
            self.report(
                node.line,
                name,
                "this looks like an e-mail address; write a pseudonymous handle (such as a wiki user name) "
                "instead: e-mail addresses are never published",
            )
            return _INVALID
        if not value or "\n" in value or len(value) > 64 or _TAG.search(value) or "://" in value:
            self.report(
                node.line,
                name,
                f'"{_shown(value, 70)}" is not a handle; write a user name of at most 64 characters, on one line',
            )
            return _INVALID
        return value

    def _check_url(self, node: Scalar, spec: FieldSpec, name: str) -> Any:
        text = self._text(node, name)
        if text is None:
            return _INVALID
        value = text.strip()
        try:
            parts = urlsplit(value)
        except ValueError:
            parts = None
        if any(char.isspace() for char in value):
            # urlsplit() silently drops tabs and line breaks, so they must be refused before it runs.
            self.report(
                node.line,
                name,
                f'"{_shown(value, 200)}" is not a web address: it contains a space or a line break; write the '
                "address on one line, with %20 for a space",
            )
            return _INVALID
        normal = normalise(value)
        if normal is None:
            self.report(
                node.line,
                name,
                f'"{_shown(value, 200)}" is not a web address: it contains a backslash, which browsers read as '
                'a slash (and "/\\host" as another site); write the address with "/"',
            )
            return _INVALID
        if normal != value:
            self.report(
                node.line,
                name,
                f'"{_shown(value, 200)}" holds an invisible character that browsers drop from addresses; type '
                "the address again, or copy it from the browser's address bar",
            )
            return _INVALID
        if parts is None or parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
            self.report(
                node.line,
                name,
                f'"{_shown(value, 200)}" is not a web address; write a full address that starts with https://',
            )
            return _INVALID
        if parts.scheme.lower() == "http":
            # Readers may be where traffic is watched or altered: the hub links to encrypted addresses only.
            secure = "https" + value[len(parts.scheme) :]
            self.report(
                node.line,
                name,
                f'"{_shown(value, 200)}" is not an encrypted address; write "{_shown(secure, 200)}" (most sites '
                "answer at https; if this one does not, link to an archived copy such as web.archive.org)",
            )
            return _INVALID
        return value
