#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# test-e2e-a11y.py: what a screen reader hears. Opens the sample workspace
# in the real steward binary and visits every page: each workstream as
# board, calendar and list, the search results, the item editor, the risk
# register, the risk editor and the people window. On each it walks the
# accessible tree (AT-SPI) and fails on
#   - an element a person can act on (button, toggle, check box, menu item,
#     list item, entry, combo box, link, tab, a table cell with actions)
#     whose name is empty: a screen reader says only "button";
#   - a name that is a GTK or libadwaita class name ("GtkListItemWidget"):
#     GTK 4.8 reports the type name of a widget that has no name;
#   - a name that says the same phrase twice ("New risk New risk"): GTK
#     4.8 reads both a button's accessible label and its child label.
#
# Usage: test-e2e-a11y.py PATH-TO-STEWARD
# Needs a display and a D-Bus session with accessibility:
#   xvfb-run -a dbus-run-session -- meson test --suite ui

import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import e2e_atspi as e2e  # noqa: E402
from e2e_atspi import (  # noqa: E402
    Atspi,
    CONTROL_MASK,
    KEY_RETURN,
    click,
    fail,
    find,
    gi,
    is_visible,
    log,
    press,
    type_text,
    wait_find,
    wait_for,
    wait_window,
    walk,
)


INTERACTIVE = {
    Atspi.Role.PUSH_BUTTON,
    Atspi.Role.TOGGLE_BUTTON,
    Atspi.Role.CHECK_BOX,
    Atspi.Role.RADIO_BUTTON,
    Atspi.Role.MENU_ITEM,
    Atspi.Role.CHECK_MENU_ITEM,
    Atspi.Role.RADIO_MENU_ITEM,
    Atspi.Role.LIST_ITEM,
    Atspi.Role.ENTRY,
    Atspi.Role.TEXT,
    Atspi.Role.PASSWORD_TEXT,
    Atspi.Role.SPIN_BUTTON,
    Atspi.Role.COMBO_BOX,
    Atspi.Role.LINK,
    Atspi.Role.PAGE_TAB,
}

# Where a class name is a fault: what a person acts on, and what a screen
# reader moves between (lists, tables, tab lists). Fillers, panels, labels
# and scroll bars are passed over by screen readers; GTK 4.8 names every
# unnamed one after its class, and that is not read.
NAVIGABLE = INTERACTIVE | {
    Atspi.Role.LIST,
    Atspi.Role.LIST_BOX,
    Atspi.Role.TABLE,
    Atspi.Role.TABLE_ROW,
    Atspi.Role.TABLE_CELL,
    Atspi.Role.TREE_TABLE,
    Atspi.Role.PAGE_TAB_LIST,
}

CLASS_NAME = re.compile(r'^(Gtk|Adw)[A-Z]')


def has_actions(node):
    try:
        return Atspi.Action.get_n_actions(node) > 0
    except (gi.repository.GLib.Error, TypeError, AttributeError):
        return False


def doubled(name):
    """True when @name is one phrase said twice: "New risk New risk", or a
    phrase followed by its own beginning ("Inherent risk Inherent")."""
    words = name.replace('_', '').split()
    for cut in range(1, len(words)):
        first, second = words[:cut], words[cut:]
        if len(second) <= len(first) and first[:len(second)] == second:
            return True
    return False


def context(node):
    """Where @node is: its nearest named ancestors."""
    names = []
    try:
        parent = node.get_parent()
        while parent is not None and len(names) < 3:
            name = parent.get_name() or ''
            if name and not CLASS_NAME.match(name):
                names.append(f'{parent.get_role_name()} "{name}"')
            parent = parent.get_parent()
    except gi.repository.GLib.Error:
        pass
    return f' (in {" < ".join(names)})' if names else ''


def problems(root, where):
    """What is wrong with the accessible tree below @root, one line each."""
    found = []
    for node in walk(root):
        try:
            if not is_visible(node):
                continue
            role = node.get_role()
            name = (node.get_name() or '').strip()
            role_name = node.get_role_name()
        except gi.repository.GLib.Error:
            continue
        if role in NAVIGABLE and CLASS_NAME.match(name):
            found.append(f'{where}: {role_name} is named after its class: "{name}"{context(node)}')
        elif name and doubled(name):
            found.append(f'{where}: {role_name} says its name twice: "{name}"')
        elif not name and (role in INTERACTIVE
                           or (role == Atspi.Role.TABLE_CELL and has_actions(node))):
            found.append(f'{where}: {role_name} has no name{context(node)}')
    return found


