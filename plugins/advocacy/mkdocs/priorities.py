"""The order of the hub's event handlers, by name, around mkdocs-static-i18n's.

MkDocs runs the handlers of one event from the highest priority to the lowest (default 0). mkdocs-static-i18n
(``i18n``) does its work at -100: in ``on_files`` it keeps the current language's files, and in
``on_post_build`` of the first build it builds every other language, one nested build each (the hub runs that
loop itself, just before it, see :mod:`advocacy.mkdocs.languages`). Everything else is placed against it:

=================  ========  ===================================================  =================================
event              priority  handler                                              why there
=================  ========  ===================================================  =================================
``on_files``       60        translations: leave out untranslated copies, record  i18n has not yet dropped the other
                             every page                                           languages' files
``on_files``       50        cases: keep only publishable case files              a file i18n never sees is neither
                                                                                  built nor offered as an alternate
``on_files``       -100      i18n: keep this language's files                     (theirs)
``on_files``       -110      cases: add the JSON Schema (and, in a preview, the   generated files added before i18n
                             problem pages); translations: add the pages this     crash it (TypeError)
                             language lacks, at its addresses
``on_files``       -120      catalogue: add the generated pages                   after the schema, which the data
                                                                                  page links to
``on_files``       -130      catalogue: start the second process                  last: the repository is checked
                                                                                  and the file list complete
``on_page_markdown`` 0       cases: only the checked frontmatter, escaped         (default)
``on_page_content``  100     catalogue: sanitise what contributors wrote          before any plugin adds its HTML
``on_page_content``  0       translations: notes (and the note above a page this  (default; translations first, by
                             language lacks); catalogue: panels and fills         plugin order)
``on_page_content``  -100    cases: every title made escaped text                 after any plugin set a title
``on_post_page``   -50       catalogue: record written pages, finish the HTML     after the other plugins' page
                                                                                  handlers
``on_post_build``  0         catalogue: write this language's shell pages,        before i18n's own loop moves the
                             feed, and start its search index                     plugin state to other languages
``on_post_build``  -95       catalogue: build the other languages                 just before i18n's loop, which
                                                                                  then stands down
``on_post_build``  -100      i18n: build the other languages                      (stands down: ``building`` set)
``on_post_build``  -110      catalogue: exports, sitemap, 404, wait for search    once every language is written
=================  ========  ===================================================  =================================
"""

from __future__ import annotations

I18N = -100
"""mkdocs-static-i18n's ``on_files`` (language files), ``on_nav`` and ``on_post_build`` (other languages)."""

RECORD_ALL_PAGES = I18N + 160
"""``on_files``: the translations plugin lists every page before i18n keeps one language's."""

KEEP_PUBLISHABLE = I18N + 150
"""``on_files``: the cases plugin removes unpublishable case files before i18n sorts files into languages."""

AFTER_I18N_FILES = I18N - 10
"""``on_files``: files generated or borrowed for the language i18n has just chosen."""

ADD_GENERATED_PAGES = I18N - 20
"""``on_files``: the catalogue's generated pages, after the schema file the data page links to."""

SHARE_LANGUAGES = I18N - 30
"""``on_files``: the last handler, when the repository is checked and the first file list complete."""

SANITIZE = 100
"""``on_page_content``: contributors' HTML is cleaned before any plugin adds its own."""

FINISH_TITLE = -100
"""``on_page_content``: the last handler; every page's title is final before any template is rendered."""

FINISH_PAGE = -50
"""``on_post_page``: after the other plugins' page handlers (default priority): the HTML recorded is final."""

WRITE_LANGUAGE = 0
"""``on_post_build``: this language's own outputs, while the plugin's state is still this language's."""

BUILD_OTHER_LANGUAGES = I18N + 5
"""``on_post_build``: the hub's loop over the other languages, just before i18n's (which then stands down)."""

FINISH_SITE = I18N - 10
"""``on_post_build``: after i18n's loop, once every language is written."""
