"""The catalogue: every published case as one record with its facets, and the open data exported from it
(JSON, CSV, Atom feeds, the sitemap). Imports translations, content and below (not the manifesto)."""