def open_workstream(session, name):
    """Selects the workstream @name in the sidebar. Showing a workstream
    can take the app longer than AT-SPI waits for a reply on a loaded
    machine, so a late reply is not a failure; the selection is."""
    workstreams = session.workstreams()
    row = wait_find(lambda: workstreams, Atspi.Role.LIST_ITEM, name, prefix=True)
    try:
        workstreams.select_child(row.get_index_in_parent())
    except gi.repository.GLib.Error as e:
        log(f'selecting "{name}": {e.message}; waiting for it')
    wait_for(f'"{name}" to be selected',
             lambda: row.get_state_set().contains(Atspi.StateType.SELECTED), timeout=90)
    log(f'"{name}" is open')


def test(session):
    session.start()
    session.point_at_window()
    main_window = session.main_window
    report = []

    def check(where):
        # Let the page settle: rows are made as the view is shown.
        time.sleep(1.0)
        lines = problems(main_window(), where)
        log(f'{where}: {len(lines)} problem(s)')
        report.extend(lines)
        if os.environ.get('A11Y_DUMP'):
            for line in sorted(set(line.split(': ', 1)[1] for line in lines)):
                log('   ' + line)

    click(wait_find(main_window, Atspi.Role.PUSH_BUTTON, 'Open sample workspace'))
    workstreams = session.workstreams()
    wait_find(lambda: workstreams, Atspi.Role.LIST_ITEM, 'ISMS tasks', prefix=True)
    workspace = session.workspaces()[0][-1]
    log('the sample workspace is open')

    names = []
    for i in range(workstreams.get_child_count()):
        row = workstreams.get_child_at_index(i)
        if row.get_role() == Atspi.Role.LIST_ITEM and is_visible(row):
            # The row reads "NAME, N open"; the label is the name.
            label = next((n.get_name() for n in walk(row)
                          if n.get_role() == Atspi.Role.LABEL and n.get_name()), None)
            if label:
                names.append(label)
    if len(names) < 2:
        fail(f'the sample shows too few workstreams: {names}')

    for name in names:
        open_workstream(session, name)
        for key, view in (('1', 'board'), ('2', 'calendar'), ('3', 'list')):
            press(ord(key), CONTROL_MASK)
            check(f'{name}, {view}')

    # The search results, then the item editor on what was found.
    items = session.list_items(workspace)
    ref = sorted(r for r in items if r.startswith('T-'))[0]
    press(ord('f'), CONTROL_MASK)
    wait_for('the search entry',
             lambda: any(n.get_name() == 'Search the workspace' and is_visible(n)
                         for n in walk(main_window())))
    type_text(ref)
    results = wait_find(main_window, Atspi.Role.LIST, 'Search results')
    wait_find(lambda: results, Atspi.Role.PANEL, ref + ' ', prefix=True)
    check('search results')
    press(KEY_RETURN)
    wait_find(main_window, Atspi.Role.PUSH_BUTTON, 'Close editor')
    check('item editor')
    click(wait_find(main_window, Atspi.Role.PUSH_BUTTON, 'Close editor'))

    # The risk register, then the risk editor.
    registers = wait_find(main_window, Atspi.Role.LIST, 'Registers')
    row = wait_find(lambda: registers, Atspi.Role.LIST_ITEM, 'Risk register', prefix=True)
    if not registers.select_child(row.get_index_in_parent()):
        fail('could not open the risk register')
    wait_for('the risk register', lambda: find(main_window(), Atspi.Role.PUSH_BUTTON, 'New risk'))
    check('risk register')
    click(wait_find(main_window, Atspi.Role.PUSH_BUTTON, 'New risk'))
    wait_find(main_window, Atspi.Role.PUSH_BUTTON, 'Save risk')
    check('risk editor')

    # People, a window of its own.
    press(ord('p'), CONTROL_MASK | e2e.SHIFT_MASK)
    people = wait_window(session.app, 'People')
    time.sleep(1.0)
    lines = problems(people, 'people')
    log(f'people: {len(lines)} problem(s)')
    report.extend(lines)

    if report:
        fail(f'{len(report)} accessibility problem(s):\n' + '\n'.join(sorted(set(report))))
    log('every page names what a person can act on')


if __name__ == '__main__':
    sys.exit(e2e.run(test, 'steward-e2e-a11y-', x11=True))
