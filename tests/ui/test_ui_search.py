"""Browse and search as a clinician: type, move with the arrow keys, press Enter."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence


def test_ctrl_f_focuses_search_and_typing_filters(qtbot, window):
    nav = window.navigator
    window.tabs.setFocus()
    qtbot.keySequence(window, QKeySequence(QKeySequence.StandardKey.Find))
    qtbot.waitUntil(nav.search_field.hasFocus)
    with qtbot.waitSignal(nav.searchFinished, timeout=2000) as finished:
        qtbot.keyClicks(nav.search_field, "ritu")
    qtbot.waitUntil(lambda: nav.stack.currentWidget() is nav.results)
    count, _ms = finished.args
    assert count >= 1
    assert nav.results_model.index(0, 0).data() == "Rituximab"
    assert "#" not in window.statusBar().currentMessage()
    assert "result" in window.statusBar().currentMessage()


def test_arrow_keys_and_enter_open_a_hit(qtbot, window):
    nav = window.navigator
    nav.focus_search()
    qtbot.keyClicks(nav.search_field, "calcium")
    qtbot.waitUntil(lambda: nav.results_model is not None and nav.results_model.rowCount() > 2)
    second = nav.results_model.index(1, 0).data()
    qtbot.keyClick(nav.search_field, Qt.Key.Key_Down)
    assert nav.results.currentIndex().row() == 1
    with qtbot.waitSignal(nav.therapyChosen, timeout=2000):
        qtbot.keyClick(nav.search_field, Qt.Key.Key_Return)
    assert window.tabs.currentWidget() is window.therapy_view
    assert second in window.therapy_view.browser.toPlainText()
    qtbot.keyClick(nav.search_field, Qt.Key.Key_Up)
    assert nav.results.currentIndex().row() == 0


def test_french_words_find_records(qtbot, window):
    nav = window.navigator
    qtbot.keyClicks(nav.search_field, "paracetamol")
    qtbot.waitUntil(lambda: nav.stack.currentWidget() is nav.results)
    assert nav.results_model.rowCount() >= 1


@pytest.mark.parametrize("query", ["mg/kg", "O'Brien", '"', "*", "NEAR(", "a" * 2000, "()-"])
def test_hostile_queries_never_break_the_window(qtbot, window, query):
    nav = window.navigator
    nav.search_field.setText(query)
    qtbot.waitUntil(lambda: nav.stack.currentWidget() in (nav.results, nav.empty, nav.tree))
    nav._run_search()  # no exception, whatever the text


def test_no_match_says_so_and_clearing_shows_the_tree(qtbot, window):
    nav = window.navigator
    qtbot.keyClicks(nav.search_field, "zzzqqq")
    qtbot.waitUntil(lambda: nav.stack.currentWidget() is nav.empty)
    assert "zzzqqq" in nav.empty.text()
    qtbot.keyClick(nav.search_field, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: nav.stack.currentWidget() is nav.tree)
    assert nav.search_field.text() == ""


def test_tree_browsing_opens_a_therapy(qtbot, window):
    nav = window.navigator
    index = nav.tree_model.index_of("infliximab")
    nav.tree.setCurrentIndex(index)
    nav.tree.setFocus()
    with qtbot.waitSignal(nav.therapyChosen, timeout=2000) as chosen:
        qtbot.keyClick(nav.tree, Qt.Key.Key_Return)
    assert chosen.args == ["infliximab"]
    assert "Infliximab" in window.therapy_view.browser.toPlainText()


def test_search_is_fast_enough_for_the_ui_thread(window):
    # Not a benchmark (see benchmarks/bench_startup.py); a guard that search-as-you-type on the
    # UI thread stays far from a visible stall on the real content.
    nav = window.navigator
    nav.search_field.setText("ritux")
    nav._run_search()
    assert nav.last_search_ms < 250


def test_hits_past_the_first_screen_get_their_passages_after_the_paint(qtbot, window):
    # At the keystroke only a screenful of hits has its passage cut from the text; the rest
    # follow right after, keeping the current row.
    from desktop.ui.navigator import FIRST_SNIPPETS, SEARCH_LIMIT

    nav = window.navigator
    nav.focus_search()
    qtbot.keyClicks(nav.search_field, "calcinosis")
    db = window.context.db
    full = db.search("calcinosis", window.context.lang, SEARCH_LIMIT)
    assert len(full) > FIRST_SNIPPETS
    assert (
        db.search("calcinosis", window.context.lang, SEARCH_LIMIT, snippets=FIRST_SNIPPETS) != full
    )
    qtbot.waitUntil(lambda: nav.results_model is not None)
    model = nav.results_model
    qtbot.waitUntil(
        lambda: (
            model.rowCount() == len(full)
            and [model.hit(r) for r in range(model.rowCount())] == full
        )
    )
    assert nav.results.currentIndex().row() == 0
