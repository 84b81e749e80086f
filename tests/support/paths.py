"""Where things are: the repository, the tests' fixture files, the theme and the installed commands."""

from __future__ import annotations

import sys
from pathlib import Path

# The repository's root: its mkdocs.yml, cases/, docs/, manifesto/ and .github/.
ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
THEME = ROOT / "plugins" / "advocacy" / "theme"
# The virtualenv's bin/ folder, with the tools the tests run (check-jsonschema, zizmor, lint-imports).
BIN = Path(sys.executable).parent
# The installed `advocacy` command.
ADVOCACY = Path(sys.executable).with_name("advocacy")
