/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-items.c: creating, changing, deleting and restoring items, with
 * their history; references that are never reused; refused input that
 * leaves nothing behind; the sorted, lazily loaded item model.
 */
#include "config.h"

#include <string.h>

#include "stw-item-model.h"
#include "stw-sample.h"
#include "stw-undo.h"
#include "stw-workspace.h"
#include "test-util.h"

typedef struct {
  char         *path;
  StwWorkspace *ws;
  gint64        me;
  gint64        plan;
  gint64        tasks;
} Fixture;

static char *tmp;
static guint counter;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("items-%u.steward", counter++);
  g_autoptr(StwWorkstream) plan = NULL;
  g_autoptr(StwWorkstream) tasks = NULL;

  f->path = test_path (tmp, name);
  f->ws = stw_workspace_create (f->path, "Acme Ltd", "Ann", &error);
  g_assert_no_error (error);
  f->me = stw_workspace_get_actor_id (f->ws);
  plan = g_list_model_get_item (stw_workspace_get_workstreams (f->ws), 0);
  tasks = g_list_model_get_item (stw_workspace_get_workstreams (f->ws), 3);
  f->plan = stw_workstream_get_id (plan);
  f->tasks = stw_workstream_get_id (tasks);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->ws);
  g_free (f->path);
}

static StwItem *
add (Fixture    *f,
     gint64      stream,
     const char *title,
     const char *due)
{
  g_autoptr(GError) error = NULL;
  StwItem *item = stw_item_new (stream);

  stw_item_set_title (item, title);
  stw_item_set_due_date (item, due);
  g_assert_true (stw_workspace_insert_item (f->ws, item, &error));
  g_assert_no_error (error);
  return item;
}

static guint
history_count (Fixture *f)
{
  g_autoptr(GPtrArray) all = stw_workspace_list_history (f->ws, NULL, 0, NULL);

  return all->len;
}

