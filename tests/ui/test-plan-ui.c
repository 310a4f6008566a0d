/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-plan-ui.c: the operational plan's widgets under Xvfb with "today"
 * pinned to 2027-03-10. The "Repeats" rows give back what they were given,
 * follow the due date until the person picks another date, refuse a bad
 * "from" date and say in words when the task comes next. The roll-forward
 * window lists every repeating task by name, counts what it will create as
 * tasks are left out and dates edited, refuses a wrong date, creates next
 * year through the core and records the review, then says who did it when
 * opened again. The template dialog adds the template plan. Any GTK
 * warning fails the test.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "stw-item-model.h"
#include "stw-plan.h"
#include "stw-plan-template-dialog.h"
#include "stw-recurrence-row.h"
#include "stw-roll-forward-window.h"
#include "test-util.h"

#define TODAY "2027-03-10"

static char *tmp;

/* Helpers */

static void
settle (void)
{
  run_for (100);
  iterate ();
}

static void
wait_mapped (GtkWidget *widget)
{
  g_assert_true (wait_until (is_allocated, widget));
  settle ();
}

static StwWorkspace *
new_workspace (void)
{
  return create_workspace (tmp, "plan-ui", "Acme Ltd", "Ann Archer");
}

static gint64
add_person (StwWorkspace *ws,
            const char   *name)
{
  g_autoptr(GError) error = NULL;
  StwPerson *person = stw_workspace_add_person (ws, name, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (person);
  return stw_person_get_id (person);
}

static gint64
plan_id (StwWorkspace *ws)
{
  return find_workstream_id (ws, STW_WORKSTREAM_PLAN);
}

static GListModel *
items_between (StwWorkspace *ws,
               const char   *from,
               const char   *to)
{
  g_autoptr(GError) error = NULL;
  StwItemFilter filter;
  GListModel *items;

  stw_item_filter_init (&filter, plan_id (ws));
  g_strlcpy (filter.due_from, from, sizeof filter.due_from);
  g_strlcpy (filter.due_to, to, sizeof filter.due_to);
  items = stw_workspace_filter_items (ws, &filter, &error);
  g_assert_no_error (error);
  return items;
}

/* Occurrences of one series, and how many of them @owner_id owns. */
static guint
count_series (GListModel *items,
              gint64      series_id,
              gint64      owner_id,
              guint      *n_owned)
{
  guint n = 0;

  if (n_owned)
    *n_owned = 0;
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(StwItem) item = g_list_model_get_item (items, i);

      if (stw_item_get_series_id (item) != series_id)
        continue;
      n++;
      if (n_owned && stw_item_get_owner_id (item) == owner_id)
        (*n_owned)++;
    }
  return n;
}

/* Named @name: by its label property, or, for a button with a mnemonic
 * ("_Close"), by its own label, which it is "labelled by" (such a button
 * has no label property of its own: GTK 4.8 would read both). */
static gboolean
has_label (GtkWidget  *widget,
           const char *name)
{
  g_autofree char *mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name);

  if (mismatch == NULL)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_LABEL (c) && gtk_label_get_mnemonic_widget (GTK_LABEL (c)) == widget
        && g_strcmp0 (gtk_label_get_text (GTK_LABEL (c)), name) == 0)
      return TRUE;
  return FALSE;
}

/* The control under @root whose accessible name is @name, as AT-SPI would
 * find it. Exactly one must exist. */
static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  GtkWidget *found = NULL;
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, root);
  while (stack->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);

      /* Labels are named after their text: look for controls. */
      if (!GTK_IS_LABEL (widget) && has_label (widget, name))
        {
          if (found != NULL)
            g_error ("Two widgets named “%s”: %s and %s", name, G_OBJECT_TYPE_NAME (found), G_OBJECT_TYPE_NAME (widget));
          found = widget;
        }
      for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (stack, c);
    }
  if (found == NULL)
    g_error ("No widget named “%s”", name);
  return found;
}

static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_type (root, type, found);
  g_assert_cmpuint (found->len, >, 0);
  return found->pdata[0];
}

static gboolean
has_label_text (GtkWidget  *root,
                const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_type (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_label (labels->pdata[i]), text) == 0)
      return TRUE;
  return FALSE;
}

