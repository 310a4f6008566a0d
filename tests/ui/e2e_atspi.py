# SPDX-License-Identifier: GPL-3.0-or-later
#
# e2e_atspi.py: what the end-to-end tests share: finding the app and its
# widgets on the accessibility bus (AT-SPI), waiting with deadlines,
# clicking, typing and pressing keys as a person would, and running the
# command line. GTK 4.8's AT-SPI has limits the helpers work around: it
# reports "visible" but never "showing", names some buttons twice
# ("C_reate Create"), and cannot grab focus.

import os
import subprocess
import sys
import time
import warnings

warnings.filterwarnings('ignore', category=DeprecationWarning)

SKIP = 77
TIMEOUT = 20  # seconds for any one step

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


def actions(node):
    return [Atspi.Action.get_action_name(node, i) for i in range(Atspi.Action.get_n_actions(node))]


def click(node):
    names = actions(node)
    if 'click' not in names:
        fail(f'"{node.get_name()}" cannot be clicked')
    if not Atspi.Action.do_action(node, names.index('click')):
        fail(f'clicking "{node.get_name()}" did nothing')


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


def windows(app):
    for i in range(app.get_child_count()):
        window = app.get_child_at_index(i)
        if window is not None:
            yield window


def window_named(app, name, prefix=False):
    for window in windows(app):
        label = window.get_name() or ''
        if label == name or (prefix and label.startswith(name)):
            return window
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
