/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-history.c: the hash-chained history catches a row edited, deleted or
 * inserted outside the app, and the app itself cannot change it. The check
 * goes further: a history rehashed or cut off is caught by the head
 * witnessed outside the file, a record edited without an entry by
 * replaying the history, dropped guards by comparing with the schema.
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "stw-evidence.h"
#include "stw-plan.h"
#include "stw-risk-register.h"
#include "stw-sample.h"
#include "stw-undo.h"
#include "stw-workspace.h"
#include "stw-workspace-private.h"
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

/* Runs @sql with the guards lifted and then puts them back exactly as they
 * were: a forger who knows the schema leaves no trace in the triggers. */
static void
forge (const char *path,
       const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GString) guards = g_string_new (NULL);
  char *msg = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT sql FROM sqlite_master WHERE name LIKE 'history_no_%'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (guards, "%s;", sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (sqlite3_exec (db, "DROP TRIGGER history_no_update; DROP TRIGGER history_no_delete;", NULL, NULL, &msg) != SQLITE_OK
      || sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK
      || sqlite3_exec (db, guards->str, NULL, NULL, &msg) != SQLITE_OK)
    g_error ("%s", msg);
  sqlite3_close (db);
}

/* Recomputes the chain from entry @from on, as a forger would after
 * editing it, so that it verifies again. */
static void
rehash_from (const char *path,
             gint64      from)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autofree char *prev = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT seq, at, actor_id, actor_name, entity, entity_id, action,"
                                       " changes, prev_hash FROM history WHERE seq >= ? ORDER BY seq",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, from);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 seq = sqlite3_column_int64 (stmt, 0);
      g_autofree char *hash = NULL;

      if (prev == NULL)
        prev = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
      hash = _stw_history_hash (prev, seq, (const char *) sqlite3_column_text (stmt, 1),
                                sqlite3_column_int64 (stmt, 2), (const char *) sqlite3_column_text (stmt, 3),
                                (const char *) sqlite3_column_text (stmt, 4), sqlite3_column_int64 (stmt, 5),
                                (const char *) sqlite3_column_text (stmt, 6), (const char *) sqlite3_column_text (stmt, 7));
      g_string_append_printf (sql, "UPDATE history SET prev_hash = '%s', hash = '%s' WHERE seq = %" G_GINT64_FORMAT ";",
                              prev, hash, seq);
      g_free (prev);
      prev = g_steal_pointer (&hash);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  forge (path, sql->str);
}

/* Opens @path, expects its check to fail with a line containing @finding
 * while the chain itself verifies. */
static void
assert_check_finds (const char *path,
                    const char *finding)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwWorkspace) ws = stw_workspace_open (path, &error);
  g_autoptr(GString) report = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_false (stw_workspace_check (ws, report, &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_CORRUPT);
  g_test_message ("%s", report->str);
  g_assert_nonnull (strstr (report->str, finding));
}

static void
assert_check_intact (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwWorkspace) ws = stw_workspace_open (path, &error);
  g_autoptr(GString) report = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_true (stw_workspace_check (ws, report, &error));
  g_assert_no_error (error);
}

/* Task 4 (T-005, entry 15) retitled, its row to match, and the chain
 * recomputed from there: a valid chain, rows that agree with it, guards in
 * place. Only the head this computer witnessed tells. */
