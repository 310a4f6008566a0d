/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-cli.c: the headless command line, run in-process through the same
 * entry points the steward binary's main() uses, and once through the
 * binary itself with no display and no session bus.
 */
#include "config.h"

#include <signal.h>
#include <utime.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "stw-cli.h"
#include "stw-workspace-list.h"
#include "stw-workspace.h"
#include "test-util.h"

/* This program, to run it as the command line (see spawn_steward()). */
static char *self_path;

typedef struct {
  int      status;
  GString *out;
  GString *err;
} Result;

static void
result_clear (Result *r)
{
  g_string_free (r->out, TRUE);
  g_string_free (r->err, TRUE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

/* Runs `steward WORD…` in-process, through the same entry point as the
 * binary's main(). */
static Result
run (const char *first, ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) args = NULL;
  Result r = { 0, g_string_new (NULL), g_string_new (NULL) };
  va_list words;

  va_start (words, first);
  for (const char *word = first; word != NULL; word = va_arg (words, const char *))
    g_strv_builder_add (builder, word);
  va_end (words);
  args = g_strv_builder_end (builder);

  g_assert_true (stw_cli_wants ((const char * const *) args));
  r.status = stw_cli_run ((const char * const *) args, r.out, r.err);
  return r;
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    n += *p == '\n';
  return n;
}

/* What starts the window rather than the command line. */
static void
test_no_command (void)
{
  const char *none[] = { NULL };
  const char *file[] = { "/tmp/acme.steward", NULL };
  const char *here[] = { "acme.steward", NULL };
  const char *gtk[] = { "--gapplication-service", NULL };
  const char *list[] = { "list", NULL };
  const char *unknown[] = { "frobnicate", NULL };
  const char *help[] = { "--help", NULL };

  g_assert_false (stw_cli_wants (none));
  g_assert_false (stw_cli_wants (file));
  g_assert_false (stw_cli_wants (here));
  g_assert_false (stw_cli_wants (gtk));
  g_assert_true (stw_cli_wants (list));
  g_assert_true (stw_cli_wants (unknown));
  g_assert_true (stw_cli_wants (help));
}

/* Usage errors exit with 2 (failures with 1), say what is wrong on stderr
 * and print nothing on stdout. */
static void
test_usage_errors (void)
{
  {
    g_auto(Result) r = run ("new", "Acme", NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err->str, "--me"));
  }
  {
    g_auto(Result) r = run ("new", "--me", "Ann", NULL);
    g_assert_cmpint (r.status, ==, 2);
  }
  {
    g_auto(Result) r = run ("items", NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err->str, "steward items WORKSPACE"));
  }
  {
    g_auto(Result) r = run ("attach", "acme", "log.txt", NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err->str, "--to"));
  }
  {
    g_auto(Result) r = run ("sample", "--items", "100001", NULL);
    g_assert_cmpint (r.status, ==, 2);
  }
  {
    g_auto(Result) r = run ("sample", "--items", "0", NULL);
    g_assert_cmpint (r.status, ==, 2);
  }
  {
    g_auto(Result) r = run ("list", "sample", NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_cmpstr (r.out->str, ==, "");
  }
  {
    g_auto(Result) r = run ("list", "--bogus", NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err->str, "--bogus"));
  }
}

static void
test_unknown_command (void)
{
  g_auto(Result) r = run ("frobnicate", NULL);

  g_assert_cmpint (r.status, ==, 2);
  g_assert_cmpstr (r.out->str, ==, "");
  g_assert_nonnull (strstr (r.err->str, "frobnicate"));
  g_assert_nonnull (strstr (r.err->str, "steward help"));
}

static void
test_help (void)
{
  g_auto(Result) help = run ("help", NULL);
  g_auto(Result) dash = run ("--help", NULL);
  g_auto(Result) topic = run ("help", "check", NULL);
  g_auto(Result) check = run ("check", "--help", NULL);
  g_auto(Result) short_check = run ("check", "-h", NULL);
  const char *names[] = { "list", "new", "sample", "check", "items", "attach", "measure", "kpis", "audits", "help" };

  /* Every command, one line each; and the exit statuses. */
  g_assert_cmpint (help.status, ==, 0);
  g_assert_cmpstr (help.err->str, ==, "");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *line = g_strdup_printf ("\n  %s ", names[i]);
      g_assert_nonnull (strstr (help.out->str, line));
    }
  g_assert_nonnull (strstr (help.out->str, "\n  2  "));
  g_assert_cmpint (dash.status, ==, 0);
  g_assert_cmpstr (dash.out->str, ==, help.out->str);

  /* A command's help, by either spelling. */
  g_assert_cmpint (topic.status, ==, 0);
  g_assert_cmpstr (topic.err->str, ==, "");
  /* check takes --expect-head since issue 9, point 5. */
  g_assert_true (g_str_has_prefix (topic.out->str, "Usage: steward check WORKSPACE [--expect-head HASH]\n"));
  g_assert_nonnull (strstr (topic.out->str, "every evidence file against its SHA-256"));
  g_assert_nonnull (strstr (topic.out->str, "  --expect-head HASH  "));
  g_assert_cmpint (check.status, ==, 0);
  g_assert_cmpstr (check.out->str, ==, topic.out->str);
  g_assert_cmpstr (short_check.out->str, ==, topic.out->str);

  {
    g_auto(Result) r = run ("help", "frobnicate", NULL);
    g_assert_cmpint (r.status, ==, 2);
  }
  {
    g_auto(Result) r = run ("attach", "--help", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out->str, "--to REF"));
    g_assert_nonnull (strstr (r.out->str, "--note TEXT"));
  }
}

