#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# test-e2e-a11y.py: what a screen reader hears. Opens the real steward
# binary and visits every page and dialog: the start page and its "New
# workspace" dialog; in the sample workspace each workstream as board,
# calendar and list, the main menu and a workstream's menu, the "New
# workstream" and workstream settings dialogs, the annual plan review
# (roll forward) and the template plan question, the search results, the
# item editor (also on an item with evidence files, and again on an item
# of another status), the closure dialog, the risk register and the risk
# editor, Objectives and KPIs with a KPI's pane and its "Record
# measurement" dialog, the integrity check and the people window.
# On each it walks the accessible tree (AT-SPI) and fails on
#   - an element a person can act on or move to (button, toggle, switch,
#     check box, radio button, menu item, list item, table row or cell,
#     column header, entry, combo box, link, tab, spin button, slider,
#     anything else with an action) whose name is empty: a screen reader
#     says only "button";
#   - a name that is a GTK or libadwaita class name ("GtkListItemWidget"):
#     GTK 4.8 reports the type name of a widget that has no name; on the
#     elements above and on lists, tables, tab lists, menus and windows;
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
    ALT_MASK,
    Atspi,
    CONTROL_MASK,
    KEY_RETURN,
    KEY_RIGHT,
    SHIFT_MASK,
    actions,
    clean_name,
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
    wait_window_closed,
    walk,
)


# What a person acts on, or a screen reader stops at, and must be named.
INTERACTIVE = {
    Atspi.Role.PUSH_BUTTON,
    Atspi.Role.TOGGLE_BUTTON,
    Atspi.Role.CHECK_BOX,
    Atspi.Role.RADIO_BUTTON,
    Atspi.Role.MENU_ITEM,
    Atspi.Role.CHECK_MENU_ITEM,
    Atspi.Role.RADIO_MENU_ITEM,
    Atspi.Role.LIST_ITEM,
    Atspi.Role.TABLE_ROW,
    Atspi.Role.TABLE_CELL,
    Atspi.Role.COLUMN_HEADER,
    Atspi.Role.ROW_HEADER,
    Atspi.Role.TREE_ITEM,
    Atspi.Role.ENTRY,
    Atspi.Role.TEXT,
    Atspi.Role.PASSWORD_TEXT,
    Atspi.Role.SPIN_BUTTON,
    Atspi.Role.SLIDER,
    Atspi.Role.COMBO_BOX,
    Atspi.Role.LINK,
    Atspi.Role.PAGE_TAB,
}

# Where a class name is a fault: what a person acts on, and what a screen
# reader moves between or announces (lists, tables, tab lists, menus,
# windows). Fillers, panels, labels and scroll bars are passed over by
# screen readers; GTK 4.8 names every unnamed one after its class, and
# that is not read.
NAVIGABLE = INTERACTIVE | {
    Atspi.Role.LIST,
    Atspi.Role.LIST_BOX,
    Atspi.Role.TABLE,
    Atspi.Role.TREE_TABLE,
    Atspi.Role.PAGE_TAB_LIST,
    Atspi.Role.MENU,
    Atspi.Role.FRAME,
    Atspi.Role.DIALOG,
    Atspi.Role.ALERT,
}

CLASS_NAME = re.compile(r'^(Gtk|Adw)[A-Z]')

# X keysym of Escape.
KEY_ESCAPE = 0xff1b


# Actions that make an element something a person acts on. GTK 4.8 also
# lists a widget's own actions (a label's "clipboard.copy"), which do not.
ACTING = {'click', 'press', 'activate', 'toggle'}


def has_actions(node):
    try:
        return any(Atspi.Action.get_action_name(node, i) in ACTING
                   for i in range(Atspi.Action.get_n_actions(node)))
    except (gi.repository.GLib.Error, TypeError, AttributeError):
        return False


def choose(node):
    """Clicks @node, a menu item. What it opens can take the app longer
    than AT-SPI waits for a reply on a loaded machine, so a late reply is
    not a failure; the caller waits for what should open."""
    try:
        click(node)
    except gi.repository.GLib.Error as e:
        log(f'clicking "{node.get_name()}": {e.message}; waiting for it')


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
        acts = role not in NAVIGABLE and role != Atspi.Role.LABEL and has_actions(node)
        if (role in NAVIGABLE or acts) and CLASS_NAME.match(name):
            found.append(f'{where}: {role_name} is named after its class: "{name}"{context(node)}')
        elif name and doubled(name):
            found.append(f'{where}: {role_name} says its name twice: "{name}"')
        elif not name and (role in INTERACTIVE or acts):
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