static void
test_rehashed (void)
{
  g_autofree char *path = make_workspace_with_history ("rehashed.steward", NULL);
  g_autofree char *witness = NULL;
  g_autofree char *key = NULL;
  GStatBuf st;

  /* The witness sits in the data folder, readable by its owner only. */
  {
    g_autofree char *canonical = g_canonicalize_filename (path, NULL);

    key = g_compute_checksum_for_string (G_CHECKSUM_SHA256, canonical, -1);
    witness = g_build_filename (g_getenv ("XDG_DATA_HOME"), "steward", "witness", key, NULL);
  }
  g_assert_cmpint (g_stat (witness, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  assert_check_intact (path);
  forge (path,
         "UPDATE history SET changes = replace(changes, 'Task 4', 'Task four') WHERE seq = 15;"
         "UPDATE item SET title = 'Task four' WHERE title = 'Task 4';");
  rehash_from (path, 15);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(StwWorkspace) ws = stw_workspace_open (path, &error);

    g_assert_true (stw_workspace_verify_history (ws, NULL, NULL, &error));
  }
  assert_check_finds (path, "History: entry 26 is not the head this computer last saw");
}

/* The last two entries (Task 9's due date) cut off, its row set back to
 * match: again only the witness tells. */
static void
test_cut_off (void)
{
  g_autofree char *path = make_workspace_with_history ("cut.steward", NULL);

  forge (path,
         "DELETE FROM history WHERE seq = 26;"
         "UPDATE item SET due_date = NULL WHERE title = 'Task 9';");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(StwWorkspace) ws = stw_workspace_open (path, &error);

    g_assert_true (stw_workspace_verify_history (ws, NULL, NULL, &error));
  }
  assert_check_finds (path, "History: entry 26, the head this computer last saw, is gone");
}

/* Rows edited in SQL with no history entry: the replayed history names
 * the record and the field. */
