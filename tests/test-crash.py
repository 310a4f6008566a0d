#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# test-crash.py: kills real steward processes at random points and checks
# that nothing is lost and nothing intact is refused.
#
#   test-crash.py STEWARD [--runs N] [--seed S]
#
# Each run starts `steward attach` with a fresh file (so nothing is
# de-duplicated), sometimes reads the workspace from a second process while
# the import writes, then SIGKILLs the import at a random moment. After the
# kill:
#   - `steward items` must open the workspace (a refusal is counted);
#   - what a killed import left is cleaned by the next import's open (the
#     listing and the check open read-only and clean nothing): more than
#     the last kill's pending blob at any time, or any after a last import
#     completes, counts as a leftover;
#   - every tenth run, and at the end, `steward check` must pass (a
#     corruption is counted otherwise).
# Then four processes create a workspace of the same name at once: each
# must succeed with its own file, and every file must open.
#
# Prints the counts and exits 1 when any refusal, corruption or leftover
# was seen. `make check` runs 100 runs; tests/soak-crash.sh runs more.

import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time


def run(steward, *args, env, timeout=120):
    return subprocess.run([steward, *args], env=env, capture_output=True,
                          text=True, timeout=timeout)


def pending_blobs(path):
    """Blobs left pending that no import is writing (read-only look)."""
    db = sqlite3.connect("file:%s?mode=ro" % path, uri=True, timeout=30)
    try:
        return db.execute("SELECT count(*) FROM blob WHERE state = 'pending'").fetchone()[0]
    finally:
        db.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("steward")
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--seed", type=int, default=None)
    opts = parser.parse_args()

    seed = opts.seed if opts.seed is not None else int(time.time())
    rng = random.Random(seed)
    print("# seed %d" % seed)

    home = tempfile.mkdtemp(prefix="steward-crash-")
    env = dict(os.environ)
    env.update({"XDG_DATA_HOME": os.path.join(home, "data"),
                "XDG_CONFIG_HOME": os.path.join(home, "config"),
                "HOME": home, "LC_ALL": "C.UTF-8"})
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)

    r = run(opts.steward, "sample", env=env)
    if r.returncode != 0:
        print("FAIL: could not create the sample workspace: %s" % r.stderr.strip())
        return 1
    wsdir = os.path.join(env["XDG_DATA_HOME"], "steward", "workspaces")
    workspace = os.path.join(wsdir, [f for f in os.listdir(wsdir) if f.endswith(".steward")][0])

    # Something to attach evidence to.
    items = run(opts.steward, "items", workspace, env=env)
    refs = [line.split("\t")[0] for line in items.stdout.splitlines() if line.strip()]
    if not refs:
        print("FAIL: the workspace has no item to attach to: %s" % items.stderr.strip())
        return 1

    kills = refusals = corruptions = leftovers = completed = 0
    concurrent_refusals = 0
    problems = []
    payload = os.path.join(home, "evidence.bin")

    def check(label):
        nonlocal corruptions
        c = run(opts.steward, "check", workspace, env=env, timeout=600)
        if c.returncode != 0:
            corruptions += 1
            problems.append("%s: check failed: %s %s" % (label, c.stdout.strip(), c.stderr.strip()))

    for n in range(opts.runs):
        size = rng.randint(1, 6) * 1024 * 1024 + rng.randint(0, 4095)
        with open(payload, "wb") as f:
            f.write(os.urandom(size))
        attach = subprocess.Popen([opts.steward, "attach", workspace, payload,
                                   "--to", rng.choice(refs), "--note", "run %d" % n],
                                  env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if rng.random() < 0.5:
            time.sleep(rng.uniform(0.0, 0.05))
            reader = run(opts.steward, "items", workspace, env=env)
            if reader.returncode != 0:
                concurrent_refusals += 1
                problems.append("run %d: refused while another process wrote: %s"
                                % (n, reader.stderr.strip()))
        time.sleep(rng.uniform(0.0, 0.15))
        if attach.poll() is None:
            attach.send_signal(signal.SIGKILL)
            kills += 1
        attach.wait()
        attach.stderr.close()
        if attach.returncode == 0:
            completed += 1

        after = run(opts.steward, "items", workspace, env=env)
        if after.returncode != 0:
            refusals += 1
            problems.append("run %d: refused after the kill: %s" % (n, after.stderr.strip()))
        else:
            left = pending_blobs(workspace)
            if left > 1:
                leftovers += left - 1
                problems.append("run %d: %d pending blobs, only the last kill's may be" % (n, left))
        if n % 10 == 9:
            check("run %d" % n)

    # A last import that completes opens the workspace for writing, which
    # cleans whatever the last kill left.
    with open(payload, "wb") as f:
        f.write(os.urandom(4096))
    last = run(opts.steward, "attach", workspace, payload, "--to", refs[0], env=env)
    if last.returncode != 0:
        problems.append("the last import failed: %s" % last.stderr.strip())
    left = pending_blobs(workspace)
    if left:
        leftovers += left
        problems.append("%d pending blob(s) left after the last import" % left)
    check("end")

    # Four processes create the same organisation at once.
    procs = [subprocess.Popen([opts.steward, "new", "Same Name GmbH", "--me", "P%d" % i],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for i in range(4)]
    created_ok = 0
    for p in procs:
        out, err = p.communicate(timeout=120)
        if p.returncode == 0:
            created_ok += 1
        else:
            problems.append("concurrent new: exit %d: %s" % (p.returncode, err.strip()))
    same = [f for f in os.listdir(wsdir) if f.startswith("same-name-gmbh") and f.endswith(".steward")]
    for f in same:
        c = run(opts.steward, "check", os.path.join(wsdir, f), env=env)
        if c.returncode != 0:
            corruptions += 1
            problems.append("concurrent new: %s does not check: %s" % (f, c.stderr.strip()))
    if created_ok != 4 or len(same) != 4:
        problems.append("concurrent new: %d of 4 succeeded, %d files" % (created_ok, len(same)))

    free_pages = sqlite3.connect("file:%s?mode=ro" % workspace, uri=True).execute(
        "PRAGMA freelist_count").fetchone()[0]

    for p in problems[:20]:
        print("# " + p)
    print("runs %d, kills %d, completed %d, refusals %d, refusals while writing %d, "
          "corruptions %d, leftovers %d, free pages at the end %d"
          % (opts.runs, kills, completed, refusals, concurrent_refusals, corruptions,
             leftovers, free_pages))
    failed = refusals + concurrent_refusals + corruptions + leftovers
    if created_ok != 4 or len(same) != 4:
        failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