static void
test_crud_with_history (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwItem) item = NULL;
  g_autoptr(StwItem) loaded = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  const char *clauses[] = { "9.2", "10.2", "7.3", NULL };
  const char *controls[] = { "A.5.18", "A.8.13", NULL };
  StwHistoryEntry *e;

  item = stw_item_new (f->tasks);
  stw_item_set_title (item, "Brief top management");
  stw_item_set_description (item, "Certification timeline and budget");
  stw_item_set_owner_id (item, f->me);
  stw_item_set_priority (item, STW_PRIORITY_HIGH);
  stw_item_set_start_date (item, "2027-03-01");
  stw_item_set_due_date (item, "2027-04-30");
  stw_item_set_clauses (item, clauses);
  stw_item_set_controls (item, controls);
  g_assert_true (stw_workspace_insert_item (f->ws, item, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (stw_item_get_ref (item), ==, "T-001");
  g_assert_cmpint (stw_item_get_id (item), >, 0);
  g_assert_cmpstr (stw_item_get_owner_name (item), ==, "Ann");

  loaded = stw_workspace_load_item (f->ws, stw_item_get_id (item), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stw_item_get_title (loaded), ==, "Brief top management");
  g_assert_cmpstr (stw_item_get_description (loaded), ==, "Certification timeline and budget");
  g_assert_cmpint (stw_item_get_priority (loaded), ==, STW_PRIORITY_HIGH);
  g_assert_cmpstr (stw_item_get_start_date (loaded), ==, "2027-03-01");
  g_assert_cmpstr (stw_item_get_due_date (loaded), ==, "2027-04-30");
  /* Clauses come back in natural order. */
  g_assert_cmpstr (stw_item_get_clauses (loaded)[0], ==, "7.3");
  g_assert_cmpstr (stw_item_get_clauses (loaded)[1], ==, "9.2");
  g_assert_cmpstr (stw_item_get_clauses (loaded)[2], ==, "10.2");
  g_assert_cmpstr (stw_item_get_controls (loaded)[1], ==, "A.8.13");
  g_clear_object (&loaded);

  /* Done stamps the completion date; reopening clears it. */
  stw_item_set_status (item, STW_STATUS_DONE);
  stw_item_set_closure_note (item, "Presented on 12 March");
  g_assert_true (stw_workspace_update_item (f->ws, item, &error));
  g_assert_cmpstr (stw_item_get_completed_date (item), ==, TEST_TODAY);
  stw_item_set_status (item, STW_STATUS_IN_PROGRESS);
  g_assert_true (stw_workspace_update_item (f->ws, item, &error));
  g_assert_null (stw_item_get_completed_date (item));

  entries = stw_workspace_list_history (f->ws, "item", stw_item_get_id (item), &error);
  g_assert_cmpuint (entries->len, ==, 3);
  e = entries->pdata[1];
  g_assert_cmpstr (e->action, ==, "update");
  g_assert_cmpstr (e->changes, ==,
                   "{\"status\":[\"todo\",\"done\"],\"completed_date\":[null,\"" TEST_TODAY "\"],"
                   "\"closure_note\":[null,\"Presented on 12 March\"]}");
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* An update that changes nothing writes nothing. */
  {
    guint before = history_count (f);
    g_assert_true (stw_workspace_update_item (f->ws, item, &error));
    g_assert_cmpuint (history_count (f), ==, before);
  }

  /* Delete hides it everywhere; restore brings it back. */
  g_assert_true (stw_workspace_delete_item (f->ws, stw_item_get_id (item), &error));
  g_assert_null (stw_workspace_find_item_by_ref (f->ws, "T-001", &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (stw_workspace_delete_item (f->ws, stw_item_get_id (item), &error));
  g_clear_error (&error);
  g_assert_true (stw_workspace_restore_item (f->ws, stw_item_get_id (item), &error));
  loaded = stw_workspace_find_item_by_ref (f->ws, "T-001", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stw_item_get_title (loaded), ==, "Brief top management");

  entries = stw_workspace_list_history (f->ws, "item", stw_item_get_id (item), &error);
  g_assert_cmpuint (entries->len, ==, 5);
  g_assert_cmpstr (((StwHistoryEntry *) entries->pdata[3])->action, ==, "delete");
  g_assert_cmpstr (((StwHistoryEntry *) entries->pdata[4])->action, ==, "restore");
  g_assert_true (stw_workspace_verify_history (f->ws, NULL, NULL, &error));
}

static void
test_refs_never_reused (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwItem) a = add (f, f->tasks, "One", NULL);
  g_autoptr(StwItem) b = add (f, f->tasks, "Two", NULL);
  g_autoptr(StwItem) c = NULL;
  g_autoptr(StwItem) op1 = NULL, op2 = NULL, op3 = NULL;
  g_autoptr(StwItem) failed = stw_item_new (f->tasks);
  g_autoptr(StwItem) d = NULL;

  g_assert_cmpstr (stw_item_get_ref (b), ==, "T-002");
  g_assert_true (stw_workspace_delete_item (f->ws, stw_item_get_id (b), &error));
  c = add (f, f->tasks, "Three", NULL);
  g_assert_cmpstr (stw_item_get_ref (c), ==, "T-003");

  /* A refused insert does not use up a number either way. */
  stw_item_set_title (failed, "Bad");
  stw_item_set_due_date (failed, "2027-02-30");
  g_assert_false (stw_workspace_insert_item (f->ws, failed, &error));
  g_clear_error (&error);
  d = add (f, f->tasks, "Four", NULL);
  g_assert_cmpstr (stw_item_get_ref (d), ==, "T-004");

  /* Operational-plan references carry the year of the due date. */
  op1 = add (f, f->plan, "Backup restore test", "2027-01-10");
  op2 = add (f, f->plan, "Backup restore test", "2027-02-10");
  op3 = add (f, f->plan, "Internal audit", "2028-01-10");
  g_assert_cmpstr (stw_item_get_ref (op1), ==, "OP-2027-001");
  g_assert_cmpstr (stw_item_get_ref (op2), ==, "OP-2027-002");
  g_assert_cmpstr (stw_item_get_ref (op3), ==, "OP-2028-001");

  /* Survives closing and reopening. */
  g_clear_object (&f->ws);
  f->ws = stw_workspace_open (f->path, &error);
  g_assert_no_error (error);
  {
    g_autoptr(StwItem) e = add (f, f->tasks, "Five", NULL);
    g_assert_cmpstr (stw_item_get_ref (e), ==, "T-005");
  }
}

static void
check_refused (Fixture    *f,
               StwItem    *item,
               gboolean    insert)
{
  g_autoptr(GError) error = NULL;
  guint before = history_count (f);
  gboolean ok = insert ? stw_workspace_insert_item (f->ws, item, &error)
                       : stw_workspace_update_item (f->ws, item, &error);

  g_assert_false (ok);
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID);
  g_test_message ("refused: %s", error->message);
  g_assert_cmpuint (history_count (f), ==, before);
}

static void
test_refused_input (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(StwItem) item = add (f, f->tasks, "Valid", "2027-06-01");
  const char *bad_clause[] = { "11.1", NULL };
  const char *bad_control[] = { "A.5.38", NULL };
  const char *bad_control2[] = { "A.9.1", NULL };
  g_autoptr(StwItem) stored = NULL;

  stw_item_set_title (item, "   ");
  check_refused (f, item, FALSE);
  stw_item_set_title (item, "Valid");

  stw_item_set_due_date (item, "2027-13-01");
  check_refused (f, item, FALSE);
  stw_item_set_due_date (item, "01/06/2027");
  check_refused (f, item, FALSE);
  stw_item_set_due_date (item, "2027-06-01");

  stw_item_set_start_date (item, "2027-07-01");
  check_refused (f, item, FALSE);
  stw_item_set_start_date (item, NULL);

  stw_item_set_owner_id (item, 9999);
  check_refused (f, item, FALSE);
  stw_item_set_owner_id (item, 0);

  stw_item_set_clauses (item, bad_clause);
  check_refused (f, item, FALSE);
  stw_item_set_clauses (item, NULL);
  stw_item_set_controls (item, bad_control);
  check_refused (f, item, FALSE);
  stw_item_set_controls (item, bad_control2);
  check_refused (f, item, FALSE);

  /* Nothing of the refused values reached the file. */
  stored = stw_workspace_load_item (f->ws, stw_item_get_id (item), NULL);
  g_assert_cmpstr (stw_item_get_due_date (stored), ==, "2027-06-01");
  g_assert_null (stw_item_get_start_date (stored));
  g_assert_cmpuint (g_strv_length ((char **) stw_item_get_controls (stored)), ==, 0);
}

static void
test_undo_restores_exactly (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwItem) item = add (f, f->tasks, "Original", "2027-06-01");
  g_autoptr(StwItem) before = stw_item_copy (item);
  g_autoptr(StwItem) after = NULL;
  const char *clauses[] = { "6.2", NULL };

  stw_item_set_title (item, "Changed");
  stw_item_set_due_date (item, NULL);
  stw_item_set_owner_id (item, f->me);
  stw_item_set_clauses (item, clauses);
  stw_item_set_status (item, STW_STATUS_DONE);
  g_assert_true (stw_workspace_update_item (f->ws, item, &error));

  /* Undo is an update back to the copy, recorded like any change. */
  g_assert_true (stw_workspace_update_item (f->ws, before, &error));
  g_assert_no_error (error);
  after = stw_workspace_load_item (f->ws, stw_item_get_id (item), &error);
  g_assert_cmpstr (stw_item_get_title (after), ==, "Original");
  g_assert_cmpstr (stw_item_get_due_date (after), ==, "2027-06-01");
  g_assert_cmpint (stw_item_get_owner_id (after), ==, 0);
  g_assert_cmpint (stw_item_get_status (after), ==, STW_STATUS_TODO);
  g_assert_null (stw_item_get_completed_date (after));
  g_assert_cmpuint (g_strv_length ((char **) stw_item_get_clauses (after)), ==, 0);
}