static void
test_new_list_check (void)
{
  g_autofree char *path = NULL;

  {
    g_auto(Result) r = run ("new", "Acme Widgets", "--me", "Ann Example", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.err->str, ==, "");
    g_assert_true (g_str_has_suffix (r.out->str, "/acme-widgets.steward\n"));
    path = g_strndup (r.out->str, r.out->len - 1);
    g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  }
  {
    g_auto(Result) r = run ("list", NULL);
    g_autofree char *want = g_strdup_printf ("acme-widgets\tAcme Widgets\t%s\n", path);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out->str, want));
  }
  {
    g_auto(Result) r = run ("items", "acme-widgets", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out->str, ==, "");
  }
  {
    g_auto(Result) r = run ("check", "Acme Widgets", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out->str, "Database: intact"));
    g_assert_nonnull (strstr (r.out->str, "History: 6 entries, chain intact"));
  }
  {
    g_auto(Result) r = run ("check", path, NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    g_auto(Result) r = run ("check", "no-such-client", NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err->str, "no-such-client"));
  }
  {
    /* Creating the same organisation again makes a second file. */
    g_auto(Result) r = run ("new", "Acme Widgets", "--me", "Bob", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (g_str_has_suffix (r.out->str, "/acme-widgets-2.steward\n"));
  }
}

static void
test_check_detects_tampering (void)
{
  g_autofree char *path = NULL;
  g_autofree char *cmd = NULL;

  {
    g_auto(Result) r = run ("new", "Tamper Test", "--me", "Ann", NULL);
    g_assert_cmpint (r.status, ==, 0);
    path = g_strndup (r.out->str, r.out->len - 1);
  }
  {
    sqlite3 *db = NULL;
    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER history_no_update;"
                                       "UPDATE history SET actor_name = 'Mallory' WHERE seq = 2",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  {
    g_auto(Result) r = run ("check", path, NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.out->str, "entry 2 does not verify"));
    g_assert_nonnull (strstr (r.err->str, "failed its check"));
  }
}

static void
test_sample (void)
{
  g_autofree char *path = NULL;

  {
    g_auto(Result) r = run ("sample", NULL);
    g_assert_cmpint (r.status, ==, 0);
    path = g_strndup (r.out->str, r.out->len - 1);
  }
  {
    g_auto(Result) r = run ("items", path, NULL);
    g_auto(GStrv) lines = g_strsplit (r.out->str, "\n", -1);
    guint done = 0, overdue = 0, streams_seen = 0;
    const char *streams[] = { "Operational plan", "Risk treatment", "Corrective actions", "ISMS tasks" };

    g_assert_cmpint (r.status, ==, 0);
    /* Dozens of items, in due-date order, with every column filled. */
    g_assert_cmpuint (count_lines (r.out->str), >=, 60);
    for (guint i = 0; lines[i] && lines[i][0]; i++)
      {
        g_auto(GStrv) cols = g_strsplit (lines[i], "\t", -1);

        g_assert_cmpuint (g_strv_length (cols), ==, 6);
        g_assert_cmpstr (cols[3], !=, "");
        g_assert_true (strlen (cols[4]) == 10);
        if (i > 0)
          {
            g_auto(GStrv) prev = g_strsplit (lines[i - 1], "\t", -1);
            g_assert_cmpstr (prev[4], <=, cols[4]);
          }
        done += g_str_equal (cols[2], "done");
        overdue += !g_str_equal (cols[2], "done") && strcmp (cols[4], TEST_TODAY) < 0;
      }
    for (guint s = 0; s < G_N_ELEMENTS (streams); s++)
      streams_seen += strstr (r.out->str, streams[s]) != NULL;
    g_assert_cmpuint (streams_seen, ==, 4);
    g_assert_cmpuint (done, >=, 20);
    g_assert_cmpuint (overdue, >=, 3);
  }
  {
    /* Issue 9, point 5: the intact sample passes every part of the check:
     * its records match their replayed history, its guards are in place
     * and it holds the head this computer witnessed when it was made. */
    g_auto(Result) r = run ("check", path, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.err->str, ==, "");
    g_assert_nonnull (strstr (r.out->str, "records match their history"));
    g_assert_nonnull (strstr (r.out->str, "triggers in place"));
    g_assert_nonnull (strstr (r.out->str, "the head this computer last saw"));
  }
}

