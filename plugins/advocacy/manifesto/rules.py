"""The rules that span the manifesto's files, one function each; :func:`check_manifesto` applies them all."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from advocacy.content.project import Project
from advocacy.content.regions import regions_of
from advocacy.manifesto.changelog import NOTE_PLACEHOLDER
from advocacy.manifesto.diff import compare, renamed, renamed_message
from advocacy.manifesto.files import manifesto_dir, pinned_languages, text_files
from advocacy.manifesto.model import Manifesto, ManifestoText, Release, load_manifesto_model, parse_version
from advocacy.manifesto.text import same_text
from advocacy.reading.problems import Problem

# A rule reads the checked manifesto (and the project's paths) and returns what it finds.
Rule = Callable[[Project, Manifesto, dt.date], list[Problem]]


def check_manifesto(project: Project, manifesto: Manifesto, today: dt.date) -> None:
    """Apply every rule that spans files, adding what they find to ``manifesto.problems``."""
    for rule in RULES:
        manifesto.problems.extend(rule(project, manifesto, today))


def current_has_no_version(project: Project, manifesto: Manifesto, today: dt.date) -> list[Problem]:
    """The current text is not a released version: only a release writes ``version:``."""
    current = manifesto.current
    if current is None or current.version is None:
        return []
    message = "the current text has no version of its own (a release gives it one); delete this line"
    return [Problem(current.display, 1, "version", message)]


def _earlier_ids(manifesto: Manifesto) -> set[str]:
    return {i for texts in manifesto.versions.values() for text in texts.values() for i in text.by_id}


def translations_keep_ids(project: Project, manifesto: Manifesto, today: dt.date) -> list[Problem]:
    """Translations of the current text and of each released version use their original's ids."""
    found: list[Problem] = []
    earlier = _earlier_ids(manifesto)
    current = manifesto.current
    if current is not None:
        found += _check_translations(
            manifesto.texts, current, manifesto.current_languages, manifesto.default, earlier
        )
    folder = manifesto_dir(project) / "versions"
    for version, texts in manifesto.versions.items():
        original = texts.get(manifesto.default)
        if original is None:
            continue
        files = text_files(folder / version, project.language_codes, manifesto.default)
        pinned = pinned_languages(files, manifesto.default)
        found += _check_translations(texts, original, pinned, manifesto.default, earlier)
    return found


def removed_ids_stay_removed(project: Project, manifesto: Manifesto, today: dt.date) -> list[Problem]:
    """An id of a removed clause is never used again in the current original."""
    current = manifesto.current
    if current is None:
        return []
    # In translations, an id the original lacks is reported as such (an outdated one may still hold a clause
    # removed since).
    return [
        Problem(
            current.display,
            current.by_id[clause_id].line,
            None,
            f'the id "{clause_id}" belonged to a removed clause and is never used again; choose a new id',
        )
        for clause_id in sorted(manifesto.retired_ids() & set(current.by_id))
    ]


def _changelog_display(project: Project) -> str:
    return project.relative(manifesto_dir(project) / "changelog.yml")


def changes_name_clauses(project: Project, manifesto: Manifesto, today: dt.date) -> list[Problem]:
    """Every unreleased change names a clause of the current text or of a released version."""
    if manifesto.changelog is None:
        return []
    known = set(manifesto.current.by_id) if manifesto.current is not None else set()
    for texts in manifesto.versions.values():
        for text in texts.values():
            known |= set(text.by_id)
    return [
        Problem(
            _changelog_display(project),
            change.line,
            "unreleased",
            f'no clause has the id "{change.clause}"; name the clause by the id in its heading ({{#...}})',
        )
        for change in manifesto.changelog.unreleased
        if change.clause not in known
    ]


def releases_are_frozen(project: Project, manifesto: Manifesto, today: dt.date) -> list[Problem]:
    """Each released version has its frozen text, is not dated in the future, and meets the adoption rule
    when it is marked adopted."""
    if manifesto.changelog is None:
        return []
    display = _changelog_display(project)
    found: list[Problem] = []
    for release in manifesto.changelog.releases:
        texts = manifesto.versions.get(release.version)
        if not texts or manifesto.default not in texts:
            found.append(
                Problem(
                    display,
                    release.line,
                    "versions",
                    f"version {release.version} has no frozen text; `advocacy manifesto release` writes "
                    f"manifesto/versions/{release.version}/index.md",
                )
            )
        if release.date > today:
            found.append(
                Problem(
                    display,
                    release.line,
                    "versions",
                    f"version {release.version} is dated in the future ({release.date})",
                )
            )
        if release.status == "adopted":
            found += _adoption_problems(manifesto, release, display)
    return found


