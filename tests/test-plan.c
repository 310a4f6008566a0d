/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-plan.c: the shipped plan template and the annual roll-forward:
 * the reviewed baseline becomes next year's plan in one transaction, the
 * review is recorded, a second roll-forward of the same year is refused,
 * and a refused row leaves nothing behind.
 */
#include "config.h"

#include <string.h>

#include "stw-plan.h"
#include "stw-workspace.h"
#include "test-util.h"

static char *tmp;
static guint counter;

static StwWorkspace *
new_workspace (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("plan-%u.steward", counter++);
  g_autofree char *path = test_path (tmp, name);
  StwWorkspace *ws = stw_workspace_create (path, "Acme Ltd", "Ann", &error);

  g_assert_no_error (error);
  return ws;
}

static GListModel *
plan_items (StwWorkspace *ws)
{
  g_autoptr(StwWorkstream) plan = g_list_model_get_item (stw_workspace_get_workstreams (ws), 0);

  return stw_workspace_list_items (ws, stw_workstream_get_id (plan), NULL);
}

static guint
count_titled (GListModel *items,
              const char *title,
              const char *from,
              const char *to)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(StwItem) item = g_list_model_get_item (items, i);
      const char *due = stw_item_get_due_date (item);

      if (g_str_equal (stw_item_get_title (item), title) && due &&
          strcmp (due, from) >= 0 && strcmp (due, to) <= 0)
        n++;
    }
  return n;
}

static void
test_template (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwWorkspace) ws = new_workspace ();
  g_autoptr(GListModel) items = NULL;
  int created;

  created = stw_workspace_apply_plan_template (ws, stw_workspace_get_actor_id (ws), &error);
  g_assert_no_error (error);
  items = plan_items (ws);
  g_assert_cmpint (created, ==, (int) g_list_model_get_n_items (items));

  /* Today is 2027-03-15, the ISMS year is the calendar year: every task
   * is there at least once, nothing is planned in the past. */
  for (guint t = 0; t < stw_plan_template_get_count (); t++)
    g_assert_cmpuint (count_titled (items, stw_plan_template_get (t)->title, TEST_TODAY, "2028-12-31"), >=, 1);
  g_assert_cmpuint (count_titled (items, "Review of vulnerability scan results", "2000-01-01", "2027-03-14"), ==, 0);
  /* Monthly on the 5th from April to December. */
  g_assert_cmpuint (count_titled (items, "Review of vulnerability scan results", TEST_TODAY, "2027-12-31"), ==, 9);
  /* Policy review's slot (20 January) has passed: next January. */
  g_assert_cmpuint (count_titled (items, "Policy and Statement of Applicability review", "2028-01-20", "2028-01-20"), ==, 1);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(StwItem) item = g_list_model_get_item (items, i);

      g_assert_cmpint (stw_item_get_series_id (item), >, 0);
      g_assert_cmpint (stw_item_get_recurrence (item)->unit, !=, STW_REPEAT_NONE);
      g_assert_cmpint (stw_item_get_owner_id (item), ==, stw_workspace_get_actor_id (ws));
    }
}

static gsize
item_count (StwWorkspace *ws)
{
  g_autoptr(GListModel) all = stw_workspace_list_items (ws, 0, NULL);
  return g_list_model_get_n_items (all);
}

static StwRollRow *
row_titled (GPtrArray  *rows,
            const char *title)
{
  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (((StwRollRow *) rows->pdata[i])->title, title))
      return rows->pdata[i];
  g_assert_not_reached ();
}

