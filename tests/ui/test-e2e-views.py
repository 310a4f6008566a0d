#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# test-e2e-views.py: drives the real steward binary through the
# accessibility bus (AT-SPI) and the keyboard, as a person would: opens the
# sample workspace from the first-run page, finds an ISMS task with Ctrl+F,
# moves its card to the next column on the Board (Alt+Shift+Right),
# reschedules it a day later in the Calendar (Alt+Shift+Right), then checks
# both changes in the List (the row's accessible name carries status and
# due date) and with the command line.
#
# AT-SPI cannot drag, and GTK 4.8 neither grabs focus nor reports extents
# over it, so the moves go through the views' keyboard shortcuts, typed with
# Atspi.generate_keyboard_event into the window under the pointer.
#
# Usage: test-e2e-views.py PATH-TO-STEWARD
# Needs a display and a D-Bus session with accessibility:
#   xvfb-run -a dbus-run-session -- meson test --suite ui

import datetime
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import e2e_atspi as e2e  # noqa: E402
from e2e_atspi import (  # noqa: E402
    ALT_MASK,
    Atspi,
    CONTROL_MASK,
    KEY_RIGHT,
    SHIFT_MASK,
    click,
    fail,
    gi,
    log,
    press,
    wait_find,
    wait_for,
    walk,
)


ORG = 'Harbour Lane Logistics Ltd'  # the sample's organisation


def header_title(window):
    """The title of the content header: the label next to the organisation
    name as subtitle. (GTK 4.8 calls every page of a stack "visible", so
    what is shown is told by content, not by state.)"""
    for node in walk(window):
        try:
            if node.get_role() != Atspi.Role.LABEL or node.get_name() != ORG:
                continue
            parent = node.get_parent()
            names = [parent.get_child_at_index(i).get_name() for i in range(parent.get_child_count())]
        except gi.repository.GLib.Error:
            continue
        if len(names) == 2 and names[1] == ORG:
            return names[0]
    return None


def test(session):
    session.start()
    session.point_at_window()
    main_window = session.main_window

    # First run: open the sample workspace.
    click(wait_find(main_window, Atspi.Role.PUSH_BUTTON, 'Open sample workspace'))
    workstreams = session.workstreams()
    wait_find(lambda: workstreams, Atspi.Role.LIST_ITEM, 'ISMS tasks', prefix=True)
    log('the sample workspace is open')

    workspace = session.workspaces()[0][-1]
    before = session.list_items(workspace)
    # An ISMS task still to do, with a due date.
    ref = next((r for r, (ws, status, _owner, due, _title) in sorted(before.items())
                if r.startswith('T-') and status == 'todo' and due), None)
    if ref is None:
        fail('the sample has no ISMS task to do with a due date:\n' + str(before))
    title = before[ref][4]
    due = datetime.date.fromisoformat(before[ref][3])
    new_due = (due + datetime.timedelta(days=1)).isoformat()
    log(f'working on {ref} "{title}", due {due}')

    session.search_and_open(ref)
    wait_for('"ISMS tasks" to be shown', lambda: header_title(main_window()) == 'ISMS tasks')
    log(f'search found {ref} and went to its workstream')

    # Board: its card moves one column right, to In progress.
    press(ord('1'), CONTROL_MASK)
    wait_find(main_window, Atspi.Role.PANEL, f'{ref} {title}, To do', prefix=True)
    press(KEY_RIGHT, ALT_MASK | SHIFT_MASK)
    wait_find(main_window, Atspi.Role.LABEL, f'{ref} moved to In progress')
    wait_find(main_window, Atspi.Role.PANEL, f'{ref} {title}, In progress', prefix=True)
    log(f'the board moved {ref} to In progress')

    # Calendar: a day later.
    press(ord('2'), CONTROL_MASK)
    wait_find(main_window, Atspi.Role.PUSH_BUTTON, ref, prefix=True)
    press(KEY_RIGHT, ALT_MASK | SHIFT_MASK)
    wait_find(main_window, Atspi.Role.LABEL, f'{ref} moved to', prefix=True)
    wait_find(main_window, Atspi.Role.PUSH_BUTTON, f'{ref} {title}, In progress, due {new_due}')
    log(f'the calendar moved {ref} a day later')

    # List: the row says both.
    press(ord('3'), CONTROL_MASK)
    items = wait_find(main_window, Atspi.Role.LIST, 'Items')
    row = wait_find(lambda: items, Atspi.Role.PANEL, f'{ref} {title}, In progress, due {new_due}', prefix=True)
    log(f'the list shows "{row.get_name()}"')

    # And the workspace file has them.
    after = session.list_items(workspace)
    if after[ref][1] != 'in_progress' or after[ref][3] != new_due:
        fail(f'steward items shows {ref} as {after[ref]}, not in_progress due {new_due}')
    changed = [r for r in before if before[r] != after.get(r) and r != ref]
    if changed:
        fail(f'other items changed too: {changed}')
    log('the command line lists both changes')


if __name__ == '__main__':
    sys.exit(e2e.run(test, 'steward-e2e-views-', x11=True))
