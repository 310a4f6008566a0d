# SPDX-License-Identifier: GPL-3.0-or-later
#
# e2e_atspi.py: what the end-to-end tests share: the set-up (a temporary
# home, the steward binary started as the app and stopped again, its
# command line, the first-run and sidebar steps most tests begin with),
# finding the app and its widgets on the accessibility bus (AT-SPI),
# waiting with deadlines, and clicking, typing and pressing keys as a
# person would. GTK 4.8's AT-SPI has limits the helpers work around: it
# reports "visible" but never "showing", names some buttons twice
# ("C_reate Create"), and cannot grab focus.
#
# A test script is one function that takes a Session, handed to run():
#
#   def test(session):
#       session.start()
#       ...
#
#   if __name__ == '__main__':
#       sys.exit(e2e.run(test, 'steward-e2e-thing-'))

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


# Listing the app's windows is what GTK 4.8 gets wrong while a window
# opens or closes: it can answer with a null object path, a critical that
# ends the app. So dialogs are looked for after a pause and then seldom.
WINDOW_POLL = 0.5


def wait_window(app, name, what=None):
    """The window (dialog) named @name, once it is open."""
    def probe():
        time.sleep(WINDOW_POLL)
        return window_named(app, name)
    return wait_for(what or f'the "{name}" window', probe)


def wait_window_closed(app, name, what=None):
    def probe():
        time.sleep(WINDOW_POLL)
        return window_named(app, name) is None
    wait_for(what or f'the "{name}" window to close', probe)


def wait_enabled_button(root, name):
    """The push button @name below @root, once it is sensitive (dialogs
    enable their default button when the form is complete)."""
    return wait_for(f'an enabled "{name}" button',
                    lambda: next((b for b in walk(root)
                                  if b.get_role() == Atspi.Role.PUSH_BUTTON
                                  and clean_name(b.get_name()) == name
                                  and b.get_state_set().contains(Atspi.StateType.SENSITIVE)),
                                 None))


def run_cli(steward, env, *args):
    result = subprocess.run([steward, *args], env=env, capture_output=True,
                            text=True, timeout=TIMEOUT)
    if result.returncode != 0:
        fail(f'steward {" ".join(args)} exited with {result.returncode}: {result.stderr}')
    return result.stdout


