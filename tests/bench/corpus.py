"""Synthetic corpora for benchmarks: N cases x L languages with every frontmatter field and ~700-word bodies.

The corpus is a copy of the real project's configuration and vocabularies plus generated case files, so it
exercises the same validation and build as the real site.
"""

from __future__ import annotations

import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from advocacy.content.model import load_model
from advocacy.content.project import load_project
from advocacy.content.vocabularies import load_vocabularies
from advocacy.locales.strings import section_headings

# Jurisdictions spread over every region, with the EU, a subdivision and a forum, as a growing hub would have.
JURISDICTIONS = [
    "DE", "FR", "IT", "ES", "ES-CT", "PL", "SE", "UA", "RU", "TR", "GB", "EU", "US", "CA", "MX", "BR", "AR", "CL",
    "CO", "VE", "PE", "NG", "GH", "KE", "ZA", "EG", "MA", "TN", "IN", "PK", "BD", "ID", "PH", "VN", "JP", "KR",
    "TW", "AU", "NZ", "IR", "SA", "IL", "wipo",
]  # fmt: skip

WORDS = [
    "the",
    "community",
    "law",
    "copyright",
    "public",
    "domain",
    "freedom",
    "panorama",
    "parliament",
    "court",
    "blackout",
    "campaign",
    "article",
    "wiki",
    "volunteers",
    "readers",
    "access",
    "knowledge",
    "licence",
    "reform",
    "directive",
    "amendment",
    "ministry",
    "consultation",
    "platform",
    "liability",
    "filter",
    "censorship",
    "block",
    "petition",
    "coalition",
    "letter",
    "press",
    "editors",
    "archive",
    "museum",
    "photograph",
    "monument",
    "exception",
    "limitation",
    "rights",
    "users",
    "commons",
    "education",
    "library",
    "research",
    "culture",
]


def _vocabulary(size: int = 6000) -> tuple[list[str], list[float]]:
    """Domain words plus made-up words, with Zipf frequencies (as in real text, a few words are everywhere and
    most are rare): search indexes and compressed pages then weigh what they weigh on real prose."""
    syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "pa", "do", "fi", "gu", "ha", "je"]
    rng = random.Random(7)  # noqa: S311 - reproducible test data, not security
    made_up: set[str] = set()
    while len(made_up) < size - len(WORDS):
        made_up.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
    words = [w for pair in zip(WORDS, sorted(made_up)[: len(WORDS)], strict=True) for w in pair]
    words += sorted(made_up)[len(WORDS) :]
    weights, total = [], 0.0
    for rank in range(1, len(words) + 1):
        total += 1 / rank
        weights.append(total)
    return words, weights


_WORDS, _CUMULATIVE = _vocabulary()
WORDS_BY_RANK = _WORDS  # most frequent first


def _paragraphs(rng: random.Random, words: int) -> str:
    out = []
    while words > 0:
        size = min(words, rng.randint(40, 90))
        sentence = " ".join(rng.choices(_WORDS, cum_weights=_CUMULATIVE, k=size))
        out.append(sentence.capitalize() + ".")
        words -= size
    return "\n\n".join(out)


def _body(rng: random.Random, language: str, words: int) -> str:
    headings = section_headings(language)
    parts = []
    for section in load_model().sections:
        parts.append(f"## {headings[section]}\n\n{_paragraphs(rng, words // 4)}\n")
    return "\n".join(parts)


@dataclass(frozen=True)
class Profile:
    """The shape of a corpus.

    Attributes:
        name: How the benchmark names it.
        words: Words in each case's body.
        languages: Languages a translated case exists in (the site builds every site language).
        translated: The share of cases translated into those languages (the others exist in the first only).
        concentrated: The share of cases that all share one topic pair, dossier, organization pair and
            country, as in a hub about one campaign (the facet values of those cases are huge lists).
    """

    name: str
    words: int = 700
    languages: int = 3
    translated: float = 1.0
    concentrated: float = 0.0


PROFILES = {
    profile.name: profile
    for profile in (
        # Today's corpus: every case in three languages, metadata spread over every value.
        Profile("default"),
        # Longer cases, as real ones are (about 1,500 words).
        Profile("long", words=1500),
        # Nine cases in ten about the same topics, dossier, organizations and country.
        Profile("concentrated", concentrated=0.9),
        # All five site languages, with 30 % of the cases translated into the four others.
        Profile("languages", languages=5, translated=0.3),
    )
}


