"""The content model and its checks: the project's paths and languages, the field specifications (data in
``advocacy/data/case-model.yml``), dates, jurisdictions and regions, vocabularies, one case file, the repository
of cases, the JSON Schema, and the addresses of the site's pages. Imports :mod:`advocacy.reading` and
:mod:`advocacy.locales` only."""
