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
import sys

# The set-up and the AT-SPI helpers (finding, clicking, typing, waiting)
# are shared by the end-to-end tests.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import e2e_atspi as e2e  # noqa: E402
from e2e_atspi import (  # noqa: E402
    Atspi,
    click,
    fail,
    log,
    type_into,
    wait_find,
    wait_for,
    walk,
    wait_window,
    wait_window_closed,
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
    chooser = wait_window(app, 'Attach evidence', 'the "Attach evidence" file chooser')
    log('the file chooser is open')

    # Typing "/" opens the chooser's location entry, as it would for a
    # person; the keyboard goes to the chooser, the window with the focus.
    Atspi.generate_keyboard_event(KEY_SLASH, None, Atspi.KeySynthType.SYM)
    entry = wait_for('the location entry of the file chooser', lambda: focused_text(chooser))
    type_into(entry, path)
    click(wait_find(lambda: chooser, Atspi.Role.PUSH_BUTTON, 'Attach'))
    wait_window_closed(app, 'Attach evidence', 'the file chooser to close')


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
    dialog = wait_window(app, heading, f'the "{heading}" question')
    click(wait_find(lambda: dialog, Atspi.Role.PUSH_BUTTON, 'Attach'))
    wait_window_closed(app, heading, 'the question to close')
    log(f'attaching {name}')

    files = wait_find(main_window, Atspi.Role.LIST, 'Evidence files')
    row = wait_find(lambda: files, Atspi.Role.LIST_ITEM, f'{name}, SHA-256 {sha}')
    log(f'the Evidence group lists {name} with SHA-256 {sha}')
    # The row shows the name and the start and end of the hash.
    wait_find(lambda: row, Atspi.Role.LABEL, name)
    wait_find(lambda: row, Atspi.Role.LABEL, f'SHA-256 {sha[:8]}…{sha[-8:]}')
    return sha


def test(session):
    evidence = os.path.join(session.home, FILE_NAME)
    with open(evidence, 'wb') as f:
        for i in range(20000):
            f.write(f'{i:05d} restored file {i * 7919 % 100003:06d} checksum ok\n'.encode())

    session.start()
    session.create_workspace(ORG, ME)
    session.open_workstream('ISMS tasks')
    session.add_item(TITLE, 'T-')

    # Attach the file from the editor and see it listed with its hash.
    attach_and_check(session.app, session.main_window, evidence)

    # The stored copy re-hashes to the same value.
    report = session.cli('check', ORG)
    if 'Evidence: 1 file, every hash matches' not in report:
        fail(f'steward check does not confirm the evidence:\n{report}')
    log('steward check verifies the stored evidence')


if __name__ == '__main__':
    # The file chooser in the app's own process, where AT-SPI can reach it.
    sys.exit(e2e.run(test, 'steward-e2e-evidence-', env={'GTK_USE_PORTAL': '0'}))
