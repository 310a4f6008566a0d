/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-cli.c: the headless command line, run in-process through the same
 * entry point the steward binary uses.
 */
#include "config.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "stw-cli.h"
#include "stw-workspace.h"
#include "test-util.h"

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

/* Parses "--key value" pairs the way GApplication would. */
static Result
run (const char *first, ...)
{
  g_autoptr(GVariantDict) dict = g_variant_dict_new (NULL);
  Result r = { 0, g_string_new (NULL), g_string_new (NULL) };
  const char *key;
  va_list args;

  va_start (args, first);
  for (key = first; key != NULL; key = va_arg (args, const char *))
    {
      const char *value;

      g_assert_true (g_str_has_prefix (key, "--"));
      key += 2;
      if (g_str_equal (key, "list-workspaces") || g_str_equal (key, "sample") ||
          g_str_equal (key, "list-items") || g_str_equal (key, "version"))
        g_variant_dict_insert (dict, key, "b", TRUE);
      else if (g_str_equal (key, "items"))
        g_variant_dict_insert (dict, key, "i", atoi (va_arg (args, const char *)));
      else
        {
          value = va_arg (args, const char *);
          g_variant_dict_insert (dict, key, "s", value);
        }
    }
  va_end (args);

  r.status = stw_cli_handle (dict, r.out, r.err);
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

static void
test_no_command (void)
{
  g_auto(Result) r = run (NULL);

  g_assert_cmpint (r.status, ==, -1);
}

static void
test_usage_errors (void)
{
  {
    g_auto(Result) r = run ("--new-workspace", "Acme", NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err->str, "--me"));
  }
  {
    g_auto(Result) r = run ("--me", "Ann", NULL);
    g_assert_cmpint (r.status, ==, 1);
  }
  {
    g_auto(Result) r = run ("--workspace", "acme", NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err->str, "--list-items"));
  }
  {
    g_auto(Result) r = run ("--list-items", NULL);
    g_assert_cmpint (r.status, ==, 1);
  }
  {
    g_auto(Result) r = run ("--sample", "--items", "100001", NULL);
    g_assert_cmpint (r.status, ==, 1);
  }
  {
    g_auto(Result) r = run ("--list-workspaces", "--sample", NULL);
    g_assert_cmpint (r.status, ==, 1);
  }
}

static void
test_new_list_check (void)
{
  g_autofree char *path = NULL;

  {
    g_auto(Result) r = run ("--new-workspace", "Acme Widgets", "--me", "Ann Example", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.err->str, ==, "");
    g_assert_true (g_str_has_suffix (r.out->str, "/acme-widgets.steward\n"));
    path = g_strndup (r.out->str, r.out->len - 1);
    g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  }
  {
    g_auto(Result) r = run ("--list-workspaces", NULL);
    g_autofree char *want = g_strdup_printf ("acme-widgets\tAcme Widgets\t%s\n", path);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out->str, want));
  }
  {
    g_auto(Result) r = run ("--workspace", "acme-widgets", "--list-items", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out->str, ==, "");
  }
  {
    g_auto(Result) r = run ("--check", "Acme Widgets", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out->str, "Database: intact"));
    g_assert_nonnull (strstr (r.out->str, "History: 6 entries, chain intact"));
  }
  {
    g_auto(Result) r = run ("--check", path, NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    g_auto(Result) r = run ("--check", "no-such-client", NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err->str, "no-such-client"));
  }
  {
    /* Creating the same organisation again makes a second file. */
    g_auto(Result) r = run ("--new-workspace", "Acme Widgets", "--me", "Bob", NULL);
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
    g_auto(Result) r = run ("--new-workspace", "Tamper Test", "--me", "Ann", NULL);
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
    g_auto(Result) r = run ("--check", path, NULL);
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
    g_auto(Result) r = run ("--sample", NULL);
    g_assert_cmpint (r.status, ==, 0);
    path = g_strndup (r.out->str, r.out->len - 1);
  }
  {
    g_auto(Result) r = run ("--workspace", path, "--list-items", NULL);
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
    g_auto(Result) r = run ("--check", path, NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
}

static void
test_sample_sized (void)
{
  g_auto(Result) r = run ("--sample", "--items", "400", NULL);
  g_autofree char *path = NULL;

  g_assert_cmpint (r.status, ==, 0);
  path = g_strndup (r.out->str, r.out->len - 1);
  {
    g_auto(Result) list = run ("--workspace", path, "--list-items", NULL);
    g_assert_cmpuint (count_lines (list.out->str), ==, 400);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;

  g_test_init (&argc, &argv, NULL);
  data_home = test_setup_data_home ();

  g_test_add_func ("/cli/no-command", test_no_command);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/new-list-check", test_new_list_check);
  g_test_add_func ("/cli/check-detects-tampering", test_check_detects_tampering);
  g_test_add_func ("/cli/sample", test_sample);
  g_test_add_func ("/cli/sample-sized", test_sample_sized);

  return g_test_run ();
}