def generate(
    source_root: Path,
    target: Path,
    cases: int,
    languages: int,
    words: int = 700,
    seed: int = 1,
    profile: Profile | None = None,
) -> int:
    """Write a project at ``target`` with ``cases`` originals, each translated into ``languages - 1`` others
    (or shaped by ``profile``, which then decides the words, languages and translations).

    Returns the number of case files written.
    """
    if profile is not None:
        words, languages = profile.words, profile.languages
    translated = profile.translated if profile is not None else 1.0
    concentrated = profile.concentrated if profile is not None else 0.0
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not security
    project = load_project(source_root)
    model = load_model()
    vocabularies = load_vocabularies(project, model)
    terms = {name: sorted(v) for name, v in vocabularies.terms.items()}
    codes = list(project.language_codes)[:languages]
    if target.exists():
        shutil.rmtree(target)
    (target / "cases").mkdir(parents=True)
    shutil.copytree(project.vocabularies_dir, target / "cases" / "vocabularies")
    shutil.copytree(project.docs_dir, target / "docs", symlinks=True)
    (target / "plugins").symlink_to(source_root / "plugins", target_is_directory=True)
    config = (source_root / "mkdocs.yml").read_text(encoding="utf-8")
    # The home page features real cases; the corpus features its first three.
    config = re.sub(
        r"(featured:\n)(?:\s+- [a-z0-9-]+\n)+",
        lambda m: m[1] + "".join(f"        - synthetic-case-{n:05d}\n" for n in range(min(3, cases))),
        config,
    )
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    if (source_root / "manifesto").is_dir():
        shutil.copytree(source_root / "manifesto", target / "manifesto")
    written = 0
    for number in range(cases):
        case_id = f"synthetic-case-{number:05d}"
        year = rng.randint(2001, 2025)
        related = [f"synthetic-case-{rng.randrange(cases):05d}" for _ in range(2)]
        related = sorted({r for r in related if r != case_id})
        # Random draws only where the profile asks for them: the default corpus stays the one measured before.
        campaign = concentrated > 0 and rng.random() < concentrated
        jurisdictions = ["TR"] if campaign else rng.sample(JURISDICTIONS, rng.choice([1, 1, 2]))
        topics = terms["topics"][:2] if campaign else rng.sample(terms["topics"], 2)
        dossier = terms["dossiers"][0] if campaign else rng.choice(terms["dossiers"])
        organizations = terms["organizations"][:2] if campaign else rng.sample(terms["organizations"], 2)
        meta = "\n".join(
            [
                f"title: Synthetic case {number} about {rng.choice(WORDS)} and {rng.choice(WORDS)}",
                f"summary: {_paragraphs(rng, 30)}",
                f"date: {year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                f"end_date: {year + 1}",
                f"outcome: {rng.choice(['success', 'partial', 'failure', 'unknown'])}",
                f"jurisdictions: [{', '.join(jurisdictions)}]",
                f"topics: [{', '.join(topics)}]",
                f"methods: [{', '.join(rng.sample(terms['methods'], 2))}]",
                f"dossiers: [{dossier}]",
                f"organizations: [{', '.join(organizations)}]",
                f"related: [{', '.join(related)}]",
                # About one case in five took its approach from an earlier one.
                *(
                    [f"inspired_by: [synthetic-case-{rng.randrange(number):05d}]"]
                    if number and rng.random() < 0.2
                    else []
                ),
                "sources:",
                "  - title: A source",
                f"    url: https://example.org/source/{number}",
                "    publisher: Example",
                f"    date: {year}",
                "  - title: Another source",
                f"    url: https://example.org/other/{number}",
                "contributors: [SyntheticWriter]",
                "sensitivity: normal",
                f"published: 2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}",
                "license: CC-BY-SA-4.0",
            ]
        )
        (target / "cases" / f"{case_id}.md").write_text(
            f"---\n{meta}\n---\n\n{_body(rng, codes[0], words)}", encoding="utf-8"
        )
        written += 1
        untranslated = translated < 1 and rng.random() >= translated
        for code in () if untranslated else codes[1:]:
            translation = "\n".join(
                [
                    f"title: Synthetic case {number} ({code})",
                    f"summary: {_paragraphs(rng, 30)}",
                    "translation:",
                    "  method: machine",
                ]
            )
            (target / "cases" / f"{case_id}.{code}.md").write_text(
                f"---\n{translation}\n---\n\n{_body(rng, code, words)}", encoding="utf-8"
            )
            written += 1
    return written