static void
test_record_edited (void)
{
  const struct {
    const char *sql;
    const char *finding;
  } cases[] = {
    { "UPDATE item SET due_date = '2030-01-01' WHERE ref = 'T-003'",
      "Records: item T-003, field “due_date”, is “2030-01-01” but its history says “2027-05-01”" },
    { "UPDATE item SET deleted_at = '2027-01-01T00:00:00Z' WHERE ref = 'T-004'",
      "Records: item T-004 is deleted but its history does not say so" },
    { "UPDATE risk SET likelihood = 1 WHERE ref = 'R-001'",
      "Records: risk R-001, field “likelihood”, is 1 but its history says 4" },
    { "UPDATE person SET name = 'Mallory' WHERE name = 'Ann'",
      "Records: person Mallory, field “name”, is “Mallory” but its history says “Ann”" },
    { "UPDATE organisation SET name = 'Evil Corp'",
      "Records: organisation Evil Corp, field “name”, is “Evil Corp” but its history says “Acme Ltd”" },
    { "DELETE FROM item WHERE ref = 'T-002'",
      "Records: item T-002 is missing" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("record-%u.steward", i);
      g_autofree char *path = make_workspace_with_history (name, NULL);

      {
        g_autoptr(GError) error = NULL;
        g_autoptr(StwWorkspace) ws = stw_workspace_open (path, &error);
        g_autoptr(StwRisk) risk = stw_risk_new ();

        stw_risk_set_title (risk, "Laptop theft");
        stw_risk_set_likelihood (risk, 4);
        stw_risk_set_impact (risk, 3);
        g_assert_true (stw_workspace_insert_risk (ws, risk, &error));
        g_assert_no_error (error);
      }
      assert_check_intact (path);
      {
        sqlite3 *db = NULL;

        g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
        g_assert_cmpint (sqlite3_exec (db, cases[i].sql, NULL, NULL, NULL), ==, SQLITE_OK);
        sqlite3_close (db);
      }
      assert_check_finds (path, cases[i].finding);
    }
}

/* What the check used to leave out: a row with no entry at all, and the
 * fields recorded by name or as lists. Each tampering, done with the
 * guards lifted and put back, is named with its record and field. */
static void
test_record_gaps (void)
{
  const struct {
    const char *sql;
    const char *finding;
  } cases[] = {
    { "INSERT INTO item (ref, workstream_id, title, created_at, updated_at)"
      " VALUES ('T-099', 4, 'Planted', '2027-01-01T00:00:00Z', '2027-01-01T00:00:00Z')",
      "Records: item T-099 has no history" },
    { "INSERT INTO risk (ref, title, likelihood, impact, created_at, updated_at)"
      " VALUES ('R-009', 'Planted risk', 1, 1, '2027-01-01T00:00:00Z', '2027-01-01T00:00:00Z')",
      "Records: risk R-009 has no history" },
    { "INSERT INTO person (name, created_at) VALUES ('Mallory', '2027-01-01T00:00:00Z')",
      "Records: person Mallory has no history" },
    { "INSERT INTO workstream (kind, name, prefix, position, created_at)"
      " VALUES ('custom', 'Shadow', 'SH', 9, '2027-01-01T00:00:00Z')",
      "Records: workstream Shadow has no history" },
    { "UPDATE item SET workstream_id = 1 WHERE ref = 'T-003'",
      "Records: item T-003, field “workstream”, is “Operational plan” but its history says “ISMS tasks”" },
    { "UPDATE item SET owner_id = (SELECT id FROM person WHERE name = 'Bob') WHERE ref = 'T-004'",
      "Records: item T-004, field “owner_id”" },
    { "UPDATE workstream SET owner_id = (SELECT id FROM person WHERE name = 'Bob') WHERE prefix = 'T'",
      "Records: workstream ISMS tasks, field “owner”, is “Bob” but its history says “Ann”" },
    { "UPDATE workstream SET name = 'Side jobs' WHERE prefix = 'T'",
      "Records: workstream Side jobs, field “name”, is “Side jobs” but its history says “ISMS tasks”" },
    { "UPDATE risk SET owner_id = NULL WHERE ref = 'R-001'",
      "Records: risk R-001, field “owner”, is empty but its history says “Bob”" },
    { "UPDATE organisation SET isms_owner_id = (SELECT id FROM person WHERE name = 'Bob')",
      "Records: organisation Acme Ltd, field “isms_owner”, is “Bob” but its history says “Ann”" },
    { "INSERT INTO item_clause (item_id, clause) SELECT id, '9.2' FROM item WHERE ref = 'T-005'",
      "Records: item T-005, field “clauses”, is “9.2” but its history says empty" },
    { "DELETE FROM item_clause WHERE clause = '6.1.2'",
      "Records: item T-006, field “clauses”, is “9.3” but its history says “6.1.2,9.3”" },
    { "INSERT INTO item_control (item_id, control_id) SELECT id, 'A.8.13' FROM item WHERE ref = 'T-006'",
      "Records: item T-006, field “controls”, is “A.5.15,A.8.13” but its history says “A.5.15”" },
    { "DELETE FROM risk_control WHERE control_id = 'A.8.1'",
      "Records: risk R-001, field “controls”, is “A.5.10” but its history says “A.5.10,A.8.1”" },
    { "UPDATE item SET risk_id = NULL WHERE ref = 'T-006'",
      "Records: item T-006, field “risk”, is empty but its history says “R-001”" },
    { "UPDATE item SET repeat_unit = 'monthly', repeat_interval = 1, repeat_anchor = '2027-05-01'"
      " WHERE ref = 'T-007'",
      "Records: item T-007, field “recurrence”, is “monthly/1/2027-05-01” but its history says empty" },
    { "UPDATE person SET active = 0 WHERE name = 'Bob'",
      "Records: person Bob, field “active”, is 0 but its history says 1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("gap-%u.steward", i);
      g_autofree char *path = make_workspace_with_history (name, NULL);

      {
        g_autoptr(GError) error = NULL;
        g_autoptr(StwWorkspace) ws = stw_workspace_open (path, &error);
        g_autoptr(StwRisk) risk = stw_risk_new ();
        g_autoptr(StwPerson) bob = NULL;
        g_autoptr(StwItem) item = NULL;
        const char *controls[] = { "A.8.1", "A.5.10", NULL };
        const char *clauses[] = { "9.3", "6.1.2", NULL };
        const char *item_controls[] = { "A.5.15", NULL };

        g_assert_no_error (error);
        bob = stw_workspace_add_person (ws, "Bob", NULL, NULL, &error);
        g_assert_no_error (error);
        stw_risk_set_title (risk, "Laptop theft");
        stw_risk_set_likelihood (risk, 4);
        stw_risk_set_impact (risk, 3);
        stw_risk_set_owner_id (risk, stw_person_get_id (bob));
        stw_risk_set_controls (risk, controls);
        g_assert_true (stw_workspace_insert_risk (ws, risk, &error));
        g_assert_no_error (error);

        item = stw_workspace_find_item_by_ref (ws, "T-006", &error);
        g_assert_no_error (error);
        stw_item_set_clauses (item, clauses);
        stw_item_set_controls (item, item_controls);
        stw_item_set_risk_id (item, stw_risk_get_id (risk));
        g_assert_true (stw_workspace_update_item (ws, item, &error));
        g_assert_no_error (error);
      }
      assert_check_intact (path);
      forge (path, cases[i].sql);
      assert_check_finds (path, cases[i].finding);
    }
}

/* A year rolled forward: its review row and its entry must agree. */
static void
test_review_tampered (void)
{
  const struct {
    const char *sql;
    const char *finding;
  } cases[] = {
    { "UPDATE cycle_review SET items_created = items_created + 1",
      "Records: plan 2027-01-01, field “items_created”" },
    { "UPDATE cycle_review SET reviewed_by = 99",
      "Records: plan 2027-01-01, field “reviewed_by”, is 99 but its history says 1" },
    { "DELETE FROM cycle_review",
      "Records: plan 2027-01-01 is missing" },
    { "INSERT INTO cycle_review (cycle_start, next_cycle_start, reviewed_by, reviewed_at, items_created)"
      " VALUES ('2030-01-01', '2031-01-01', 1, '2030-01-01T00:00:00Z', 0)",
      "Records: plan 2030-01-01 has no history" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("review-%u.steward", i);
      g_autofree char *path = test_path (tmp, name);

      {
        g_autoptr(GError) error = NULL;
        g_autoptr(StwWorkspace) ws = stw_workspace_create (path, "Acme Ltd", "Ann", &error);
        g_autoptr(GPtrArray) rows = NULL;

        g_assert_no_error (error);
        stw_workspace_apply_plan_template (ws, stw_workspace_get_actor_id (ws), &error);
        g_assert_no_error (error);
        rows = stw_workspace_plan_roll_forward (ws, NULL, &error);
        g_assert_no_error (error);
        g_assert_true (stw_workspace_roll_forward (ws, NULL, rows, NULL, &error));
        g_assert_no_error (error);
      }
      assert_check_intact (path);
      forge (path, cases[i].sql);
      assert_check_finds (path, cases[i].finding);
    }
}

/* A forged entry whose list holds a number: named, not a crash. */
static void
test_forged_list (void)
{
  g_autofree char *path = make_workspace_with_history ("forged-list.steward", NULL);
  gint64 seq;

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(StwWorkspace) ws = stw_workspace_open (path, &error);
    g_autoptr(StwItem) item = stw_workspace_find_item_by_ref (ws, "T-006", &error);
    const char *controls[] = { "A.5.15", NULL };
    g_autoptr(GPtrArray) all = NULL;

    g_assert_no_error (error);
    stw_item_set_controls (item, controls);
    g_assert_true (stw_workspace_update_item (ws, item, &error));
    g_assert_no_error (error);
    all = stw_workspace_list_history (ws, NULL, 0, &error);
    seq = ((StwHistoryEntry *) all->pdata[all->len - 1])->seq;
  }
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE history SET changes = replace (changes, '\"A.5.15\"', '515')"
                                            " WHERE seq = %" G_GINT64_FORMAT, seq);

    forge (path, sql);
  }
  rehash_from (path, seq);
  assert_check_finds (path, "Records: item T-006, field “controls”, is “A.5.15” but its history says “?”");
}