static void
test_roll_forward (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwWorkspace) ws = new_workspace ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(StwPerson) bob = stw_workspace_add_person (ws, "Bob", NULL, NULL, NULL);
  g_autoptr(GListModel) items = NULL;
  g_autofree char *by = NULL, *at = NULL;
  g_autoptr(GPtrArray) history = NULL;
  StwHistoryEntry *last;
  StwRollRow *row;
  guint created = 0;
  gsize before;

  g_assert_cmpint (stw_workspace_apply_plan_template (ws, stw_workspace_get_actor_id (ws), &error), >, 0);

  rows = stw_workspace_plan_roll_forward (ws, "2027-06-01", &error);
  g_assert_no_error (error);
  /* Every task of the template has an occurrence in 2027 but the policy
   * review (20 January) and the risk assessment review (20 February),
   * whose slots had passed and were moved to 2028. */
  g_assert_cmpuint (rows->len, ==, stw_plan_template_get_count () - 2);
  row = row_titled (rows, "Review of vulnerability scan results");
  g_assert_cmpuint (g_strv_length (row->dates), ==, 12);
  g_assert_cmpstr (row->dates[0], ==, "2028-01-05");
  row = row_titled (rows, "Internal audit");
  g_assert_cmpuint (g_strv_length (row->dates), ==, 1);
  g_assert_cmpstr (row->dates[0], ==, "2028-09-15");

  /* The review changes the baseline: a new owner, a moved audit, one task
   * dropped. */
  row->owner_id = stw_person_get_id (bob);
  g_free (row->dates[0]);
  row->dates[0] = g_strdup ("2028-10-02");
  row_titled (rows, "Incident response exercise")->include = FALSE;

  before = item_count (ws);
  g_assert_true (stw_workspace_roll_forward (ws, "2027-06-01", rows, &created, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (item_count (ws), ==, before + created);

  items = plan_items (ws);
  g_assert_cmpuint (count_titled (items, "Review of vulnerability scan results", "2028-01-01", "2028-12-31"), ==, 12);
  g_assert_cmpuint (count_titled (items, "Internal audit", "2028-10-02", "2028-10-02"), ==, 1);
  g_assert_cmpuint (count_titled (items, "Internal audit", "2028-09-15", "2028-09-15"), ==, 0);
  g_assert_cmpuint (count_titled (items, "Incident response exercise", "2028-01-01", "2028-12-31"), ==, 0);
  {
    g_autoptr(GListModel) all = plan_items (ws);
    for (guint i = 0; i < g_list_model_get_n_items (all); i++)
      {
        g_autoptr(StwItem) item = g_list_model_get_item (all, i);
        if (g_str_equal (stw_item_get_title (item), "Internal audit") &&
            g_str_equal (stw_item_get_due_date (item), "2028-10-02"))
          g_assert_cmpint (stw_item_get_owner_id (item), ==, stw_person_get_id (bob));
      }
  }

  /* The review is recorded: who and when, and in the history. */
  g_assert_true (stw_workspace_get_roll_forward (ws, "2027-01-01", &by, &at));
  g_assert_cmpstr (by, ==, "Ann");
  g_assert_nonnull (at);
  history = stw_workspace_list_history (ws, "plan", 0, &error);
  g_assert_cmpuint (history->len, ==, 1);
  last = history->pdata[0];
  g_assert_cmpstr (last->action, ==, "roll-forward");
  g_assert_nonnull (strstr (last->changes, "\"cycle\":[null,\"2027-01-01\"]"));
  g_assert_cmpstr (last->actor_name, ==, "Ann");

  /* The same year twice is refused, and changes nothing. */
  before = item_count (ws);
  g_assert_false (stw_workspace_roll_forward (ws, "2027-03-01", rows, &created, &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_EXISTS);
  g_assert_cmpuint (item_count (ws), ==, before);
  g_assert_true (stw_workspace_verify_history (ws, NULL, NULL, NULL));
}

static void
test_roll_forward_all_or_nothing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwWorkspace) ws = new_workspace ();
  g_autoptr(GPtrArray) rows = NULL;
  StwRollRow *row;
  gsize before;
  guint history_before;

  g_assert_cmpint (stw_workspace_apply_plan_template (ws, 0, &error), >, 0);
  rows = stw_workspace_plan_roll_forward (ws, NULL, &error);
  /* The last row carries a bad date: the rows before it must not land. */
  row = rows->pdata[rows->len - 1];
  g_free (row->dates[0]);
  row->dates[0] = g_strdup ("2028-02-30");

  before = item_count (ws);
  {
    g_autoptr(GPtrArray) h = stw_workspace_list_history (ws, NULL, 0, NULL);
    history_before = h->len;
  }
  g_assert_false (stw_workspace_roll_forward (ws, NULL, rows, NULL, &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (item_count (ws), ==, before);
  g_assert_false (stw_workspace_get_roll_forward (ws, "2027-01-01", NULL, NULL));
  {
    g_autoptr(GPtrArray) h = stw_workspace_list_history (ws, NULL, 0, NULL);
    g_assert_cmpuint (h->len, ==, history_before);
  }

  /* Fixed, it goes through. */
  g_free (row->dates[0]);
  row->dates[0] = g_strdup ("2028-02-28");
  g_assert_true (stw_workspace_roll_forward (ws, NULL, rows, NULL, &error));
  g_assert_no_error (error);
}

static void
test_no_duplicate_after_completion (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwWorkspace) ws = new_workspace ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(StwItem) december = NULL;

  g_assert_cmpint (stw_workspace_apply_plan_template (ws, 0, &error), >, 0);
  items = plan_items (ws);
  /* Completing December's scan review already schedules 5 January 2028. */
  for (guint i = 0; i < g_list_model_get_n_items (items) && december == NULL; i++)
    {
      g_autoptr(StwItem) item = g_list_model_get_item (items, i);
      if (g_str_equal (stw_item_get_title (item), "Review of vulnerability scan results") &&
          g_str_equal (stw_item_get_due_date (item), "2027-12-05"))
        december = g_steal_pointer (&item);
    }
  g_assert_nonnull (december);
  stw_item_set_status (december, STW_STATUS_DONE);
  g_assert_true (stw_workspace_update_item (ws, december, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_titled (items, "Review of vulnerability scan results", "2028-01-05", "2028-01-05"), ==, 1);

  rows = stw_workspace_plan_roll_forward (ws, NULL, &error);
  g_assert_true (stw_workspace_roll_forward (ws, NULL, rows, NULL, &error));
  g_assert_cmpuint (count_titled (items, "Review of vulnerability scan results", "2028-01-05", "2028-01-05"), ==, 1);
  g_assert_cmpuint (count_titled (items, "Review of vulnerability scan results", "2028-01-01", "2028-12-31"), ==, 12);
}

static int
compare_by_ref (gconstpointer a,
                gconstpointer b)
{
  StwItem *x = *(StwItem * const *) a;
  StwItem *y = *(StwItem * const *) b;

  return strcmp (stw_item_get_ref (x), stw_item_get_ref (y));
}

/* Issue 9, point 24: a new plan's references follow its dates, and the
 * template can be added task by task. */
static void
test_template_order_and_choice (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwWorkspace) ws = new_workspace ();
  g_autoptr(StwWorkspace) partial = new_workspace ();
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GPtrArray) by_ref = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree gboolean *chosen = g_new0 (gboolean, stw_plan_template_get_count ());
  int created;

  g_assert_cmpint (stw_workspace_apply_plan_template (ws, 0, &error), >, 0);
  g_assert_no_error (error);
  items = plan_items (ws);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    g_ptr_array_add (by_ref, g_list_model_get_item (items, i));
  g_ptr_array_sort (by_ref, compare_by_ref);
  for (guint i = 1; i < by_ref->len; i++)
    {
      StwItem *before = g_ptr_array_index (by_ref, i - 1);
      StwItem *after = g_ptr_array_index (by_ref, i);

      if (strcmp (stw_item_get_due_date (before), stw_item_get_due_date (after)) > 0)
        g_error ("%s is due %s, after %s due %s", stw_item_get_ref (before), stw_item_get_due_date (before),
                 stw_item_get_ref (after), stw_item_get_due_date (after));
    }

  /* Only the chosen tasks, each with all its occurrences. */
  chosen[0] = chosen[2] = TRUE;
  created = stw_workspace_apply_plan_tasks (partial, 0, chosen, &error);
  g_assert_no_error (error);
  g_clear_object (&items);
  items = plan_items (partial);
  g_assert_cmpint (created, ==, (int) g_list_model_get_n_items (items));
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(StwItem) item = g_list_model_get_item (items, i);
      const char *title = stw_item_get_title (item);

      g_assert_true (g_str_equal (title, stw_plan_template_get (0)->title) ||
                     g_str_equal (title, stw_plan_template_get (2)->title));
    }
  g_assert_cmpuint (count_titled (items, stw_plan_template_get (0)->title, "2000-01-01", "2099-12-31"), >=, 1);
  g_assert_cmpuint (count_titled (items, stw_plan_template_get (2)->title, "2000-01-01", "2099-12-31"), >=, 1);
}

