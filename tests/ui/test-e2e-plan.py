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
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from e2e_atspi import (  # noqa: E402
    ALT_MASK,
    Atspi,
    CONTROL_MASK,
    KEY_RETURN,
    KEY_RIGHT,
    SHIFT_MASK,
    SKIP,
    actions,
    clean_name,
    click,
    fail,
    find_app,
    is_visible,
    list_items,
    log,
    press,
    run_cli,
    type_text,
    wait_find,
    wait_for,
    walk,
    window_named,
    windows,
)


ORG = 'Northwind Freight Ltd'
ME = 'Jo Example'
NOTE = 'Done as planned; the record is in the ISMS folder'


def main():
    if len(sys.argv) != 2:
        log(__doc__)
        return 2
    steward = sys.argv[1]

    if not os.environ.get('DISPLAY'):
        log('SKIP: no X display (run under xvfb-run)')
        return SKIP
    if not os.environ.get('DBUS_SESSION_BUS_ADDRESS'):
        log('SKIP: no D-Bus session (run under dbus-run-session)')
        return SKIP

    data_home = tempfile.mkdtemp(prefix='steward-e2e-plan-')
    env = dict(os.environ)
    env['XDG_DATA_HOME'] = data_home
    env['GSETTINGS_BACKEND'] = 'memory'
    env.pop('NO_AT_BRIDGE', None)
    env.pop('GTK_A11Y', None)

    process = subprocess.Popen([steward], env=env)
    try:
        def started_app():
            if process.poll() is not None:
                fail(f'steward exited with {process.returncode}')
            return find_app(process.pid)

        app = wait_for('the steward application on the accessibility bus', started_app)

        def main_window():
            if process.poll() is not None:
                fail(f'steward exited with {process.returncode}')
            return next((w for w in windows(app) if w.get_role() == Atspi.Role.FRAME), None)

        # Keys go to the window under the pointer (Xvfb has no window
        # manager to give it the focus); dialogs open over it.
        wait_for('the main window', main_window)
        Atspi.generate_mouse_event(200, 200, 'abs')

        # First run: a workspace that starts from the template plan.
        click(wait_find(main_window, Atspi.Role.PUSH_BUTTON, 'Create workspace'))
        dialog = wait_for('the "New workspace" dialog', lambda: window_named(app, 'New workspace'))
        wait_find(lambda: dialog, Atspi.Role.TEXT, 'Organisation name').set_text_contents(ORG)
        wait_find(lambda: dialog, Atspi.Role.TEXT, 'Your name').set_text_contents(ME)
        switch = wait_find(lambda: dialog, Atspi.Role.CHECK_BOX, 'Start with the template plan', prefix=True)
        if not switch.get_state_set().contains(Atspi.StateType.CHECKED):
            fail('"Start with the template plan" is not switched on by default')
        create = wait_for('an enabled "Create" button',
                          lambda: next((b for b in walk(dialog)
                                        if b.get_role() == Atspi.Role.PUSH_BUTTON
                                        and clean_name(b.get_name()) == 'Create'
                                        and b.get_state_set().contains(Atspi.StateType.SENSITIVE)),
                                       None))
        click(create)
        wait_for('the dialog to close', lambda: window_named(app, 'New workspace') is None)
        log('workspace created with the template plan')

        workspace = run_cli(steward, env, '--list-workspaces').splitlines()[0].split('\t')[-1]
        before = list_items(steward, env, workspace)
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

        # Ctrl+F, the reference, Enter: the task is selected where it lives.
        press(ord('f'), CONTROL_MASK)
        wait_for('the search entry',
                 lambda: any(clean_name(n.get_name()) == 'Search the workspace' and is_visible(n)
                             for n in walk(main_window())))
        type_text(ref)
        results = wait_find(main_window, Atspi.Role.LIST, 'Search results')
        wait_find(lambda: results, Atspi.Role.PANEL, ref + ' ', prefix=True)
        press(KEY_RETURN)
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
        closure = wait_for('the closure dialog', lambda: window_named(app, f'Close {ref}?'))
        note = wait_find(lambda: closure, Atspi.Role.TEXT, 'Closure note')
        if 'EditableText' in (note.get_interfaces() or []):
            note.set_text_contents(NOTE)
        else:
            type_text(NOTE)
        close = wait_for('an enabled "Close item" button',
                         lambda: next((b for b in walk(closure)
                                       if b.get_role() == Atspi.Role.PUSH_BUTTON
                                       and clean_name(b.get_name()) == 'Close item'
                                       and b.get_state_set().contains(Atspi.StateType.SENSITIVE)),
                                      None))
        click(close)
        wait_for('the closure dialog to close', lambda: window_named(app, f'Close {ref}?') is None)
        wait_find(main_window, Atspi.Role.PANEL, f'{ref} {title}, Done', prefix=True)
        log(f'{ref} is done, with its closure note')

        # Completing it scheduled the next occurrence.
        after = list_items(steward, env, workspace)
        if after[ref][1] != 'done':
            fail(f'steward --list-items shows {ref} as {after[ref]}, not done')
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
        review = wait_for('the annual plan review', lambda: window_named(app, 'Annual plan review'))
        confirm = wait_for('an enabled "Roll forward" button',
                           lambda: next((b for b in walk(review)
                                         if b.get_role() == Atspi.Role.PUSH_BUTTON
                                         and clean_name(b.get_name()) == 'Roll forward'
                                         and b.get_state_set().contains(Atspi.StateType.SENSITIVE)),
                                        None))
        # The year's repeating tasks are listed for review.
        wait_find(lambda: review, Atspi.Role.LIST_ITEM, 'OP-', prefix=True)
        click(confirm)
        wait_for('the review to close', lambda: window_named(app, 'Annual plan review') is None)
        toast = wait_find(main_window, Atspi.Role.LABEL, 'Next year’s plan has ', prefix=True)
        created = int(toast.get_name().split(' has ', 1)[1].split(' ', 1)[0])
        log(f'rolled forward: "{toast.get_name()}"')

        # Next year's tasks are in the workspace file.
        rolled = list_items(steward, env, workspace)
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
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        shutil.rmtree(data_home, ignore_errors=True)

    log('PASS')
    return 0


if __name__ == '__main__':
    sys.exit(main())