def version_folders_are_released(project: Project, manifesto: Manifesto, today: dt.date) -> list[Problem]:
    """Every folder of ``versions/`` is a version the changelog lists, and its texts say that version."""
    if manifesto.changelog is None:
        return []
    found: list[Problem] = []
    folder = manifesto_dir(project) / "versions"
    for version, texts in manifesto.versions.items():
        if manifesto.changelog.release(version) is None:
            found.append(
                Problem(
                    project.relative(folder / version),
                    None,
                    None,
                    f'the folder is not a released version: changelog.yml lists no version "{version}"',
                )
            )
        for text in texts.values():
            if text.version != version:
                message = f'write "version: {version}", the version of its folder'
                found.append(Problem(text.display, 1, "version", message))
    return found


def _latest_text(manifesto: Manifesto) -> ManifestoText | None:
    """The original text of the last release, if there is one."""
    changelog = manifesto.changelog
    if changelog is None or changelog.latest is None:
        return None
    return manifesto.versions.get(changelog.latest.version, {}).get(manifesto.default)


def ids_are_kept(project: Project, manifesto: Manifesto, today: dt.date) -> list[Problem]:
    """A clause of the last release is not given a new id in the current text (its words or title kept)."""
    frozen, current = _latest_text(manifesto), manifesto.current
    if frozen is None or current is None:
        return []
    return [
        Problem(current.display, clause.line, None, renamed_message(gone, clause))
        for gone, clause in renamed(compare(frozen, current))
    ]


def changes_are_listed(project: Project, manifesto: Manifesto, today: dt.date) -> list[Problem]:
    """With nothing unreleased, the current text is the last release's (but for a clause given a new id,
    which :func:`ids_are_kept` reports with its one fix)."""
    changelog, current = manifesto.changelog, manifesto.current
    if changelog is None or current is None or changelog.latest is None or changelog.unreleased:
        return []
    latest = changelog.latest
    frozen = _latest_text(manifesto)
    if frozen is None or same_text(frozen, current):
        return []
    changes = compare(frozen, current)
    ids = {clause.id for pair in renamed(changes) for clause in pair}
    if all(change.id in ids for change in changes) and frozen.title == current.title:
        return []
    return [
        Problem(
            _changelog_display(project),
            1,
            "unreleased",
            f"manifesto/index.md differs from version {latest.version}, but no change is listed under "
            "unreleased; add one item per clause changed (`advocacy manifesto diff` shows them)",
        )
    ]


def _check_translations(
    texts: dict[str, ManifestoText],
    original: ManifestoText,
    pinned: set[str],
    default: str,
    earlier: set[str],
) -> list[Problem]:
    """A translation uses the original's ids: none of its own, and all of them while it is current (in
    ``pinned``). An outdated translation may still hold ids of ``earlier`` versions, which its original has
    since removed."""
    found: list[Problem] = []
    for code, text in texts.items():
        if code == default:
            continue
        current = code in pinned
        extra = [c for c in text.clauses if c.id not in original.by_id and (current or c.id not in earlier)]
        problems: list[Problem] = []
        for clause in extra:
            problems.append(
                Problem(
                    text.display,
                    clause.line,
                    None,
                    f'the original has no clause "{clause.id}"; a translation uses the ids of {original.display}',
                )
            )
        if current:
            missing = [c for c in original.clauses if c.id not in text.by_id]
            if missing:
                ids = ", ".join(c.id for c in missing)
                problems.append(
                    Problem(
                        text.display,
                        None,
                        None,
                        f"the translation is pinned as current but lacks the clauses {ids}",
                    )
                )
        found.extend(problems)
    return found


