"""The ``advocacy`` command: a front over the same core as the MkDocs plugins.

One module per group of commands; each declares its arguments beside its handlers (``register``), and
:mod:`advocacy.cli.main` assembles them. Exit status: 0 when the content is valid, 1 when it has errors, 2 for
a usage error.
"""
