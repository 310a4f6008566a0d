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
import warnings

# Atspi.Action.get_action_name is the only name getter this libatspi has.
warnings.filterwarnings('ignore', category=DeprecationWarning)

SKIP = 77
TIMEOUT = 20  # seconds for any one step

ORG = 'Acme Shipping Ltd'
ME = 'Jo Example'
TITLE = 'Tell top management about the audit plan'


def log(message):
    print(message, flush=True)


def fail(message):
    log('FAIL: ' + message)
    raise SystemExit(1)


try:
    import gi
    gi.require_version('Atspi', '2.0')
    from gi.repository import Atspi
except (ImportError, ValueError) as e:
    log(f'SKIP: AT-SPI bindings missing ({e})')
    sys.exit(SKIP)


def clean_name(name):
    """GTK 4.8 names some buttons "label-with-mnemonic label" (for example
    libadwaita's dialog buttons: "C_reate Create"); reduce that to what a
    person reads."""
    name = (name or '').strip()
    plain = name.replace('_', '')
    half = len(plain) // 2
    if len(plain) % 2 == 1 and plain[:half] == plain[half + 1:] and plain[half] == ' ':
        return plain[:half]
    return name


def walk(node):
    """Every accessible below @node, depth first, in widget order."""
    if node is None:
        return
    yield node
    try:
        count = node.get_child_count()
    except gi.repository.GLib.Error:
        return
    for i in range(count):
        try:
            child = node.get_child_at_index(i)
        except gi.repository.GLib.Error:
            continue
        yield from walk(child)


def is_visible(node):
    # GTK 4.8 reports "visible" but not "showing".
    return node.get_state_set().contains(Atspi.StateType.VISIBLE)


def find(root, role, name, prefix=False):
    for node in walk(root):
        try:
            if node.get_role() != role or not is_visible(node):
                continue
            label = clean_name(node.get_name())
        except gi.repository.GLib.Error:
            continue
        if label == name or (prefix and label.startswith(name)):
            return node
    return None


def wait_for(what, probe, timeout=TIMEOUT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = probe()
        if result:
            return result
        time.sleep(0.1)
    fail(f'timed out after {timeout} s waiting for {what}')


def describe(node, depth=0):
    """The accessible tree below @node, for failure messages."""
    lines = []
    try:
        lines.append('  ' * depth + f'{node.get_role_name()} "{node.get_name()}"')
        for i in range(node.get_child_count()):
            lines.append(describe(node.get_child_at_index(i), depth + 1))
    except gi.repository.GLib.Error:
        pass
    return '\n'.join(line for line in lines if line)


def wait_find(root_probe, role, name, prefix=False):
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        node = find(root_probe(), role, name, prefix)
        if node is not None:
            return node
        time.sleep(0.1)
    log(describe(root_probe()))
    fail(f'timed out after {TIMEOUT} s waiting for {role.value_nick} "{name}"')


def click(node):
    for i in range(Atspi.Action.get_n_actions(node)):
        if Atspi.Action.get_action_name(node, i) == 'click':
            if not Atspi.Action.do_action(node, i):
                fail(f'clicking "{node.get_name()}" did nothing')
            return
    fail(f'"{node.get_name()}" cannot be clicked')


def type_into(node, text):
    try:
        node.grab_focus()
    except gi.repository.GLib.Error:
        pass  # GTK 4.8 does not implement it; typing works without focus
    if not node.set_text_contents(text):
        fail(f'could not type into "{node.get_name()}"')


def find_app(pid):
    desktop = Atspi.get_desktop(0)
    for i in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(i)
        try:
            if app is not None and app.get_process_id() == pid:
                return app
        except gi.repository.GLib.Error:
            continue
    return None


def window_named(app, name):
    for i in range(app.get_child_count()):
        window = app.get_child_at_index(i)
        if window is not None and window.get_name() == name:
            return window
    return None


def run_cli(steward, env, *args):
    result = subprocess.run([steward, *args], env=env, capture_output=True,
                            text=True, timeout=TIMEOUT)
    if result.returncode != 0:
        fail(f'steward {" ".join(args)} exited with {result.returncode}: {result.stderr}')
    return result.stdout


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
