#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# test-e2e-views.py: drives the real steward binary through the
# accessibility bus (AT-SPI) and the keyboard, as a person would: opens the
# sample workspace from the first-run page, finds an ISMS task with Ctrl+F,
# moves its card to the next column on the Board (Alt+Shift+Right),
# reschedules it a day later in the Calendar (Alt+Shift+Right), then checks
# both changes in the List (the row's accessible name carries status and
# due date) and with the command line.
#
# AT-SPI cannot drag, and GTK 4.8 neither grabs focus nor reports extents
# over it, so the moves go through the views' keyboard shortcuts, typed with
# Atspi.generate_keyboard_event into the window under the pointer.
#
# Usage: test-e2e-views.py PATH-TO-STEWARD
# Needs a display and a D-Bus session with accessibility:
#   xvfb-run -a dbus-run-session -- meson test --suite ui

import datetime
import os
import shutil
import subprocess
import sys
import tempfile
import time
import warnings

warnings.filterwarnings('ignore', category=DeprecationWarning)

SKIP = 77
TIMEOUT = 20  # seconds for any one step

ORG = 'Harbour Lane Logistics Ltd'  # the sample's organisation

# X keysyms and modifier masks (X.h): what generate_keyboard_event takes.
KEY_RETURN = 0xff0d
KEY_RIGHT = 0xff53
SHIFT_MASK = 1 << 0
CONTROL_MASK = 1 << 2
ALT_MASK = 1 << 3  # Mod1


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
    """GTK 4.8 names some buttons "label-with-mnemonic label"; reduce that
    to what a person reads."""
    name = (name or '').strip()
    plain = name.replace('_', '')
    half = len(plain) // 2
    if len(plain) % 2 == 1 and plain[:half] == plain[half + 1:] and plain[half] == ' ':
        return plain[:half]
    return name


def walk(node):
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


def describe(node, depth=0):
    lines = []
    try:
        lines.append('  ' * depth + f'{node.get_role_name()} "{node.get_name()}"')
        for i in range(node.get_child_count()):
            lines.append(describe(node.get_child_at_index(i), depth + 1))
    except gi.repository.GLib.Error:
        pass
    return '\n'.join(line for line in lines if line)


