#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# test-e2e-live.py: what another process writes to the open workspace
# shows in the window without reopening anything. Opens the sample in the
# app, opens T-004 in the editor and types into its title without saving,
# then runs `steward attach` in a subprocess on T-004 and on T-003: the new
# file appears in T-004's Evidence group, T-003's card gets its evidence
# badge, and the unsaved title is still there.
#
# Usage: test-e2e-live.py PATH-TO-STEWARD
# Needs a display and a D-Bus session with accessibility:
#   xvfb-run -a dbus-run-session -- meson test --suite ui

import hashlib
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import e2e_atspi as e2e  # noqa: E402
from e2e_atspi import (  # noqa: E402
    Atspi,
    clean_name,
    fail,
    find,
    log,
    type_into,
    wait_find,
    wait_for,
    walk,
)

OPEN_REF = 'T-004'
OTHER_REF = 'T-003'
TYPED = ' (draft)'
# About a second, and slack for a loaded machine and the AT-SPI walk; far
# below "never" (the window used to show it only after reopening).
SHOWN_WITHIN = 8


def write_evidence(session, name, text):
    path = os.path.join(session.home, name)
    with open(path, 'w') as f:
        f.write(text)
    with open(path, 'rb') as f:
        return path, hashlib.sha256(f.read()).hexdigest()


def card(session, ref):
    """The card or row of item @ref in the shown view (named "REF TITLE")."""
    return next((n for n in walk(session.main_window())
                 if n.get_role() == Atspi.Role.PANEL
                 and clean_name(n.get_name()).startswith(ref + ' ')
                 and e2e.is_visible(n)), None)


def title_text(session):
    field = find(session.main_window(), Atspi.Role.TEXT, 'Title')
    if field is None:
        return None
    return field.get_text(0, field.get_character_count())


def test(session):
    sample = session.cli('sample').strip()
    session.start(sample)
    session.point_at_window()
    session.open_workstream('ISMS tasks')
    session.search_and_open(OPEN_REF)
    wait_find(session.main_window, Atspi.Role.LIST, 'Evidence files')
    log(f'{OPEN_REF} is open in the editor')

    # An unsaved edit, which the other process's change must not touch.
    field = wait_find(session.main_window, Atspi.Role.TEXT, 'Title')
    title = field.get_text(0, field.get_character_count())
    type_into(field, title + TYPED)
    wait_for('the typed title', lambda: title_text(session) == title + TYPED)
    wait_find(session.main_window, Atspi.Role.LABEL, 'Unsaved changes')
    log('typed into the title, not saved')

    # The command line attaches to the item in the editor …
    path, sha = write_evidence(session, 'access-review-q4.csv', 'user,right,reviewed\nann,admin,yes\n')
    session.cli('attach', sample, path, '--to', OPEN_REF)
    files = wait_find(session.main_window, Atspi.Role.LIST, 'Evidence files')
    wait_for('the new row in the Evidence group',
             lambda: find(files, Atspi.Role.LIST_ITEM, f'access-review-q4.csv, SHA-256 {sha}'),
             timeout=SHOWN_WITHIN)
    log(f'the file attached from the command line is listed under {OPEN_REF}')

    # … and to another item of the shown view: its card gets the badge.
    if card(session, OTHER_REF) is None:
        fail(f'{OTHER_REF} is not shown')
    if find(card(session, OTHER_REF), Atspi.Role.IMAGE, '1 file') is not None:
        fail(f'{OTHER_REF} has evidence before the test attached any')
    path, _ = write_evidence(session, 'supplier-list.csv', 'supplier,reviewed\nfreightco,yes\n')
    session.cli('attach', sample, path, '--to', OTHER_REF)
    wait_for(f'the evidence badge on {OTHER_REF}',
             lambda: card(session, OTHER_REF) is not None
             and find(card(session, OTHER_REF), Atspi.Role.IMAGE, '1 file') is not None,
             timeout=SHOWN_WITHIN)
    log(f'{OTHER_REF} shows its new evidence')

    # The unsaved title survived both refreshes.
    if title_text(session) != title + TYPED:
        fail(f'the unsaved title was lost: "{title_text(session)}"')
    if find(session.main_window(), Atspi.Role.LABEL, 'Changed elsewhere since you started editing'):
        fail('an attachment alone says the item changed elsewhere')
    log('the unsaved title is still there')


if __name__ == '__main__':
    sys.exit(e2e.run(test, 'steward-e2e-live-'))
