"""A project written the way a hostile contributor would write it: one file per trick of each class of the
security review (issue 15), next to valid content that must still be published.

Each payload is meant to be refused by `advocacy validate` (with its file and line) and, where the build goes on
anyway (`mkdocs serve`, a non-strict build), to reach no reader: no script, no request to another host, no
restyled interface, no metadata, no e-mail address, no removed text. The markers in the payloads (``PWNED``,
``evil.example``) are what the tests look for in the built site.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from advocacy.translations.pins import fingerprint
from tests.support.images import GPS, MAKE, XMP_PACKET, exif, jpeg, png, tiff, webp
from tests.support.manifesto import INDEX, TEXT, manifesto_files
from tests.support.project import VALID_CASE, pinned_translation, write_project

EVIL = "evil.example"
TAKEN_DOWN = "The ministry source was Jane Roe, who still works there."

# --- 1. Frontmatter of pages that Material prints into <head> and the navigation --------------------------

HEAD_PAGE = """\
---
title: Head tricks
description: ["<img src=x onerror=alert('PWNED-description')>"]
author: '"><script>alert("PWNED-author")</script>'
template: redirect.html
location: javascript:alert('PWNED-location')
subtitle: <img src=x onerror=alert('PWNED-subtitle')>
status: '"><img src=x onerror=alert("PWNED-status")>'
---

Text.
"""

ENTITIES_PAGE = """\
# &lt;/title&gt;&lt;script&gt;alert('PWNED-h1')&lt;/script&gt; and &lt;img src=x onerror=alert('PWNED-h1b')&gt;

Text.
"""

MULTIMARKDOWN_PAGE = """\
title: <script>alert('PWNED-mmd')</script>
author: x

# A page

Text.
"""

UNREADABLE_PAGE = """\
---
title: 2024-02-30
summary: shown as text
---

# Dates

Text.
"""

MANIFESTO = TEXT.replace(
    "title: Test manifesto\n",
    'title: Test manifesto\nauthor: \'"><script>alert("PWNED-manifesto")</script>\'\n',
)

# --- 5 and 7. Addresses and classes, in a page (sanitised) and in a case (validated) -----------------------

ADDRESSES = f"""\
![attribute list](media/none.png){{: src="https://{EVIL}/a.png" }}

![backslash](/\\{EVIL}/b.png) [two backslashes](\\\\{EVIL}/c)

