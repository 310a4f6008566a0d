#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# test-e2e-plan.py: drives the real steward binary through the
# accessibility bus (AT-SPI) and the keyboard, as a person would: creates a
# workspace from the first-run page with the template plan switched on,
# finds a repeating task of the operational plan, completes it on the Board
# (three Alt+Shift+Right moves, the last one through the closure dialog),
# finds its next occurrence in the List (same title, the next due date, a
# new reference), then opens the plan's menu, chooses "Roll forward to next
# year…" and confirms, and checks with the command line that next year's
# tasks exist.
#
# AT-SPI cannot drag, and GTK 4.8 neither grabs focus nor reports extents
# over it, so moves go through the views' keyboard shortcuts, typed with
# Atspi.generate_keyboard_event into the window under the pointer.
#
# Usage: test-e2e-plan.py PATH-TO-STEWARD
# Needs a display and a D-Bus session with accessibility:
#   xvfb-run -a dbus-run-session -- meson test --suite ui

import datetime
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import e2e_atspi as e2e  # noqa: E402
from e2e_atspi import (  # noqa: E402
    ALT_MASK,
    Atspi,
    CONTROL_MASK,
    KEY_RIGHT,
    SHIFT_MASK,
    actions,
    clean_name,
    click,
    fail,
    is_visible,
    log,
    press,
    type_text,
    wait_enabled_button,
    wait_find,
    walk,
    wait_window,
    wait_window_closed,
)


ORG = 'Northwind Freight Ltd'
ME = 'Jo Example'
NOTE = 'Done as planned; the record is in the ISMS folder'


def template_switched_on(dialog):
    switch = wait_find(lambda: dialog, Atspi.Role.CHECK_BOX, 'Start with the template plan', prefix=True)
    if not switch.get_state_set().contains(Atspi.StateType.CHECKED):
        fail('"Start with the template plan" is not switched on by default')


def test(session):
    session.start()
    session.point_at_window()
    main_window = session.main_window
    app = session.app

    # First run: a workspace that starts from the template plan.
    session.create_workspace(ORG, ME, check_dialog=template_switched_on)
    log('workspace created with the template plan')

    workspace = session.workspaces()[0][-1]
    before = session.list_items(workspace)
    plan = {r: v for r, v in before.items() if r.startswith('OP-')}
    if len(plan) < 5:
        fail('the template plan is missing:\n' + str(before))
    # The first task due that is still to do.
    ref = min((r for r, v in plan.items() if v[1] == 'todo' and v[3]), key=lambda r: (plan[r][3], r))
    title = plan[ref][4]
    due = plan[ref][3]
    log(f'working on {ref} "{title}", due {due}')

    # The operational plan is shown first; its list has the task.
    items = wait_find(main_window, Atspi.Role.LIST, 'Items')
    wait_find(lambda: items, Atspi.Role.PANEL, f'{ref} {title}, To do, due {due}')

    # The task is selected where it lives.
    session.search_and_open(ref)
    # The editor opens on it: its heading is the reference.
    wait_find(main_window, Atspi.Role.PUSH_BUTTON, 'Close editor')
    time.sleep(0.5)

    # Board: To do → In progress → In review → Done.
    press(ord('1'), CONTROL_MASK)
    wait_find(main_window, Atspi.Role.PANEL, f'{ref} {title}, To do', prefix=True)
    for column in ('In progress', 'In review'):
        press(KEY_RIGHT, ALT_MASK | SHIFT_MASK)
        wait_find(main_window, Atspi.Role.PANEL, f'{ref} {title}, {column}', prefix=True)
    press(KEY_RIGHT, ALT_MASK | SHIFT_MASK)

    # Done asks how it was done.
    closure = wait_window(app, f'Close {ref}?', 'the closure dialog')
    note = wait_find(lambda: closure, Atspi.Role.TEXT, 'Closure note')
    if 'EditableText' in (note.get_interfaces() or []):
        note.set_text_contents(NOTE)
    else:
        type_text(NOTE)
    click(wait_enabled_button(closure, 'Close item'))
    wait_window_closed(app, f'Close {ref}?', 'the closure dialog to close')
    wait_find(main_window, Atspi.Role.PANEL, f'{ref} {title}, Done', prefix=True)
    log(f'{ref} is done, with its closure note')

    # Completing it scheduled the next occurrence.
    after = session.list_items(workspace)
    if after[ref][1] != 'done':
        fail(f'steward items shows {ref} as {after[ref]}, not done')
    added = sorted((r for r in after if r not in before), key=lambda r: after[r][3])
    if len(added) != 1 or after[added[0]][4] != title or after[added[0]][1] != 'todo':
        fail(f'completing {ref} added {[(r, after[r]) for r in added]}, not one next "{title}"')
    next_ref, next_due = added[0], after[added[0]][3]
    if not next_due or next_due <= due:
        fail(f'the next occurrence {next_ref} is due {next_due!r}, not after {due}')
    later = [v[3] for r, v in before.items() if v[4] == title and v[3] > due]
    if later and min(later) <= next_due:
        fail(f'the next occurrence {next_ref} is due {next_due}, after another one on {min(later)}')
    log(f'the next occurrence is {next_ref}, due {next_due}')

    # The List shows it, to do.
    press(ord('3'), CONTROL_MASK)
    items = wait_find(main_window, Atspi.Role.LIST, 'Items')
    wait_find(lambda: items, Atspi.Role.PANEL, f'{next_ref} {title}, To do, due {next_due}', prefix=True)
    log(f'the list shows {next_ref}')

    # The plan's menu: roll forward to next year.
    # GTK 4.8 shows a menu button as two nested buttons of one name;
    # the inner one clicks.
    wait_find(main_window, Atspi.Role.PUSH_BUTTON, 'Workstream menu')
    click(next(n for n in walk(main_window())
               if n.get_role() == Atspi.Role.PUSH_BUTTON and clean_name(n.get_name()) == 'Workstream menu'
               and is_visible(n) and 'click' in actions(n)))
    click(wait_find(main_window, Atspi.Role.MENU_ITEM, 'Roll forward to next year…'))
    review = wait_window(app, 'Annual plan review', 'the annual plan review')
    confirm = wait_enabled_button(review, 'Roll forward')
    # The year's repeating tasks are listed for review.
    wait_find(lambda: review, Atspi.Role.LIST_ITEM, 'OP-', prefix=True)
    click(confirm)
    wait_window_closed(app, 'Annual plan review', 'the review to close')
    toast = wait_find(main_window, Atspi.Role.LABEL, 'Next year’s plan has ', prefix=True)
    created = int(toast.get_name().split(' has ', 1)[1].split(' ', 1)[0])
    log(f'rolled forward: "{toast.get_name()}"')

    # Next year's tasks are in the workspace file.
    rolled = session.list_items(workspace)
    new = [r for r in rolled if r not in after]
    if len(new) != created or created == 0:
        fail(f'the roll-forward said {created} items, the workspace has {len(new)} new: {new}')
    next_year = str(datetime.date.today().year + 1)
    wrong = [(r, rolled[r]) for r in new
             if not r.startswith('OP-') or not rolled[r][3].startswith(next_year) or rolled[r][1] != 'todo']
    if wrong:
        fail(f'items that are not next year\'s plan: {wrong}')
    titles = {v[4] for r, v in plan.items()}
    if not {rolled[r][4] for r in new} <= titles:
        fail('the roll-forward created tasks that are not in the plan')
    log(f'the command line lists {created} items of the {next_year} plan')


if __name__ == '__main__':
    sys.exit(e2e.run(test, 'steward-e2e-plan-', x11=True))
