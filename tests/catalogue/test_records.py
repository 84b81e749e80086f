"""The catalogue of the sample corpus: facets and their counts, versions, the cases a case inspired, who else
works on a topic, and the recent cases."""

from __future__ import annotations

from advocacy.catalogue.records import Catalogue
from tests.support.corpus import CASE_IDS, EXPECTED_COUNTS


def test_facet_counts_match_the_corpus(catalogue: Catalogue) -> None:
    """Each facet value lists exactly the cases it applies to, so the counts readers see are right."""
    counts = {facet: {v: len(r) for v, r in values.items()} for facet, values in catalogue.index.items()}
    assert counts == EXPECTED_COUNTS
    assert [r.id for r in catalogue.index["country"]["ES"]] == ["catalan-law"]
    assert [r.id for r in catalogue.index["language"]["fr"]] == ["blackout", "french-original"]
    assert sorted(catalogue.by_id) == CASE_IDS


def test_facet_values_read_in_a_natural_order(catalogue: Catalogue) -> None:
    """Outcomes go from success to ongoing, regions come before their sub-regions, years newest first."""
    assert list(catalogue.index["outcome"]) == ["success", "partial", "failure", "ongoing"]
    assert list(catalogue.index["region"]) == ["150", "039", "155"]
    assert list(catalogue.index["decade"]) == ["2020", "2010", "2000"]
    assert list(catalogue.index["year"]) == ["2021", "2019", "2011", "2005"]
    assert [r.id for r in catalogue.records] == ["wipo-treaty", "catalan-law", "blackout", "french-original"]


def test_case_versions_name_the_original_and_the_translations(catalogue: Catalogue) -> None:
    """A case knows which languages it can be read in, and which of them is the original."""
    versions = {r.id: {c: v.method for c, v in r.versions.items()} for r in catalogue.records}
    assert versions == {
        "wipo-treaty": {"en": None},
        "catalan-law": {"en": None},
        "blackout": {"en": None, "fr": "machine"},
        "french-original": {"fr": None},
    }
    assert catalogue.by_id["french-original"].original_language == "fr"


def test_inspired_is_the_reverse_of_inspired_by(catalogue: Catalogue) -> None:
    """A case lists the later cases that took its approach, exactly those that name it in inspired_by."""
    assert {r.id: r.inspired for r in catalogue.records} == {
        "wipo-treaty": [],
        "catalan-law": ["wipo-treaty"],
        "blackout": ["catalan-law"],
        "french-original": [],
    }
    for record in catalogue.records:
        for later in catalogue.records:
            assert (later.id in record.inspired) == (record.id in later.inspired_by)


def test_organizations_near_a_case_leave_out_its_own(catalogue: Catalogue) -> None:
    """ "Who else works on this" names organizations with cases on shared topics and dossiers, with what they
    share (so the page can say why), never the case's own."""
    assert catalogue.organizations_near(["catalan-law"]) == [
        ("wikimedia-italia", ("dossier:eu-copyright-directive", "topic:copyright")),
        ("wikimedia-france", ("topic:copyright",)),
    ]
    assert catalogue.organizations_near(["wipo-treaty"])[0] == (
        "wikimedia-espana",
        ("dossier:eu-copyright-directive", "topic:copyright"),
    )
    assert catalogue.organizations_near(["wipo-treaty"], exclude=["wikimedia-espana"]) == [
        ("wikimedia-france", ("topic:copyright",))
    ]


def test_recent_cases_are_the_last_published_or_updated(catalogue: Catalogue) -> None:
    """The home page and the feeds show the cases published or updated last, per language when asked."""
    assert [r.id for r in catalogue.recent(3)] == ["blackout", "wipo-treaty", "catalan-law"]
    assert [r.id for r in catalogue.recent(6, "fr")] == ["blackout", "french-original"]
    assert catalogue.recent(6, "ar") == []