static void
test_sample_sized (void)
{
  g_auto(Result) r = run ("sample", "--items", "400", NULL);
  g_autofree char *path = NULL;

  g_assert_cmpint (r.status, ==, 0);
  path = g_strndup (r.out->str, r.out->len - 1);
  {
    g_auto(Result) list = run ("items", path, NULL);
    g_assert_cmpuint (count_lines (list.out->str), ==, 400);
  }
}

static void
test_attach (void)
{
  g_autofree char *path = NULL;
  g_autofree char *log = NULL;
  g_autofree char *ref = NULL;
  g_autofree char *digest = NULL;

  {
    g_auto(Result) r = run ("sample", "--items", "20", NULL);
    g_assert_cmpint (r.status, ==, 0);
    path = g_strndup (r.out->str, r.out->len - 1);
  }
  {
    g_auto(Result) r = run ("items", path, NULL);
    ref = g_strndup (r.out->str, strcspn (r.out->str, "\t"));
  }
  log = g_build_filename (g_getenv ("XDG_DATA_HOME"), "backup.log", NULL);
  g_assert_true (g_file_set_contents (log, "backup finished, 0 errors\n", -1, NULL));
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "backup finished, 0 errors\n", -1);
  {
    g_auto(Result) r = run ("attach", path, log, "--to", ref, "--note", "Nightly run", NULL);
    g_autofree char *want = g_strdup_printf ("%s  backup.log\n", digest);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.err->str, ==, "");
    g_assert_cmpstr (r.out->str, ==, want);
  }
  {
    g_auto(Result) r = run ("check", path, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out->str, "Evidence: 1 file, every hash matches"));
  }
  {
    g_auto(Result) r = run ("attach", path, log, "--to", "T-999", NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_cmpstr (r.out->str, ==, "");
  }
}

/* A read-only workspace is checked and listed, and left as it was: no
 * byte changed, no log left beside it. Attaching to it is refused. */
static void
test_read_only (void)
{
  g_autofree char *path = NULL;
  g_autofree char *wal = NULL, *shm = NULL;
  g_autofree char *before = NULL, *after = NULL;

  {
    g_auto(Result) r = run ("sample", "--items", "30", NULL);
    g_assert_cmpint (r.status, ==, 0);
    path = g_strndup (r.out->str, r.out->len - 1);
  }
  wal = g_strconcat (path, "-wal", NULL);
  shm = g_strconcat (path, "-shm", NULL);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  before = test_file_digest (path);
  {
    g_auto(Result) r = run ("check", path, NULL);
    g_assert_cmpstr (r.err->str, ==, "");
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out->str, "Database: intact"));
  }
  {
    g_auto(Result) r = run ("items", path, NULL);
    g_assert_cmpstr (r.err->str, ==, "");
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpuint (count_lines (r.out->str), ==, 30);
  }
  {
    g_auto(Result) r = run ("list", NULL);
    g_autofree char *want = g_strdup_printf ("\tHarbour Lane Logistics Ltd\t%s\n", path);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out->str, want));
  }
  {
    g_auto(Result) r = run ("attach", path, path, "--to", "OP-2027-001", NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err->str, "read-only"));
  }
  after = test_file_digest (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  g_chmod (path, 0600);
}

/* Paths are bytes: a workspace whose path is not UTF-8 opens, and every
 * message names a path as text, with the program's name; a loop of
 * symbolic links is called that; an attach error names the path, not a
 * file:// URI. */
