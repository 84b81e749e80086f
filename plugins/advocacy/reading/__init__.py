"""Reading what contributors write, safely and with line numbers: strict YAML, Markdown files with frontmatter,
the parts of a Markdown body the checks need, image metadata, and the repository's git history; and the
problems found, reported three ways. Imports nothing else of the hub."""
