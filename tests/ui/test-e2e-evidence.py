#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# test-e2e-evidence.py: drives the real steward binary through the
# accessibility bus (AT-SPI) as a person would: create a workspace, add an
# item to "ISMS tasks", attach a file to it with "Attach files…" (the file
# chooser, then the note and dates question), and see the file listed in
# the item's Evidence group with its SHA-256; then check with the command
# line that the stored evidence verifies.
#
# Usage: test-e2e-evidence.py PATH-TO-STEWARD
# Needs a display and a D-Bus session with accessibility:
#   xvfb-run -a dbus-run-session -- meson test --suite ui

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time

# The AT-SPI helpers (finding, clicking, typing, waiting) are shared by the
# end-to-end tests.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import e2e_atspi as e2e  # noqa: E402
from e2e_atspi import (  # noqa: E402
    Atspi,
    clean_name,
    click,
    fail,
    find,
    log,
    type_into,
    wait_find,
    wait_for,
    walk,
    window_named,
)

ORG = 'Acme Shipping Ltd'
ME = 'Jo Example'
TITLE = 'Backup restore test'
FILE_NAME = 'restore-test-2027.log'


# X keysym of "/".
KEY_SLASH = 0x2f


def focused_text(root):
    for node in walk(root):
        try:
            if (node.get_role() == Atspi.Role.TEXT
                    and node.get_state_set().contains(Atspi.StateType.FOCUSED)):
                return node
        except e2e.gi.repository.GLib.Error:
            continue
    return None


def choose_file(app, path):
    """In the "Attach evidence" file chooser: type the file's full path in
    the location entry and press Attach."""
    chooser = wait_for('the "Attach evidence" file chooser',
                       lambda: window_named(app, 'Attach evidence'))
    log('the file chooser is open')

    # Typing "/" opens the chooser's location entry, as it would for a
    # person; the keyboard goes to the chooser, the window with the focus.
    Atspi.generate_keyboard_event(KEY_SLASH, None, Atspi.KeySynthType.SYM)
    entry = wait_for('the location entry of the file chooser', lambda: focused_text(chooser))
    type_into(entry, path)
    click(wait_find(lambda: chooser, Atspi.Role.PUSH_BUTTON, 'Attach'))
    wait_for('the file chooser to close', lambda: window_named(app, 'Attach evidence') is None)


def attach_and_check(app, main_window, path):
    """Attaches @path from the Evidence group shown in @main_window and
    waits for its row, named "<file name>, SHA-256 <hash>"."""
    with open(path, 'rb') as f:
        sha = hashlib.sha256(f.read()).hexdigest()
    name = os.path.basename(path)

    click(wait_find(main_window, Atspi.Role.PUSH_BUTTON, 'Attach files…'))
    choose_file(app, path)

    # The question about note and dates; the defaults will do.
    heading = f'Attach “{name}”?'
    dialog = wait_for(f'the "{heading}" question', lambda: window_named(app, heading))
    click(wait_find(lambda: dialog, Atspi.Role.PUSH_BUTTON, 'Attach'))
    wait_for('the question to close', lambda: window_named(app, heading) is None)
    log(f'attaching {name}')

    files = wait_find(main_window, Atspi.Role.LIST, 'Evidence files')
    row = wait_find(lambda: files, Atspi.Role.LIST_ITEM, f'{name}, SHA-256 {sha}')
    log(f'the Evidence group lists {name} with SHA-256 {sha}')
    # The row shows the name and the start and end of the hash.
    wait_find(lambda: row, Atspi.Role.LABEL, name)
    wait_find(lambda: row, Atspi.Role.LABEL, f'SHA-256 {sha[:8]}…{sha[-8:]}')
    return sha


def main():
    if len(sys.argv) != 2:
        log(__doc__)
        return 2
    steward = sys.argv[1]

    if not os.environ.get('DISPLAY') and not os.environ.get('WAYLAND_DISPLAY'):
        log('SKIP: no display (run under xvfb-run)')
        return e2e.SKIP
    if not os.environ.get('DBUS_SESSION_BUS_ADDRESS'):
        log('SKIP: no D-Bus session (run under dbus-run-session)')
        return e2e.SKIP

    home = tempfile.mkdtemp(prefix='steward-e2e-evidence-')
    env = dict(os.environ)
    env['XDG_DATA_HOME'] = os.path.join(home, 'data')
    env['XDG_CACHE_HOME'] = os.path.join(home, 'cache')
    env['GSETTINGS_BACKEND'] = 'memory'
    # The file chooser in the app's own process, where AT-SPI can reach it.
    env['GTK_USE_PORTAL'] = '0'
    env.pop('NO_AT_BRIDGE', None)
    env.pop('GTK_A11Y', None)

    evidence = os.path.join(home, FILE_NAME)
    with open(evidence, 'wb') as f:
        for i in range(20000):
            f.write(f'{i:05d} restored file {i * 7919 % 100003:06d} checksum ok\n'.encode())

    process = subprocess.Popen([steward], env=env)
    try:
        def started_app():
            if process.poll() is not None:
                fail(f'steward exited with {process.returncode}')
            return e2e.find_app(process.pid)

        app = wait_for('the steward application on the accessibility bus', started_app)

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
        dialog = wait_for('the "New workspace" dialog', lambda: window_named(app, 'New workspace'))
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

        # Open "ISMS tasks" and add an item.
        workstreams = wait_find(main_window, Atspi.Role.LIST, 'Workstreams')
        tasks = wait_find(lambda: workstreams, Atspi.Role.LIST_ITEM, 'ISMS tasks', prefix=True)
        if not workstreams.select_child(tasks.get_index_in_parent()):
            fail('could not select "ISMS tasks"')
        wait_for('"ISMS tasks" to be shown',
                 lambda: tasks.get_state_set().contains(Atspi.StateType.SELECTED))
        click(wait_find(main_window, Atspi.Role.PUSH_BUTTON, 'New item'))
        type_into(wait_find(main_window, Atspi.Role.TEXT, 'Title'), TITLE)
        click(wait_find(main_window, Atspi.Role.PUSH_BUTTON, 'Save'))
        items = wait_find(main_window, Atspi.Role.LIST, 'Items')
        wait_find(lambda: items, Atspi.Role.PANEL, 'T-', prefix=True)
        log(f'item "{TITLE}" saved')

        # Attach the file from the editor and see it listed with its hash.
        attach_and_check(app, main_window, evidence)

        # The stored copy re-hashes to the same value.
        report = e2e.run_cli(steward, env, '--check', ORG)
        if 'Evidence: 1 file, every hash matches' not in report:
            fail(f'steward --check does not confirm the evidence:\n{report}')
        log('steward --check verifies the stored evidence')
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        shutil.rmtree(home, ignore_errors=True)

    log('PASS')
    return 0


if __name__ == '__main__':
    sys.exit(main())