static void
test_messages (void)
{
  g_autofree char *dir = g_build_filename (g_getenv ("XDG_DATA_HOME"), "bytes", NULL);
  g_autofree char *latin1 = g_build_filename (dir, "caf\xe9.steward", NULL);
  g_autofree char *missing = g_build_filename (dir, "nowhere-\xe9.steward", NULL);
  g_autofree char *loop_a = g_build_filename (dir, "loop-a.steward", NULL);
  g_autofree char *loop_b = g_build_filename (dir, "loop-b.steward", NULL);
  g_autofree char *evidence = g_build_filename (dir, "log-\xe9.txt", NULL);
  g_autofree char *path = NULL;
  g_autofree char *ref = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  {
    g_auto(Result) r = run ("sample", "--items", "5", NULL);
    g_assert_cmpint (r.status, ==, 0);
    path = g_strndup (r.out->str, r.out->len - 1);
  }
  g_assert_cmpint (g_rename (path, latin1), ==, 0);
  {
    g_auto(Result) r = run ("check", latin1, NULL);
    g_assert_cmpstr (r.err->str, ==, "");
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    g_auto(Result) r = run ("items", latin1, NULL);
    g_assert_cmpstr (r.err->str, ==, "");
    g_assert_cmpint (r.status, ==, 0);
    ref = g_strndup (r.out->str, strcspn (r.out->str, "\t"));
  }
  {
    g_auto(Result) r = run ("check", missing, NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_true (g_utf8_validate (r.err->str, -1, NULL));
    g_assert_true (g_str_has_prefix (r.err->str, "steward: "));
    g_assert_nonnull (strstr (r.err->str, "nowhere-"));
  }
  {
    g_auto(Result) r = run ("check", "caf\xe9", NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_true (g_utf8_validate (r.err->str, -1, NULL));
    g_assert_true (g_str_has_prefix (r.err->str, "steward: "));
  }

  g_assert_cmpint (symlink (loop_b, loop_a), ==, 0);
  g_assert_cmpint (symlink (loop_a, loop_b), ==, 0);
  {
    g_auto(Result) r = run ("check", loop_a, NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err->str, "loop of symbolic links"));
  }

  g_assert_true (g_file_set_contents (evidence, "backup finished\n", -1, NULL));
  {
    g_auto(Result) r = run ("attach", latin1, evidence, "--to", ref, NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_true (g_utf8_validate (r.err->str, -1, NULL));
    g_assert_null (strstr (r.err->str, "file://"));
    g_test_message ("%s", r.err->str);
    g_assert_nonnull (strstr (r.err->str, "/bytes/log-"));
  }
}

/* The sample is made once: asked again, `sample` says where it is, unless
 * --new is given. A name that two workspaces show is refused (exit 2),
 * with their file names; a file name wins over organisation names. */
static void
test_sample_once_and_ambiguous (void)
{
  g_autofree char *first = NULL;

  {
    g_auto(Result) r = run ("sample", NULL);
    g_assert_cmpint (r.status, ==, 0);
    first = g_strndup (r.out->str, r.out->len - 1);
  }
  {
    g_auto(Result) r = run ("sample", NULL);
    g_autofree char *want = g_strdup_printf ("%s\n", first);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out->str, ==, want);
    g_assert_nonnull (strstr (r.err->str, "--new"));
  }
  {
    g_auto(Result) r = run ("sample", "--new", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.err->str, ==, "");
    g_assert_true (g_str_has_suffix (r.out->str, ".steward\n"));
    g_assert_false (g_str_has_prefix (r.out->str, first));
  }

  {
    g_auto(Result) a = run ("new", "Twin GmbH", "--me", "Ann", NULL);
    g_auto(Result) b = run ("new", "Twin GmbH", "--me", "Bob", NULL);
    g_auto(Result) c = run ("new", "twin-gmbh-2", "--me", "Cy", NULL);
    g_assert_cmpint (a.status + b.status + c.status, ==, 0);
    g_assert_true (g_str_has_suffix (c.out->str, "/twin-gmbh-2-2.steward\n"));
  }
  {
    g_auto(Result) r = run ("check", "Twin GmbH", NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_cmpstr (r.out->str, ==, "");
    g_assert_true (g_str_has_prefix (r.err->str, "steward check: "));
    g_assert_nonnull (strstr (r.err->str, "twin-gmbh, twin-gmbh-2"));
  }
  {
    /* twin-gmbh-2 is a file name and an organisation: the file wins. */
    g_auto(Result) r = run ("items", "twin-gmbh-2", NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    g_auto(Result) r = run ("attach", "twin gmbh", "/etc/hostname", "--to", "T-001", NULL);
    g_assert_cmpint (r.status, ==, 2);
  }
}

/* The real binary: its main() runs a command without GApplication, so it
 * works with no display and no session bus; an unknown command exits 2. */
static Result
run_binary (const char *first, ...)
{
  g_autofree char *steward = g_test_build_filename (G_TEST_BUILT, "..", "ui", "steward", NULL);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  Result r = { 0, NULL, NULL };
  va_list words;

  g_ptr_array_add (argv, steward);
  va_start (words, first);
  for (const char *word = first; word != NULL; word = va_arg (words, const char *))
    g_ptr_array_add (argv, (gpointer) word);
  va_end (words);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "DBUS_SESSION_BUS_ADDRESS");
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));

  r.status = g_subprocess_get_exit_status (process);
  r.out = g_string_new (out);
  r.err = g_string_new (err);
  return r;
}

