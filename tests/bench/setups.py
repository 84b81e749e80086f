"""The site configurations the benchmark compares on one corpus.

- ``project``: the hub's own mkdocs.yml (validation, catalogue and facet pages, exports, Pagefind index).
- ``floor``: Material + mkdocs-static-i18n rendering the same pages, with no navigation of cases, no search, no
  tags and no fallback pages: the least this stack can do with these pages.
- ``vanilla``: what a first attempt looks like: Material + mkdocs-static-i18n + Material's search and tags
  plugins, every page in the default navigation, fallback pages on.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from advocacy.content.project import load_project

_MARKDOWN = [
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
    "footnotes",
    "tables",
    {"toc": {"permalink": True}},
    "pymdownx.details",
    "pymdownx.superfences",
    {"pymdownx.highlight": {"use_pygments": True}},
    "pymdownx.tilde",
]


def _languages(root: Path, fallback: bool) -> list[dict[str, object]]:
    return [
        {"locale": lang.code, "name": lang.name, "default": lang.default, "build": True}
        for lang in load_project(root).languages
    ]


def write_configs(root: Path) -> dict[str, Path]:
    """Write ``mkdocs-floor.yml`` and ``mkdocs-vanilla.yml`` next to the corpus's mkdocs.yml."""
    base = {
        "site_name": "Benchmark",
        "site_url": "https://example.org/",
        "docs_dir": "docs",
        "theme": {"name": "material", "font": False, "language": "en"},
        "markdown_extensions": _MARKDOWN,
    }
    floor = {
        **base,
        "nav": ["index.md"],
        "not_in_nav": "/*",
        "plugins": [
            {
                "i18n": {
                    "docs_structure": "suffix",
                    "fallback_to_default": False,
                    "reconfigure_search": False,
                    "languages": _languages(root, False),
                }
            }
        ],
    }
    vanilla = {
        **base,
        "plugins": [
            "search",
            "tags",
            {"i18n": {"docs_structure": "suffix", "languages": _languages(root, True)}},
        ],
    }
    paths = {"project": root / "mkdocs.yml"}
    for name, config in (("floor", floor), ("vanilla", vanilla)):
        path = root / f"mkdocs-{name}.yml"
        path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
        paths[name] = path
    return paths
