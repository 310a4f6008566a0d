/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-board.c: board moves and reorders, rescheduling, bulk changes and
 * the filters and orders the views use. Positions stay stable, history is
 * written, and undo restores exactly.
 */
#include "config.h"

#include <string.h>

#include "stw-item-model.h"
#include "stw-undo.h"
#include "stw-workspace.h"
#include "test-util.h"

typedef struct {
  StwWorkspace *ws;
  gint64        tasks;
  gint64        me;
  gint64        bob;
  StwItem      *items[6];
} Fixture;

static char *tmp;
static guint counter;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("board-%u.steward", counter++);
  g_autofree char *path = test_path (tmp, name);
  g_autoptr(StwWorkstream) tasks = NULL;
  g_autoptr(StwPerson) bob = NULL;
  const char *dues[] = { "2027-03-20", "2027-03-01", NULL, "2027-04-10", "2027-03-16", "2027-05-01" };

  f->ws = stw_workspace_create (path, "Acme Ltd", "Ann", &error);
  g_assert_no_error (error);
  f->me = stw_workspace_get_actor_id (f->ws);
  bob = stw_workspace_add_person (f->ws, "Bob", NULL, NULL, &error);
  f->bob = stw_person_get_id (bob);
  tasks = g_list_model_get_item (stw_workspace_get_workstreams (f->ws), 3);
  f->tasks = stw_workstream_get_id (tasks);

  for (guint i = 0; i < G_N_ELEMENTS (f->items); i++)
    {
      g_autofree char *title = g_strdup_printf ("Card %u", i + 1);

      f->items[i] = stw_item_new (f->tasks);
      stw_item_set_title (f->items[i], title);
      stw_item_set_due_date (f->items[i], dues[i]);
      stw_item_set_owner_id (f->items[i], i % 2 ? f->bob : (i == 4 ? 0 : f->me));
      g_assert_true (stw_workspace_insert_item (f->ws, f->items[i], &error));
      g_assert_no_error (error);
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (f->items); i++)
    g_clear_object (&f->items[i]);
  g_clear_object (&f->ws);
}

/* The refs of a board column, top to bottom, as "T-001 T-003". */
static char *
column (Fixture   *f,
        StwStatus  status)
{
  g_autoptr(GError) error = NULL;
  StwItemFilter filter;
  g_autoptr(GListModel) model = NULL;
  GString *out = g_string_new (NULL);

  stw_item_filter_init (&filter, f->tasks);
  filter.statuses = STW_STATUS_MASK (status);
  filter.sort = STW_ITEM_SORT_POSITION;
  model = stw_workspace_filter_items (f->ws, &filter, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(StwItem) item = g_list_model_get_item (model, i);
      g_string_append_printf (out, "%s%s", i ? " " : "", stw_item_get_ref (item));
    }
  return g_string_free (out, FALSE);
}

static char *
refs_of (GListModel *model)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(StwItem) item = g_list_model_get_item (model, i);
      g_string_append_printf (out, "%s%s", i ? " " : "", stw_item_get_ref (item));
    }
  return g_string_free (out, FALSE);
}

static gint64
id_of (Fixture *f,
       guint    n)
{
  return stw_item_get_id (f->items[n - 1]);
}

#define assert_column(f, status, expected) \
  G_STMT_START { \
    g_autofree char *got_ = column (f, status); \
    g_assert_cmpstr (got_, ==, expected); \
  } G_STMT_END