def wait_for(what, probe, timeout=TIMEOUT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = probe()
        if result:
            return result
        time.sleep(0.1)
    fail(f'timed out after {timeout} s waiting for {what}')


def wait_find(root_probe, role, name, prefix=False):
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        node = find(root_probe(), role, name, prefix)
        if node is not None:
            return node
        time.sleep(0.1)
    log(describe(root_probe()))
    fail(f'timed out after {TIMEOUT} s waiting for {role.value_nick} "{name}"')


def header_title(window):
    """The title of the content header: the label next to the organisation
    name as subtitle. (GTK 4.8 calls every page of a stack "visible", so
    what is shown is told by content, not by state.)"""
    for node in walk(window):
        try:
            if node.get_role() != Atspi.Role.LABEL or node.get_name() != ORG:
                continue
            parent = node.get_parent()
            names = [parent.get_child_at_index(i).get_name() for i in range(parent.get_child_count())]
        except gi.repository.GLib.Error:
            continue
        if len(names) == 2 and names[1] == ORG:
            return names[0]
    return None


def click(node):
    for i in range(Atspi.Action.get_n_actions(node)):
        if Atspi.Action.get_action_name(node, i) == 'click':
            if not Atspi.Action.do_action(node, i):
                fail(f'clicking "{node.get_name()}" did nothing')
            return
    fail(f'"{node.get_name()}" cannot be clicked')


def press(keysym, modifiers=0):
    """Types one key, holding @modifiers (an X modifier mask)."""
    if modifiers:
        Atspi.generate_keyboard_event(modifiers, None, Atspi.KeySynthType.LOCKMODIFIERS)
    try:
        Atspi.generate_keyboard_event(keysym, None, Atspi.KeySynthType.SYM)
    finally:
        if modifiers:
            Atspi.generate_keyboard_event(modifiers, None, Atspi.KeySynthType.UNLOCKMODIFIERS)
    time.sleep(0.3)


def type_text(text):
    Atspi.generate_keyboard_event(0, text, Atspi.KeySynthType.STRING)
    time.sleep(0.3)


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


def run_cli(steward, env, *args):
    result = subprocess.run([steward, *args], env=env, capture_output=True,
                            text=True, timeout=TIMEOUT)
    if result.returncode != 0:
        fail(f'steward {" ".join(args)} exited with {result.returncode}: {result.stderr}')
    return result.stdout


def list_items(steward, env, workspace):
    """ref -> (workstream, status, owner, due, title), from --list-items."""
    items = {}
    for line in run_cli(steward, env, '--workspace', workspace, '--list-items').splitlines():
        fields = line.split('\t')
        if len(fields) >= 6:
            items[fields[0]] = tuple(fields[1:6])
    return items


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

    data_home = tempfile.mkdtemp(prefix='steward-e2e-views-')
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
            for i in range(app.get_child_count()):
                window = app.get_child_at_index(i)
                if window is not None and window.get_role() == Atspi.Role.FRAME:
                    return window
            return None

        # Keys go to the window under the pointer (Xvfb has no window
        # manager to give it the focus).
        wait_for('the main window', main_window)
        Atspi.generate_mouse_event(200, 200, 'abs')

        # First run: open the sample workspace.
        click(wait_find(main_window, Atspi.Role.PUSH_BUTTON, 'Open sample workspace'))
        workstreams = wait_find(main_window, Atspi.Role.LIST, 'Workstreams')
        wait_find(lambda: workstreams, Atspi.Role.LIST_ITEM, 'ISMS tasks', prefix=True)
        log('the sample workspace is open')

        workspace = run_cli(steward, env, '--list-workspaces').splitlines()[0].split('\t')[-1]
        before = list_items(steward, env, workspace)
        # An ISMS task still to do, with a due date.
        ref = next((r for r, (ws, status, _owner, due, _title) in sorted(before.items())
                    if r.startswith('T-') and status == 'todo' and due), None)
        if ref is None:
            fail('the sample has no ISMS task to do with a due date:\n' + str(before))
        title = before[ref][4]
        due = datetime.date.fromisoformat(before[ref][3])
        new_due = (due + datetime.timedelta(days=1)).isoformat()
        log(f'working on {ref} "{title}", due {due}')

        # Ctrl+F, type the reference, Enter: the item opens where it lives.
        press(ord('f'), CONTROL_MASK)
        wait_for('the search entry',
                 lambda: any(clean_name(n.get_name()) == 'Search the workspace' and is_visible(n)
                             for n in walk(main_window())))
        type_text(ref)
        results = wait_find(main_window, Atspi.Role.LIST, 'Search results')
        wait_find(lambda: results, Atspi.Role.PANEL, ref + ' ', prefix=True)
        press(KEY_RETURN)
        wait_for('"ISMS tasks" to be shown', lambda: header_title(main_window()) == 'ISMS tasks')
        log(f'search found {ref} and went to its workstream')

        # Board: its card moves one column right, to In progress.
        press(ord('1'), CONTROL_MASK)
        wait_find(main_window, Atspi.Role.PANEL, f'{ref} {title}, To do', prefix=True)
        press(KEY_RIGHT, ALT_MASK | SHIFT_MASK)
        wait_find(main_window, Atspi.Role.LABEL, f'{ref} moved to In progress')
        wait_find(main_window, Atspi.Role.PANEL, f'{ref} {title}, In progress', prefix=True)
        log(f'the board moved {ref} to In progress')

        # Calendar: a day later.
        press(ord('2'), CONTROL_MASK)
        wait_find(main_window, Atspi.Role.PUSH_BUTTON, ref, prefix=True)
        press(KEY_RIGHT, ALT_MASK | SHIFT_MASK)
        wait_find(main_window, Atspi.Role.LABEL, f'{ref} moved to', prefix=True)
        wait_find(main_window, Atspi.Role.PUSH_BUTTON, f'{ref} {title}, due {new_due}')
        log(f'the calendar moved {ref} a day later')

        # List: the row says both.
        press(ord('3'), CONTROL_MASK)
        items = wait_find(main_window, Atspi.Role.LIST, 'Items')
        row = wait_find(lambda: items, Atspi.Role.PANEL, f'{ref} {title}, In progress, due {new_due}', prefix=True)
        log(f'the list shows "{row.get_name()}"')

        # And the workspace file has them.
        after = list_items(steward, env, workspace)
        if after[ref][1] != 'in_progress' or after[ref][3] != new_due:
            fail(f'steward --list-items shows {ref} as {after[ref]}, not in_progress due {new_due}')
        changed = [r for r in before if before[r] != after.get(r) and r != ref]
        if changed:
            fail(f'other items changed too: {changed}')
        log('the command line lists both changes')
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