/* Names change through the app: a renamed owner and a renamed workstream
 * still match what older entries recorded under the old names. */
static void
test_renamed_owner (void)
{
  g_autofree char *path = make_workspace_with_history ("renamed.steward", NULL);
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(StwWorkspace) ws = stw_workspace_open (path, &error);
    StwPerson *ann = NULL;
    g_autoptr(StwWorkstream) tasks = NULL;

    g_assert_no_error (error);
    ann = stw_workspace_find_person (ws, stw_workspace_get_actor_id (ws));
    g_assert_true (stw_workspace_update_person (ws, stw_person_get_id (ann), "Ann Smith", "", "", TRUE, &error));
    g_assert_no_error (error);
    tasks = g_list_model_get_item (stw_workspace_get_workstreams (ws), 3);
    g_assert_true (stw_workspace_update_workstream (ws, stw_workstream_get_id (tasks), "Chores",
                                                    stw_workstream_get_owner_id (tasks), NULL, FALSE, &error));
    g_assert_no_error (error);
  }
  assert_check_intact (path);
  forge (path, "UPDATE workstream SET name = 'ISMS tasks' WHERE prefix = 'T'");
  assert_check_finds (path, "Records: workstream ISMS tasks, field “name”, is “ISMS tasks” but its history says “Chores”");
}

