#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# test-e2e-open.py: `steward PATH.steward` opens that workspace in the
# window. Makes two workspaces with the command line, starts the app on the
# first and sees its workstreams and organisation, then runs steward again
# on the second: that launch hands the file to the running app, whose
# window now shows the second organisation.
#
# Usage: test-e2e-open.py PATH-TO-STEWARD
# Needs a display and a D-Bus session with accessibility:
#   xvfb-run -a dbus-run-session -- meson test --suite ui

import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import e2e_atspi as e2e  # noqa: E402
from e2e_atspi import TIMEOUT, Atspi, fail, log, wait_find  # noqa: E402


FIRST = 'Acme Shipping Ltd'
SECOND = 'Northwind Freight Ltd'
ME = 'Jo Example'


def test(session):
    first = session.new_workspace(FIRST, ME)
    second = session.new_workspace(SECOND, ME)
    if not first.endswith('.steward') or not os.path.isfile(first):
        fail(f'steward new printed "{first}", not a workspace file')
    log(f'made {first} and {second} with the command line')

    session.start(first)
    workstreams = session.workstreams()
    wait_find(lambda: workstreams, Atspi.Role.LIST_ITEM, 'ISMS tasks', prefix=True)
    wait_find(session.main_window, Atspi.Role.LABEL, FIRST)
    log(f'the window shows {FIRST}')

    # A second launch passes the file to the running app and exits.
    again = subprocess.run([session.steward, second], env=session.env, timeout=TIMEOUT)
    if again.returncode != 0:
        fail(f'steward {second} exited with {again.returncode}')
    wait_find(session.main_window, Atspi.Role.LABEL, SECOND)
    log(f'the running window now shows {SECOND}')


if __name__ == '__main__':
    sys.exit(e2e.run(test, 'steward-e2e-open-'))
