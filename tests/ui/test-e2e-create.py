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
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import e2e_atspi as e2e  # noqa: E402
from e2e_atspi import Atspi, fail, log, wait_find  # noqa: E402


ORG = 'Acme Shipping Ltd'
ME = 'Jo Example'
TITLE = 'Tell top management about the audit plan'


def test(session):
    session.start()
    session.create_workspace(ORG, ME)

    # The four workstreams are listed in the sidebar.
    workstreams = session.workstreams()
    for name in ('Operational plan', 'Risk treatment', 'Corrective actions', 'ISMS tasks'):
        wait_find(lambda: workstreams, Atspi.Role.LIST_ITEM, name, prefix=True)
    log('the four workstreams are listed')

    session.open_workstream('ISMS tasks')
    row = session.add_item(TITLE, 'T-')
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
    listing = session.cli('items', ORG)
    if not any(ref in line and TITLE in line for line in listing.splitlines()):
        fail(f'steward items does not list {ref} "{TITLE}":\n{listing}')
    log('the command line lists the item')


if __name__ == '__main__':
    sys.exit(e2e.run(test, 'steward-e2e-'))