static void
test_bulk_rollback (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint before = history_count (f);
  g_autoptr(StwItem) later = NULL;

  g_assert_true (stw_workspace_begin (f->ws, &error));
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(StwItem) item = add (f, f->tasks, "Bulk", NULL);
    }
  stw_workspace_rollback (f->ws);

  g_assert_cmpuint (history_count (f), ==, before);
  later = add (f, f->tasks, "After rollback", NULL);
  g_assert_cmpstr (stw_item_get_ref (later), ==, "T-001");
}

typedef struct {
  guint position, removed, added, calls;
} Changes;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *c)
{
  c->position = position;
  c->removed = removed;
  c->added = added;
  c->calls++;
}

static const char *
ref_at (GListModel *model,
        guint       i)
{
  g_autoptr(StwItem) item = g_list_model_get_item (model, i);

  return g_intern_string (stw_item_get_ref (item));
}

static void
test_model_sorted_and_live (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(StwItem) a = add (f, f->tasks, "Later", "2027-09-01");
  g_autoptr(StwItem) b = add (f, f->tasks, "Undated", NULL);
  g_autoptr(StwItem) c = add (f, f->tasks, "Overdue", "2027-01-01");
  g_autoptr(StwItem) d = add (f, f->tasks, "Soon", "2027-04-01");
  g_autoptr(StwItem) other = add (f, f->plan, "Elsewhere", "2027-01-01");
  StwWorkstream *tasks = stw_workspace_find_workstream (f->ws, f->tasks);
  Changes changes = { 0 };

  model = stw_workspace_list_items (f->ws, f->tasks, &error);
  g_assert_no_error (error);
  g_assert_true (g_list_model_get_item_type (model) == STW_TYPE_ITEM);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  g_assert_cmpstr (ref_at (model, 0), ==, "T-003");
  g_assert_cmpstr (ref_at (model, 1), ==, "T-004");
  g_assert_cmpstr (ref_at (model, 2), ==, "T-001");
  g_assert_cmpstr (ref_at (model, 3), ==, "T-002");
  g_assert_null (g_list_model_get_item (model, 4));

  /* Counts: four open, one overdue against the pinned today. */
  g_assert_cmpuint (stw_workstream_get_open_count (tasks), ==, 4);
  g_assert_cmpuint (stw_workstream_get_overdue_count (tasks), ==, 1);

  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &changes);

  /* Moving T-002 to the front reports the span between. */
  stw_item_set_due_date (b, "2026-12-01");
  g_assert_true (stw_workspace_update_item (f->ws, b, &error));
  g_assert_cmpuint (changes.calls, ==, 1);
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_cmpuint (changes.removed, ==, 4);
  g_assert_cmpuint (changes.added, ==, 4);
  g_assert_cmpstr (ref_at (model, 0), ==, "T-002");
  g_assert_cmpuint (stw_workstream_get_overdue_count (tasks), ==, 2);

  /* A change in place reports that row only, with the new content. */
  stw_item_set_title (d, "Soon, renamed");
  g_assert_true (stw_workspace_update_item (f->ws, d, &error));
  g_assert_cmpuint (changes.calls, ==, 2);
  g_assert_cmpuint (changes.position, ==, 2);
  g_assert_cmpuint (changes.removed, ==, 1);
  g_assert_cmpuint (changes.added, ==, 1);
  {
    g_autoptr(StwItem) row = g_list_model_get_item (model, 2);
    g_assert_cmpstr (stw_item_get_title (row), ==, "Soon, renamed");
  }

  /* Closing takes it out of the open counts; deleting out of the list. */
  stw_item_set_status (c, STW_STATUS_DONE);
  g_assert_true (stw_workspace_update_item (f->ws, c, &error));
  g_assert_cmpuint (stw_workstream_get_open_count (tasks), ==, 3);
  g_assert_cmpuint (stw_workstream_get_overdue_count (tasks), ==, 1);
  g_assert_true (stw_workspace_delete_item (f->ws, stw_item_get_id (a), &error));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_cmpuint (changes.removed, ==, 1);
  g_assert_cmpuint (changes.added, ==, 0);
  g_assert_cmpint (stw_item_model_find (STW_ITEM_MODEL (model), stw_item_get_id (a)), ==, -1);

  /* A change in another workstream does not touch this list. */
  {
    guint calls = changes.calls;
    stw_item_set_title (other, "Still elsewhere");
    g_assert_true (stw_workspace_update_item (f->ws, other, &error));
    g_assert_cmpuint (changes.calls, ==, calls);
  }

  /* Moving an item to another workstream removes it here. */
  stw_item_set_workstream_id (d, f->plan);
  g_assert_true (stw_workspace_update_item (f->ws, d, &error));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_cmpstr (stw_item_get_ref (d), ==, "T-004");
}