static void
test_headless (void)
{
  g_autofree char *steward = g_test_build_filename (G_TEST_BUILT, "..", "ui", "steward", NULL);

  if (!g_file_test (steward, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("no steward binary (built without the UI)");
      return;
    }

  {
    g_auto(Result) r = run_binary ("new", "Headless Ltd", "--me", "Ann", NULL);
    g_assert_cmpstr (r.err->str, ==, "");
    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (g_str_has_suffix (r.out->str, "/headless-ltd.steward\n"));
  }
  {
    g_auto(Result) r = run_binary ("list", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out->str, "headless-ltd\tHeadless Ltd\t"));
  }
  {
    g_auto(Result) r = run_binary ("check", "headless-ltd", NULL);
    g_assert_cmpstr (r.err->str, ==, "");
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out->str, "Database: intact"));
  }
  {
    g_auto(Result) r = run_binary ("check", "--help", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out->str, "SHA-256"));
  }
  {
    g_auto(Result) r = run_binary ("frobnicate", NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_cmpstr (r.out->str, ==, "");
    g_assert_nonnull (strstr (r.err->str, "steward help"));
  }
  {
    g_auto(Result) r = run_binary ("check", NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_cmpstr (r.out->str, ==, "");
    g_assert_nonnull (strstr (r.err->str, "Usage: steward check WORKSPACE"));
  }
}

/* This test program, run as `test-cli --steward COMMAND…`, is the command
 * line as the binary runs it: several at once race as real processes do,
 * also in a build without the UI (and so without the steward binary). */
static GSubprocess *
spawn_steward (GError **error, const char *first, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  va_list words;

  g_ptr_array_add (argv, (gpointer) self_path);
  g_ptr_array_add (argv, (gpointer) "--steward");
  va_start (words, first);
  for (const char *word = first; word != NULL; word = va_arg (words, const char *))
    g_ptr_array_add (argv, (gpointer) word);
  va_end (words);
  g_ptr_array_add (argv, NULL);

  return g_subprocess_newv ((const char * const *) argv->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, error);
}

static int
run_as_steward (const char * const *args)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);
  int status = stw_cli_run (args, out, err);

  fputs (out->str, stdout);
  fputs (err->str, stderr);
  return status;
}

/* Four `steward new` of one name at once: each makes its own workspace
 * (acme, acme-2, …), none fails, none loses or unlinks another's file. */
static void
test_concurrent_new (void)
{
  for (guint round = 0; round < 5; round++)
    {
      g_autofree char *org = g_strdup_printf ("Race %u Ltd", round);
      g_autoptr(GPtrArray) procs = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GHashTable) paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint i = 0; i < 4; i++)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *me = g_strdup_printf ("Person %u", i);
          GSubprocess *proc = spawn_steward (&error, "new", org, "--me", me, NULL);

          g_assert_no_error (error);
          g_ptr_array_add (procs, proc);
        }
      for (guint i = 0; i < procs->len; i++)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *out = NULL, *err = NULL;
          GSubprocess *proc = procs->pdata[i];

          g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, &err, &error);
          g_assert_no_error (error);
          g_test_message ("new %s: %s%s", org, out, err);
          g_assert_cmpstr (err, ==, "");
          g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 0);
          g_assert_true (g_str_has_suffix (out, ".steward\n"));
          g_hash_table_add (paths, g_strndup (out, strlen (out) - 1));
        }
      /* Four files, each a whole workspace of its own. */
      g_assert_cmpuint (g_hash_table_size (paths), ==, 4);
      {
        GHashTableIter iter;
        const char *path;

        g_hash_table_iter_init (&iter, paths);
        while (g_hash_table_iter_next (&iter, (gpointer *) &path, NULL))
          {
            g_auto(Result) r = run ("check", path, NULL);
            g_assert_cmpint (r.status, ==, 0);
          }
      }
    }
}

/* Every workspace listed has its organisation and opens. */
static void
assert_list_whole (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = stw_workspaces_list (&error);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(StwWorkspaceInfo) info = g_list_model_get_item (list, i);
      g_autoptr(StwWorkspace) ws = NULL;

      g_assert_cmpstr (stw_workspace_info_get_org_name (info), !=, "");
      ws = stw_workspace_open (stw_workspace_info_get_path (info), &error);
      g_assert_no_error (error);
    }
}

static guint
count_drafts (void)
{
  g_autofree char *dir_path = stw_workspaces_dir ();
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *entry;
  guint n = 0;

  while ((entry = g_dir_read_name (dir)) != NULL)
    n += g_str_has_prefix (entry, ".steward-draft-");
  return n;
}

/* Makes every draft look old enough to be judged stale. */
static void
age_drafts (void)
{
  g_autofree char *dir_path = stw_workspaces_dir ();
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *entry;

  while ((entry = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (entry, ".steward-draft-"))
      {
        g_autofree char *path = g_build_filename (dir_path, entry, NULL);
        struct utimbuf old = { 1000000000, 1000000000 };

        g_assert_cmpint (g_utime (path, &old), ==, 0);
      }
}

/* A sample killed at a random point never leaves a half-made workspace in
 * the list; what it left is removed by a later run once its maker is gone,
 * never while it lives. */
static void
test_killed_sample (void)
{
  guint kills = 0;

  for (guint run_no = 0; run_no < 4; run_no++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GSubprocess) proc = spawn_steward (&error, "sample", "--items", "2000", NULL);
      guint delay_ms = g_test_rand_int_range (50, 1500);

      g_assert_no_error (error);
      g_usleep (delay_ms * 1000);

      /* While it runs: its draft is neither listed nor removed. */
      age_drafts ();
      assert_list_whole ();
      if (g_subprocess_get_identifier (proc) != NULL)
        {
          g_subprocess_send_signal (proc, SIGKILL);
          kills++;
        }
      g_subprocess_wait (proc, NULL, &error);
      g_assert_no_error (error);
      g_test_message ("sample killed after %u ms: %s", delay_ms,
                      g_subprocess_get_if_signaled (proc) ? "killed" : "finished");
      /* One that finished first found its draft where it left it. */
      if (!g_subprocess_get_if_signaled (proc))
        g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 0);

      assert_list_whole ();
      age_drafts ();
      {
        g_autoptr(GListModel) list = stw_workspaces_list (&error);
        g_assert_no_error (error);
      }
      g_assert_cmpuint (count_drafts (), ==, 0);
    }
  g_test_message ("%u of 4 samples killed", kills);
}