/* The window has a shortcut @accel that activates @action. */
static gboolean
has_shortcut (GtkWidget  *widget,
              const char *accel,
              const char *action)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint s = 0; s < g_list_model_get_n_items (G_LIST_MODEL (controller)); s++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), s);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          GtkShortcutAction *sa = gtk_shortcut_get_action (shortcut);

          if (g_strcmp0 (trigger, accel) == 0 && GTK_IS_NAMED_ACTION (sa) &&
              g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (sa)), action) == 0)
            return TRUE;
        }
    }
  return FALSE;
}

static void
count_cb (gpointer  instance,
          guint    *n)
{
  (*n)++;
}

/* Recurrence row */

static void
test_recurrence_round_trip (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  StwRecurrenceRow *row = STW_RECURRENCE_ROW (stw_recurrence_row_new ());
  StwRecurrence in = { STW_REPEAT_MONTHLY, 3, "2027-01-31" };
  StwRecurrence yearly = { STW_REPEAT_YEARLY, 1, "2026-11-15" };
  StwRecurrence out;
  g_autoptr(GError) error = NULL;
  guint changed = 0;

  gtk_window_set_child (window, GTK_WIDGET (row));
  g_signal_connect (row, "changed", G_CALLBACK (count_cb), &changed);
  gtk_window_present (window);
  wait_mapped (GTK_WIDGET (row));

  stw_recurrence_row_set_recurrence (row, &in);
  stw_recurrence_row_set_due_date (row, "2027-01-31");
  g_assert_true (stw_recurrence_row_get_recurrence (row, &out, &error));
  g_assert_no_error (error);
  g_assert_cmpint (out.unit, ==, STW_REPEAT_MONTHLY);
  g_assert_cmpuint (out.interval, ==, 3);
  g_assert_cmpstr (out.anchor, ==, "2027-01-31");
  g_assert_cmpstr (stw_recurrence_row_get_summary (row), ==,
                   "Every 3 months from 31 January; next after this one: 30 April");
  g_assert_true (has_label_text (GTK_WIDGET (row), "Every 3 months from 31 January; next after this one: 30 April"));
  /* The spin button says what it counts. */
  g_assert_true (has_label (find_named (GTK_WIDGET (row), "Months between occurrences"), "Months between occurrences"));
  g_assert_true (has_label_text (GTK_WIDGET (row), "months"));

  /* A later occurrence: its next one; the chosen anchor stays. */
  stw_recurrence_row_set_due_date (row, "2027-04-30");
  g_assert_cmpstr (stw_recurrence_row_get_summary (row), ==,
                   "Every 3 months from 31 January; next after this one: 31 July");
  g_assert_true (stw_recurrence_row_get_recurrence (row, &out, &error));
  g_assert_cmpstr (out.anchor, ==, "2027-01-31");

  /* Another year is named; this year is not. */
  stw_recurrence_row_set_recurrence (row, &yearly);
  stw_recurrence_row_set_due_date (row, "2026-11-15");
  g_assert_cmpstr (stw_recurrence_row_get_summary (row), ==,
                   "Every year from 15 November 2026; next after this one: 15 November");
  g_assert_true (stw_recurrence_row_get_recurrence (row, &out, &error));
  g_assert_cmpint (out.unit, ==, STW_REPEAT_YEARLY);
  g_assert_cmpuint (out.interval, ==, 1);
  g_assert_cmpstr (out.anchor, ==, "2026-11-15");

  /* Not repeating: the rest of the form is hidden and nothing is kept. */
  stw_recurrence_row_set_recurrence (row, NULL);
  g_assert_true (stw_recurrence_row_get_recurrence (row, &out, &error));
  g_assert_cmpint (out.unit, ==, STW_REPEAT_NONE);
  g_assert_cmpuint (out.interval, ==, 0);
  g_assert_cmpstr (out.anchor, ==, "");
  g_assert_cmpstr (stw_recurrence_row_get_summary (row), ==, "");
  g_assert_false (gtk_widget_get_visible (find_named (GTK_WIDGET (row), "From")));

  /* The setters are not the person's changes. */
  g_assert_cmpuint (changed, ==, 0);

  gtk_window_destroy (window);
  iterate ();
}

