"""Hostile input in the window: a message in the view, never an exception out of a slot."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys

import pytest


@pytest.fixture
def no_unhandled(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    caught: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, error, tb: caught.append(error))
    return caught


@pytest.mark.parametrize(
    ("start", "words"),
    [
        (dt.date(9999, 12, 31), "plausible"),
        (dt.date(1, 1, 1), "plausible"),
    ],
)
def test_an_implausible_start_is_a_message(plan_view, no_unhandled, start, words):
    entries = plan_view.entries()
    plan_view.model.clear()
    for entry in entries:
        plan_view.add(dataclasses.replace(entry, start=start))
    plan, reason = plan_view.plan_or_reason()
    assert plan is None and words in reason
    assert plan_view.save_plan() is False
    assert no_unhandled == []


@pytest.mark.parametrize(
    ("name", "words"), [("x" * 201, "too long"), ("a" * 61 + " زينب", "right-to-left")]
)
def test_a_hostile_name_is_a_message(qtbot, plan_view, no_unhandled, tmp_path, name, words):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    plan_view.patient_name.setText(name)
    plan, reason = plan_view.plan_or_reason()
    assert plan is None and words in reason
    assert plan_view.save_plan() is False
    assert plan_view.save_pdf_to(tmp_path / "p.pdf") is False
    qtbot.wait(100)
    assert list(tmp_path.iterdir()) == [] and no_unhandled == []


def test_saving_into_a_missing_folder_or_a_name_too_long_is_a_message(
    qtbot, plan_view, no_unhandled, tmp_path
):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    for target in (tmp_path / "missing" / "p.pdf", tmp_path / ("p" * 300 + ".pdf")):
        plan_view.save_pdf_to(target)
        qtbot.wait(100)
        assert plan_view.problem.text()
    assert list(tmp_path.iterdir()) == [] and no_unhandled == []