/* A big sample passes; so does the realistic one after what people do to
 * it: roll the year forward, close and reopen with undo, close again,
 * delete and restore, attach evidence. */
static void
test_sample_passes (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *big_path = test_path (tmp, "sample-200.steward");
  g_autofree char *path = test_path (tmp, "sample-check.steward");
  g_autoptr(StwWorkspace) big = stw_sample_create (big_path, 200, &error);
  g_autoptr(StwWorkspace) ws = NULL;
  g_autoptr(StwUndoStack) undo = NULL;
  g_autoptr(StwWorkstream) plan = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(StwItem) open = NULL;
  g_autoptr(StwItem) before = NULL;
  g_autoptr(StwAttachment) attachment = NULL;
  g_autofree char *evidence = test_path (tmp, "review-notes.txt");
  g_autoptr(GFile) file = g_file_new_for_path (evidence);
  gint64 undo_before_id = 0;

  g_assert_no_error (error);
  if (!stw_workspace_check (big, report, &error))
    g_error ("%s", report->str);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (report->str, "records match their history"));

  ws = stw_sample_create (path, 0, &error);
  g_assert_no_error (error);

  rows = stw_workspace_plan_roll_forward (ws, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rows->len > 0);
  g_assert_true (stw_workspace_roll_forward (ws, NULL, rows, NULL, &error));
  g_assert_no_error (error);

  undo = stw_undo_stack_new (ws, 20);
  plan = g_list_model_get_item (stw_workspace_get_workstreams (ws), 0);
  items = stw_workspace_list_items (ws, stw_workstream_get_id (plan), &error);
  for (guint i = 0; i < g_list_model_get_n_items (items) && open == NULL; i++)
    {
      g_autoptr(StwItem) item = g_list_model_get_item (items, i);

      if (stw_item_get_series_id (item) != 0 && stw_status_is_open (stw_item_get_status (item)))
        open = g_steal_pointer (&item);
    }
  g_assert_nonnull (open);

  /* Close, undo, close again (a redo by hand). */
  before = stw_workspace_load_item (ws, stw_item_get_id (open), &error);
  g_assert_true (stw_workspace_move_item (ws, stw_item_get_id (open), STW_STATUS_DONE, 0, "Done",
                                          &undo_before_id, &error));
  g_assert_no_error (error);
  stw_undo_stack_push_move (undo, before, undo_before_id);
  g_assert_true (stw_undo_stack_undo (undo, NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&before);
  before = stw_workspace_load_item (ws, stw_item_get_id (open), &error);
  g_assert_true (stw_workspace_move_item (ws, stw_item_get_id (open), STW_STATUS_DONE, 0, "Done",
                                          &undo_before_id, &error));
  g_assert_no_error (error);

  /* Delete and undo. */
  {
    g_autoptr(StwItem) other = g_list_model_get_item (items, 1);
    g_autoptr(StwItem) stored = stw_workspace_load_item (ws, stw_item_get_id (other), &error);

    g_assert_true (stw_workspace_delete_item (ws, stw_item_get_id (stored), &error));
    stw_undo_stack_push_delete (undo, stored);
    g_assert_true (stw_undo_stack_undo (undo, NULL, NULL, &error));
    g_assert_no_error (error);
  }

  g_assert_true (g_file_set_contents (evidence, "Reviewed and signed off.\n", -1, &error));
  attachment = stw_workspace_attach_file (ws, "item", stw_item_get_id (open), file, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  g_string_truncate (report, 0);
  if (!stw_workspace_check (ws, report, &error))
    g_error ("%s", report->str);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (report->str, "records match their history"));
}

