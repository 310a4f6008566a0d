#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# test-e2e-create.py: drives the real steward binary through the
# accessibility bus (AT-SPI) as a person would: create a workspace from the
# first-run page, open the "ISMS tasks" workstream, add an item, save it,
# see it listed with its reference, and check with the command line that it
# is stored.
#
# Usage: test-e2e-create.py PATH-TO-STEWARD
# Needs a display and a D-Bus session with accessibility:
#   xvfb-run -a dbus-run-session -- meson test --suite ui

import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from e2e_atspi import (  # noqa: E402
    Atspi,
    SKIP,
    clean_name,
    click,
    fail,
    find,
    find_app,
    log,
    run_cli,
    type_into,
    wait_find,
    wait_for,
    walk,
    window_named,
)


ORG = 'Acme Shipping Ltd'
ME = 'Jo Example'
TITLE = 'Tell top management about the audit plan'


def main():
    if len(sys.argv) != 2:
        log(__doc__)
        return 2
    steward = sys.argv[1]

    if not os.environ.get('DISPLAY') and not os.environ.get('WAYLAND_DISPLAY'):
        log('SKIP: no display (run under xvfb-run)')
        return SKIP
    if not os.environ.get('DBUS_SESSION_BUS_ADDRESS'):
        log('SKIP: no D-Bus session (run under dbus-run-session)')
        return SKIP

    data_home = tempfile.mkdtemp(prefix='steward-e2e-')
    env = dict(os.environ)
    env['XDG_DATA_HOME'] = data_home
    env['GSETTINGS_BACKEND'] = 'memory'
    # Accessibility must be on for this test.
    env.pop('NO_AT_BRIDGE', None)
    env.pop('GTK_A11Y', None)

    process = subprocess.Popen([steward], env=env)
    try:
        def started_app():
            if process.poll() is not None:
                fail(f'steward exited with {process.returncode}')
            return find_app(process.pid)

        app = wait_for('the steward application on the accessibility bus', started_app)
        log('found the application')

        def main_window():
            if process.poll() is not None:
                fail(f'steward exited with {process.returncode}')
            for i in range(app.get_child_count()):
                window = app.get_child_at_index(i)
                if window is not None and window.get_role() == Atspi.Role.FRAME:
                    return window
            return None

        # First run: create a workspace.
        click(wait_find(main_window, Atspi.Role.PUSH_BUTTON, 'Create workspace'))
        dialog = wait_for('the "New workspace" dialog',
                          lambda: window_named(app, 'New workspace'))
        log('the dialog is open')
        type_into(wait_find(lambda: dialog, Atspi.Role.TEXT, 'Organisation name'), ORG)
        type_into(wait_find(lambda: dialog, Atspi.Role.TEXT, 'Your name'), ME)
        create = wait_for('an enabled "Create" button',
                          lambda: next((b for b in walk(dialog)
                                        if b.get_role() == Atspi.Role.PUSH_BUTTON
                                        and clean_name(b.get_name()) == 'Create'
                                        and b.get_state_set().contains(Atspi.StateType.SENSITIVE)),
                                       None))
        click(create)
        wait_for('the dialog to close', lambda: window_named(app, 'New workspace') is None)
        log('workspace created')

        # The four workstreams are listed in the sidebar.
        workstreams = wait_find(main_window, Atspi.Role.LIST, 'Workstreams')
        for name in ('Operational plan', 'Risk treatment', 'Corrective actions', 'ISMS tasks'):
            wait_find(lambda: workstreams, Atspi.Role.LIST_ITEM, name, prefix=True)
        log('the four workstreams are listed')

        # Open "ISMS tasks".
        tasks = find(workstreams, Atspi.Role.LIST_ITEM, 'ISMS tasks', prefix=True)
        if not workstreams.select_child(tasks.get_index_in_parent()):
            fail('could not select "ISMS tasks"')
        wait_for('"ISMS tasks" to be shown',
                 lambda: find(main_window(), Atspi.Role.LABEL, 'ISMS tasks') is not None
                 and tasks.get_state_set().contains(Atspi.StateType.SELECTED))
        log('"ISMS tasks" is open')

        # Add an item.
        click(wait_find(main_window, Atspi.Role.PUSH_BUTTON, 'New item'))
        type_into(wait_find(main_window, Atspi.Role.TEXT, 'Title'), TITLE)
        click(wait_find(main_window, Atspi.Role.PUSH_BUTTON, 'Save'))

        items = wait_find(main_window, Atspi.Role.LIST, 'Items')
        # The row's own accessible (a panel in GTK 4.8) is named "REF TITLE".
        row = wait_find(lambda: items, Atspi.Role.PANEL, 'T-', prefix=True)
        label = row.get_name()
        ref = label.split(' ', 1)[0]
        if TITLE not in label:
            fail(f'the new row reads "{label}", not the title')
        if not ref.startswith('T-') or not ref[2:].replace('-', '').isdigit():
            fail(f'the new row has no reference like T-001: "{label}"')
        wait_find(lambda: row, Atspi.Role.LABEL, ref)
        wait_find(lambda: row, Atspi.Role.LABEL, TITLE)
        log(f'the list shows {ref} "{TITLE}"')

        # The sidebar counts it.
        wait_find(lambda: workstreams, Atspi.Role.LIST_ITEM, 'ISMS tasks, 1 open', prefix=True)

        # The command line sees it in the workspace file.
        listing = run_cli(steward, env, '--workspace', ORG, '--list-items')
        if not any(ref in line and TITLE in line for line in listing.splitlines()):
            fail(f'steward --list-items does not list {ref} "{TITLE}":\n{listing}')
        log('the command line lists the item')
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