static void
test_model_many_rows (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) model = stw_workspace_list_items (f->ws, f->tasks, &error);
  Changes changes = { 0 };
  g_autofree char *prev = NULL;

  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &changes);

  /* A bulk change tells views once, not per row. */
  g_assert_true (stw_workspace_begin (f->ws, &error));
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *due = stw_date_add_days ("2027-01-01", (int) ((i * 37) % 365));
      g_autoptr(StwItem) item = add (f, f->tasks, "Row", due);
    }
  g_assert_true (stw_workspace_commit (f->ws, &error));
  g_assert_cmpuint (changes.calls, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 200);

  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(StwItem) item = g_list_model_get_item (model, i);
      const char *due = stw_item_get_due_date (item);

      g_assert_nonnull (due);
      if (prev)
        g_assert_cmpstr (prev, <=, due);
      g_free (prev);
      prev = g_strdup (due);
    }
}

static void
test_model_loads_whole_items (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(StwWorkstream) corrective = g_list_model_get_item (stw_workspace_get_workstreams (f->ws), 2);
  const char *clauses[] = { "10.2", "9.2", NULL };
  const char *controls[] = { "A.5.18", NULL };

  for (guint i = 0; i < 60; i++)
    {
      g_autoptr(StwItem) item = stw_item_new (stw_workstream_get_id (corrective));
      g_autoptr(StwCorrective) ca = stw_corrective_new ();
      g_autofree char *title = g_strdup_printf ("Finding %u", i);

      stw_item_set_title (item, title);
      if (i % 2)
        stw_item_set_clauses (item, clauses);
      if (i % 3)
        stw_item_set_controls (item, controls);
      stw_corrective_set_text (&ca->root_cause, title);
      ca->classification = i % 4;
      stw_item_set_corrective (item, ca);
      g_assert_true (stw_workspace_insert_item (f->ws, item, &error));
    }
  /* A deleted one in the middle must not break the block. */
  {
    g_autoptr(StwItem) gone = stw_workspace_find_item_by_ref (f->ws, "CA-030", &error);
    g_assert_true (stw_workspace_delete_item (f->ws, stw_item_get_id (gone), &error));
  }

  model = stw_workspace_list_items (f->ws, stw_workstream_get_id (corrective), &error);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 59);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(StwItem) listed = g_list_model_get_item (model, i);
      g_autoptr(StwItem) loaded = stw_workspace_load_item (f->ws, stw_item_get_id (listed), &error);

      g_assert_no_error (error);
      g_assert_cmpstr (stw_item_get_title (listed), ==, stw_item_get_title (loaded));
      g_assert_true (g_strv_equal (stw_item_get_clauses (listed), stw_item_get_clauses (loaded)));
      g_assert_true (g_strv_equal (stw_item_get_controls (listed), stw_item_get_controls (loaded)));
      g_assert_true (stw_corrective_equal (stw_item_get_corrective (listed), stw_item_get_corrective (loaded)));
      g_assert_nonnull (stw_item_get_corrective (listed));
    }
}

