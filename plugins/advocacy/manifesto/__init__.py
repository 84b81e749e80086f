"""The manifesto: a living text with stable clause ids, released versions, a changelog and endorsements.

Files (all under ``manifesto/``):

- ``index.md`` (and ``index.<language>.md``): the current text. Every heading of level 2 (a part) or 3 (a
  clause) ends with a stable id, ``### Title {#id}``, the same in every language.
- ``changelog.yml``: the changes not released yet (``unreleased``), and every released version with its date,
  status and summary.
- ``versions/<version>/index.md`` (and its translations): the text of a released version, frozen.
- ``endorsements/<organization-id>.yml``: an organisation, and the versions it endorses.

Modules: :mod:`.model` (the data), :mod:`.text`, :mod:`.changelog` and :mod:`.endorsements` (reading each kind of
file), :mod:`.files` (where they are), :mod:`.reading` (all of it, checked), :mod:`.rules` (the rules across
files), :mod:`.diff` (clause by clause, word by word), :mod:`.summary` (``advocacy manifesto diff``),
:mod:`.review` (``advocacy manifesto check``) and :mod:`.release` (``advocacy manifesto release``).
"""
