"""The theme's templates compiled once per process, not once per build.

MkDocs makes a new Jinja environment for every build, and mkdocs-static-i18n builds the site once per language
(and `mkdocs serve` again at every save): each build compiled Material's templates anew, which took most of the
time of a small build (a one-case preview: about 0.6 s of each language's build). Jinja's bytecode cache keeps
a template's compiled code by its name and the checksum of its source, so an edited template is compiled again.
"""

from __future__ import annotations

from types import CodeType

from jinja2 import Environment
from jinja2.bccache import Bucket, BytecodeCache


class CompiledTemplates(BytecodeCache):
    """Compiled templates kept in memory, by template and source checksum, for the life of the plugin."""

    def __init__(self) -> None:
        self.codes: dict[tuple[str, str], CodeType] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        """Give the bucket the code compiled earlier from the same source, if any."""
        code = self.codes.get((bucket.key, bucket.checksum))
        if code is not None:
            bucket.code = code

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep the code just compiled."""
        if bucket.code is not None:
            self.codes[(bucket.key, bucket.checksum)] = bucket.code

    def clear(self) -> None:
        """Forget every compiled template."""
        self.codes.clear()

    def attach(self, env: Environment) -> Environment:
        """Use this cache for the templates ``env`` loads from now on (in ``on_env``, before any is rendered)."""
        env.bytecode_cache = self
        return env
