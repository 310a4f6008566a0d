#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-layers.py: fails, naming file and line, when an include under app/
# crosses the layers (see app/meson.build):
#   - app/base/ includes nothing from above it (store, domains, top);
#   - app/store/ includes nothing from a domain folder, app/sample/,
#     app/cli/ or the top of app/;
#   - a domain includes nothing from app/sample/, app/cli/ or the top;
#   - nothing under app/ includes GTK, GDK or libadwaita;
#   - nothing under app/ includes a header that lives under ui/.
# A quoted include is resolved by looking up which folder holds that file
# name (every folder is an include folder); generated headers (config.h,
# stw-enums.h) are in no folder and are skipped.
#
# Usage: check-layers.py SOURCE_ROOT

import os
import re
import sys

DOMAINS = {'items', 'people', 'risks', 'corrective', 'evidence', 'controls', 'records'}
TOP = {'core', 'sample', 'cli', '.'}
# What each layer of app/ may not include, by the folder under app/ that
# holds the header ('.' is the top of app/).
FORBIDDEN = {
    'base': {'store'} | DOMAINS | TOP,
    'store': DOMAINS | TOP,
}
for d in DOMAINS:
    FORBIDDEN[d] = TOP

TOOLKIT = re.compile(r'^(gtk/|gdk/|adwaita\.h$)')
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
SOURCE_EXTS = ('.c', '.h')


def index_headers(root, top):
    """Maps a header's file name to the folders (relative to root) that
    hold one, for every header under root/top."""
    where = {}
    for folder, dirs, files in os.walk(os.path.join(root, top)):
        dirs[:] = [d for d in dirs if not d.startswith(('.', '_build'))]
        for name in files:
            if name.endswith('.h'):
                rel = os.path.relpath(folder, root)
                where.setdefault(name, set()).add(rel)
    return where


def layer_of(rel_folder):
    """'app/store' -> 'store', 'app' -> '.'; None outside app/."""
    parts = rel_folder.split(os.sep)
    if parts[0] != 'app':
        return None
    return parts[1] if len(parts) > 1 else '.'


def check(root):
    app_headers = index_headers(root, 'app')
    ui_headers = index_headers(root, 'ui')
    problems = []

    for folder, dirs, files in os.walk(os.path.join(root, 'app')):
        dirs[:] = [d for d in dirs if not d.startswith('.')]
        for name in sorted(files):
            if not name.endswith(SOURCE_EXTS):
                continue
            path = os.path.join(folder, name)
            rel_path = os.path.relpath(path, root)
            layer = layer_of(os.path.relpath(folder, root))
            with open(path, encoding='utf-8') as f:
                for lineno, line in enumerate(f, 1):
                    m = INCLUDE.match(line)
                    if not m:
                        continue
                    quote, header = m.groups()
                    where = f'{rel_path}:{lineno}'

                    if TOOLKIT.match(header):
                        problems.append(f'{where}: includes <{header}>: app/ knows no GTK')
                        continue
                    if quote != '"':
                        continue
                    base = os.path.basename(header)
                    if base in ui_headers and base not in app_headers:
                        held = ', '.join(sorted(ui_headers[base]))
                        problems.append(f'{where}: includes "{header}" from {held}: app/ cannot use ui/')
                        continue
                    for held in sorted(app_headers.get(base, ())):
                        target = layer_of(held)
                        if target in FORBIDDEN.get(layer, ()):
                            problems.append(f'{where}: includes "{header}" from {held}: '
                                            f'app/{layer} is below it')
    return problems


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..')
    problems = check(os.path.abspath(root))
    for p in problems:
        print(p)
    if problems:
        print(f'{len(problems)} include(s) cross the layers', file=sys.stderr)
        return 1
    print('app/ layers: every include is in order')
    return 0


if __name__ == '__main__':
    sys.exit(main())
