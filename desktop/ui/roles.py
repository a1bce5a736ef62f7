"""Custom item-data roles shared by the window's models and views.

Plain numbers above ``Qt.ItemDataRole.UserRole`` (0x0100): importing ``Qt`` here would build
every enum of the Qt namespace before the first paint (about 15 ms of start-up).
"""

from __future__ import annotations

DISPLAY_ROLE = 0  # Qt.ItemDataRole.DisplayRole
TOOLTIP_ROLE = 3  # Qt.ItemDataRole.ToolTipRole
ACCESSIBLE_TEXT_ROLE = 11  # Qt.ItemDataRole.AccessibleTextRole
USER_ROLE = 0x0100  # Qt.ItemDataRole.UserRole
THERAPY_ID_ROLE = USER_ROLE + 1  # str: the therapy's slug id
HTML_ROLE = USER_ROLE + 2  # str: escaped rich text for the HTML delegate
SORT_ROLE = USER_ROLE + 3  # a value that sorts as a clinician expects
REGIMEN_ID_ROLE = USER_ROLE + 4  # str: the regimen's slug id
PLAN_ID_ROLE = USER_ROLE + 5  # str: a saved plan's id (user database)
