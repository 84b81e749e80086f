"""The ``advocacy-translations`` MkDocs plugin."""
