"""The ``advocacy-catalogue`` plugin."""
