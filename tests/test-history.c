/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-history.c: the hash-chained history catches a row edited, deleted or
 * inserted outside the app, and the app itself cannot change it.
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "stw-workspace.h"
#include "test-util.h"

static char *tmp;

/* A workspace with a few dozen history entries. */
static char *
make_workspace_with_history (const char *name,
                             gint64     *n_entries)
{
  g_autoptr(GError) error = NULL;
  char *path = test_path (tmp, name);
  g_autoptr(StwWorkspace) ws = stw_workspace_create (path, "Acme Ltd", "Ann", &error);
  g_autoptr(StwWorkstream) tasks = NULL;

  g_assert_no_error (error);
  tasks = g_list_model_get_item (stw_workspace_get_workstreams (ws), 3);
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(StwItem) item = stw_item_new (stw_workstream_get_id (tasks));
      g_autofree char *title = g_strdup_printf ("Task %u", i);

      stw_item_set_title (item, title);
      g_assert_true (stw_workspace_insert_item (ws, item, &error));
      stw_item_set_due_date (item, "2027-05-01");
      g_assert_true (stw_workspace_update_item (ws, item, &error));
      g_assert_no_error (error);
    }
  g_assert_true (stw_workspace_verify_history (ws, NULL, n_entries, &error));
  g_assert_no_error (error);
  return path;
}

static void
tamper (const char *path,
        const char *sql)
{
  sqlite3 *db = NULL;
  char *msg = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  /* Someone with a database tool can drop the guards; the chain remains. */
  if (sqlite3_exec (db,
                    "DROP TRIGGER history_no_update; DROP TRIGGER history_no_delete;",
                    NULL, NULL, &msg) != SQLITE_OK)
    g_error ("%s", msg);
  if (sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK)
    g_error ("%s", msg);
  sqlite3_close (db);
}

static gint64
first_break (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwWorkspace) ws = stw_workspace_open (path, &error);
  gint64 bad = -1;
  g_autoptr(GString) report = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_false (stw_workspace_verify_history (ws, &bad, NULL, &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_HISTORY_BROKEN);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  g_assert_false (stw_workspace_check (ws, report, &error));
  g_assert_nonnull (strstr (report->str, "History:"));
  g_assert_null (strstr (report->str, "chain intact"));
  return bad;
}

static void
test_intact (void)
{
  g_autoptr(GError) error = NULL;
  gint64 n = 0;
  g_autofree char *path = make_workspace_with_history ("intact.steward", &n);
  g_autoptr(StwWorkspace) ws = stw_workspace_open (path, &error);
  g_autoptr(GString) report = g_string_new (NULL);
  g_autofree char *head = stw_workspace_dup_history_head (ws);
  g_autoptr(GPtrArray) all = stw_workspace_list_history (ws, NULL, 0, &error);

  /* 6 from creation, then 2 per task */
  g_assert_cmpint (n, ==, 6 + 20);
  g_assert_cmpuint (all->len, ==, 26);
  g_assert_cmpstr (head, ==, ((StwHistoryEntry *) all->pdata[25])->hash);
  g_assert_cmpuint (strlen (head), ==, 64);
  g_assert_true (stw_workspace_check (ws, report, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (report->str, "chain intact"));
  g_assert_nonnull (strstr (report->str, head));
}

static void
test_edited_row (void)
{
  g_autofree char *path = make_workspace_with_history ("edited.steward", NULL);

  tamper (path, "UPDATE history SET changes = '{\"title\":[null,\"Nothing to see\"]}' WHERE seq = 9");
  g_assert_cmpint (first_break (path), ==, 9);
}

static void
test_edited_actor (void)
{
  g_autofree char *path = make_workspace_with_history ("actor.steward", NULL);

  tamper (path, "UPDATE history SET actor_name = 'Mallory' WHERE seq = 12");
  g_assert_cmpint (first_break (path), ==, 12);
}

static void
test_deleted_row (void)
{
  g_autofree char *path = make_workspace_with_history ("deleted.steward", NULL);

  tamper (path, "DELETE FROM history WHERE seq = 7");
  g_assert_cmpint (first_break (path), ==, 8);
}

static void
test_inserted_row (void)
{
  g_autofree char *path = make_workspace_with_history ("inserted.steward", NULL);

  /* Make room at 10 and slip in an entry that claims to follow 9. */
  tamper (path,
          "UPDATE history SET seq = seq + 1000 WHERE seq >= 10;"
          "UPDATE history SET seq = seq - 999 WHERE seq >= 1010;"
          "INSERT INTO history (seq, at, actor_id, actor_name, entity, entity_id, action, changes, prev_hash, hash)"
          " SELECT 10, at, actor_id, actor_name, 'item', 1, 'delete', '{}', hash,"
          " '0000000000000000000000000000000000000000000000000000000000000001' FROM history WHERE seq = 9;");
  g_assert_cmpint (first_break (path), ==, 10);
}

static void
test_appended_row (void)
{
  gint64 n = 0;
  g_autofree char *path = make_workspace_with_history ("appended.steward", &n);
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO history (seq, at, actor_id, actor_name, entity, entity_id, action, changes, prev_hash, hash)"
    " SELECT seq + 1, at, actor_id, actor_name, 'item', 1, 'delete', '{}', hash, hash FROM history WHERE seq = %"
    G_GINT64_FORMAT, n);

  tamper (path, sql);
  g_assert_cmpint (first_break (path), ==, n + 1);
}

static void
test_app_cannot_edit (void)
{
  g_autofree char *path = make_workspace_with_history ("guarded.steward", NULL);
  sqlite3 *db = NULL;

  /* The guards stop any code path, ours included, from rewriting history. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE history SET actor_name = 'x'", NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM history", NULL, NULL, NULL), !=, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_entity_timeline (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = make_workspace_with_history ("timeline.steward", NULL);
  g_autoptr(StwWorkspace) ws = stw_workspace_open (path, &error);
  g_autoptr(StwItem) item = stw_workspace_find_item_by_ref (ws, "T-003", &error);
  g_autoptr(GPtrArray) entries = NULL;
  StwHistoryEntry *create, *update;

  g_assert_no_error (error);
  entries = stw_workspace_list_history (ws, "item", stw_item_get_id (item), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);
  create = entries->pdata[0];
  update = entries->pdata[1];
  g_assert_cmpstr (create->action, ==, "create");
  g_assert_nonnull (strstr (create->changes, "\"ref\":[null,\"T-003\"]"));
  g_assert_nonnull (strstr (create->changes, "\"title\":[null,\"Task 2\"]"));
  g_assert_cmpstr (update->action, ==, "update");
  g_assert_cmpstr (update->changes, ==, "{\"due_date\":[null,\"2027-05-01\"]}");
  g_assert_cmpstr (update->actor_name, ==, "Ann");
  g_assert_true (update->seq > create->seq);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;

  g_test_init (&argc, &argv, NULL);
  data_home = test_setup_data_home ();
  tmp = data_home;

  g_test_add_func ("/history/intact", test_intact);
  g_test_add_func ("/history/edited-row", test_edited_row);
  g_test_add_func ("/history/edited-actor", test_edited_actor);
  g_test_add_func ("/history/deleted-row", test_deleted_row);
  g_test_add_func ("/history/inserted-row", test_inserted_row);
  g_test_add_func ("/history/appended-row", test_appended_row);
  g_test_add_func ("/history/app-cannot-edit", test_app_cannot_edit);
  g_test_add_func ("/history/entity-timeline", test_entity_timeline);

  return g_test_run ();
}