/* The store's clock for the sample: entries carry it, never a time before
 * the entry they follow, and NULL is the real time again. */
static void
test_clock (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = make_workspace_with_history ("clock.steward", NULL);
  g_autoptr(StwWorkspace) ws = stw_workspace_open (path, &error);
  g_autoptr(StwWorkstream) tasks = g_list_model_get_item (stw_workspace_get_workstreams (ws), 3);
  g_autoptr(GPtrArray) all = NULL;
  const char *titles[] = { "In the future", "Back in time", "Now again" };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(StwItem) item = stw_item_new (stw_workstream_get_id (tasks));

      _stw_workspace_set_clock (ws, i == 0 ? "2099-01-01T09:00:00.000000Z"
                                    : i == 1 ? "2001-01-01T09:00:00.000000Z" : NULL);
      stw_item_set_title (item, titles[i]);
      g_assert_true (stw_workspace_insert_item (ws, item, &error));
      g_assert_no_error (error);
    }
  all = stw_workspace_list_history (ws, NULL, 0, &error);
  g_assert_cmpstr (((StwHistoryEntry *) all->pdata[all->len - 3])->at, ==, "2099-01-01T09:00:00.000000Z");
  g_assert_cmpstr (((StwHistoryEntry *) all->pdata[all->len - 2])->at, ==, "2099-01-01T09:00:00.000000Z");
  /* The real time is not held back by a clock once set. */
  g_assert_cmpstr (((StwHistoryEntry *) all->pdata[all->len - 1])->at, <, "2099");
  g_assert_true (stw_workspace_verify_history (ws, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* The new value a change set records for @field, or NULL. */
static char *
changed_to (const char *changes,
            const char *field)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  JsonArray *pair;

  g_assert_true (json_parser_load_from_data (parser, changes, -1, NULL));
  object = json_node_get_object (json_parser_get_root (parser));
  if (!json_object_has_member (object, field))
    return NULL;
  pair = json_object_get_array_member (object, field);
  if (JSON_NODE_HOLDS_NULL (json_array_get_element (pair, 1)))
    return NULL;
  return g_strdup (json_array_get_string_element (pair, 1));
}

/* The sample's history reads like the year it shows: set up months ago,
 * each completion dated on its done date, evidence filed that day, in
 * time order, and the check passes. Once made, the workspace writes with
 * the real time again. */
static void
test_sample_dated (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_path (tmp, "sample-dated.steward");
  g_autoptr(StwWorkspace) ws = stw_sample_create (path, 0, &error);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *real_today = g_date_time_format (now, "%Y-%m-%d");
  GDate first, last;
  guint n_completions = 0, n_attached = 0;

  g_assert_no_error (error);
  all = stw_workspace_list_history (ws, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, >, 100);

  for (guint i = 0; i < all->len; i++)
    {
      StwHistoryEntry *e = all->pdata[i];
      g_autofree char *done = NULL;
      g_autofree char *status = NULL;

      if (i > 0)
        g_assert_cmpstr (((StwHistoryEntry *) all->pdata[i - 1])->at, <=, e->at);
      if (!g_str_equal (e->entity, "item"))
        continue;
      status = changed_to (e->changes, "status");
      done = changed_to (e->changes, "completed_date");
      if (g_str_equal (e->action, "update") && g_strcmp0 (status, "done") == 0)
        {
          g_assert_nonnull (done);
          g_assert_cmpmem (e->at, 10, done, 10);
          n_completions++;
        }
      if (g_str_equal (e->action, "attach"))
        {
          g_autoptr(StwItem) item = stw_workspace_load_item (ws, e->entity_id, &error);

          g_assert_no_error (error);
          g_assert_cmpint (stw_item_get_status (item), ==, STW_STATUS_DONE);
          g_assert_cmpmem (e->at, 10, stw_item_get_completed_date (item), 10);
          n_attached++;
        }
    }
  g_assert_cmpuint (n_completions, >, 20);
  g_assert_cmpuint (n_attached, ==, 2);

  /* Set up seven months before the pinned today, the last entry no later
   * than that day. */
  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  {
    g_autofree char *a = g_strndup (((StwHistoryEntry *) all->pdata[0])->at, 10);
    g_autofree char *b = g_strndup (((StwHistoryEntry *) all->pdata[all->len - 1])->at, 10);

    g_date_set_parse (&first, a);
    g_date_set_parse (&last, b);
    g_assert_cmpstr (a, ==, "2026-08-01");
    g_assert_cmpstr (b, <=, TEST_TODAY);
  }
  g_assert_cmpint (g_date_days_between (&first, &last), >, 180);

  if (!stw_workspace_check (ws, report, &error))
    g_error ("%s", report->str);
  g_assert_no_error (error);

  /* The one-off items keep the references of their lists' order. */
  {
    g_autoptr(StwItem) task = stw_workspace_find_item_by_ref (ws, "T-001", &error);
    g_autoptr(StwItem) treatment = stw_workspace_find_item_by_ref (ws, "RT-001", &error);
    g_autoptr(StwItem) action = stw_workspace_find_item_by_ref (ws, "CA-001", &error);

    g_assert_cmpstr (stw_item_get_title (task), ==, "Brief the board on the certification timeline");
    g_assert_cmpstr (stw_item_get_title (treatment), ==, "Enforce multi-factor sign-in for all administrator accounts");
    g_assert_cmpstr (stw_item_get_title (action), ==, "Access review for the finance system was skipped in Q2");
  }

  /* Written after the sample was made: now. */
  {
    g_autoptr(StwWorkstream) tasks = g_list_model_get_item (stw_workspace_get_workstreams (ws), 3);
    g_autoptr(StwItem) item = stw_item_new (stw_workstream_get_id (tasks));
    g_autoptr(GPtrArray) mine = NULL;

    stw_item_set_title (item, "Written today");
    g_assert_true (stw_workspace_insert_item (ws, item, &error));
    g_assert_no_error (error);
    mine = stw_workspace_list_history (ws, "item", stw_item_get_id (item), &error);
    g_assert_cmpuint (mine->len, ==, 1);
    g_assert_cmpmem (((StwHistoryEntry *) mine->pdata[0])->at, 10, real_today, 10);
  }
}

/* The append-only guards dropped, nothing else changed. */
static void
test_guards_dropped (void)
{
  g_autofree char *path = make_workspace_with_history ("guards.steward", NULL);

  tamper (path, "SELECT 1");
  assert_check_finds (path, "Guards: the trigger “history_no_delete” is missing");
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
  g_test_add_func ("/history/rehashed", test_rehashed);
  g_test_add_func ("/history/cut-off", test_cut_off);
  g_test_add_func ("/history/record-edited", test_record_edited);
  g_test_add_func ("/history/guards-dropped", test_guards_dropped);
  g_test_add_func ("/history/record-gaps", test_record_gaps);
  g_test_add_func ("/history/renamed-owner", test_renamed_owner);
  g_test_add_func ("/history/forged-list", test_forged_list);
  g_test_add_func ("/history/review-tampered", test_review_tampered);
  g_test_add_func ("/history/sample-passes", test_sample_passes);
  g_test_add_func ("/history/sample-dated", test_sample_dated);
  g_test_add_func ("/history/clock", test_clock);

  return g_test_run ();
}