def _adoption_problems(manifesto: Manifesto, release: Release, display: str) -> list[Problem]:
    """What an adopted version still lacks under the adoption rule."""
    model = load_manifesto_model()
    found = []
    version = parse_version(release.version)
    if version is not None and version.major == 0:
        found.append(
            f"versions before 1.0.0 are drafts; release {version.raised('major')} to adopt this text"
        )
    missing = [
        name for name in ("consultation", "consultation_from", "adopted") if getattr(release, name) is None
    ]
    if missing:
        found.append("an adopted version records " + ", ".join(missing))
    if release.consultation_from is not None and release.adopted is not None:
        days = (release.adopted - release.consultation_from).days
        if days < model.consultation_days:
            found.append(
                f"the consultation lasted {days} days; it must last at least {model.consultation_days}"
            )
    endorsers = manifesto.endorsements_of(release.version)
    regions = {regions_of(e.country)[0] for e in endorsers if regions_of(e.country)}
    if len(endorsers) < model.endorsements or len(regions) < model.regions:
        found.append(
            f"it has {len(endorsers)} endorsement(s) from {len(regions)} region(s); adoption needs "
            f"{model.endorsements} from {model.regions} regions (manifesto/endorsements/)"
        )
    return [
        Problem(display, release.line, "status", f"version {release.version} is marked adopted, but {text}")
        for text in found
    ]


def endorsements_are_valid(project: Project, manifesto: Manifesto, today: dt.date) -> list[Problem]:
    """Endorsements name released versions, once each, dated between the release and today, one file per
    organisation."""
    found: list[Problem] = []
    changelog = manifesto.changelog
    folder = manifesto_dir(project) / "endorsements"
    seen: dict[tuple[str, str], str] = {}
    names: dict[str, str] = {}
    reported: set[tuple[str, str]] = set()
    for endorsement in manifesto.endorsements:
        display = project.relative(folder / f"{endorsement.organization}.yml")
        release = changelog.release(endorsement.version) if changelog is not None else None
        if release is None:
            released = ", ".join(r.version for r in changelog.releases) if changelog is not None else "none"
            found.append(
                Problem(
                    display,
                    endorsement.line,
                    "endorsements",
                    f'version "{endorsement.version}" was never released; endorse a released version ({released})',
                )
            )
        elif endorsement.date < release.date:
            found.append(
                Problem(
                    display,
                    endorsement.line,
                    "endorsements",
                    f"the endorsement of {endorsement.version} is dated {endorsement.date}, before the version was released ({release.date})",
                )
            )
        if endorsement.date > today:
            found.append(
                Problem(
                    display,
                    endorsement.line,
                    "endorsements",
                    f"the endorsement is dated in the future ({endorsement.date})",
                )
            )
        key = (endorsement.organization, endorsement.version)
        if key in seen:
            found.append(
                Problem(
                    display,
                    endorsement.line,
                    "endorsements",
                    f"version {endorsement.version} is endorsed twice; keep one",
                )
            )
        seen[key] = display
        name = " ".join(endorsement.name.casefold().split())
        other = names.setdefault(name, display)
        if other != display and (name, display) not in reported:
            reported.add((name, display))
            found.append(
                Problem(
                    display,
                    None,
                    "name",
                    f'"{endorsement.name}" already endorses in {other}; add the version to that file',
                )
            )
    return found


def notes_are_written(project: Project, manifesto: Manifesto, today: dt.date) -> list[Problem]:
    """Each unreleased change has a note of its own, not the placeholder the check suggests."""
    if manifesto.changelog is None:
        return []
    placeholder = _words(NOTE_PLACEHOLDER)
    return [
        Problem(
            _changelog_display(project),
            change.line,
            "unreleased",
            f'the note of the change to "{change.clause}" is the placeholder "{NOTE_PLACEHOLDER}"; write what '
            "changed and why, in your own words (one or two sentences readers will see in the changelog)",
        )
        for change in manifesto.changelog.unreleased
        if _words(change.note) == placeholder
    ]


def _words(text: str) -> list[str]:
    """The words of a text, without case or punctuation."""
    return "".join(ch if ch.isalnum() else " " for ch in text.casefold()).split()


RULES: tuple[Rule, ...] = (
    current_has_no_version,
    ids_are_kept,
    translations_keep_ids,
    removed_ids_stay_removed,
    changes_name_clauses,
    releases_are_frozen,
    version_folders_are_released,
    changes_are_listed,
    notes_are_written,
    endorsements_are_valid,
)