/* Issue 9, point 5: a head printed by an earlier check passes while the
 * history holds it, whatever was written since; any other hash fails. */
/* An older workspace too large to convert when opened is converted by
 * the check, after it found the file sound. */
static void
test_check_converts_space (void)
{
  g_autofree char *path = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int auto_vacuum = -1;

  {
    g_auto(Result) r = run ("new", "Space Test", "--me", "Ann", NULL);
    g_assert_cmpint (r.status, ==, 0);
    path = g_strndup (r.out->str, r.out->len - 1);
  }
  /* As made before version 5: no auto-vacuum, and 72 MiB of content. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO setting (key, value) VALUES ('padding', randomblob (72 * 1024 * 1024));"
                                 "PRAGMA auto_vacuum = NONE; VACUUM;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  {
    g_auto(Result) r = run ("check", path, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out->str, "Records: "));
    g_assert_nonnull (strstr (r.out->str, "Space: converted to give the space of removed evidence back"));
  }
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA auto_vacuum", -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    auto_vacuum = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpint (auto_vacuum, ==, 2);
  /* Converted once: the next check has nothing to say about space. */
  {
    g_auto(Result) r = run ("check", path, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_null (strstr (r.out->str, "Space:"));
  }
}

static void
test_check_expect_head (void)
{
  g_autofree char *path = NULL;
  g_autofree char *head = NULL;
  g_autofree char *upper = NULL;
  g_autofree char *want = NULL;
  const char *at;

  {
    g_auto(Result) r = run ("new", "Head Test", "--me", "Ann", NULL);
    g_assert_cmpint (r.status, ==, 0);
    path = g_strndup (r.out->str, r.out->len - 1);
  }
  {
    g_auto(Result) r = run ("check", path, NULL);
    g_assert_cmpint (r.status, ==, 0);
    at = strstr (r.out->str, "chain intact, head ");
    g_assert_nonnull (at);
    head = g_strndup (at + strlen ("chain intact, head "), 64);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(StwWorkspace) ws = stw_workspace_open (path, &error);
    g_autoptr(StwWorkstream) tasks = g_list_model_get_item (stw_workspace_get_workstreams (ws), 3);
    g_autoptr(StwItem) item = stw_item_new (stw_workstream_get_id (tasks));

    stw_item_set_title (item, "Written after the report");
    g_assert_true (stw_workspace_insert_item (ws, item, &error));
    g_assert_no_error (error);
  }
  want = g_strdup_printf ("History: the expected head %s is entry 6\n", head);
  {
    g_auto(Result) r = run ("check", path, "--expect-head", head, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out->str, want));
    g_assert_nonnull (strstr (r.out->str, "History: 7 entries"));
  }
  upper = g_ascii_strup (head, -1);
  {
    g_auto(Result) r = run ("check", path, "--expect-head", upper, NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    g_auto(Result) r = run ("check", path, "--expect-head",
                            "00000000000000000000000000000000000000000000000000000000000000ff", NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.out->str, "is not in the history"));
    g_assert_nonnull (strstr (r.err->str, "expected head"));
  }
  {
    g_auto(Result) r = run ("check", path, "--expect-head", "abc", NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err->str, "64 hexadecimal digits"));
  }
}

static char *
head_of (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwWorkspace) ws = stw_workspace_open (path, &error);

  g_assert_no_error (error);
  return stw_workspace_dup_history_head (ws);
}

/* `steward measure`: good values recorded with their history; every bad
 * one refused with a message, exit 1, and nothing written (the history's
 * head unchanged). Today is 2027-03-15. */