static void
test_recurrence_default_anchor (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  StwRecurrenceRow *row = STW_RECURRENCE_ROW (stw_recurrence_row_new ());
  AdwComboRow *unit_row;
  GtkSpinButton *spin;
  GtkEditable *anchor;
  StwRecurrence out;
  g_autoptr(GError) error = NULL;
  guint changed = 0;

  gtk_window_set_child (window, GTK_WIDGET (row));
  g_signal_connect (row, "changed", G_CALLBACK (count_cb), &changed);
  gtk_window_present (window);
  wait_mapped (GTK_WIDGET (row));

  stw_recurrence_row_set_recurrence (row, NULL);
  stw_recurrence_row_set_due_date (row, "2027-05-15");
  unit_row = ADW_COMBO_ROW (find_named (GTK_WIDGET (row), "Repeats"));
  anchor = GTK_EDITABLE (find_named (GTK_WIDGET (row), "From"));
  g_assert_cmpstr (gtk_editable_get_text (anchor), ==, "");

  /* Choosing a unit: it repeats from the due date. */
  adw_combo_row_set_selected (unit_row, STW_REPEAT_QUARTERLY);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (anchor)));
  g_assert_true (stw_recurrence_row_get_recurrence (row, &out, &error));
  g_assert_no_error (error);
  g_assert_cmpint (out.unit, ==, STW_REPEAT_QUARTERLY);
  g_assert_cmpuint (out.interval, ==, 1);
  g_assert_cmpstr (out.anchor, ==, "2027-05-15");

  /* It follows the due date until the person picks a date. */
  stw_recurrence_row_set_due_date (row, "2027-06-01");
  g_assert_true (stw_recurrence_row_get_recurrence (row, &out, &error));
  g_assert_cmpstr (out.anchor, ==, "2027-06-01");

  spin = GTK_SPIN_BUTTON (find_named (GTK_WIDGET (row), "Quarters between occurrences"));
  gtk_spin_button_set_value (spin, 2);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_true (has_label_text (GTK_WIDGET (row), "quarters"));
  g_assert_cmpstr (stw_recurrence_row_get_summary (row), ==,
                   "Every 2 quarters from 1 June; next after this one: 1 December");

  /* Replacing the text is a deletion and an insertion. */
  gtk_editable_set_text (anchor, "2027-06-30");
  g_assert_cmpuint (changed, >, 2);
  stw_recurrence_row_set_due_date (row, "2027-07-01");
  g_assert_true (stw_recurrence_row_get_recurrence (row, &out, &error));
  g_assert_cmpstr (out.anchor, ==, "2027-06-30");
  g_assert_cmpuint (out.interval, ==, 2);

  /* A date that is not one is refused, and so is none. */
  gtk_editable_set_text (anchor, "2027-02-30");
  g_assert_false (stw_recurrence_row_get_recurrence (row, &out, &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (anchor), "error"));
  g_assert_nonnull (strstr (stw_recurrence_row_get_summary (row), "not a date"));

  gtk_editable_set_text (anchor, "");
  g_assert_false (stw_recurrence_row_get_recurrence (row, &out, &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (stw_recurrence_row_get_summary (row), ==, "Choose the date it repeats from.");

  /* Back to not repeating: nothing to refuse. */
  adw_combo_row_set_selected (unit_row, STW_REPEAT_NONE);
  g_assert_true (stw_recurrence_row_get_recurrence (row, &out, &error));
  g_assert_no_error (error);
  g_assert_cmpint (out.unit, ==, STW_REPEAT_NONE);

  gtk_window_destroy (window);
  iterate ();
}

static void
test_summarize (void)
{
  StwRecurrence leap = { STW_REPEAT_MONTHLY, 1, "2028-01-31" };
  StwRecurrence weekly = { STW_REPEAT_WEEKLY, 2, "2027-03-01" };
  StwRecurrence none = { STW_REPEAT_NONE, 0, "" };
  g_autofree char *a = stw_recurrence_row_summarize (&leap, "2028-01-31");
  g_autofree char *b = stw_recurrence_row_summarize (&weekly, NULL);
  g_autofree char *c = stw_recurrence_row_summarize (&none, "2027-03-01");

  g_assert_cmpstr (a, ==, "Every month from 31 January 2028; next after this one: 29 February 2028");
  g_assert_cmpstr (b, ==, "Every 2 weeks from 1 March; next after this one: 15 March");
  g_assert_cmpstr (c, ==, "Does not repeat");
}

/* Roll-forward window */

typedef struct
{
  StwWorkspace *ws;
  gint64        ann;
  gint64        bea;
  GPtrArray    *rows;     /* what the core proposes */
} PlanFixture;

static void
plan_set_up (PlanFixture   *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  int created;

  f->ws = new_workspace ();
  f->ann = stw_workspace_get_actor_id (f->ws);
  f->bea = add_person (f->ws, "Bea Brook");
  created = stw_workspace_apply_plan_template (f->ws, data != NULL ? f->bea : f->ann, &error);
  g_assert_no_error (error);
  g_assert_cmpint (created, >, 0);
  f->rows = stw_workspace_plan_roll_forward (f->ws, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (f->rows->len, >=, 3);
}

static void
plan_tear_down (PlanFixture   *f,
                gconstpointer  data)
{
  iterate ();
  g_clear_pointer (&f->rows, g_ptr_array_unref);
  g_clear_object (&f->ws);
}

static StwRollRow *
row_at (PlanFixture *f,
        guint        i)
{
  return g_ptr_array_index (f->rows, i);
}

static char *
row_name (StwRollRow *row)
{
  return g_strdup_printf ("%s %s", row->ref, row->title);
}

static StwRollForwardWindow *
open_window (PlanFixture *f)
{
  StwRollForwardWindow *window = STW_ROLL_FORWARD_WINDOW (stw_roll_forward_window_new (NULL, f->ws, NULL));

  gtk_window_present (GTK_WINDOW (window));
  wait_mapped (GTK_WIDGET (window));
  return window;
}

static void
done_cb (StwRollForwardWindow *window,
         guint                 n_created,
         int                  *out)
{
  *out = (int) n_created;
}

static void
test_roll_forward (PlanFixture   *f,
                   gconstpointer  data)
{
  StwRollForwardWindow *window = open_window (f);
  GtkWidget *root = GTK_WIDGET (window);
  GtkWidget *confirm = find_named (root, "Roll forward");
  g_autofree char *name0 = row_name (row_at (f, 0));
  g_autofree char *name1 = row_name (row_at (f, 1));
  g_autofree char *include0 = g_strdup_printf ("Include %s", name0);
  g_autofree char *dates1 = g_strdup_printf ("Due dates of %s", row_at (f, 1)->ref);
  g_autofree char *owner2 = g_strdup_printf ("Owner of %s", row_at (f, 2)->ref);
  g_autofree char *count_text = NULL;
  g_autoptr(GListModel) next_year = NULL;
  g_autofree char *by = NULL, *at = NULL;
  g_autoptr(GError) error = NULL;
  AdwComboRow *owner_row;
  GtkEditable *dates_row;
  GListModel *owners;
  guint total = 0, expected, n_bea, owned;
  int n_created = -1;

  g_signal_connect (window, "done", G_CALLBACK (done_cb), &n_created);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);

  g_assert_true (has_label_text (root, "Roll the plan forward to 2028"));
  g_assert_true (has_shortcut (root, "<Control>Return", "roll-forward.confirm"));
  g_assert_true (has_shortcut (root, "Escape", "window.close"));

  /* A row for every repeating task, named as the end-to-end test finds it. */
  for (guint i = 0; i < f->rows->len; i++)
    {
      g_autofree char *name = row_name (row_at (f, i));

      g_assert_true (ADW_IS_EXPANDER_ROW (find_named (root, name)));
      total += g_strv_length (row_at (f, i)->dates);
    }
  g_assert_cmpuint (total, >, 0);
  g_assert_cmpuint (stw_roll_forward_window_get_n_to_create (window), ==, total);
  count_text = g_strdup_printf ("%u new items will be created.", total);
  g_assert_true (has_label_text (root, count_text));
  g_assert_true (gtk_widget_get_sensitive (confirm));

  /* Leaving a task out takes its dates off the count. */
  gtk_switch_set_active (GTK_SWITCH (find_named (root, include0)), FALSE);
  expected = total - g_strv_length (row_at (f, 0)->dates);
  g_assert_cmpuint (stw_roll_forward_window_get_n_to_create (window), ==, expected);

  /* One date instead of the proposed ones. */
  dates_row = GTK_EDITABLE (find_named (root, dates1));
  gtk_editable_set_text (dates_row, "2028-05-05");
  expected = expected - g_strv_length (row_at (f, 1)->dates) + 1;
  g_assert_cmpuint (stw_roll_forward_window_get_n_to_create (window), ==, expected);

  /* A date that is not one: marked, and confirming is off. */
  gtk_editable_set_text (dates_row, "2028-05-05, 2028-13-01");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (dates_row), "error"));
  g_assert_false (stw_roll_forward_window_get_can_confirm (window));
  g_assert_false (gtk_widget_get_sensitive (confirm));
  g_assert_true (has_label_text (root, "Correct the marked tasks first."));
  gtk_widget_activate_action (root, "roll-forward.confirm", NULL);
  g_assert_false (stw_workspace_get_roll_forward (f->ws, "2027-01-01", NULL, NULL));

  /* Nothing at all is not a plan either. */
  gtk_editable_set_text (dates_row, " , ");
  g_assert_false (gtk_widget_get_sensitive (confirm));

  gtk_editable_set_text (dates_row, "2028-05-05,2028-05-05 ");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (dates_row), "error"));
  g_assert_true (gtk_widget_get_sensitive (confirm));
  g_assert_cmpuint (stw_roll_forward_window_get_n_to_create (window), ==, expected);

  /* Someone else owns the third task next year. */
  owner_row = ADW_COMBO_ROW (find_named (root, owner2));
  owners = adw_combo_row_get_model (owner_row);
  for (guint i = 0; i < g_list_model_get_n_items (owners); i++)
    {
      g_autoptr(GtkStringObject) s = g_list_model_get_item (owners, i);

      if (g_strcmp0 (gtk_string_object_get_string (s), "Bea Brook") == 0)
        adw_combo_row_set_selected (owner_row, i);
    }
  g_assert_cmpuint (adw_combo_row_get_selected (owner_row), >, 0);

  gtk_widget_activate_action (root, "roll-forward.confirm", NULL);
  iterate ();
  g_assert_cmpint (n_created, ==, (int) expected);
  /* It closed itself. */
  g_assert_null (window);

  /* The core has next year as reviewed, and the review. */
  next_year = items_between (f->ws, "2028-01-01", "2028-12-31");
  g_assert_cmpuint (count_series (next_year, row_at (f, 0)->series_id, 0, NULL), ==, 0);
  g_assert_cmpuint (count_series (next_year, row_at (f, 1)->series_id, 0, NULL), ==, 1);
  n_bea = count_series (next_year, row_at (f, 2)->series_id, f->bea, &owned);
  g_assert_cmpuint (n_bea, ==, g_strv_length (row_at (f, 2)->dates));
  g_assert_cmpuint (owned, ==, n_bea);
  {
    g_autoptr(GListModel) on_may_5 = items_between (f->ws, "2028-05-05", "2028-05-05");

    g_assert_cmpuint (count_series (on_may_5, row_at (f, 1)->series_id, 0, NULL), ==, 1);
  }
  g_assert_true (stw_workspace_get_roll_forward (f->ws, "2027-01-01", &by, &at));
  g_assert_cmpstr (by, ==, "Ann Archer");

  /* Opened again: who did it, and only Close. */
  window = open_window (f);
  root = GTK_WIDGET (window);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_assert_false (stw_roll_forward_window_get_can_confirm (window));
  g_assert_false (gtk_widget_get_visible (find_named (root, "Roll forward")));
  g_assert_true (gtk_widget_get_visible (find_named (root, "Close")));
  {
    AdwStatusPage *page = ADW_STATUS_PAGE (gtk_stack_get_visible_child (GTK_STACK (find_type (root, GTK_TYPE_STACK))));

    g_assert_cmpstr (adw_status_page_get_title (page), ==, "Already rolled forward");
    g_assert_true (g_str_has_prefix (adw_status_page_get_description (page),
                                     "Ann Archer rolled the plan forward to 2028 on "));
  }
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find_type (find_named (root, "Close"), GTK_TYPE_LABEL))), ==, "_Close");
  gtk_widget_activate_action (root, "window.close", NULL);
  iterate ();
  g_assert_null (window);
}