![line break](
https://{EVIL}/d.png) [spaces]( javascript:alert('PWNED-spaces'))

![reference][far]

[far]:
  https://{EVIL}/e.png
"""

TAKEOVER = f"""\
Your session has expired. [Sign in again](https://{EVIL}/login){{: .md-button .md-button--primary }}
{{: .md-dialog .md-dialog--active .adv-notice #__drawer }}

!!! md-banner "Security notice"
    Everyone must sign in again.
"""

ADDRESSES_PAGE = f"# Addresses\n\n{ADDRESSES}"
TAKEOVER_PAGE = f"# Takeover\n\n{TAKEOVER}"


def _case(body: str) -> str:
    return VALID_CASE.replace("What was done.", "What was done.\n\n" + body)


# --- 6. Frontmatter MkDocs reads differently, and YAML that nests too deep ---------------------------------

DOTS_CASE = VALID_CASE.replace(
    "published: 2026-11-25\n---\n",
    "published: 2026-11-25\n...\n# <script>alert('PWNED-dots')</script>\n---\n",
)
DEEP_CASE = VALID_CASE.replace("outcome: success", "outcome: " + "[" * 995 + "]" * 995)
DATE_CASE = VALID_CASE.replace("title: A blackout against a bad law", "title: 2024-02-30")
# A translated page whose title nests deep: the translation tools read its fields too.
DEEP_PAGE = "---\ntitle: " + "[" * 995 + "]" * 995 + "\n---\n\n# Deep\n"

# --- 8. E-mail addresses, in any field and the body ---------------------------------------------------------

EMAILS_CASE = (
    VALID_CASE.replace(
        "summary: The community blacked out the site for a day, and the clause was dropped.",
        "summary: Write to jane.roe\uff20example.org for the documents.",
    )
    .replace("published: 2026-11-25\n", 'published: 2026-11-25\ncontributors: ["jroe\uff20example.org"]\n')
    .replace("What we learned.", "What we learned. Ask <jane.roe@example.org>.")
)

# --- 3. A translation outdated by a takedown ----------------------------------------------------------------

ORIGINAL_WITH_SECRET = VALID_CASE.replace("Why it mattered.", f"Why it mattered. {TAKEN_DOWN}")


def hostile_files() -> dict[str, str | bytes]:
    """Every file of the hostile project (the takedown's history is written by :func:`write_hostile`)."""
    return {
        "cases/blackout.md": VALID_CASE,
        "cases/addresses.md": _case(ADDRESSES),
        "cases/takeover.md": _case(TAKEOVER),
        "cases/dots.md": DOTS_CASE,
        "cases/deep.md": DEEP_CASE,
        "cases/date.md": DATE_CASE,
        "cases/emails.md": EMAILS_CASE,
        "cases/photos.md": _case(
            "![A second APP1](media/second-app1.jpg) ![A PNG](media/exif.png) ![A WebP](media/xmp.webp) "
            "![A bomb](media/bomb.png) ![Not an image](media/script.png)"
        ),
        "cases/media/second-app1.jpg": jpeg(MAKE, segments=[(0xE1, exif(GPS))]),
        "cases/media/exif.png": png(chunks=[(b"eXIf", tiff(GPS))]),
        "cases/media/xmp.webp": webp(xmp=True),
        "cases/media/bomb.png": png(40000, 40000),
        "cases/media/script.png": b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(\'PWNED-svg\')"/>',
        "docs/head.md": HEAD_PAGE,
        "docs/entities.md": ENTITIES_PAGE,
        "docs/mmd.md": MULTIMARKDOWN_PAGE,
        "docs/unreadable.md": UNREADABLE_PAGE,
        "docs/deep.md": DEEP_PAGE,
        "docs/deep.fr.md": DEEP_PAGE,
        "docs/addresses.md": ADDRESSES_PAGE,
        "docs/takeover.md": TAKEOVER_PAGE,
        "docs/evil.svg": '<svg xmlns="http://www.w3.org/2000/svg"><script>alert("PWNED-docs-svg")</script></svg>',
        "docs/page.html": "<script>alert('PWNED-html')</script>",
        "docs/photo.jpg": jpeg(GPS),
        "docs/xmp.png": png(chunks=[(b"iTXt", b"XML:com.adobe.xmp\x00\x00\x00\x00\x00" + XMP_PACKET)]),
        **manifesto_files({INDEX: MANIFESTO}),
    }


NAV_PAGES = ("head.md", "entities.md", "mmd.md", "unreadable.md", "addresses.md", "takeover.md")


def write_hostile(root: Path) -> None:
    """Write the hostile project at ``root``, with a git history in which a sentence of a case was taken down
    after its French translation was pinned."""
    project = write_project(root, hostile_files())
    (root / "docs" / "manifesto").symlink_to("../manifesto", target_is_directory=True)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("  /cases/\n", "  /cases/\n  /manifesto/\n")
    text = text.replace(
        "nav:\n  - index.md\n", "nav:\n  - index.md\n" + "".join(f"  - {p}\n" for p in NAV_PAGES)
    )
    text += "markdown_extensions:\n  - admonition\n  - attr_list\n  - toc:\n      permalink: true\n"
    config.write_text(text, encoding="utf-8")
    case = project.cases_dir / "takedown.md"
    case.write_text(ORIGINAL_WITH_SECRET, encoding="utf-8")
    (project.cases_dir / "takedown.fr.md").write_text(
        pinned_translation(ORIGINAL_WITH_SECRET), encoding="utf-8"
    )
    commit = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm"]
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    subprocess.run(["git", "add", "-A"], cwd=root, check=True)
    subprocess.run([*commit, "a case, translated"], cwd=root, check=True)
    # The takedown: the sentence goes, and a new one is added; the translation is now outdated.
    case.write_text(VALID_CASE.replace("Why it mattered.", "Why it mattered, in short."), encoding="utf-8")
    subprocess.run([*commit, "take down a name", "--all"], cwd=root, check=True)
    assert fingerprint(case.read_text(encoding="utf-8")) != fingerprint(ORIGINAL_WITH_SECRET)
