"""Advocacy Hub: the content model, validation and site logic, independent of MkDocs.

Everything in this package except :mod:`advocacy.mkdocs` runs without MkDocs installed; the MkDocs plugins
and the ``advocacy`` command are thin fronts over it.
"""