/* Someone else rolled the year forward while the window was open: it says
 * so instead of writing anything. */
static void
test_roll_forward_race (PlanFixture   *f,
                        gconstpointer  data)
{
  StwRollForwardWindow *window = open_window (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) before = NULL;
  g_autoptr(GListModel) after = NULL;
  guint created = 0;
  int n_created = -1;

  g_signal_connect (window, "done", G_CALLBACK (done_cb), &n_created);
  g_assert_true (stw_roll_forward_window_get_can_confirm (window));
  g_assert_true (stw_workspace_roll_forward (f->ws, NULL, f->rows, &created, &error));
  g_assert_no_error (error);
  before = items_between (f->ws, "2028-01-01", "2028-12-31");

  gtk_widget_activate_action (GTK_WIDGET (window), "roll-forward.confirm", NULL);
  iterate ();
  g_assert_cmpint (n_created, ==, -1);
  g_assert_false (stw_roll_forward_window_get_can_confirm (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (find_type (GTK_WIDGET (window), GTK_TYPE_STACK))),
                   ==, "done");
  after = items_between (f->ws, "2028-01-01", "2028-12-31");
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, g_list_model_get_n_items (before));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The tasks' owner has left: the window asks for someone else rather than
 * letting the core refuse. */
static void
test_roll_forward_inactive_owner (PlanFixture   *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  StwRollForwardWindow *window;
  g_autofree char *owner0 = g_strdup_printf ("Owner of %s", row_at (f, 0)->ref);
  AdwComboRow *owner_row;
  int n_created = -1;

  g_assert_true (stw_workspace_update_person (f->ws, f->bea, "Bea Brook", NULL, NULL, FALSE, &error));
  g_assert_no_error (error);

  window = open_window (f);
  g_signal_connect (window, "done", G_CALLBACK (done_cb), &n_created);
  g_assert_false (stw_roll_forward_window_get_can_confirm (window));
  g_assert_cmpuint (stw_roll_forward_window_get_n_to_create (window), ==, 0);

  /* Everything to Ann: fine again. */
  for (guint i = 0; i < f->rows->len; i++)
    {
      g_autofree char *name = g_strdup_printf ("Owner of %s", row_at (f, i)->ref);
      GListModel *owners;

      owner_row = ADW_COMBO_ROW (find_named (GTK_WIDGET (window), name));
      owners = adw_combo_row_get_model (owner_row);
      g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (owner_row)), ==,
                       "No longer active: choose someone else");
      for (guint p = 0; p < g_list_model_get_n_items (owners); p++)
        {
          g_autoptr(GtkStringObject) s = g_list_model_get_item (owners, p);

          if (g_strcmp0 (gtk_string_object_get_string (s), "Ann Archer") == 0)
            adw_combo_row_set_selected (owner_row, p);
        }
      g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (owner_row)), ==, "");
    }
  owner_row = ADW_COMBO_ROW (find_named (GTK_WIDGET (window), owner0));
  g_assert_true (stw_roll_forward_window_get_can_confirm (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "roll-forward.confirm", NULL);
  iterate ();
  g_assert_cmpint (n_created, >, 0);
}

