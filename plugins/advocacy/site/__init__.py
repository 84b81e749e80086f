"""What readers get: each language's site assembled from the content (generated pages, case panels, home
sections, the manifesto's pages, the translation dashboard, dossier timelines), templates and localised names,
the HTML allow-list and finishing touches, the search index, and the integrity check of the built site.
Imports the catalogue, the manifesto, translations, content and below; never MkDocs."""
