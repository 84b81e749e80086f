"""Translations: which page exists in which language (units), the pins that say which revision of a source a
translation was made from, what changed in a source since, and the tools that start and repin translations.
Imports the content layer and below."""