/* Template dialog */

static AdwMessageDialog *
find_message_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (w)), heading) == 0)
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

static void
template_done_cb (StwPlanTemplateDialog *dialog,
                  int                    created,
                  int                   *out)
{
  *out = created;
}

static void
test_template_dialog (void)
{
  g_autoptr(StwWorkspace) ws = new_workspace ();
  gint64 bea = add_person (ws, "Bea Brook");
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());
  StwPlanTemplateDialog *dialog;
  g_autoptr(GListModel) plan = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *list;
  int created = -1;
  guint n_tasks = 0;

  gtk_window_present (parent);

  /* Not now: nothing is added. */
  dialog = STW_PLAN_TEMPLATE_DIALOG (stw_plan_template_dialog_new (parent, ws));
  g_signal_connect (dialog, "done", G_CALLBACK (template_done_cb), &created);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (find_message_dialog ("Start from the template plan?") == ADW_MESSAGE_DIALOG (dialog));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  iterate ();
  g_assert_cmpint (created, ==, -1);
  plan = stw_workspace_list_items (ws, plan_id (ws), &error);
  g_assert_cmpuint (g_list_model_get_n_items (plan), ==, 0);
  g_clear_object (&plan);

  dialog = STW_PLAN_TEMPLATE_DIALOG (stw_plan_template_dialog_new (parent, ws));
  g_signal_connect (dialog, "done", G_CALLBACK (template_done_cb), &created);
  gtk_window_present (GTK_WINDOW (dialog));
  wait_mapped (GTK_WIDGET (dialog));

  /* The fourteen tasks, each with how often it repeats. */
  list = find_named (GTK_WIDGET (dialog), "Template tasks");
  collect_type (list, ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (gtk_widget_get_parent (rows->pdata[i]) == list)
      n_tasks++;
  g_assert_cmpuint (n_tasks, ==, stw_plan_template_get_count ());
  g_assert_cmpuint (n_tasks, ==, 14);
  g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[0]), ==, stw_plan_template_get (0)->title);
  g_assert_cmpstr (adw_action_row_get_subtitle (rows->pdata[0]), ==, "Every year");
  g_assert_true (has_label_text (GTK_WIDGET (dialog), "Every quarter"));

  /* The owner starts as the person using Steward; Bea takes them. */
  g_assert_cmpint (stw_plan_template_dialog_get_owner_id (dialog), ==, stw_workspace_get_actor_id (ws));
  {
    AdwComboRow *owner = ADW_COMBO_ROW (find_named (GTK_WIDGET (dialog), "Owner of the template tasks"));
    GListModel *names = adw_combo_row_get_model (owner);

    for (guint i = 0; i < g_list_model_get_n_items (names); i++)
      {
        g_autoptr(GtkStringObject) s = g_list_model_get_item (names, i);

        if (g_strcmp0 (gtk_string_object_get_string (s), "Bea Brook") == 0)
          adw_combo_row_set_selected (owner, i);
      }
  }
  g_assert_cmpint (stw_plan_template_dialog_get_owner_id (dialog), ==, bea);

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "add");
  iterate ();
  plan = stw_workspace_list_items (ws, plan_id (ws), &error);
  g_assert_no_error (error);
  g_assert_cmpint (created, >=, 14);
  g_assert_cmpuint (g_list_model_get_n_items (plan), ==, (guint) created);
  for (guint i = 0; i < g_list_model_get_n_items (plan); i++)
    {
      g_autoptr(StwItem) item = g_list_model_get_item (plan, i);

      g_assert_cmpint (stw_item_get_owner_id (item), ==, bea);
      g_assert_cmpint (stw_item_get_recurrence (item)->unit, !=, STW_REPEAT_NONE);
    }

  /* Offered again to a full plan (issue 9, point 24): every task is
   * already there and starts left out, so "Add" adds nothing until a task
   * is chosen, and then only that task. */
  {
    guint before = g_list_model_get_n_items (plan);
    g_autoptr(GListModel) after = NULL;

    created = -1;
    dialog = STW_PLAN_TEMPLATE_DIALOG (stw_plan_template_dialog_new (parent, ws));
    g_signal_connect (dialog, "done", G_CALLBACK (template_done_cb), &created);
    gtk_window_present (GTK_WINDOW (dialog));
    wait_mapped (GTK_WIDGET (dialog));
    for (guint i = 0; i < stw_plan_template_get_count (); i++)
      g_assert_false (stw_plan_template_dialog_get_task_chosen (dialog, i));
    g_assert_true (has_label_text (GTK_WIDGET (dialog), "Every year · already in the plan"));
    g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add"));
    stw_plan_template_dialog_set_task_chosen (dialog, 0, TRUE);
    g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add"));
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "add");
    iterate ();
    after = stw_workspace_list_items (ws, plan_id (ws), &error);
    g_assert_no_error (error);
    g_assert_cmpint (created, >=, 1);
    g_assert_cmpuint (g_list_model_get_n_items (after), ==, before + (guint) created);
  }

  gtk_window_destroy (parent);
  iterate ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_setenv ("STEWARD_TODAY", TODAY, TRUE);
  tmp = make_test_home ("plan-ui");

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/plan-ui/recurrence-row/round-trip", test_recurrence_round_trip);
  g_test_add_func ("/plan-ui/recurrence-row/default-anchor", test_recurrence_default_anchor);
  g_test_add_func ("/plan-ui/recurrence-row/summarize", test_summarize);
  g_test_add ("/plan-ui/roll-forward/review", PlanFixture, NULL, plan_set_up, test_roll_forward, plan_tear_down);
  g_test_add ("/plan-ui/roll-forward/race", PlanFixture, NULL, plan_set_up, test_roll_forward_race, plan_tear_down);
  g_test_add ("/plan-ui/roll-forward/inactive-owner", PlanFixture, "bea", plan_set_up,
              test_roll_forward_inactive_owner, plan_tear_down);
  g_test_add_func ("/plan-ui/template-dialog", test_template_dialog);

  status = g_test_run ();

  remove_tree (tmp);
  g_free (tmp);

  return status;
}