/* The live items of @item's series. */
static guint
series_count (Fixture *f,
              StwItem *item)
{
  g_autoptr(GListModel) all = stw_workspace_list_items (f->ws, stw_item_get_workstream_id (item), NULL);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(StwItem) candidate = g_list_model_get_item (all, i);

      if (stw_item_get_series_id (candidate) == stw_item_get_series_id (item))
        n++;
    }
  return n;
}

static guint
history_actions (Fixture    *f,
                 gint64      item_id,
                 const char *action)
{
  g_autoptr(GPtrArray) entries = stw_workspace_list_history (f->ws, "item", item_id, NULL);
  guint n = 0;

  for (guint i = 0; i < entries->len; i++)
    if (g_str_equal (((StwHistoryEntry *) entries->pdata[i])->action, action))
      n++;
  return n;
}

/* Reopening a finished occurrence withdraws only the next occurrence that
 * its own completion created, once, and only while nobody has touched it;
 * the toast text names both. */
static void
test_reopen_withdraws_own_occurrence (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwItem) item = stw_item_new (f->plan);
  g_autoptr(StwItem) next = NULL;
  g_autofree char *said = NULL;
  g_autofree char *again = NULL;
  StwRecurrence monthly = { STW_REPEAT_MONTHLY, 1, "2027-01-31" };

  stw_item_set_title (item, "Backup restore test");
  stw_item_set_due_date (item, "2027-01-31");
  stw_item_set_recurrence (item, &monthly);
  g_assert_true (stw_workspace_insert_item (f->ws, item, &error));
  g_assert_no_error (error);

  /* Closing creates OP-2027-002; reopening withdraws it and says so. */
  stw_item_set_status (item, STW_STATUS_DONE);
  g_assert_true (stw_workspace_update_item (f->ws, item, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (series_count (f, item), ==, 2);
  next = stw_workspace_find_item_by_ref (f->ws, "OP-2027-002", &error);
  g_assert_no_error (error);
  g_assert_nonnull (next);
  g_assert_null (stw_workspace_take_withdrawn (f->ws, 0));

  stw_item_set_status (item, STW_STATUS_IN_REVIEW);
  g_assert_true (stw_workspace_update_item (f->ws, item, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (series_count (f, item), ==, 1);
  g_assert_cmpuint (history_actions (f, stw_item_get_id (next), "delete"), ==, 1);
  said = stw_workspace_take_withdrawn (f->ws, stw_item_get_id (item));
  g_assert_cmpstr (said, ==, "Reopened OP-2027-001; withdrew OP-2027-002, created when it was closed");
  /* Said once. */
  g_assert_null (stw_workspace_take_withdrawn (f->ws, 0));

  /* Closing again makes a new one (references are never reused); an
   * ordinary edit withdraws nothing more. */
  stw_item_set_status (item, STW_STATUS_DONE);
  g_assert_true (stw_workspace_update_item (f->ws, item, &error));
  g_assert_cmpuint (series_count (f, item), ==, 2);
  stw_item_set_notes (item, "Restored the finance share");
  g_assert_true (stw_workspace_update_item (f->ws, item, &error));
  g_assert_cmpuint (series_count (f, item), ==, 2);
  g_assert_null (stw_workspace_take_withdrawn (f->ws, 0));
  g_assert_cmpuint (history_actions (f, stw_item_get_id (next), "delete"), ==, 1);

  /* Once someone has touched it, it stays. */
  {
    g_autoptr(StwItem) third = stw_workspace_find_item_by_ref (f->ws, "OP-2027-003", &error);

    g_assert_nonnull (third);
    stw_item_set_owner_id (third, f->me);
    g_assert_true (stw_workspace_update_item (f->ws, third, &error));
    g_assert_no_error (error);
    stw_item_set_status (item, STW_STATUS_TODO);
    g_assert_true (stw_workspace_update_item (f->ws, item, &error));
    g_assert_cmpuint (series_count (f, item), ==, 2);
    g_assert_cmpuint (history_actions (f, stw_item_get_id (third), "delete"), ==, 0);
    again = stw_workspace_take_withdrawn (f->ws, 0);
    g_assert_null (again);
  }
}

/* A rolled-back reopening withdrew nothing, and says nothing. */
static void
test_reopen_rolled_back (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwItem) item = stw_item_new (f->plan);
  StwRecurrence weekly = { STW_REPEAT_WEEKLY, 1, "2027-01-04" };

  stw_item_set_title (item, "Check the backup log");
  stw_item_set_due_date (item, "2027-01-04");
  stw_item_set_recurrence (item, &weekly);
  g_assert_true (stw_workspace_insert_item (f->ws, item, &error));
  stw_item_set_status (item, STW_STATUS_DONE);
  g_assert_true (stw_workspace_update_item (f->ws, item, &error));
  g_assert_cmpuint (series_count (f, item), ==, 2);

  g_assert_true (stw_workspace_begin (f->ws, &error));
  stw_item_set_status (item, STW_STATUS_IN_PROGRESS);
  g_assert_true (stw_workspace_update_item (f->ws, item, &error));
  stw_workspace_rollback (f->ws);
  g_assert_null (stw_workspace_take_withdrawn (f->ws, 0));
  {
    g_autoptr(StwItem) stored = stw_workspace_load_item (f->ws, stw_item_get_id (item), &error);

    g_assert_cmpint (stw_item_get_status (stored), ==, STW_STATUS_DONE);
    g_assert_cmpuint (series_count (f, stored), ==, 2);
  }
}

/* The sample plans six months ahead: closing an open occurrence finds the
 * next one there already, and undoing the close (Ctrl+Z) must leave that
 * next one alone; it used to be deleted under the person's name. */
static void
test_reopen_keeps_sample_occurrence (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_path (tmp, "items-sample.steward");
  g_autoptr(StwWorkspace) ws = stw_sample_create (path, 0, &error);
  g_autoptr(StwUndoStack) undo = NULL;
  g_autoptr(StwWorkstream) plan = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(StwItem) open = NULL;
  g_autoptr(StwItem) before = NULL;
  g_autofree char *next_ref = NULL;
  gint64 undo_before_id = 0;

  g_assert_no_error (error);
  undo = stw_undo_stack_new (ws, 20);
  plan = g_list_model_get_item (stw_workspace_get_workstreams (ws), 0);
  items = stw_workspace_list_items (ws, stw_workstream_get_id (plan), &error);

  /* An open occurrence whose next occurrence the sample made. */
  for (guint i = 0; i < g_list_model_get_n_items (items) && open == NULL; i++)
    {
      g_autoptr(StwItem) item = g_list_model_get_item (items, i);
      g_autofree char *due = NULL;

      if (stw_item_get_series_id (item) == 0 || !stw_status_is_open (stw_item_get_status (item)))
        continue;
      due = stw_recurrence_next_after (stw_item_get_recurrence (item), stw_item_get_due_date (item));
      for (guint j = 0; j < g_list_model_get_n_items (items) && next_ref == NULL; j++)
        {
          g_autoptr(StwItem) other = g_list_model_get_item (items, j);

          if (stw_item_get_series_id (other) == stw_item_get_series_id (item) &&
              g_strcmp0 (stw_item_get_due_date (other), due) == 0)
            next_ref = g_strdup (stw_item_get_ref (other));
        }
      if (next_ref != NULL)
        open = g_steal_pointer (&item);
    }
  g_assert_nonnull (open);

  before = stw_workspace_load_item (ws, stw_item_get_id (open), &error);
  g_assert_true (stw_workspace_move_item (ws, stw_item_get_id (open), STW_STATUS_DONE, 0, "Done as planned",
                                          &undo_before_id, &error));
  g_assert_no_error (error);
  stw_undo_stack_push_move (undo, before, undo_before_id);
  g_assert_true (stw_undo_stack_undo (undo, NULL, NULL, &error));
  g_assert_no_error (error);

  {
    g_autoptr(StwItem) reopened = stw_workspace_load_item (ws, stw_item_get_id (open), &error);
    g_autoptr(StwItem) next = stw_workspace_find_item_by_ref (ws, next_ref, &error);

    g_assert_cmpint (stw_item_get_status (reopened), ==, stw_item_get_status (open));
    g_assert_no_error (error);
    g_assert_nonnull (next);
  }
  g_assert_null (stw_workspace_take_withdrawn (ws, 0));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;

  g_test_init (&argc, &argv, NULL);
  data_home = test_setup_data_home ();
  tmp = data_home;

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/items/crud-with-history", test_crud_with_history);
  ADD ("/items/refs-never-reused", test_refs_never_reused);
  ADD ("/items/refused-input", test_refused_input);
  ADD ("/items/undo-restores-exactly", test_undo_restores_exactly);
  ADD ("/items/bulk-rollback", test_bulk_rollback);
  ADD ("/items/reopen-withdraws-own-occurrence", test_reopen_withdraws_own_occurrence);
  ADD ("/items/reopen-rolled-back", test_reopen_rolled_back);
  ADD ("/items/reopen-keeps-sample-occurrence", test_reopen_keeps_sample_occurrence);
  ADD ("/items/model/sorted-and-live", test_model_sorted_and_live);
  ADD ("/items/model/many-rows", test_model_many_rows);
  ADD ("/items/model/loads-whole-items", test_model_loads_whole_items);
#undef ADD

  return g_test_run ();
}
