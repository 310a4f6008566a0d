/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-workspace.c: creating, opening and migrating workspaces, and every
 * kind of bad file, which must give a clear error and stay untouched.
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

#include "stw-evidence-private.h"
#include "stw-workspace.h"
#include "stw-workspace-list.h"
#include "test-util.h"

static char *tmp;

static char *
schema_of (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT type, name, sql FROM sqlite_master ORDER BY type, name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s %s %s\n", sqlite3_column_text (stmt, 0),
                            sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static char *
make_workspace (const char *name)
{
  g_autoptr(GError) error = NULL;
  char *path = test_path (tmp, name);
  g_autoptr(StwWorkspace) ws = stw_workspace_create (path, "Acme Ltd", "Ann Example", &error);

  g_assert_no_error (error);
  g_assert_nonnull (ws);
  return path;
}

static void
test_create_and_reopen (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = make_workspace ("create.steward");
  g_autoptr(StwWorkspace) ws = stw_workspace_open (path, &error);
  GListModel *streams;
  const char *prefixes[] = { "OP", "RT", "CA", "T" };
  g_autoptr(GPtrArray) history = NULL;
  StwPerson *me;

  g_assert_no_error (error);
  g_assert_cmpstr (stw_workspace_get_org_name (ws), ==, "Acme Ltd");
  g_assert_cmpint (stw_workspace_peek_version (path, NULL), ==, STW_SCHEMA_VERSION);

  streams = stw_workspace_get_workstreams (ws);
  g_assert_cmpuint (g_list_model_get_n_items (streams), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(StwWorkstream) s = g_list_model_get_item (streams, i);

      g_assert_cmpstr (stw_workstream_get_prefix (s), ==, prefixes[i]);
      g_assert_cmpint (stw_workstream_get_kind (s), ==, (StwWorkstreamKind) i);
      g_assert_cmpint (stw_workstream_get_owner_id (s), ==, stw_workspace_get_actor_id (ws));
    }

  me = stw_workspace_find_person (ws, stw_workspace_get_actor_id (ws));
  g_assert_nonnull (me);
  g_assert_cmpstr (stw_person_get_name (me), ==, "Ann Example");
  g_assert_cmpint (stw_workspace_get_isms_owner_id (ws), ==, stw_person_get_id (me));

  history = stw_workspace_list_history (ws, NULL, 0, &error);
  g_assert_no_error (error);
  /* organisation, person, four workstreams */
  g_assert_cmpuint (history->len, ==, 6);
  for (guint i = 0; i < history->len; i++)
    g_assert_cmpstr (((StwHistoryEntry *) history->pdata[i])->actor_name, ==, "Ann Example");
}

static void
test_create_refuses (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = make_workspace ("exists.steward");
  g_autofree char *before = test_file_digest (path);
  g_autoptr(StwWorkspace) ws = stw_workspace_create (path, "Other", "Bob", &error);
  g_autofree char *after = NULL;
  g_autofree char *blank = test_path (tmp, "blank.steward");

  g_assert_null (ws);
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_EXISTS);
  after = test_file_digest (path);
  g_assert_cmpstr (before, ==, after);
  g_clear_error (&error);

  g_assert_null (stw_workspace_create (blank, "  ", "Bob", &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (stw_workspace_create (blank, "Org", "", &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID);
  g_assert_false (g_file_test (blank, G_FILE_TEST_EXISTS));
}

static void
test_migrate_from_empty_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_path (tmp, "empty-start.steward");
  g_autofree char *fresh = make_workspace ("fresh.steward");
  g_autoptr(StwWorkspace) ws = NULL;
  g_autofree char *a = NULL, *b = NULL;

  /* An empty file (say, made by a file manager) becomes a workspace. */
  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  ws = stw_workspace_create (path, "Acme Ltd", "Ann", &error);
  g_assert_no_error (error);
  g_clear_object (&ws);

  a = schema_of (path);
  b = schema_of (fresh);
  g_assert_cmpstr (a, ==, b);
}

static void
test_migrate_every_version (void)
{
  g_autofree char *fresh = make_workspace ("reference.steward");
  g_autofree char *want = schema_of (fresh);

  for (int v = 1; v <= STW_SCHEMA_VERSION; v++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("v%d.steward", v);
      g_autofree char *path = test_path (tmp, name);
      g_autoptr(StwWorkspace) ws = NULL;
      g_autofree char *got = NULL;

      g_assert_true (_stw_workspace_create_at_version (path, v, &error));
      g_assert_no_error (error);
      g_assert_cmpint (stw_workspace_peek_version (path, NULL), ==, v);

      ws = stw_workspace_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (stw_workspace_get_org_name (ws), ==, "Older workspace");
      /* Items written before search existed are found after the upgrade. */
      {
        g_autoptr(GListModel) found = stw_workspace_search_items (ws, "zurich review", 0, &error);
        g_autoptr(StwItem) item = NULL;

        g_assert_no_error (error);
        g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
        item = g_list_model_get_item (found, 0);
        g_assert_cmpstr (stw_item_get_ref (item), ==, "T-001");
      }
      g_clear_object (&ws);

      g_assert_cmpint (stw_workspace_peek_version (path, NULL), ==, STW_SCHEMA_VERSION);
      got = schema_of (path);
      g_assert_cmpstr (got, ==, want);
    }
}

typedef void (*Damage) (const char *path);

static void
damage_text (const char *path)
{
  g_assert_true (g_file_set_contents (path, "Minutes of the management review\n", -1, NULL));
}

static void
damage_empty (const char *path)
{
  g_assert_true (g_file_set_contents (path, "", 0, NULL));
}

static void
damage_foreign_db (const char *path)
{
  raw_exec (path, "CREATE TABLE t (x); INSERT INTO t VALUES (1);");
}

/* Makes a healthy workspace at @path for a damage function to spoil. */
static void
make_at (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *made = make_workspace (base);

  g_assert_cmpstr (made, ==, path);
}

static void
damage_truncate (const char *path)
{
  GStatBuf st;

  make_at (path);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (truncate (path, st.st_size / 2 + 100), ==, 0);
}

static void
damage_page_one (const char *path)
{
  FILE *f;
  guint8 junk[2000];

  make_at (path);
  memset (junk, 0xA5, sizeof junk);
  f = fopen (path, "r+b");
  g_assert_nonnull (f);
  fseek (f, 100, SEEK_SET);
  g_assert_cmpuint (fwrite (junk, 1, sizeof junk, f), ==, sizeof junk);
  fclose (f);
}

static void
damage_newer (const char *path)
{
  make_at (path);
  raw_exec (path, "PRAGMA user_version = 99");
}

static void
damage_read_only (const char *path)
{
  make_at (path);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
}

static void
check_bad_file (const char        *name,
                Damage             damage,
                StwWorkspaceError  expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_path (tmp, name);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr(StwWorkspace) ws = NULL;
  GStatBuf st_before, st_after;

  damage (path);
  before = test_file_digest (path);
  g_assert_cmpint (g_stat (path, &st_before), ==, 0);

  ws = stw_workspace_open (path, &error);
  g_assert_null (ws);
  g_assert_error (error, STW_WORKSPACE_ERROR, (int) expected);
  g_assert_nonnull (strstr (error->message, name) ? error->message : strstr (error->message, "damaged"));
  g_test_message ("%s: %s", name, error->message);

  after = test_file_digest (path);
  g_assert_cmpint (g_stat (path, &st_after), ==, 0);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (st_before.st_size, ==, st_after.st_size);
  g_assert_cmpint (st_before.st_mtime, ==, st_after.st_mtime);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_bad_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = test_path (tmp, "missing.steward");

  check_bad_file ("notes.steward", damage_text, STW_WORKSPACE_ERROR_NOT_WORKSPACE);
  check_bad_file ("zero.steward", damage_empty, STW_WORKSPACE_ERROR_NOT_WORKSPACE);
  check_bad_file ("other-app.steward", damage_foreign_db, STW_WORKSPACE_ERROR_NOT_WORKSPACE);
  check_bad_file ("truncated.steward", damage_truncate, STW_WORKSPACE_ERROR_CORRUPT);
  check_bad_file ("damaged.steward", damage_page_one, STW_WORKSPACE_ERROR_CORRUPT);
  check_bad_file ("newer.steward", damage_newer, STW_WORKSPACE_ERROR_TOO_NEW);
  check_bad_file ("readonly.steward", damage_read_only, STW_WORKSPACE_ERROR_READ_ONLY);

  g_assert_null (stw_workspace_open (missing, &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (stw_workspace_open (tmp, &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_WORKSPACE);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (from, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (to, contents, len, NULL));
}

static void
set_be32 (guint8  *p,
          guint32  value)
{
  p[0] = value >> 24;
  p[1] = value >> 16;
  p[2] = value >> 8;
  p[3] = value;
}

/* A copy of @path with its log as a crash leaves them while @path has
 * committed pages only in its log; the copy's header claims @extra_pages
 * more pages than the file holds and the file is cut to @keep_pages (0:
 * as it is), as a checkpoint cut short after writing page 1 leaves it. */
static char *
copy_mid_checkpoint (const char *path,
                     const char *name,
                     guint       extra_pages,
                     guint       keep_pages)
{
  g_autofree char *copy = test_path (tmp, name);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *copy_wal = g_strconcat (copy, "-wal", NULL);
  g_autofree char *contents = NULL;
  gsize len = 0;
  guint32 page_size, pages;

  copy_file (wal, copy_wal);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  page_size = ((guint8) contents[16] << 8) | (guint8) contents[17];
  pages = len / page_size;
  set_be32 ((guint8 *) contents + 28, pages + extra_pages);
  /* Valid for this change counter, so the count is believed. */
  memcpy (contents + 92, contents + 24, 4);
  if (keep_pages > 0)
    len = keep_pages * page_size;
  g_assert_true (g_file_set_contents (copy, contents, len, NULL));
  return g_steal_pointer (&copy);
}

/* Issue 9, point 1: a workspace whose file is shorter than its header says
 * while its log holds the pages is intact (SQLite's integrity check agrees)
 * and opens; one whose pages are really gone is still refused. */
static void
test_open_mid_checkpoint (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = make_workspace ("checkpoint.steward");
  g_autofree char *intact = NULL;
  g_autofree char *damaged = NULL;
  g_autofree char *filler = g_strnfill (3000, 'x');
  g_autoptr(StwWorkspace) ws = NULL;
  sqlite3 *db = NULL;

  /* Another process writes a few hundred pages and has not checkpointed. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_autocheckpoint = 0", NULL, NULL, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO setting (key, value) VALUES ('filler-%u', '%s')", i, filler);

      g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    }
  intact = copy_mid_checkpoint (path, "checkpoint-intact.steward", 150, 0);
  damaged = copy_mid_checkpoint (path, "checkpoint-damaged.steward", 150, 2);
  sqlite3_close (db);

  ws = stw_workspace_open (intact, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ws);
  {
    g_autofree char *value = stw_workspace_dup_setting (ws, "filler-199");

    g_assert_cmpstr (value, ==, filler);
  }
  g_clear_object (&ws);

  /* The listing reads it too. */
  g_assert_cmpint (stw_workspace_peek_version (intact, &error), ==, STW_SCHEMA_VERSION);
  g_assert_no_error (error);

  g_assert_null (stw_workspace_open (damaged, &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_CORRUPT);
}

/* Issue 9, point 6: opening does not wait for another process's write
 * (it used to wait out the whole busy timeout, about 5 s, to clean up). */
static void
test_open_while_another_writes (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = make_workspace ("busy.steward");
  g_autoptr(StwWorkspace) ws = NULL;
  sqlite3 *db = NULL;
  gint64 start;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE; INSERT INTO setting (key, value) VALUES ('busy', '1')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  start = g_get_monotonic_time ();
  ws = stw_workspace_open (path, &error);
  g_assert_no_error (error);
  /* Far below the 5 s busy timeout, whatever the machine's load. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_USEC_PER_SEC);
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_people (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = make_workspace ("people.steward");
  g_autoptr(StwWorkspace) ws = stw_workspace_open (path, &error);
  g_autoptr(StwPerson) bob = NULL;
  g_autoptr(StwItem) item = NULL;
  g_autoptr(GListModel) streams = NULL;
  g_autoptr(StwWorkstream) tasks = NULL;
  guint people_changed = 0;

  g_signal_connect_swapped (ws, "people-changed", G_CALLBACK (g_atomic_int_inc), &people_changed);

  bob = stw_workspace_add_person (ws, " Bob Builder ", "IT lead", "bob@example.org", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stw_person_get_name (bob), ==, "Bob Builder");
  g_assert_cmpuint (g_list_model_get_n_items (stw_workspace_get_people (ws)), ==, 2);
  g_assert_cmpuint (people_changed, ==, 1);

  g_assert_null (stw_workspace_add_person (ws, "Eve", NULL, "not-an-address", &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);

  /* Deactivated people cannot be given new items. */
  g_assert_true (stw_workspace_update_person (ws, stw_person_get_id (bob), "Bob Builder", "IT lead",
                                              "bob@example.org", FALSE, &error));
  g_assert_no_error (error);
  tasks = g_list_model_get_item (stw_workspace_get_workstreams (ws), 3);
  item = stw_item_new (stw_workstream_get_id (tasks));
  stw_item_set_title (item, "Call the auditor");
  stw_item_set_owner_id (item, stw_person_get_id (bob));
  g_assert_false (stw_workspace_insert_item (ws, item, &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);

  /* You cannot deactivate yourself. */
  g_assert_false (stw_workspace_update_person (ws, stw_workspace_get_actor_id (ws), "Ann Example", "", "",
                                               FALSE, &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);

  /* The actor can be switched to an active person only. */
  g_assert_false (stw_workspace_set_actor_id (ws, stw_person_get_id (bob), &error));
  g_clear_error (&error);
  g_assert_true (stw_workspace_update_person (ws, stw_person_get_id (bob), "Bob Builder", "IT lead",
                                              "bob@example.org", TRUE, &error));
  g_assert_true (stw_workspace_set_actor_id (ws, stw_person_get_id (bob), &error));
  g_assert_no_error (error);
  g_clear_object (&ws);

  ws = stw_workspace_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stw_workspace_get_actor_id (ws), ==, stw_person_get_id (bob));
}

static void
test_organisation (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = make_workspace ("org.steward");
  g_autoptr(StwWorkspace) ws = stw_workspace_open (path, &error);
  gint64 me = stw_workspace_get_actor_id (ws);

  g_assert_true (stw_workspace_update_organisation (ws, "Acme Group", "All UK offices", me, 4, 10, &error));
  g_assert_no_error (error);
  g_assert_false (stw_workspace_update_organisation (ws, "Acme Group", "", me, 13, 10, &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (stw_workspace_update_organisation (ws, "Acme Group", "", me, 4, 26, &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&ws);

  ws = stw_workspace_open (path, &error);
  g_assert_cmpstr (stw_workspace_get_org_name (ws), ==, "Acme Group");
  g_assert_cmpstr (stw_workspace_get_scope (ws), ==, "All UK offices");
  g_assert_cmpuint (stw_workspace_get_cycle_start_month (ws), ==, 4);
  g_assert_cmpuint (stw_workspace_get_risk_threshold (ws), ==, 10);
}

static void
test_custom_workstream (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = make_workspace ("custom.steward");
  g_autoptr(StwWorkspace) ws = stw_workspace_open (path, &error);
  g_autoptr(StwWorkstream) kpi = NULL;

  kpi = stw_workspace_add_workstream (ws, "KPI measurement", "kpi", stw_workspace_get_actor_id (ws), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stw_workstream_get_prefix (kpi), ==, "KPI");
  g_assert_cmpuint (g_list_model_get_n_items (stw_workspace_get_workstreams (ws)), ==, 5);

  g_assert_null (stw_workspace_add_workstream (ws, "Other", "KPI", 0, &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_null (stw_workspace_add_workstream (ws, "Other", "K-1", 0, &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID);
}

static void
test_settings (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = make_workspace ("settings.steward");
  g_autoptr(StwWorkspace) ws = stw_workspace_open (path, &error);
  g_autoptr(GPtrArray) before = stw_workspace_list_history (ws, NULL, 0, NULL);
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *value = NULL;

  g_assert_null (stw_workspace_dup_setting (ws, "view:1"));
  g_assert_true (stw_workspace_set_setting (ws, "view:1", "board", &error));
  g_assert_true (stw_workspace_set_setting (ws, "view:1", "calendar", &error));
  g_assert_false (stw_workspace_set_setting (ws, "actor_id", "99", &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&ws);

  ws = stw_workspace_open (path, &error);
  value = stw_workspace_dup_setting (ws, "view:1");
  g_assert_cmpstr (value, ==, "calendar");
  g_assert_true (stw_workspace_set_setting (ws, "view:1", NULL, &error));
  g_assert_null (stw_workspace_dup_setting (ws, "view:1"));
  /* Preferences are not ISMS records. */
  after = stw_workspace_list_history (ws, NULL, 0, NULL);
  g_assert_cmpuint (after->len, ==, before->len);
}

static void
test_workspace_list (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *p1 = stw_workspaces_new_path ("Zürich Café & Co.");
  g_autoptr(StwWorkspace) ws = stw_workspace_create (p1, "Zürich Café & Co.", "Ann", &error);
  g_autofree char *p2 = stw_workspaces_new_path ("Zürich Café & Co.");
  g_autoptr(GListModel) list = NULL;
  g_autoptr(StwWorkspaceInfo) info = NULL;
  g_autofree char *by_name = NULL, *by_org = NULL, *by_path = NULL;

  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (p1, "/zurich-cafe-co.steward"));
  g_assert_true (g_str_has_suffix (p2, "/zurich-cafe-co-2.steward"));

  list = stw_workspaces_list (&error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  info = g_list_model_get_item (list, 0);
  g_assert_cmpstr (stw_workspace_info_get_name (info), ==, "zurich-cafe-co");
  g_assert_cmpstr (stw_workspace_info_get_org_name (info), ==, "Zürich Café & Co.");

  by_name = stw_workspaces_resolve ("zurich-cafe-co", &error);
  g_assert_cmpstr (by_name, ==, p1);
  by_org = stw_workspaces_resolve ("ZÜRICH café & co.", &error);
  g_assert_cmpstr (by_org, ==, p1);
  by_path = stw_workspaces_resolve (p1, &error);
  g_assert_cmpstr (by_path, ==, p1);
  g_assert_null (stw_workspaces_resolve ("nobody", &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_FOUND);
}

static guint
count_drafts_in (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *entry;
  guint n = 0;

  /* The drafts themselves, not their logs. */
  while ((entry = g_dir_read_name (dir)) != NULL)
    n += g_str_has_prefix (entry, ".steward-draft-") && strlen (entry) == strlen (".steward-draft-") + 16;
  return n;
}

/* Another process takes the name while a workspace is being built: its
 * file is neither replaced nor removed, and the draft goes. */
static void
test_create_race (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_path (tmp, "race.steward");
  g_autofree char *second = test_path (tmp, "race-2.steward");
  g_autoptr(StwWorkspace) draft = stw_workspace_create_draft (path, "Race Ltd", "Ann", &error);
  g_autoptr(StwWorkspace) ws = NULL;
  g_autoptr(GListModel) list = NULL;

  g_assert_no_error (error);
  /* A draft is no workspace yet: not at its name, not listed. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_drafts_in (tmp), ==, 1);

  g_assert_true (g_file_set_contents (path, "someone else's", -1, NULL));
  ws = stw_workspace_publish (draft, path, FALSE, &error);
  g_assert_null (ws);
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_EXISTS);
  g_clear_error (&error);
  g_clear_object (&draft);
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "someone else's");
  }
  g_assert_cmpuint (count_drafts_in (tmp), ==, 0);

  /* Taking the next free name instead. */
  draft = stw_workspace_create_draft (path, "Race Ltd", "Ann", &error);
  g_assert_no_error (error);
  ws = stw_workspace_publish (draft, path, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stw_workspace_get_path (ws), ==, second);
  g_assert_cmpstr (stw_workspace_get_org_name (ws), ==, "Race Ltd");
  g_clear_object (&draft);
  g_assert_cmpuint (count_drafts_in (tmp), ==, 0);
}

/* Drafts are never listed; one whose maker died is removed by the next
 * list, one whose maker lives (it holds its lock) never. */
static void
test_stale_drafts (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = stw_workspaces_dir ();
  g_autofree char *wanted = stw_workspaces_path_for ("Drafty Ltd");
  g_autofree char *dead = g_build_filename (dir, ".steward-draft-0123456789abcdef", NULL);
  g_autofree char *dead_wal = g_strconcat (dead, "-wal", NULL);
  g_autofree char *fresh = g_build_filename (dir, ".steward-draft-fedcba9876543210", NULL);
  g_autoptr(StwWorkspace) live = stw_workspace_create_draft (wanted, "Drafty Ltd", "Ann", &error);
  g_autoptr(GListModel) list = NULL;
  struct utimbuf old = { 1000000000, 1000000000 };
  g_autoptr(GDir) folder = NULL;
  const char *entry;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (dead, "half a workspace", -1, NULL));
  g_assert_true (g_file_set_contents (dead_wal, "its log", -1, NULL));
  g_assert_true (g_file_set_contents (fresh, "", -1, NULL));
  folder = g_dir_open (dir, 0, NULL);
  while ((entry = g_dir_read_name (folder)) != NULL)
    if (g_str_has_prefix (entry, ".steward-draft-") && !g_str_has_prefix (entry, ".steward-draft-fedcba"))
      {
        g_autofree char *path = g_build_filename (dir, entry, NULL);
        g_assert_cmpint (g_utime (path, &old), ==, 0);
      }

  list = stw_workspaces_list (&error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(StwWorkspaceInfo) info = g_list_model_get_item (list, i);
      g_assert_false (g_str_has_prefix (stw_workspace_info_get_name (info), ".steward-draft"));
    }
  g_assert_false (g_file_test (dead, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (dead_wal, G_FILE_TEST_EXISTS));
  /* Just made: it may not be locked yet. */
  g_assert_true (g_file_test (fresh, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (stw_workspace_get_path (live), G_FILE_TEST_EXISTS));

  g_clear_object (&live);
  g_assert_cmpuint (count_drafts_in (dir), ==, 1);
  g_unlink (fresh);
}

static guint
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

/* A workspace, its log and the log's index are its owner's alone, and so
 * is their folder, even where it was made looser before. */
static void
test_permissions (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = stw_workspaces_dir ();
  g_autoptr(StwWorkspace) ws = NULL;
  g_autofree char *path = NULL, *wal = NULL, *shm = NULL;
  g_autofree char *older = test_path (tmp, "older-modes.steward");
  g_autofree char *older_wal = NULL;
  mode_t mask = umask (022);

  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  g_free (stw_workspaces_dir ());
  g_assert_cmpuint (mode_of (dir), ==, 0700);

  ws = stw_workspace_create_in_folder ("Private Ltd", "Ann", &error);
  g_assert_no_error (error);
  path = g_strdup (stw_workspace_get_path (ws));
  wal = g_strconcat (path, "-wal", NULL);
  shm = g_strconcat (path, "-shm", NULL);
  g_assert_true (stw_workspace_set_setting (ws, "view", "board", &error));
  g_assert_cmpuint (mode_of (path), ==, 0600);
  g_assert_cmpuint (mode_of (wal), ==, 0600);
  g_assert_cmpuint (mode_of (shm), ==, 0600);
  g_clear_object (&ws);

  /* One made 0644 by an older Steward, with a log beside it. */
  make_at (older);
  g_assert_cmpint (g_chmod (older, 0644), ==, 0);
  older_wal = g_strconcat (older, "-wal", NULL);
  g_assert_true (g_file_set_contents (older_wal, "", 0, NULL));
  g_assert_cmpint (g_chmod (older_wal, 0644), ==, 0);
  ws = stw_workspace_open (older, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mode_of (older), ==, 0600);
  g_assert_cmpuint (mode_of (older_wal), ==, 0600);

  umask (mask);
}

/* Reading only: a read-only workspace opens and stays as it was; an older
 * one is migrated where it can be written and refused where not. */
static void
test_open_read_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = make_workspace ("read-only.steward");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *older = test_path (tmp, "older-read-only.steward");
  g_autofree char *older_rw = test_path (tmp, "older-writable.steward");
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr(StwWorkspace) ws = NULL;

  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  before = test_file_digest (path);
  ws = stw_workspace_open_read_only (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stw_workspace_get_org_name (ws), ==, "Acme Ltd");
  g_assert_cmpuint (g_list_model_get_n_items (stw_workspace_get_workstreams (ws)), ==, 4);
  g_assert_false (stw_workspace_set_setting (ws, "view", "list", &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_clear_object (&ws);
  after = test_file_digest (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));

  g_assert_true (_stw_workspace_create_at_version (older, 1, &error));
  g_assert_cmpint (g_chmod (older, 0444), ==, 0);
  g_assert_null (stw_workspace_open_read_only (older, &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "older"));
  g_clear_error (&error);

  g_assert_true (_stw_workspace_create_at_version (older_rw, 1, &error));
  ws = stw_workspace_open_read_only (older_rw, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stw_workspace_peek_version (older_rw, NULL), ==, STW_SCHEMA_VERSION);
}

/* Version 5 records which completion created an occurrence. A file from
 * before has no such link: reopening there withdraws nothing, even an
 * untouched next occurrence that a completion did create. */
static void
test_migrate_v4_reopen_withdraws_nothing (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = make_workspace ("v4-reopen.steward");
  g_autoptr(StwWorkspace) ws = stw_workspace_open (path, &error);
  g_autoptr(StwWorkstream) plan = NULL;
  g_autoptr(StwItem) item = NULL;
  g_autoptr(StwItem) next = NULL;
  StwRecurrence monthly = { STW_REPEAT_MONTHLY, 1, "2027-01-31" };

  g_assert_no_error (error);
  plan = g_list_model_get_item (stw_workspace_get_workstreams (ws), 0);
  item = stw_item_new (stw_workstream_get_id (plan));
  stw_item_set_title (item, "Backup restore test");
  stw_item_set_due_date (item, "2027-01-31");
  stw_item_set_recurrence (item, &monthly);
  g_assert_true (stw_workspace_insert_item (ws, item, &error));
  g_assert_no_error (error);
  stw_item_set_status (item, STW_STATUS_DONE);
  g_assert_true (stw_workspace_update_item (ws, item, &error));
  g_assert_no_error (error);
  g_clear_object (&ws);

  /* That completion made OP-2027-002 and linked it; back to version 4,
   * as an older Steward left it: no link. */
  raw_exec (path,
            /* Version 8's audits, version 7's Statement of Applicability,
             * then version 6's records: this file goes back four versions. */
            "DROP TABLE finding; DROP TABLE audit_team; DROP TABLE audit_scope;"
            "ALTER TABLE item DROP COLUMN audit_id; DROP TABLE audit;"
            "DROP TABLE soa_approval; DROP TABLE soa_entry;"
            "DROP TABLE measurement; DROP TABLE kpi; DROP TABLE objective;"
            "DROP INDEX item_by_completion;"
            "ALTER TABLE item DROP COLUMN created_by_completion_of;"
            "PRAGMA user_version = 4;");
  g_assert_cmpint (stw_workspace_peek_version (path, NULL), ==, 4);

  ws = stw_workspace_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stw_workspace_peek_version (path, NULL), ==, STW_SCHEMA_VERSION);
  next = stw_workspace_find_item_by_ref (ws, "OP-2027-002", &error);
  g_assert_no_error (error);
  g_assert_nonnull (next);
  {
    g_autoptr(StwItem) reopen = stw_workspace_find_item_by_ref (ws, "OP-2027-001", &error);
    g_autoptr(StwItem) still = NULL;

    stw_item_set_status (reopen, STW_STATUS_IN_REVIEW);
    g_assert_true (stw_workspace_update_item (ws, reopen, &error));
    g_assert_no_error (error);
    still = stw_workspace_find_item_by_ref (ws, "OP-2027-002", &error);
    g_assert_no_error (error);
    g_assert_nonnull (still);
    g_assert_null (stw_workspace_take_withdrawn (ws, 0));
  }
}

static int
query_raw_int (const char *path,
               const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* New workspaces give freed space back (incremental auto-vacuum); an older
 * one without it is converted when opened, its content intact. */
static void
test_migrate_auto_vacuum (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *fresh = make_workspace ("auto-vacuum-new.steward");
  g_autofree char *path = test_path (tmp, "auto-vacuum-old.steward");
  g_autoptr(StwWorkspace) ws = NULL;

  g_assert_cmpint (query_raw_int (fresh, "PRAGMA auto_vacuum"), ==, 2);

  g_assert_true (_stw_workspace_create_at_version (path, 4, &error));
  g_assert_no_error (error);
  raw_exec (path, "PRAGMA auto_vacuum = NONE; VACUUM;");
  g_assert_cmpint (query_raw_int (path, "PRAGMA auto_vacuum"), ==, 0);

  ws = stw_workspace_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_raw_int (path, "PRAGMA auto_vacuum"), ==, 2);
  g_assert_cmpstr (stw_workspace_get_org_name (ws), ==, "Older workspace");
  {
    g_autoptr(StwItem) item = stw_workspace_find_item_by_ref (ws, "T-001", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (stw_item_get_title (item), ==, "Zürich office access review");
  }
  g_assert_true (stw_workspace_verify_history (ws, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* An older workspace holding more than opening converts quickly (64 MiB)
 * stays as it is when opened, and is converted on request: refused with a
 * clear error, changing nothing, when the disk lacks room; then converted,
 * its content intact, and space comes back afterwards. */
static void
test_migrate_auto_vacuum_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_path (tmp, "auto-vacuum-large.steward");
  g_autoptr(StwWorkspace) ws = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  GStatBuf st;

  g_assert_true (_stw_workspace_create_at_version (path, 4, &error));
  g_assert_no_error (error);
  /* 72 MiB of content, as evidence would be. */
  raw_exec (path, "PRAGMA auto_vacuum = NONE; VACUUM;"
                  "INSERT INTO setting (key, value) VALUES ('padding', randomblob (72 * 1024 * 1024));");
  g_assert_cmpint (query_raw_int (path, "PRAGMA auto_vacuum"), ==, 0);

  /* Opening stays quick: no rewrite of 72 MiB. */
  ws = stw_workspace_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stw_workspace_peek_version (path, NULL), ==, STW_SCHEMA_VERSION);
  g_assert_false (stw_workspace_gives_space_back (ws));
  g_assert_cmpint (query_raw_int (path, "PRAGMA auto_vacuum"), ==, 0);

  /* Too little disk: refused, nothing changed. */
  _stw_evidence_set_free_space_for_test (100 * 1024 * 1024);
  g_assert_false (stw_workspace_convert_space (ws, report, &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, "Not enough free disk space"));
  g_clear_error (&error);
  g_assert_cmpuint (report->len, ==, 0);
  g_assert_false (stw_workspace_gives_space_back (ws));

  _stw_evidence_set_free_space_for_test (-1);
  g_assert_true (stw_workspace_convert_space (ws, report, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (report->str, "Space: converted"));
  g_assert_true (stw_workspace_gives_space_back (ws));
  g_assert_cmpint (query_raw_int (path, "PRAGMA auto_vacuum"), ==, 2);
  {
    g_autoptr(StwItem) item = stw_workspace_find_item_by_ref (ws, "T-001", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (stw_item_get_title (item), ==, "Zürich office access review");
  }
  g_assert_cmpint (query_raw_int (path, "SELECT length (value) FROM setting WHERE key = 'padding'"), ==,
                   72 * 1024 * 1024);
  g_clear_object (&ws);

  /* Now the space of removed content goes back at the next open. */
  raw_exec (path, "DELETE FROM setting WHERE key = 'padding'");
  ws = stw_workspace_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&ws);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, <, 8 * 1024 * 1024);
}

/* Version 6 rebuilds the attachment table so evidence can be attached to
 * a KPI measurement: an older file keeps its attachments, ids and all. */
static void
test_migrate_v5_attachments (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_path (tmp, "v5-attachments.steward");
  g_autoptr(StwWorkspace) ws = NULL;
  g_autofree char *sha = g_strnfill (64, 'a');
  g_autofree char *insert = g_strdup_printf ("INSERT INTO attachment (id, entity, entity_id, sha256, file_name, size,"
                                             " media_type, added_at) VALUES (7, 'item', 1, '%s', 'log.txt', 3,"
                                             " 'text/plain', '2026-01-01T00:00:00Z')", sha);
  g_autofree char *insert_measurement = g_strdup_printf ("INSERT INTO attachment (entity, entity_id, sha256,"
                                                         " file_name, size, media_type, added_at) VALUES"
                                                         " ('measurement', 1, '%s', 'm.csv', 3, 'text/csv',"
                                                         " '2026-01-01T00:00:00Z')", sha);
  sqlite3 *db = NULL;

  g_assert_true (_stw_workspace_create_at_version (path, 5, &error));
  g_assert_no_error (error);
  raw_exec (path, insert);
  /* Version 5 knows no measurements. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, insert_measurement, NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  sqlite3_close (db);

  ws = stw_workspace_open (path, &error);
  g_assert_no_error (error);
  /* Opening upgrades to the newest version, past 6. */
  g_assert_cmpint (stw_workspace_peek_version (path, NULL), ==, STW_SCHEMA_VERSION);
  g_assert_cmpint (query_raw_int (path, "SELECT count(*) FROM attachment WHERE id = 7 AND entity = 'item'"
                                        " AND file_name = 'log.txt'"), ==, 1);
  g_clear_object (&ws);
  raw_exec (path, insert_measurement);
  g_assert_cmpint (query_raw_int (path, "SELECT count(*) FROM attachment WHERE entity = 'measurement'"), ==, 1);
  g_assert_cmpint (query_raw_int (path, "SELECT count(*) FROM objective"), ==, 0);
}

/* Version 7 adds the audit programme: its tables, the plan item's link
 * to an audit, and evidence on findings; attachments keep their rows and
 * ids. */
static void
test_migrate_v6_audits (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_path (tmp, "v6-audits.steward");
  g_autoptr(StwWorkspace) ws = NULL;
  g_autofree char *sha = g_strnfill (64, 'b');
  g_autofree char *insert = g_strdup_printf ("INSERT INTO attachment (id, entity, entity_id, sha256, file_name, size,"
                                             " media_type, added_at) VALUES (9, 'measurement', 1, '%s', 'm.csv', 3,"
                                             " 'text/csv', '2026-01-01T00:00:00Z')", sha);
  g_autofree char *insert_finding = g_strdup_printf ("INSERT INTO attachment (entity, entity_id, sha256,"
                                                     " file_name, size, media_type, added_at) VALUES"
                                                     " ('finding', 1, '%s', 'f.pdf', 3, 'application/pdf',"
                                                     " '2026-01-01T00:00:00Z')", sha);
  sqlite3 *db = NULL;

  g_assert_true (_stw_workspace_create_at_version (path, 6, &error));
  g_assert_no_error (error);
  raw_exec (path, insert);
  /* Version 6 knows no findings. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, insert_finding, NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "SELECT audit_id FROM item", NULL, NULL, NULL), ==, SQLITE_ERROR);
  sqlite3_close (db);

  ws = stw_workspace_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stw_workspace_peek_version (path, NULL), ==, STW_SCHEMA_VERSION);
  g_assert_cmpint (query_raw_int (path, "SELECT count(*) FROM attachment WHERE id = 9 AND entity = 'measurement'"
                                        " AND file_name = 'm.csv'"), ==, 1);
  g_clear_object (&ws);
  raw_exec (path, insert_finding);
  g_assert_cmpint (query_raw_int (path, "SELECT count(*) FROM attachment WHERE entity = 'finding'"), ==, 1);
  g_assert_cmpint (query_raw_int (path, "SELECT count(*) FROM audit"), ==, 0);
  g_assert_cmpint (query_raw_int (path, "SELECT count(*) FROM finding"), ==, 0);
  g_assert_cmpint (query_raw_int (path, "SELECT count(audit_id) FROM item"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);
  data_home = test_setup_data_home ();
  tmp = g_build_filename (data_home, "files", NULL);
  g_mkdir_with_parents (tmp, 0700);

  g_test_add_func ("/workspace/create-and-reopen", test_create_and_reopen);
  g_test_add_func ("/workspace/create-refuses", test_create_refuses);
  g_test_add_func ("/workspace/migrate/from-empty-file", test_migrate_from_empty_file);
  g_test_add_func ("/workspace/migrate/every-version", test_migrate_every_version);
  g_test_add_func ("/workspace/migrate/v4-reopen-withdraws-nothing", test_migrate_v4_reopen_withdraws_nothing);
  g_test_add_func ("/workspace/migrate/auto-vacuum", test_migrate_auto_vacuum);
  g_test_add_func ("/workspace/migrate/auto-vacuum-large", test_migrate_auto_vacuum_large);
  g_test_add_func ("/workspace/migrate/v5-attachments", test_migrate_v5_attachments);
  g_test_add_func ("/workspace/migrate/v6-audits", test_migrate_v6_audits);
  g_test_add_func ("/workspace/bad-files", test_bad_files);
  g_test_add_func ("/workspace/open-mid-checkpoint", test_open_mid_checkpoint);
  g_test_add_func ("/workspace/open-while-another-writes", test_open_while_another_writes);
  g_test_add_func ("/workspace/people", test_people);
  g_test_add_func ("/workspace/organisation", test_organisation);
  g_test_add_func ("/workspace/custom-workstream", test_custom_workstream);
  g_test_add_func ("/workspace/list", test_workspace_list);
  g_test_add_func ("/workspace/settings", test_settings);
  g_test_add_func ("/workspace/create-race", test_create_race);
  g_test_add_func ("/workspace/stale-drafts", test_stale_drafts);
  g_test_add_func ("/workspace/permissions", test_permissions);
  g_test_add_func ("/workspace/open-read-only", test_open_read_only);

  ret = g_test_run ();
  g_free (tmp);
  return ret;
}