class Session:
    """One test's steward: a temporary home (XDG data, cache and config
    folders, settings in memory, accessibility on), its command line, and
    the app started on it and stopped again."""

    def __init__(self, steward, prefix, env=None):
        self.steward = steward
        self.home = tempfile.mkdtemp(prefix=prefix)
        self.env = dict(os.environ)
        for name in ('data', 'cache', 'config'):
            self.env[f'XDG_{name.upper()}_HOME'] = os.path.join(self.home, name)
        self.env['GSETTINGS_BACKEND'] = 'memory'
        # Accessibility must be on for these tests.
        self.env.pop('NO_AT_BRIDGE', None)
        self.env.pop('GTK_A11Y', None)
        self.env.update(env or {})
        self.process = None
        self.app = None
        self._main_window = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()
        shutil.rmtree(self.home, ignore_errors=True)
        return False

    # The command line, headless.

    def cli(self, *args):
        """Runs `steward ARGS…` and returns what it printed; fails the test
        when it exits with anything but 0."""
        return run_cli(self.steward, self.env, *args)

    def new_workspace(self, org, me):
        """Makes a workspace with `steward new` and returns its file."""
        return self.cli('new', org, '--me', me).strip()

    def workspaces(self):
        """(name, organisation, file) for each workspace, from `steward list`."""
        return [tuple(line.split('\t')) for line in self.cli('list').splitlines()]

    def list_items(self, workspace):
        """ref -> (workstream, status, owner, due, title), from `steward items`."""
        items = {}
        for line in self.cli('items', workspace).splitlines():
            fields = line.split('\t')
            if len(fields) >= 6:
                items[fields[0]] = tuple(fields[1:6])
        return items

    # The app.

    def start(self, *args):
        """Starts steward with @args and waits for it on the accessibility
        bus and for its main window."""
        self.process = subprocess.Popen([self.steward, *args], env=self.env)
        self.app = wait_for('the steward application on the accessibility bus',
                            lambda: self._check_running() and find_app(self.process.pid))
        log('found the application')
        wait_for('the main window', self.main_window)

    def _check_running(self):
        if self.process.poll() is not None:
            fail(f'steward exited with {self.process.returncode}')
        return True

    def main_window(self):
        """The main window (a frame), or None while there is none; fails
        when the app has gone. Pass it (not its result) to wait_find."""
        self._check_running()
        # Found once, and slowly (see WINDOW_POLL): the app's windows are
        # not listed again.
        if self._main_window is None:
            time.sleep(WINDOW_POLL)
            self._main_window = next((w for w in windows(self.app)
                                      if w.get_role() == Atspi.Role.FRAME), None)
        return self._main_window

    def point_at_window(self):
        """Keys go to the window under the pointer (Xvfb has no window
        manager to give it the focus); dialogs open over it."""
        Atspi.generate_mouse_event(200, 200, 'abs')

    def stop(self):
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None
        self.app = None
        self._main_window = None

    # Steps that many tests start with.

    def create_workspace(self, org, me, check_dialog=None):
        """First run: "Create workspace", the organisation and your name,
        Create. @check_dialog, if given, looks at the dialog first."""
        click(wait_find(self.main_window, Atspi.Role.PUSH_BUTTON, 'Create workspace'))
        dialog = wait_window(self.app, 'New workspace', 'the "New workspace" dialog')
        log('the dialog is open')
        type_into(wait_find(lambda: dialog, Atspi.Role.TEXT, 'Organisation name'), org)
        type_into(wait_find(lambda: dialog, Atspi.Role.TEXT, 'Your name'), me)
        if check_dialog is not None:
            check_dialog(dialog)
        click(wait_enabled_button(dialog, 'Create'))
        # The workspace is shown before the app's windows are listed again.
        self.workstreams()
        wait_window_closed(self.app, 'New workspace', 'the dialog to close')
        log('workspace created')

    def workstreams(self):
        return wait_find(self.main_window, Atspi.Role.LIST, 'Workstreams')

    def open_workstream(self, name):
        """Selects the workstream @name in the sidebar; returns its row."""
        workstreams = self.workstreams()
        row = wait_find(lambda: workstreams, Atspi.Role.LIST_ITEM, name, prefix=True)
        if not workstreams.select_child(row.get_index_in_parent()):
            fail(f'could not select "{name}"')
        wait_for(f'"{name}" to be shown',
                 lambda: find(self.main_window(), Atspi.Role.LABEL, name) is not None
                 and row.get_state_set().contains(Atspi.StateType.SELECTED))
        log(f'"{name}" is open')
        return row

    def add_item(self, title, prefix):
        """"New item", the title, Save; returns the new row in the list,
        whose reference starts with @prefix (such as "T-")."""
        click(wait_find(self.main_window, Atspi.Role.PUSH_BUTTON, 'New item'))
        type_into(wait_find(self.main_window, Atspi.Role.TEXT, 'Title'), title)
        click(wait_find(self.main_window, Atspi.Role.PUSH_BUTTON, 'Save'))
        items = wait_find(self.main_window, Atspi.Role.LIST, 'Items')
        # The row's own accessible (a panel in GTK 4.8) is named "REF TITLE".
        row = wait_find(lambda: items, Atspi.Role.PANEL, prefix, prefix=True)
        log(f'item "{title}" saved')
        return row

    def search_and_open(self, ref):
        """Ctrl+F, the reference, Enter: the item opens where it lives."""
        press(ord('f'), CONTROL_MASK)
        wait_for('the search entry',
                 lambda: any(clean_name(n.get_name()) == 'Search the workspace' and is_visible(n)
                             for n in walk(self.main_window())))
        type_text(ref)
        results = wait_find(self.main_window, Atspi.Role.LIST, 'Search results')
        wait_find(lambda: results, Atspi.Role.PANEL, ref + ' ', prefix=True)
        press(KEY_RETURN)


def run(test, prefix, env=None, x11=False):
    """The main() of a test script: `SCRIPT PATH-TO-STEWARD`. Skips
    without a display (an X display when @x11: keys and pointer are
    synthesised through X) or without a D-Bus session; otherwise runs
    @test with a Session and cleans up after it."""
    if len(sys.argv) != 2:
        log(f'Usage: {os.path.basename(sys.argv[0])} PATH-TO-STEWARD')
        return 2
    if not os.environ.get('DISPLAY') and (x11 or not os.environ.get('WAYLAND_DISPLAY')):
        log('SKIP: no display (run under xvfb-run)')
        return SKIP
    if not os.environ.get('DBUS_SESSION_BUS_ADDRESS'):
        log('SKIP: no D-Bus session (run under dbus-run-session)')
        return SKIP

    with Session(sys.argv[1], prefix, env) as session:
        test(session)

    log('PASS')
    return 0
