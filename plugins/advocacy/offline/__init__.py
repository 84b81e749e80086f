"""Offline copies: one ZIM file per site language, made from the built site, for Kiwix readers (phones,
computers, hotspots); the list of copies on the downloads pages. Imports the site layer and below.

Only :mod:`advocacy.offline.writer` and :mod:`advocacy.offline.reader` import ``libzim`` (GPL-3.0-or-later, the
optional extra ``offline``); nothing imports them but the ``advocacy offline`` command and the tests.
"""
