"""Every item model of the window passes Qt's model tester, filled with real data."""

from __future__ import annotations

import datetime as dt

import pytest


@pytest.fixture
def db(calx_db):
    from desktop.data.refdb import ReferenceDB

    with ReferenceDB.open(calx_db) as database:
        yield database


def test_therapy_tree_groups_by_category_in_review_order(qtmodeltester, db):
    from desktop.ui.models.therapy_tree import TherapyTreeModel
    from desktop.ui.roles import THERAPY_ID_ROLE

    model = TherapyTreeModel()
    model.set_therapies(db.therapies("en"), "en")
    qtmodeltester.check(model)
    categories = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert categories == [
        "General measures",
        "Drug treatment",
        "Emerging therapies",
        "Interventional procedures",
    ]
    rituximab = model.index_of("rituximab")
    assert rituximab.data() == "Rituximab" and rituximab.data(THERAPY_ID_ROLE) == "rituximab"
    assert rituximab.parent().data() == "Drug treatment"
    assert model.therapy_count() == len(db.therapies("en"))
    model.set_therapies(db.therapies("fr"), "fr")
    assert model.index(0, 0).data() == "Mesures générales"


def test_search_results_escape_then_bold(qtmodeltester, db):
    from desktop.data.models import SearchHit
    from desktop.ui.models.search_results import SearchResultsModel
    from desktop.ui.roles import HTML_ROLE

    model = SearchResultsModel()
    model.set_hits(db.search("ritu", "en", 10), "en")
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == "Rituximab"
    hostile = SearchHit("x", "<i>Zoë</i> & co", "drug", "a <b>mg/kg</b> dose", ((3, 6),), 1.0)
    model.set_hits([hostile], "en")
    html = model.index(0, 0).data(HTML_ROLE)
    assert "&lt;i&gt;Zoë&lt;/i&gt; &amp; co" in html
    assert "a &lt;<b>b&gt;m</b>g/kg&lt;/b&gt; dose" in html


def test_overview_table_sorts_clinically(qtmodeltester, db):
    from PySide6.QtCore import QSortFilterProxyModel, Qt

    from desktop.ui.models.overview_table import (
        COL_CATEGORY,
        COL_EVIDENCE,
        COL_NAME,
        COLUMN_COUNT,
        OverviewTableModel,
    )
    from desktop.ui.roles import SORT_ROLE

    model = OverviewTableModel()
    model.set_rows(db.overview("en"))
    qtmodeltester.check(model)
    assert model.columnCount() == COLUMN_COUNT == 6
    proxy = QSortFilterProxyModel()
    proxy.setSortRole(SORT_ROLE)
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.sort(COL_CATEGORY, Qt.SortOrder.AscendingOrder)
    assert proxy.index(0, COL_CATEGORY).data() == "General measures"
    assert proxy.index(proxy.rowCount() - 1, COL_CATEGORY).data() == "Interventional procedures"
    proxy.sort(COL_EVIDENCE, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, COL_EVIDENCE).data() == "Controlled trial"  # warfarin
    proxy.sort(COL_NAME, Qt.SortOrder.AscendingOrder)
    names = [proxy.index(r, COL_NAME).data() for r in range(proxy.rowCount())]
    assert names[0].casefold() <= names[-1].casefold()


def test_bsa_table_has_five_formulas(qtmodeltester, calx_db):
    from desktop.core.calculators.bsa import bsa_all
    from desktop.core.units import Q_
    from desktop.ui.models.bsa_table import BsaTableModel

    model = BsaTableModel()
    model.set_values(bsa_all(Q_(80, "kg"), Q_(180, "cm")), "en", "mosteller")
    qtmodeltester.check(model)
    assert model.rowCount() == 5
    # Mosteller 80 kg, 180 cm = exactly 2.00 m² (docs/clinical.md §2), shown without trailing zeros.
    assert (model.index(0, 0).data(), model.index(0, 1).data()) == ("Mosteller", "2 m²")
    model.set_values(None, "en", "mosteller")
    assert model.index(0, 1).data() == ""


def test_schedule_list_shows_dated_administrations(qtmodeltester, db):
    from desktop.core.schedule import build_schedule
    from desktop.ui.models.schedule_list import ScheduleListModel

    model = ScheduleListModel()
    schedule = build_schedule(db.regimen("infliximab-3-mg-kg"), dt.date(2025, 3, 3))
    model.set_schedule(schedule, "en")
    qtmodeltester.check(model)
    # Weeks 0, 2, 6 then every 8 weeks (docs/clinical.md §3).
    assert model.index(0, 0).data().startswith("Monday 3 March 2025")
    assert model.index(1, 0).data().startswith("Monday 17 March 2025")
    assert model.index(2, 0).data().startswith("Monday 14 April 2025")
    assert model.index(3, 0).data().startswith("Monday 9 June 2025")


def test_plan_list_add_move_remove(qtmodeltester):
    from desktop.core.regimen import Bilingual
    from desktop.ui.models.plan_list import PlanListModel
    from desktop.ui.plan_entry import PlanEntry
    from desktop.ui.roles import REGIMEN_ID_ROLE

    model = PlanListModel()
    qtmodeltester.check(model)
    for rid in ("a", "b", "c"):
        model.add(PlanEntry(rid, "t", Bilingual("T", "T"), Bilingual(rid, rid)))
    qtmodeltester.check(model)

    def order() -> list[str]:
        return [model.index(r, 0).data(REGIMEN_ID_ROLE) for r in range(model.rowCount())]

    assert model.move(0, 1) == 1 and order() == ["b", "a", "c"]
    assert model.move(2, -1) == 1 and order() == ["b", "c", "a"]
    assert model.move(0, -1) == 0 and order() == ["b", "c", "a"]  # already first
    model.remove(1)
    assert order() == ["b", "a"]
    qtmodeltester.check(model)


def test_overview_flags_name_conflicting_evidence_as_the_plan_does(db):
    from desktop.ui.models.overview_table import OverviewTableModel

    model = OverviewTableModel()
    for lang, flag in (("en", "Conflicting evidence"), ("fr", "Preuves contradictoires")):
        rows = db.overview(lang)
        model.set_rows(rows, lang)
        flags = [model.flags_text(row) for row in rows if row.conflicting_evidence]
        assert flags and all(flag in text for text in flags), lang