def open_menu(main_window, name):
    """Opens the menu button @name. GTK 4.8 shows a menu button as two
    nested buttons of one name; the inner one clicks."""
    wait_find(main_window, Atspi.Role.PUSH_BUTTON, name)
    click(next(n for n in walk(main_window())
               if n.get_role() == Atspi.Role.PUSH_BUTTON and clean_name(n.get_name()) == name
               and is_visible(n) and 'click' in actions(n)))

    def menu_shown():
        try:
            return any(n.get_role() == Atspi.Role.MENU_ITEM and is_visible(n)
                       for n in walk(main_window()))
        except gi.repository.GLib.Error:
            return False  # a late reply on a loaded machine: ask again
    wait_for(f'the "{name}" to open', menu_shown)


def test(session):
    session.start()
    session.point_at_window()
    main_window = session.main_window
    app = session.app
    report = []

    def check(where, root=None):
        # Let the page settle: rows are made as the view is shown.
        time.sleep(1.0)
        lines = problems(root if root is not None else main_window(), where)
        log(f'{where}: {len(lines)} problem(s)')
        report.extend(lines)
        if os.environ.get('A11Y_DUMP'):
            for line in sorted(set(line.split(': ', 1)[1] for line in lines)):
                log('   ' + line)

    def check_dialog(title, where, close):
        """Walks the window @title, then closes it with its button @close."""
        dialog = wait_window(app, title)
        check(where, dialog)
        click(wait_find(lambda: dialog, Atspi.Role.PUSH_BUTTON, close))
        wait_window_closed(app, title)

    def search(text, first):
        """Searches the workspace for @text; waits for the result @first."""
        press(ord('f'), CONTROL_MASK)
        wait_for('the search entry',
                 lambda: any(clean_name(n.get_name()) == 'Search the workspace' and is_visible(n)
                             for n in walk(main_window())))
        # What was typed before is selected and typed over.
        press(ord('a'), CONTROL_MASK)
        type_text(text)
        results = wait_find(main_window, Atspi.Role.LIST, 'Search results')
        wait_find(lambda: results, Atspi.Role.PANEL, first, prefix=True)
        return results

    def open_item(ref):
        """The item @ref in its workstream's editor, through search."""
        search(ref, ref + ' ')
        press(KEY_RETURN)
        wait_find(main_window, Atspi.Role.PUSH_BUTTON, 'Close editor')

    # The start page, and the dialog it opens.
    wait_find(main_window, Atspi.Role.PUSH_BUTTON, 'Open sample workspace')
    check('start page')
    click(wait_find(main_window, Atspi.Role.PUSH_BUTTON, 'Create workspace'))
    check_dialog('New workspace', 'new workspace dialog', 'Cancel')

    click(wait_find(main_window, Atspi.Role.PUSH_BUTTON, 'Open sample workspace'))
    workstreams = session.workstreams()
    wait_find(lambda: workstreams, Atspi.Role.LIST_ITEM, 'ISMS tasks', prefix=True)
    workspace = session.workspaces()[0][-1]
    items = session.list_items(workspace)
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

    # The menus, and the dialogs the plan's menu opens.
    open_menu(main_window, 'Main menu')
    check('main menu')
    press(KEY_ESCAPE)
    plan = next((n for n in names if n == 'Operational plan'), None)
    if plan is None:
        fail(f'the sample has no operational plan: {names}')
    open_workstream(session, plan)
    open_menu(main_window, 'Workstream menu')
    check('workstream menu')
    choose(wait_find(main_window, Atspi.Role.MENU_ITEM, 'Roll forward to next year…'))
    check_dialog('Annual plan review', 'annual plan review', 'Cancel')
    open_menu(main_window, 'Workstream menu')
    choose(wait_find(main_window, Atspi.Role.MENU_ITEM, 'Add the template plan…'))
    check_dialog('Start from the template plan?', 'template plan question', 'Not now')
    open_menu(main_window, 'Workstream menu')
    choose(wait_find(main_window, Atspi.Role.MENU_ITEM, 'Workstream settings…'))
    check_dialog('Workstream settings', 'workstream settings', 'Cancel')
    # Risk treatment always asks for evidence: its switch is fixed.
    open_workstream(session, 'Risk treatment')
    open_menu(main_window, 'Workstream menu')
    choose(wait_find(main_window, Atspi.Role.MENU_ITEM, 'Workstream settings…'))
    check_dialog('Workstream settings', 'risk treatment settings', 'Cancel')
    click(wait_find(main_window, Atspi.Role.PUSH_BUTTON, 'New workstream…'))
    check_dialog('New workstream', 'new workstream dialog', 'Cancel')

    # The search results, then the item editor on what was found.
    ref = sorted(r for r in items if r.startswith('T-'))[0]
    search(ref, ref + ' ')
    check('search results')
    press(KEY_RETURN)
    wait_find(main_window, Atspi.Role.PUSH_BUTTON, 'Close editor')
    check('item editor')

    # An item with evidence files: the editor lists them. Its search
    # result says how many files it has.
    results = search('RT-', 'RT-')
    with_files = next((n.get_name() for n in walk(results)
                       if n.get_role() == Atspi.Role.PANEL
                       and re.search(r', \d+ files?\b', n.get_name() or '')), None)
    if with_files is None:
        fail('no item of the sample has evidence files')
    open_item(with_files.split(' ', 1)[0])
    wait_find(main_window, Atspi.Role.LIST, 'Evidence files')
    check('item editor with evidence')

    # An item in review, moved to Done on the board: the closure dialog
    # asks for its note; cancelled, nothing changes. The editor is
    # on an item of another status now: its Status row shows another
    # choice.
    ref = sorted(r for r, v in items.items() if v[1] == 'in_review')[0]
    open_item(ref)
    check('item editor, another status')
    press(ord('1'), CONTROL_MASK)
    wait_find(main_window, Atspi.Role.PANEL, f'{ref} ', prefix=True)
    press(KEY_RIGHT, ALT_MASK | SHIFT_MASK)
    check_dialog(f'Close {ref}?', 'closure dialog', 'Cancel')
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

    # Objectives and KPIs, a KPI's pane (through search) and its Record
    # measurement dialog.
    row = wait_find(lambda: registers, Atspi.Role.LIST_ITEM, 'Objectives and KPIs', prefix=True)
    if not registers.select_child(row.get_index_in_parent()):
        fail('could not open Objectives and KPIs')
    wait_for('objectives and KPIs', lambda: find(main_window(), Atspi.Role.PUSH_BUTTON, 'New KPI'))
    check('objectives and KPIs')
    press(ord('f'), CONTROL_MASK)
    press(ord('a'), CONTROL_MASK)
    type_text('K-001')
    found = wait_find(main_window, Atspi.Role.LIST, 'Objectives and KPIs found')
    wait_find(lambda: found, Atspi.Role.LIST_ITEM, 'K-001', prefix=True)
    press(KEY_RETURN)
    wait_find(main_window, Atspi.Role.PUSH_BUTTON, 'Record measurement')
    check('KPI pane')
    click(wait_find(main_window, Atspi.Role.PUSH_BUTTON, 'Record measurement'))
    check_dialog('Record measurement of K-001', 'record measurement dialog', 'Cancel')
    click(wait_find(main_window, Atspi.Role.PUSH_BUTTON, 'Close the KPI'))

    # The integrity check, a dialog of its own.
    open_menu(main_window, 'Main menu')
    choose(wait_find(main_window, Atspi.Role.MENU_ITEM, 'Check workspace integrity…'))
    check_dialog('The workspace is intact', 'integrity check', 'Close')

    # People, a window of its own.
    press(ord('p'), CONTROL_MASK | SHIFT_MASK)
    people = wait_window(app, 'People')
    check('people', people)

    if report:
        fail(f'{len(report)} accessibility problem(s):\n' + '\n'.join(sorted(set(report))))
    log('every page names what a person can act on')


if __name__ == '__main__':
    sys.exit(e2e.run(test, 'steward-e2e-a11y-', x11=True))