static void
test_move_and_undo (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 undo3 = -1, undo1 = -1;
  g_autoptr(GPtrArray) history = NULL;
  StwHistoryEntry *last;

  assert_column (f, STW_STATUS_TODO, "T-001 T-002 T-003 T-004 T-005 T-006");

  /* Drag card 3 to In progress (an empty column), then card 1 above it. */
  g_assert_true (stw_workspace_move_item (f->ws, id_of (f, 3), STW_STATUS_IN_PROGRESS, 0, NULL, &undo3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (undo3, ==, id_of (f, 4));
  g_assert_true (stw_workspace_move_item (f->ws, id_of (f, 1), STW_STATUS_IN_PROGRESS, id_of (f, 3), NULL, &undo1, &error));
  g_assert_cmpint (undo1, ==, id_of (f, 2));
  assert_column (f, STW_STATUS_TODO, "T-002 T-004 T-005 T-006");
  assert_column (f, STW_STATUS_IN_PROGRESS, "T-001 T-003");

  /* Reorder within a column: card 6 to the top. */
  g_assert_true (stw_workspace_move_item (f->ws, id_of (f, 6), STW_STATUS_TODO, id_of (f, 2), NULL, NULL, &error));
  assert_column (f, STW_STATUS_TODO, "T-006 T-002 T-004 T-005");

  /* Each move is a history entry naming the status and position. */
  history = stw_workspace_list_history (f->ws, "item", id_of (f, 1), &error);
  last = history->pdata[history->len - 1];
  g_assert_cmpstr (last->action, ==, "update");
  g_assert_nonnull (strstr (last->changes, "\"status\":[\"todo\",\"in_progress\"]"));
  g_assert_nonnull (strstr (last->changes, "\"position\":["));

  /* Undo, newest first, puts every card back exactly where it was. */
  g_assert_true (stw_workspace_move_item (f->ws, id_of (f, 6), STW_STATUS_TODO, 0, NULL, NULL, &error));
  g_assert_true (stw_workspace_move_item (f->ws, id_of (f, 1), STW_STATUS_TODO, undo1, NULL, NULL, &error));
  g_assert_true (stw_workspace_move_item (f->ws, id_of (f, 3), STW_STATUS_TODO, undo3, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_column (f, STW_STATUS_TODO, "T-001 T-002 T-003 T-004 T-005 T-006");
  assert_column (f, STW_STATUS_IN_PROGRESS, "");

  g_assert_true (stw_workspace_verify_history (f->ws, NULL, NULL, &error));
}

static void
test_move_refused (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (stw_workspace_move_item (f->ws, id_of (f, 1), STW_STATUS_TODO, id_of (f, 1), NULL, NULL, &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  /* Card 2 is not in the Done column. */
  g_assert_false (stw_workspace_move_item (f->ws, id_of (f, 1), STW_STATUS_DONE, id_of (f, 2), NULL, NULL, &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_column (f, STW_STATUS_TODO, "T-001 T-002 T-003 T-004 T-005 T-006");
}

static void
test_move_to_done_with_note (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwItem) done = NULL;

  g_assert_true (stw_workspace_move_item (f->ws, id_of (f, 2), STW_STATUS_DONE, 0, "Restore worked in 14 minutes",
                                          NULL, &error));
  done = stw_workspace_load_item (f->ws, id_of (f, 2), &error);
  g_assert_cmpint (stw_item_get_status (done), ==, STW_STATUS_DONE);
  g_assert_cmpstr (stw_item_get_closure_note (done), ==, "Restore worked in 14 minutes");
  g_assert_cmpstr (stw_item_get_completed_date (done), ==, TEST_TODAY);
}

static void
test_positions_stay_stable (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* Dropping again and again into the same gap halves it until the column
   * has to be spread out; the order must never change under the user. */
  for (guint round = 0; round < 30; round++)
    {
      guint mover = round % 2 ? 5 : 6;
      g_assert_true (stw_workspace_move_item (f->ws, id_of (f, mover), STW_STATUS_TODO, id_of (f, 2), NULL, NULL, &error));
      g_assert_no_error (error);
      if (round % 2)
        assert_column (f, STW_STATUS_TODO, "T-001 T-006 T-005 T-002 T-003 T-004");
      else if (round == 0)
        assert_column (f, STW_STATUS_TODO, "T-001 T-006 T-002 T-003 T-004 T-005");
      else
        assert_column (f, STW_STATUS_TODO, "T-001 T-005 T-006 T-002 T-003 T-004");
    }
}

static void
test_reschedule_and_calendar_range (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  StwItemFilter filter;
  g_autoptr(GListModel) march = NULL;
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr(StwItem) copy = stw_item_copy (f->items[3]);

  stw_item_filter_init (&filter, f->tasks);
  g_strlcpy (filter.due_from, "2027-03-01", sizeof filter.due_from);
  g_strlcpy (filter.due_to, "2027-03-31", sizeof filter.due_to);
  march = stw_workspace_filter_items (f->ws, &filter, &error);
  before = refs_of (march);
  g_assert_cmpstr (before, ==, "T-002 T-005 T-001");

  /* Dragging card 4 from 10 April to 3 March. */
  stw_item_set_due_date (f->items[3], "2027-03-03");
  g_assert_true (stw_workspace_update_item (f->ws, f->items[3], &error));
  after = refs_of (march);
  g_assert_cmpstr (after, ==, "T-002 T-004 T-005 T-001");

  /* Undo. */
  g_assert_true (stw_workspace_update_item (f->ws, copy, &error));
  g_clear_pointer (&after, g_free);
  after = refs_of (march);
  g_assert_cmpstr (after, ==, before);

  g_strlcpy (filter.due_to, "2027-02-30", sizeof filter.due_to);
  g_assert_false (stw_item_model_set_filter (STW_ITEM_MODEL (march), &filter, &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID);
}

static void
check_filter (Fixture             *f,
              const StwItemFilter *filter,
              const char          *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) model = stw_workspace_filter_items (f->ws, filter, &error);
  g_autofree char *got = NULL;

  g_assert_no_error (error);
  got = refs_of (model);
  g_assert_cmpstr (got, ==, expected);
}

static void
test_filters_and_orders (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  StwItemFilter filter;

  /* Today is 2027-03-15 (TEST_TODAY). */
  stw_item_filter_init (&filter, f->tasks);
  check_filter (f, &filter, "T-002 T-005 T-001 T-004 T-006 T-003");
  filter.descending = TRUE;
  check_filter (f, &filter, "T-006 T-004 T-001 T-005 T-002 T-003");

  stw_item_filter_init (&filter, f->tasks);
  filter.overdue = TRUE;
  check_filter (f, &filter, "T-002");
  filter.overdue = FALSE;
  filter.due_within_days = 30;
  check_filter (f, &filter, "T-005 T-001 T-004");

  stw_item_filter_init (&filter, f->tasks);
  filter.owner_id = f->bob;
  check_filter (f, &filter, "T-002 T-004 T-006");
  filter.owner_id = -1;
  check_filter (f, &filter, "T-005");

  stw_item_filter_init (&filter, f->tasks);
  filter.sort = STW_ITEM_SORT_OWNER;
  check_filter (f, &filter, "T-001 T-003 T-002 T-004 T-006 T-005");

  g_assert_true (stw_workspace_move_item (f->ws, id_of (f, 6), STW_STATUS_IN_REVIEW, 0, NULL, NULL, &error));
  g_assert_true (stw_workspace_move_item (f->ws, id_of (f, 4), STW_STATUS_IN_PROGRESS, 0, NULL, NULL, &error));
  stw_item_filter_init (&filter, f->tasks);
  filter.sort = STW_ITEM_SORT_STATUS;
  check_filter (f, &filter, "T-002 T-005 T-001 T-003 T-004 T-006");
  filter.statuses = STW_STATUS_MASK (STW_STATUS_IN_PROGRESS) | STW_STATUS_MASK (STW_STATUS_IN_REVIEW);
  check_filter (f, &filter, "T-004 T-006");
}

static void
test_ref_order_is_numeric (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  StwItemFilter filter;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(StwItem) first = NULL, last = NULL;

  for (guint i = 0; i < 1000; i++)
    {
      g_autoptr(StwItem) item = stw_item_new (f->tasks);
      stw_item_set_title (item, "Filler");
      g_assert_true (stw_workspace_insert_item (f->ws, item, &error));
    }
  stw_item_filter_init (&filter, f->tasks);
  filter.sort = STW_ITEM_SORT_REF;
  model = stw_workspace_filter_items (f->ws, &filter, &error);
  first = g_list_model_get_item (model, 0);
  last = g_list_model_get_item (model, g_list_model_get_n_items (model) - 1);
  g_assert_cmpstr (stw_item_get_ref (first), ==, "T-001");
  g_assert_cmpstr (stw_item_get_ref (last), ==, "T-1006");
}

static void
test_bulk_all_or_nothing (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  guint before;
  g_autoptr(GPtrArray) history = NULL;

  history = stw_workspace_list_history (f->ws, NULL, 0, NULL);
  before = history->len;
  for (guint i = 0; i < 3; i++)
    {
      StwItem *copy = stw_item_copy (f->items[i]);
      stw_item_set_owner_id (copy, f->bob);
      g_ptr_array_add (batch, copy);
    }
  /* The third change is refused, so none of them happens. */
  stw_item_set_due_date (batch->pdata[2], "2027-02-30");
  g_assert_false (stw_workspace_update_items (f->ws, batch, &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&history, g_ptr_array_unref);
  history = stw_workspace_list_history (f->ws, NULL, 0, NULL);
  g_assert_cmpuint (history->len, ==, before);
  {
    g_autoptr(StwItem) stored = stw_workspace_load_item (f->ws, id_of (f, 1), NULL);
    g_assert_cmpint (stw_item_get_owner_id (stored), ==, f->me);
  }

  stw_item_set_due_date (batch->pdata[2], NULL);
  g_assert_true (stw_workspace_update_items (f->ws, batch, &error));
  g_assert_no_error (error);
  g_clear_pointer (&history, g_ptr_array_unref);
  history = stw_workspace_list_history (f->ws, NULL, 0, NULL);
  /* Card 2 already belonged to Bob: two entries, not three. */
  g_assert_cmpuint (history->len, ==, before + 2);
}

/* Everything a person can see of an item, to compare before and after. */
static char *
describe (StwItem *item)
{
  g_autofree char *clauses = g_strjoinv (",", (char **) stw_item_get_clauses (item));

  return g_strdup_printf ("%s|%s|%s|%" G_GINT64_FORMAT "|%d|%d|%s|%s|%s|%s|%s",
                          stw_item_get_ref (item), stw_item_get_title (item),
                          stw_item_get_description (item), stw_item_get_owner_id (item),
                          stw_item_get_status (item), stw_item_get_priority (item),
                          stw_item_get_start_date (item) ? stw_item_get_start_date (item) : "-",
                          stw_item_get_due_date (item) ? stw_item_get_due_date (item) : "-",
                          stw_item_get_completed_date (item) ? stw_item_get_completed_date (item) : "-",
                          stw_item_get_closure_note (item) ? stw_item_get_closure_note (item) : "-",
                          clauses);
}

static char *
snapshot (Fixture *f)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GListModel) all = stw_workspace_list_items (f->ws, f->tasks, NULL);

  for (StwStatus s = 0; s < STW_N_STATUSES; s++)
    {
      g_autofree char *col = column (f, s);
      g_string_append_printf (out, "[%s]\n", col);
    }
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(StwItem) item = g_list_model_get_item (all, i);
      g_autofree char *line = describe (item);
      g_string_append_printf (out, "%s\n", line);
    }
  return g_string_free (out, FALSE);
}

static void
test_undo_stack (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwUndoStack) undo = stw_undo_stack_new (f->ws, 10);
  g_autofree char *start = snapshot (f);
  g_autofree char *end = NULL;
  g_autoptr(StwItem) created = NULL;
  g_autoptr(GPtrArray) bulk = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) bulk_before = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 undo_before = 0;
  guint n_undone = 0;

  g_assert_false (stw_undo_stack_get_can_undo (undo));

  /* Create. */
  created = stw_item_new (f->tasks);
  stw_item_set_title (created, "Temporary");
  g_assert_true (stw_workspace_insert_item (f->ws, created, &error));
  stw_undo_stack_push_create (undo, created);
  g_assert_true (stw_undo_stack_get_can_undo (undo));

  /* Edit. */
  {
    g_autoptr(StwItem) before = stw_workspace_load_item (f->ws, id_of (f, 1), NULL);
    g_autoptr(StwItem) edited = stw_item_copy (before);
    const char *clauses[] = { "9.1", NULL };

    stw_item_set_title (edited, "Renamed");
    stw_item_set_clauses (edited, clauses);
    g_assert_true (stw_workspace_update_item (f->ws, edited, &error));
    stw_undo_stack_push_update (undo, before);
  }

  /* Move to Done with a closure note, above nothing. */
  {
    g_autoptr(StwItem) before = stw_workspace_load_item (f->ws, id_of (f, 3), NULL);

    g_assert_true (stw_workspace_move_item (f->ws, id_of (f, 3), STW_STATUS_DONE, 0, "Finished", &undo_before, &error));
    stw_undo_stack_push_move (undo, before, undo_before);
  }

  /* Bulk owner change. */
  for (guint i = 3; i < 6; i++)
    {
      StwItem *before = stw_workspace_load_item (f->ws, stw_item_get_id (f->items[i]), NULL);
      StwItem *changed = stw_item_copy (before);

      stw_item_set_owner_id (changed, f->me);
      stw_item_set_status (changed, STW_STATUS_IN_REVIEW);
      g_ptr_array_add (bulk_before, before);
      g_ptr_array_add (bulk, changed);
    }
  g_assert_true (stw_workspace_update_items (f->ws, bulk, &error));
  stw_undo_stack_push_updates (undo, bulk_before);

  /* Delete. */
  {
    g_autoptr(StwItem) before = stw_workspace_load_item (f->ws, id_of (f, 2), NULL);

    g_assert_true (stw_workspace_delete_item (f->ws, id_of (f, 2), &error));
    stw_undo_stack_push_delete (undo, before);
  }

  end = snapshot (f);
  g_assert_cmpstr (end, !=, start);

  while (stw_undo_stack_get_can_undo (undo))
    {
      g_autofree char *text = NULL;
      gint64 id = -1;

      g_assert_true (stw_undo_stack_undo (undo, &text, &id, &error));
      g_assert_no_error (error);
      g_test_message ("%s", text);
      n_undone++;
      if (n_undone == 2)
        g_assert_cmpstr (text, ==, "Change to 3 items undone");
      if (n_undone == 3)
        g_assert_cmpstr (text, ==, "Change to T-003 undone");
    }
  g_assert_cmpuint (n_undone, ==, 5);
  g_clear_pointer (&end, g_free);
  end = snapshot (f);
  /* The created item was deleted: compare what the views show. */
  g_assert_cmpstr (end, ==, start);

  g_assert_false (stw_undo_stack_undo (undo, NULL, NULL, &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_FOUND);
  g_assert_true (stw_workspace_verify_history (f->ws, NULL, NULL, NULL));
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
  ADD ("/board/move-and-undo", test_move_and_undo);
  ADD ("/board/move-refused", test_move_refused);
  ADD ("/board/move-to-done-with-note", test_move_to_done_with_note);
  ADD ("/board/positions-stay-stable", test_positions_stay_stable);
  ADD ("/board/reschedule-and-calendar-range", test_reschedule_and_calendar_range);
  ADD ("/views/filters-and-orders", test_filters_and_orders);
  ADD ("/views/ref-order-is-numeric", test_ref_order_is_numeric);
  ADD ("/views/bulk-all-or-nothing", test_bulk_all_or_nothing);
  ADD ("/undo/stack", test_undo_stack);
#undef ADD

  return g_test_run ();
}