/* The template made every occurrence of the year: closing one finds the
 * next already there, so reopening it must withdraw nothing (it used to
 * delete the next one, untouched since the template made it, under the
 * person's name). */
static void
test_reopen_keeps_template_occurrence (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwWorkspace) ws = new_workspace ();
  g_autoptr(GListModel) items = NULL;
  g_autoptr(StwItem) april = NULL;
  guint before;

  g_assert_cmpint (stw_workspace_apply_plan_template (ws, 0, &error), >, 0);
  items = plan_items (ws);
  for (guint i = 0; i < g_list_model_get_n_items (items) && april == NULL; i++)
    {
      g_autoptr(StwItem) item = g_list_model_get_item (items, i);
      if (g_str_equal (stw_item_get_title (item), "Review of vulnerability scan results") &&
          g_str_equal (stw_item_get_due_date (item), "2027-04-05"))
        april = g_steal_pointer (&item);
    }
  g_assert_nonnull (april);
  before = g_list_model_get_n_items (items);

  stw_item_set_status (april, STW_STATUS_DONE);
  g_assert_true (stw_workspace_update_item (ws, april, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, before);

  stw_item_set_status (april, STW_STATUS_IN_REVIEW);
  g_assert_true (stw_workspace_update_item (ws, april, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, before);
  g_assert_cmpuint (count_titled (items, "Review of vulnerability scan results", "2027-05-05", "2027-05-05"), ==, 1);
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

  g_test_add_func ("/plan/template", test_template);
  g_test_add_func ("/plan/template-order-and-choice", test_template_order_and_choice);
  g_test_add_func ("/plan/roll-forward", test_roll_forward);
  g_test_add_func ("/plan/roll-forward-all-or-nothing", test_roll_forward_all_or_nothing);
  g_test_add_func ("/plan/no-duplicate-after-completion", test_no_duplicate_after_completion);
  g_test_add_func ("/plan/reopen-keeps-template-occurrence", test_reopen_keeps_template_occurrence);

  return g_test_run ();
}
