"""The manifesto's pages and additions: changelog, endorsements, what changed in each version (clause by
clause, word by word), the version banner of the manifesto's pages and a "propose a change" link per clause.

Rendered with the hub's autoescaping templates: every value from the manifesto's files is escaped.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlencode

from markupsafe import Markup

from advocacy.catalogue.exports import FeedEntry, atom
from advocacy.content.dates import PartialDate
from advocacy.content.regions import regions_of
from advocacy.manifesto.diff import ClauseChange, compare, paragraphs_of, word_diff
from advocacy.manifesto.model import Manifesto, ManifestoText, Release, load_manifesto_model
from advocacy.site.pages import GeneratedPage, PageKind, SitePages

FOLDER = "manifesto/"
_WRAP = {
    "ins": Markup("<ins>{}</ins>"),
    "del": Markup("<del>{}</del>"),
    "added": Markup("<ins>{}</ins>"),
    "removed": Markup("<del>{}</del>"),
}
_CLAUSE_HEADING = re.compile(r'<h([23]) id="([a-z0-9-]+)"')


@dataclass(frozen=True)
class Comparison:
    """What a diff page shows: the changes, and the language of the texts compared."""

    changes: list[ClauseChange]
    language: str
    base: str | None


class ManifestoPages:
    """The manifesto's generated pages and additions in one language build.

    Args:
        site: The language build's pages (templates, strings, addresses).
        manifesto: The manifesto as read and checked.
        issue_url: The address of the repository's "new issue" page, for proposals (``None``: no links).
    """

    def __init__(self, site: SitePages, manifesto: Manifesto, issue_url: str | None = None) -> None:
        self.site = site
        self.manifesto = manifesto
        self.issue_url = issue_url
        self.ui = site.ui["manifesto"]
        self.prefix = site.prefix + FOLDER

    # Addresses ---------------------------------------------------------------------------------------------

    def version_url(self, version: str) -> str:
        """The frozen text of a version: in this language when it is translated, else in the original's."""
        return f"{self._prefix_for(self.manifesto.versions.get(version, {}))}versions/{version}/"

    def guide_url(self) -> str:
        """The guide to changing and endorsing the manifesto (a page of docs/, in the original's language)."""
        return self.site.prefix_of(self.manifesto.default) + "contribute/manifesto/"

    def current_url(self) -> str:
        """The current text: in this language when it is translated, else in the original's."""
        return self._prefix_for(self.manifesto.texts)

    def _prefix_for(self, texts: dict[str, ManifestoText]) -> str:
        if self.site.language in texts or self.manifesto.default not in texts:
            return self.prefix
        return self.site.prefix_of(self.manifesto.default) + FOLDER

    def changes_url(self, version: str | None) -> str:
        """What changed in a version (``None``: the changes not released yet)."""
        return f"{self.prefix}versions/{version}/changes/" if version else f"{self.prefix}changes/"

    # Pages -------------------------------------------------------------------------------------------------

    def pages(self) -> Iterator[GeneratedPage]:
        """The changelog, the endorsements, the changes of each version and the unreleased ones."""
        changelog = self.manifesto.changelog
        if changelog is None or self.manifesto.current is None:
            return
        yield GeneratedPage(
            f"{self.prefix}changelog/",
            f"{FOLDER}changelog/index.md",
            self.ui["changelog_title"],
            PageKind.CHANGELOG,
            self._changelog,
        )
        yield GeneratedPage(
            f"{self.prefix}endorsements/",
            f"{FOLDER}endorsements/index.md",
            self.ui["endorsements_title"],
            PageKind.ENDORSEMENTS,
            self._endorsements,
        )
        if changelog.latest is not None:
            yield GeneratedPage(
                self.changes_url(None),
                f"{FOLDER}changes/index.md",
                self.ui["unreleased_title"],
                PageKind.CHANGES,
                lambda: self._changes(None),
            )
        for release in changelog.releases:
            url = self.changes_url(release.version)
            yield GeneratedPage(
                url,
                url.removeprefix(self.site.prefix) + "index.md",
                self.ui["changes_title"].format(version=release.version),
                PageKind.CHANGES,
                lambda release=release: self._changes(release),  # type: ignore[misc]
            )

    def _changelog(self) -> str:
        changelog = self.manifesto.changelog
        assert changelog is not None
        model = load_manifesto_model()
        url = f"{self.prefix}changelog/"
        return self.site.render(
            "manifesto_changelog.html",
            url,
            m=self,
            changelog=changelog,
            intro=self.ui["changelog_intro"].format(
                days=self.site.loc.number(model.consultation_days),
                endorsements=self.site.loc.number(model.endorsements),
                regions=self.site.loc.number(model.regions),
            ),
            english=self.site.other_language(self.manifesto.default),
        )

    def _endorsements(self) -> str:
        changelog = self.manifesto.changelog
        assert changelog is not None
        return self.site.render(
            "manifesto_endorsements.html",
            f"{self.prefix}endorsements/",
            m=self,
            releases=changelog.releases,
            progress=self.progress(),
        )

    def progress(self) -> str:
        """How far the newest draft is from adoption ("" when the newest version is adopted or none exists)."""
        changelog = self.manifesto.changelog
        latest = changelog.latest if changelog is not None else None
        if latest is None or latest.status == "adopted":
            return ""
        model = load_manifesto_model()
        endorsers = self.manifesto.endorsements_of(latest.version)
        regions = {regions_of(e.country)[0] for e in endorsers if regions_of(e.country)}
        number = self.site.loc.number
        return str(self.ui["adoption_progress"]).format(
            count=number(len(endorsers)),
            needed=number(model.endorsements),
            regions=number(len(regions)),
            needed_regions=number(model.regions),
        )

    def comparison(self, release: Release | None) -> Comparison:
        """The changes a version made (``None``: the unreleased ones), in this language when both texts are
        translated into it, else in the original's."""
        manifesto = self.manifesto
        changelog = manifesto.changelog
        assert changelog is not None
        language = self.site.language
        base: str | None
        if release is None:
            latest = changelog.latest
            assert latest is not None
            base = latest.version
            old_texts = manifesto.versions.get(base, {})
            new_texts = {
                code: text for code, text in manifesto.texts.items() if code in manifesto.current_languages
            }
        else:
            previous = changelog.previous(release.version)
            base = previous.version if previous is not None else None
            old_texts = manifesto.versions.get(base, {}) if base is not None else {}
            new_texts = manifesto.versions.get(release.version, {})
        if language not in new_texts or (base is not None and language not in old_texts):
            language = manifesto.default
        new: ManifestoText | None = new_texts.get(language)
        if new is None:
            return Comparison([], language, base)
        old = old_texts.get(language) if base is not None else None
        return Comparison(compare(old, new), language, base)

    def _changes(self, release: Release | None) -> str:
        comparison = self.comparison(release)
        url = self.changes_url(release.version if release else None)
        counts = {
            kind: sum(c.kind == kind for c in comparison.changes) for kind in ("changed", "added", "removed")
        }
        number = self.site.loc.number
        return self.site.render(
            "manifesto_changes.html",
            url,
            m=self,
            release=release,
            comparison=comparison,
            summary=self.ui["compared"].format(
                version=comparison.base, **{k: number(v) for k, v in counts.items()}
            )
            if comparison.base
            else self.ui["first_version"],
            shown_in=self.ui["shown_in"].format(language=self.site.loc.language_name(comparison.language))
            if comparison.language != self.site.language
            else "",
            lang=self.site.other_language(comparison.language),
            current=self.manifesto.changelog.latest if self.manifesto.changelog else None,
        )

    # Parts of pages --------------------------------------------------------------------------------------------

    def title_of(self, change: ClauseChange) -> Markup:
        """A changed clause's title, its changed words marked."""
        old, new = change.old, change.new
        if change.kind == "changed" and old is not None and new is not None and old.title != new.title:
            return marked(word_diff((old.title,), (new.title,)), inline=True)
        return Markup("{}").format(change.clause.title)

    def body_of(self, change: ClauseChange) -> Markup:
        """A changed clause's text in paragraphs, the words removed in ``del`` and those added in ``ins``."""
        clause = change.clause
        if change.kind == "changed" and change.old is not None and change.new is not None:
            return marked(word_diff(change.old.paragraphs, change.new.paragraphs))
        template = _WRAP.get(change.kind, Markup("{}"))
        return Markup("").join(Markup("<p>{}</p>").format(template.format(p)) for p in clause.paragraphs)

    def clause_title(self, clause_id: str, version: str | None = None) -> str:
        """The title of a clause as a reader of this language knows it: in that version's text (``None``: the
        current one) or, for a clause removed since, in the last text that had it; the id if none has it."""
        manifesto = self.manifesto
        texts = [manifesto.texts] if version is None else [manifesto.versions.get(version, {})]
        texts += (
            [manifesto.versions[r.version] for r in manifesto.changelog.releases]
            if manifesto.changelog
            else []
        )
        for by_language in texts:
            for code in (self.site.language, manifesto.default):
                text = by_language.get(code)
                if text is not None and clause_id in text.by_id:
                    return text.by_id[clause_id].title
        return clause_id

    def feed(self, site_url: str, title: str) -> str:
        """The Atom feed of the released versions, each entry leading to what it changed."""
        changelog = self.manifesto.changelog
        entries = [
            FeedEntry(
                title=f"{self.ui['version'].format(version=r.version)} ({self.status(r)})",
                url=site_url + self.changes_url(r.version),
                updated=r.adopted or r.date,
                summary=r.summary,
                published=r.date,
            )
            for r in (changelog.releases if changelog is not None else ())
        ]
        return atom(
            self.site.language,
            title,
            f"{site_url}{self.prefix}feed.xml",
            f"{site_url}{self.prefix}changelog/",
            entries,
        )

    def day(self, value: dt.date) -> str:
        """A day in this language."""
        return self.site.loc.date(PartialDate(value.year, value.month, value.day))

    def status(self, release: Release) -> str:
        """A version's status in this language."""
        return str(self.ui["statuses"][release.status])

    def banner(self, url: str) -> str:
        """The version panel on top of the current text: version, status, and the ways to its history."""
        changelog = self.manifesto.changelog
        if changelog is None:
            return ""
        return self.site.render("manifesto_banner.html", url, m=self, latest=changelog.latest, frozen=None)

    def frozen_banner(self, url: str, version: str) -> str:
        """The panel on top of a released version's text."""
        changelog = self.manifesto.changelog
        release = changelog.release(version) if changelog is not None else None
        if release is None:
            return ""
        return self.site.render(
            "manifesto_banner.html",
            url,
            m=self,
            latest=changelog.latest if changelog else None,
            frozen=release,
        )

    def decorate(self, name: str, url: str, html: str) -> str:
        """The HTML of a written page, with the manifesto's additions when it is one of its texts: ``name`` is
        its source name without language (``manifesto/index.md``, ``manifesto/versions/1.0.0/index.md``)."""
        folder, _, file_name = name.rpartition("/")
        if file_name != "index.md":
            return html
        if folder + "/" == FOLDER:
            return self.banner(url) + self.text(self.propose_links(html))
        version = folder.removeprefix(f"{FOLDER}versions/")
        if version != folder and "/" not in version:
            return self.frozen_banner(url, version) + self.text(html)
        return html

    @staticmethod
    def text(html: str) -> str:
        """A manifesto text's HTML in the frame that numbers its clauses in reading order (a style: the
        numbers follow positions, while the ids in links never change)."""
        return f'<div class="adv-manifesto-text">\n{html}\n</div>'

    def propose_links(self, html: str) -> str:
        """After the text of each clause, a link that opens a proposal for that clause."""
        if self.issue_url is None:
            return html
        clauses = {c.id: c for c in self.manifesto.current.clauses} if self.manifesto.current else {}
        starts = list(_CLAUSE_HEADING.finditer(html))
        out, last = [], 0
        for index, match in enumerate(starts):
            clause = clauses.get(match.group(2))
            if clause is None or not clause.paragraphs:  # a part's heading, with no text of its own
                continue
            end = starts[index + 1].start() if index + 1 < len(starts) else len(html)
            out.append(html[last:end])
            out.append(self._propose(clause.id, clause.title))
            last = end
        out.append(html[last:])
        return "".join(out)

    def _propose(self, clause_id: str, title: str) -> str:
        query = urlencode({"template": "manifesto.yml", "title": f"Manifesto: {title}", "clause": clause_id})
        return str(
            Markup('<p class="adv-propose"><a href="{}" rel="nofollow">{}</a></p>\n').format(
                f"{self.issue_url}?{query}", self.ui["propose"]
            )
        )


def marked(runs: list[tuple[str, str]], inline: bool = False) -> Markup:
    """Word-diff runs as HTML: paragraphs (unless ``inline``), removed words in ``del``, added ones in ``ins``."""
    joined = [
        Markup(" ").join(
            Markup("{}").format(text) if kind == "same" else _WRAP[kind].format(text) for kind, text in words
        )
        for words in paragraphs_of(runs)
    ]
    if inline:
        return Markup(" ").join(joined)
    return Markup("").join(Markup("<p>{}</p>").format(p) for p in joined)
