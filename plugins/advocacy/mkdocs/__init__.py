"""MkDocs plugins: thin adapters that turn build events into calls of the core.

This is the only part of the package that imports MkDocs.
"""
