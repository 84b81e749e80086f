"""The ``advocacy-cases`` MkDocs plugin."""