static void
test_measure (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *head = NULL;

  {
    g_auto(Result) r = run ("new", "Measured Ltd", "--me", "Ann Example", NULL);
    g_assert_cmpint (r.status, ==, 0);
    path = g_strndup (r.out->str, r.out->len - 1);
  }
  {
    g_autoptr(StwWorkspace) ws = stw_workspace_open (path, &error);
    g_autoptr(StwKpi) patch = stw_kpi_new ();
    g_autoptr(StwKpi) days = stw_kpi_new ();

    g_assert_no_error (error);
    stw_kpi_set_name (patch, "Patch compliance");
    stw_kpi_set_unit (patch, "%");
    stw_kpi_set_target (patch, 95);
    g_assert_true (stw_workspace_insert_kpi (ws, patch, &error));
    stw_kpi_set_name (days, "Days to close incidents");
    stw_kpi_set_unit (days, "days");
    stw_kpi_set_target (days, 10);
    stw_kpi_set_direction (days, STW_DIRECTION_LOWER);
    stw_kpi_set_frequency (days, STW_FREQUENCY_QUARTERLY);
    g_assert_true (stw_workspace_insert_kpi (ws, days, &error));
    g_assert_no_error (error);
  }

  /* Good: the current month by default, a past one by --period. */
  {
    g_auto(Result) r = run ("measure", path, "K-001", "97.5", "--note", "From the nightly scan", NULL);
    g_assert_cmpstr (r.err->str, ==, "");
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out->str, ==, "K-001\t2027-03\t97.5\tmet\n");
  }
  {
    g_auto(Result) r = run ("measure", path, "K-001", "91", "--period", "2027-01", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out->str, ==, "K-001\t2027-01\t91\tnot_met\n");
  }
  {
    g_auto(Result) r = run ("measure", path, "K-002", "12", "--period", "2026-Q4", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out->str, ==, "K-002\t2026-Q4\t12\tnot_met\n");
  }

  /* Bad: each refused, nothing recorded. */
  head = head_of (path);
  {
    static const struct {
      const char *words[8];
      const char *message;
    } bad[] = {
      { { "measure", "K-009", "90" }, "There is no KPI K-009" },
      { { "measure", "K-001", "ninety" }, "“ninety” is not a number" },
      { { "measure", "K-001", "90%" }, "is not a number" },
      { { "measure", "K-001", "" }, "is not a number" },
      { { "measure", "K-001", "nan" }, "is not a number" },
      { { "measure", "K-001", "inf" }, "is not a number" },
      { { "measure", "K-001", "1e999" }, "is not a number" },
      { { "measure", "K-001", "100.1" }, "percentage" },
      /* A negative value follows "--", or it reads as an option. */
      { { "measure", "K-001", "--", "-3" }, "percentage" },
      { { "measure", "K-001", "90", "--period", "2027-Q1" }, "measured monthly" },
      { { "measure", "K-001", "90", "--period", "2027-13" }, "measured monthly" },
      { { "measure", "K-002", "3", "--period", "2027-02" }, "measured quarterly" },
      { { "measure", "K-001", "90", "--period", "2027-04" }, "has not begun" },
      { { "measure", "K-002", "3", "--period", "2027-Q2" }, "has not begun" },
      { { "measure", "K-001", "96" }, "K-001 has a value for 2027-03 already (97.5 %)" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
        g_auto(GStrv) args = NULL;
        g_autoptr(GString) out = g_string_new (NULL);
        g_autoptr(GString) err = g_string_new (NULL);
        g_autofree char *now = NULL;
        int status;

        g_strv_builder_add (builder, bad[i].words[0]);
        g_strv_builder_add (builder, path);
        for (guint j = 1; bad[i].words[j] != NULL; j++)
          g_strv_builder_add (builder, bad[i].words[j]);
        args = g_strv_builder_end (builder);
        status = stw_cli_run ((const char * const *) args, out, err);
        g_test_message ("%s", err->str);
        g_assert_cmpint (status, ==, 1);
        g_assert_cmpstr (out->str, ==, "");
        g_assert_nonnull (strstr (err->str, bad[i].message));
        now = head_of (path);
        g_assert_cmpstr (now, ==, head);
      }
  }
  /* Usage errors: exit 2, nothing recorded. */
  {
    g_auto(Result) r = run ("measure", path, "K-001", NULL);
    g_autofree char *now = head_of (path);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_cmpstr (now, ==, head);
  }

  /* Replacing says so, and the history keeps the old value. */
  {
    g_auto(Result) r = run ("measure", path, "K-001", "96", "--replace", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (g_str_has_prefix (r.out->str, "K-001\t2027-03\t96\tmet\n"));
    g_assert_nonnull (strstr (r.out->str, "Replaced the value 97.5 % that K-001 had for 2027-03"));
  }
  {
    g_auto(Result) r = run ("kpis", path, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out->str, ==,
                     "K-001\tmet\t2027-03\t96\t95\thigher\tmonthly\t1\tPatch compliance\n"
                     "K-002\tnot_met\t2026-Q4\t12\t10\tlower\tquarterly\t0\tDays to close incidents\n");
  }
  {
    g_auto(Result) r = run ("check", path, NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
}

/* `steward audits`: one line per audit in planned-date order, with its
 * findings, their open corrective actions and the independence warnings. */
static void
test_audits (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  {
    g_auto(Result) r = run ("new", "Audited Ltd", "--me", "Ann Example", NULL);
    g_assert_cmpint (r.status, ==, 0);
    path = g_strndup (r.out->str, r.out->len - 1);
  }
  {
    g_auto(Result) r = run ("audits", path, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out->str, ==, "");
  }
  {
    g_autoptr(StwWorkspace) ws = stw_workspace_open (path, &error);
    g_autoptr(StwAudit) later = stw_audit_new ();
    g_autoptr(StwAudit) first = stw_audit_new ();
    g_autoptr(StwFinding) nc = NULL;
    g_autoptr(StwFinding) ofi = NULL;
    g_autoptr(StwItem) owned = NULL;
    const char *clauses[] = { "9.1", NULL };
    GListModel *streams;
    gint64 me;

    g_assert_no_error (error);
    me = stw_workspace_get_actor_id (ws);
    stw_audit_set_title (later, "Operations");
    stw_audit_set_planned_date (later, "2027-10-01");
    g_assert_true (stw_workspace_insert_audit (ws, later, &error));
    stw_audit_set_title (first, "Performance evaluation");
    stw_audit_set_planned_date (first, "2027-02-15");
    stw_audit_set_lead_id (first, me);
    stw_audit_set_clauses (first, clauses);
    stw_audit_set_status (first, STW_AUDIT_REPORTED);
    g_assert_true (stw_workspace_insert_audit (ws, first, &error));
    g_assert_no_error (error);
    nc = stw_finding_new (stw_audit_get_id (first));
    stw_finding_set_description (nc, "KPIs not measured in January.");
    g_assert_true (stw_workspace_insert_finding (ws, nc, &error));
    ofi = stw_finding_new (stw_audit_get_id (first));
    stw_finding_set_classification (ofi, STW_CA_OPPORTUNITY);
    stw_finding_set_description (ofi, "Chart the KPIs monthly.");
    g_assert_true (stw_workspace_insert_finding (ws, ofi, &error));
    g_assert_no_error (error);
    /* The lead owns an item under 9.1: one independence warning. */
    streams = stw_workspace_get_workstreams (ws);
    {
      g_autoptr(StwWorkstream) plan = g_list_model_get_item (streams, 0);

      owned = stw_item_new (stw_workstream_get_id (plan));
    }
    stw_item_set_title (owned, "Measure the KPIs");
    stw_item_set_owner_id (owned, me);
    stw_item_set_clauses (owned, clauses);
    g_assert_true (stw_workspace_insert_item (ws, owned, &error));
    g_assert_no_error (error);
  }
  {
    g_auto(Result) r = run ("audits", path, NULL);
    g_assert_cmpstr (r.err->str, ==, "");
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out->str, ==,
                     "IA-2027-02\treported\t2027-02-15\tAnn Example\t2\t2\t1\n"
                     "IA-2027-01\tplanned\t2027-10-01\t\t0\t0\t0\n");
  }
  /* Usage errors and a workspace that is not there. */
  {
    g_auto(Result) r = run ("audits", NULL);
    g_assert_cmpint (r.status, ==, 2);
  }
  {
    g_auto(Result) r = run ("audits", "No Such Workspace", NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_cmpstr (r.out->str, ==, "");
  }
  {
    g_auto(Result) r = run ("check", path, NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;

  if (argc > 1 && g_str_equal (argv[1], "--steward"))
    return run_as_steward ((const char * const *) argv + 2);

  self_path = g_canonicalize_filename (argv[0], NULL);
  g_test_init (&argc, &argv, NULL);
  data_home = test_setup_data_home ();
  /* Scripts run the command line where there is no desktop. */
  g_unsetenv ("DISPLAY");
  g_unsetenv ("WAYLAND_DISPLAY");
  g_unsetenv ("DBUS_SESSION_BUS_ADDRESS");

  g_test_add_func ("/cli/no-command", test_no_command);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/unknown-command", test_unknown_command);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/new-list-check", test_new_list_check);
  g_test_add_func ("/cli/check-detects-tampering", test_check_detects_tampering);
  g_test_add_func ("/cli/check-expect-head", test_check_expect_head);
  g_test_add_func ("/cli/check-converts-space", test_check_converts_space);
  g_test_add_func ("/cli/sample", test_sample);
  g_test_add_func ("/cli/sample-sized", test_sample_sized);
  g_test_add_func ("/cli/attach", test_attach);
  g_test_add_func ("/cli/measure", test_measure);
  g_test_add_func ("/cli/audits", test_audits);
  g_test_add_func ("/cli/headless", test_headless);
  g_test_add_func ("/cli/read-only", test_read_only);
  g_test_add_func ("/cli/messages", test_messages);
  g_test_add_func ("/cli/sample-once-and-ambiguous", test_sample_once_and_ambiguous);
  g_test_add_func ("/cli/concurrent-new", test_concurrent_new);
  g_test_add_func ("/cli/killed-sample", test_killed_sample);

  return g_test_run ();
}
