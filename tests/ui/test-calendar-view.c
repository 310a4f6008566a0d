/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-calendar-view.c: the Calendar view under Xvfb with "today" pinned
 * to 2027-03-10 and the C locale (weeks start on Sunday): items land in
 * the cells of their due dates, a crowded day shows "+N", rescheduling by
 * drop and by keyboard changes the core, writes history, says so and is
 * undone, a due date before the start date is refused, and previous /
 * next / today turn the months. Any GTK warning fails the test.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "stw-calendar-cell.h"
#include "stw-calendar-chip.h"
#include "stw-calendar-view.h"
#include "stw-calendar-view-private.h"
#include "stw-item-model.h"
#include "test-util.h"

#define TODAY "2027-03-10"

typedef struct
{
  StwWorkspace    *ws;
  StwUndoStack    *undo;
  gint64           tasks;
  GtkWindow       *window;
  StwCalendarView *view;

  GPtrArray       *changed;    /* messages of "changed" */
  GPtrArray       *errors;     /* messages of "error" */
  gint64           activated;
} Fixture;

static char *tmp;

/* Helpers */

/* Lets the window lay itself out: a few frames. */
static void
settle (void)
{
  run_for (200);
  iterate ();
}

static gboolean
wait_allocated (GtkWidget *widget)
{
  if (!wait_until (is_allocated, widget))
    return FALSE;
  settle ();
  return TRUE;
}

static StwItem *
add_item (Fixture     *f,
          const char  *title,
          const char  *due,
          StwStatus    status)
{
  StwItem *item = stw_item_new (f->tasks);

  stw_item_set_title (item, title);
  stw_item_set_due_date (item, due);
  stw_item_set_status (item, status);
  if (status == STW_STATUS_DONE)
    {
      stw_item_set_completed_date (item, due);
      stw_item_set_closure_note (item, "Checked");
    }
  insert_item (f->ws, item);
  return item;
}

static char *
due_in_core (Fixture *f,
             gint64   item_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwItem) item = stw_workspace_load_item (f->ws, item_id, &error);

  g_assert_no_error (error);
  return g_strdup (stw_item_get_due_date (item));
}

static StwCalendarCell *
cell_of (Fixture    *f,
         const char *iso)
{
  StwCalendarCell *cell = _stw_calendar_view_find_cell (f->view, iso);

  g_assert_nonnull (cell);
  g_assert_cmpstr (stw_calendar_cell_get_iso_date (cell), ==, iso);
  return cell;
}

/* The focused chip's item, or 0. */
static gint64
focused_item (Fixture *f)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));
  StwCalendarChip *chip = stw_calendar_chip_find_ancestor (focus);

  return chip != NULL ? stw_calendar_chip_get_item_id (chip) : 0;
}

/* Visible chips under @widget. */
static guint
count_chips (GtkWidget *widget)
{
  guint n = STW_IS_CALENDAR_CHIP (widget) && gtk_widget_get_visible (widget) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_chips (child);
  return n;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(StwWorkstream) tasks = NULL;

  f->ws = create_workspace (tmp, "calendar", "Acme Ltd", "Ann");
  tasks = g_list_model_get_item (stw_workspace_get_workstreams (f->ws), 3);
  f->tasks = stw_workstream_get_id (tasks);
  f->undo = stw_undo_stack_new (f->ws, 50);
  f->changed = g_ptr_array_new_with_free_func (g_free);
  f->errors = g_ptr_array_new_with_free_func (g_free);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1000, 760);
  f->view = STW_CALENDAR_VIEW (stw_calendar_view_new ());
  g_signal_connect (f->view, "changed", G_CALLBACK (record_message_cb), f->changed);
  g_signal_connect (f->view, "error", G_CALLBACK (record_message_cb), f->errors);
  g_signal_connect (f->view, "item-activated", G_CALLBACK (record_id_cb), &f->activated);
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  iterate ();
  g_clear_object (&f->undo);
  g_clear_object (&f->ws);
  g_clear_pointer (&f->changed, g_ptr_array_unref);
  g_clear_pointer (&f->errors, g_ptr_array_unref);
}

static void
show (Fixture *f)
{
  stw_calendar_view_set_workstream (f->view, f->ws, f->undo, f->tasks);
  gtk_window_present (f->window);
  g_assert_true (wait_allocated (GTK_WIDGET (f->view)));
}

/* Tests */

static void
test_cells (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(StwItem) overdue = add_item (f, "Backup restore test", "2027-03-05", STW_STATUS_TODO);
  g_autoptr(StwItem) later = add_item (f, "Access review", "2027-03-24", STW_STATUS_IN_PROGRESS);
  g_autoptr(StwItem) done = add_item (f, "Policy sign-off", "2027-03-02", STW_STATUS_DONE);
  g_autoptr(StwItem) cancelled = add_item (f, "Old task", "2027-03-03", STW_STATUS_CANCELLED);
  g_autoptr(StwItem) last = add_item (f, "Supplier audit", "2027-04-10", STW_STATUS_TODO);
  g_autoptr(StwItem) beyond = add_item (f, "Next quarter", "2027-04-11", STW_STATUS_TODO);
  g_autoptr(StwItem) before = add_item (f, "Last year", "2027-02-27", STW_STATUS_TODO);
  g_autofree char *month = NULL;
  StwCalendarChip *chip;
  guint total = 0;

  show (f);

  month = stw_calendar_view_dup_month (f->view);
  g_assert_cmpstr (month, ==, "2027-03-01");
  g_assert_cmpstr (gtk_label_get_label (_stw_calendar_view_get_month_label (f->view)), ==, "March 2027");

  /* Weeks start on Sunday in the C locale: 28 February is the first cell,
   * 10 April the last. */
  g_assert_cmpstr (stw_calendar_cell_get_iso_date (_stw_calendar_view_get_cell (f->view, 0)), ==, "2027-02-28");
  g_assert_cmpstr (stw_calendar_cell_get_iso_date (_stw_calendar_view_get_cell (f->view, 41)), ==, "2027-04-10");
  g_assert_true (cell_of (f, "2027-03-05") == _stw_calendar_view_get_cell (f->view, 5));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (_stw_calendar_view_get_cell (f->view, 0)), "other-month"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (cell_of (f, "2027-03-01")), "other-month"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell_of (f, "2027-04-10")), "other-month"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell_of (f, TODAY)), "today"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (cell_of (f, "2027-03-11")), "today"));

  /* Each item in its day, and nowhere else. */
  g_assert_true (stw_calendar_cell_has_item (cell_of (f, "2027-03-05"), stw_item_get_id (overdue)));
  g_assert_true (stw_calendar_cell_has_item (cell_of (f, "2027-03-24"), stw_item_get_id (later)));
  g_assert_true (stw_calendar_cell_has_item (cell_of (f, "2027-03-02"), stw_item_get_id (done)));
  g_assert_true (stw_calendar_cell_has_item (cell_of (f, "2027-04-10"), stw_item_get_id (last)));
  for (guint c = 0; c < 42; c++)
    total += stw_calendar_cell_get_n_items (_stw_calendar_view_get_cell (f->view, c));
  /* Not the cancelled one, nor those outside the six weeks. */
  g_assert_cmpuint (total, ==, 4);
  g_assert_cmpuint (stw_calendar_cell_get_n_items (cell_of (f, "2027-03-03")), ==, 0);

  /* The overdue chip says so in words and with a class for its colour. */
  chip = stw_calendar_cell_find_chip (cell_of (f, "2027-03-05"), stw_item_get_id (overdue));
  g_assert_nonnull (chip);
  g_assert_true (gtk_widget_get_child_visible (GTK_WIDGET (chip)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (chip), "overdue"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chip), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "T-001 Backup restore test, To do, due 2027-03-05, overdue");
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (chip), GTK_ACCESSIBLE_ROLE_BUTTON);

  chip = stw_calendar_cell_find_chip (cell_of (f, "2027-03-24"), stw_item_get_id (later));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (chip), "overdue"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chip), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "T-002 Access review, In progress, due 2027-03-24");

  /* Done before its due date passed: not overdue, struck through. */
  chip = stw_calendar_cell_find_chip (cell_of (f, "2027-03-02"), stw_item_get_id (done));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (chip), "overdue"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (chip), "status-done"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chip), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "T-003 Policy sign-off, Done, due 2027-03-02");

  /* A change elsewhere in the core shows up by itself; unchanged days keep
   * their chip widgets. */
  chip = stw_calendar_cell_find_chip (cell_of (f, "2027-03-24"), stw_item_get_id (later));
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(StwItem) copy = stw_workspace_load_item (f->ws, stw_item_get_id (overdue), NULL);

    stw_item_set_title (copy, "Backup restore drill");
    g_assert_true (stw_workspace_update_item (f->ws, copy, &error));
    g_assert_no_error (error);
  }
  g_assert_true (chip == stw_calendar_cell_find_chip (cell_of (f, "2027-03-24"), stw_item_get_id (later)));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (stw_calendar_cell_find_chip (cell_of (f, "2027-03-05"),
                                                                                   stw_item_get_id (overdue))),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "T-001 Backup restore drill, To do, due 2027-03-05, overdue");

  /* Activating a chip (Enter) opens its item. */
  chip = stw_calendar_cell_find_chip (cell_of (f, "2027-03-24"), stw_item_get_id (later));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chip), "chip.open", NULL));
  g_assert_cmpint (f->activated, ==, stw_item_get_id (later));

  /* No workspace: an empty grid. */
  stw_calendar_view_set_workstream (f->view, NULL, NULL, 0);
  for (guint c = 0; c < 42; c++)
    g_assert_cmpuint (stw_calendar_cell_get_n_items (_stw_calendar_view_get_cell (f->view, c)), ==, 0);
  g_assert_cmpuint (f->errors->len, ==, 0);
}

static void
test_overflow (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(StwItem) alone = add_item (f, "Alone", "2027-03-16", STW_STATUS_TODO);
  StwCalendarCell *cell;
  GtkWidget *button;
  GtkWidget *popover;
  guint n_popover_chips = 0;
  guint n_small;

  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *title = g_strdup_printf ("Crowded %u", i + 1);

      g_ptr_array_add (items, add_item (f, title, "2027-03-17", STW_STATUS_TODO));
    }

  /* A small window: a cell holds two or three chips. */
  gtk_window_set_default_size (f->window, 640, 480);
  show (f);

  cell = cell_of (f, "2027-03-17");
  g_assert_cmpuint (stw_calendar_cell_get_n_items (cell), ==, 8);
  g_assert_cmpuint (stw_calendar_cell_get_n_hidden (cell), >, 0);
  g_assert_cmpuint (stw_calendar_cell_get_n_shown (cell) + stw_calendar_cell_get_n_hidden (cell), ==, 8);
  button = stw_calendar_cell_get_overflow_button (cell);
  g_assert_true (gtk_widget_get_child_visible (button));
  {
    g_autofree char *label = g_strdup_printf ("+%u", stw_calendar_cell_get_n_hidden (cell));

    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, label);
  }

  /* The day with one item has room and no button. */
  g_assert_cmpuint (stw_calendar_cell_get_n_shown (cell_of (f, "2027-03-16")), ==, 1);
  g_assert_cmpuint (stw_calendar_cell_get_n_hidden (cell_of (f, "2027-03-16")), ==, 0);
  g_assert_false (gtk_widget_get_child_visible (stw_calendar_cell_get_overflow_button (cell_of (f, "2027-03-16"))));

  /* "+N" opens a popover listing all eight. */
  g_signal_emit_by_name (button, "clicked");
  settle ();
  popover = stw_calendar_cell_get_popover (cell);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  n_popover_chips = count_chips (popover);
  g_assert_cmpuint (n_popover_chips, ==, 8);
  stw_calendar_cell_hide_overflow (cell);
  settle ();

  /* Selecting an item hidden behind "+N" focuses it in the popover. */
  {
    StwItem *hidden = g_ptr_array_index (items, 7);

    g_assert_null (stw_calendar_cell_find_chip (cell, stw_item_get_id (hidden)));
    stw_calendar_view_select_item (f->view, stw_item_get_id (hidden));
    settle ();
    g_assert_cmpint (focused_item (f), ==, stw_item_get_id (hidden));
    g_assert_true (gtk_widget_get_visible (stw_calendar_cell_get_popover (cell)));
    stw_calendar_cell_hide_overflow (cell);
    settle ();
  }

  /* A taller window shows more chips: the cell counts what fits when it is
   * laid out. */
  n_small = stw_calendar_cell_get_n_shown (cell);
  gtk_window_set_default_size (f->window, 1000, 780);
  settle ();
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (cell)), >, 100);
  g_assert_cmpuint (stw_calendar_cell_get_n_shown (cell), >, n_small);
  g_assert_cmpuint (stw_calendar_cell_get_n_shown (cell) + stw_calendar_cell_get_n_hidden (cell), ==, 8);

  /* When the day empties out the button goes. */
  for (guint i = 2; i < 8; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (stw_workspace_delete_item (f->ws, stw_item_get_id (g_ptr_array_index (items, i)), &error));
      g_assert_no_error (error);
    }
  settle ();
  g_assert_cmpuint (stw_calendar_cell_get_n_items (cell), ==, 2);
  g_assert_cmpuint (stw_calendar_cell_get_n_shown (cell), ==, 2);
  g_assert_cmpuint (stw_calendar_cell_get_n_hidden (cell), ==, 0);
  g_assert_false (gtk_widget_get_child_visible (button));
}

static void
test_reschedule (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwItem) item = add_item (f, "Backup restore test", "2027-03-05", STW_STATUS_TODO);
  g_autoptr(StwItem) started = add_item (f, "Pen test", "2027-03-09", STW_STATUS_IN_PROGRESS);
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *description = NULL;
  gint64 id = stw_item_get_id (item);
  gint64 undo_id = 0;
  guint n_history;
  StwHistoryEntry *entry;
  char *due;

  {
    g_autoptr(StwItem) copy = stw_item_copy (started);

    stw_item_set_start_date (copy, "2027-03-08");
    g_assert_true (stw_workspace_update_item (f->ws, copy, &error));
    g_assert_no_error (error);
  }

  show (f);
  history = stw_workspace_list_history (f->ws, "item", id, &error);
  g_assert_no_error (error);
  n_history = history->len;
  g_clear_pointer (&history, g_ptr_array_unref);
  g_assert_false (stw_undo_stack_get_can_undo (f->undo));

  /* A drop on 12 March: what the cell's drop target reports. */
  g_signal_emit_by_name (cell_of (f, "2027-03-12"), "item-dropped", id);
  due = due_in_core (f, id);
  g_assert_cmpstr (due, ==, "2027-03-12");
  g_free (due);
  g_assert_false (stw_calendar_cell_has_item (cell_of (f, "2027-03-05"), id));
  g_assert_true (stw_calendar_cell_has_item (cell_of (f, "2027-03-12"), id));
  g_assert_cmpuint (f->changed->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (f->changed, 0), ==, "T-001 moved to 12 March");
  /* No longer overdue on its new day. */
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (stw_calendar_cell_find_chip (cell_of (f, "2027-03-12"), id)),
                                            "overdue"));

  history = stw_workspace_list_history (f->ws, "item", id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, n_history + 1);
  entry = g_ptr_array_index (history, history->len - 1);
  g_assert_cmpstr (entry->action, ==, "update");
  g_assert_nonnull (strstr (entry->changes, "due_date"));
  g_assert_nonnull (strstr (entry->changes, "2027-03-05"));
  g_assert_nonnull (strstr (entry->changes, "2027-03-12"));
  g_clear_pointer (&history, g_ptr_array_unref);

  /* Undo through the window's stack puts it back, in the core and here. */
  g_assert_true (stw_undo_stack_get_can_undo (f->undo));
  g_assert_true (stw_undo_stack_undo (f->undo, &description, &undo_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (undo_id, ==, id);
  due = due_in_core (f, id);
  g_assert_cmpstr (due, ==, "2027-03-05");
  g_free (due);
  g_assert_true (stw_calendar_cell_has_item (cell_of (f, "2027-03-05"), id));
  g_assert_false (stw_calendar_cell_has_item (cell_of (f, "2027-03-12"), id));

  /* A day in another year says the year. */
  g_assert_true (_stw_calendar_view_reschedule (f->view, id, "2028-01-04"));
  g_assert_cmpstr (g_ptr_array_index (f->changed, 1), ==, "T-001 moved to 4 January 2028");
  /* The view follows the item to its month. */
  due = stw_calendar_view_dup_month (f->view);
  g_assert_cmpstr (due, ==, "2028-01-01");
  g_free (due);
  g_assert_true (stw_undo_stack_undo (f->undo, NULL, NULL, &error));
  g_assert_no_error (error);
  stw_calendar_view_set_month (f->view, NULL);

  /* The same day again changes nothing and says nothing. */
  g_signal_emit_by_name (cell_of (f, "2027-03-05"), "item-dropped", id);
  g_assert_cmpuint (f->changed->len, ==, 2);
  g_assert_false (stw_undo_stack_get_can_undo (f->undo));

  /* Before its start date: the core refuses, the view reports it. */
  g_signal_emit_by_name (cell_of (f, "2027-03-06"), "item-dropped", stw_item_get_id (started));
  g_assert_cmpuint (f->errors->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (f->errors, 0), ==, "The due date is before the start date");
  due = due_in_core (f, stw_item_get_id (started));
  g_assert_cmpstr (due, ==, "2027-03-09");
  g_free (due);
  g_assert_true (stw_calendar_cell_has_item (cell_of (f, "2027-03-09"), stw_item_get_id (started)));
  g_assert_false (stw_undo_stack_get_can_undo (f->undo));
  g_assert_cmpuint (f->changed->len, ==, 2);
}

static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwItem) item = add_item (f, "Backup restore test", "2027-03-30", STW_STATUS_TODO);
  gint64 id = stw_item_get_id (item);
  g_autofree char *month = NULL;
  char *due;

  show (f);

  /* Nothing focused: nothing moves. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "calendar.move-later", NULL));
  g_assert_cmpuint (f->changed->len, ==, 0);

  g_assert_true (stw_calendar_cell_focus_item (cell_of (f, "2027-03-30"), id));
  g_assert_cmpint (focused_item (f), ==, id);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "calendar.move-later", NULL));
  due = due_in_core (f, id);
  g_assert_cmpstr (due, ==, "2027-03-31");
  g_free (due);
  g_assert_cmpstr (g_ptr_array_index (f->changed, 0), ==, "T-001 moved to 31 March");
  /* The focus follows the item to its new day, so the keys repeat. */
  g_assert_cmpint (focused_item (f), ==, id);
  g_assert_true (stw_calendar_cell_has_item (cell_of (f, "2027-03-31"), id));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "calendar.move-week-later", NULL));
  due = due_in_core (f, id);
  g_assert_cmpstr (due, ==, "2027-04-07");
  g_free (due);
  g_assert_cmpint (focused_item (f), ==, id);

  /* Past the last cell (10 April) the view turns to the item's month. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "calendar.move-week-later", NULL));
  due = due_in_core (f, id);
  g_assert_cmpstr (due, ==, "2027-04-14");
  g_free (due);
  month = stw_calendar_view_dup_month (f->view);
  g_assert_cmpstr (month, ==, "2027-04-01");
  g_assert_cmpint (focused_item (f), ==, id);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "calendar.move-earlier", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "calendar.move-week-earlier", NULL));
  due = due_in_core (f, id);
  g_assert_cmpstr (due, ==, "2027-04-06");
  g_free (due);
  g_assert_cmpuint (f->changed->len, ==, 5);

  /* Each move is one undo step. */
  for (guint i = 0; i < 5; i++)
    {
      g_assert_true (stw_undo_stack_undo (f->undo, NULL, NULL, &error));
      g_assert_no_error (error);
    }
  due = due_in_core (f, id);
  g_assert_cmpstr (due, ==, "2027-03-30");
  g_free (due);
  g_assert_false (stw_undo_stack_get_can_undo (f->undo));
}

static void
test_navigation (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(StwItem) june = add_item (f, "Management review", "2027-06-15", STW_STATUS_TODO);
  GtkWidget *previous, *next, *today;
  char *month;

  show (f);
  previous = _stw_calendar_view_get_button (f->view, "previous");
  next = _stw_calendar_view_get_button (f->view, "next");
  today = _stw_calendar_view_get_button (f->view, "today");

  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (previous), GTK_ACCESSIBLE_PROPERTY_LABEL, "Previous month");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (next), GTK_ACCESSIBLE_PROPERTY_LABEL, "Next month");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (today), GTK_ACCESSIBLE_PROPERTY_LABEL, "Today");

  g_signal_emit_by_name (next, "clicked");
  month = stw_calendar_view_dup_month (f->view);
  g_assert_cmpstr (month, ==, "2027-04-01");
  g_free (month);
  g_assert_cmpstr (gtk_label_get_label (_stw_calendar_view_get_month_label (f->view)), ==, "April 2027");
  /* April 2027 starts on a Thursday: the grid from Sunday 28 March. */
  g_assert_cmpstr (stw_calendar_cell_get_iso_date (_stw_calendar_view_get_cell (f->view, 0)), ==, "2027-03-28");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (cell_of (f, "2027-04-01")), "other-month"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell_of (f, "2027-03-31")), "other-month"));

  g_signal_emit_by_name (previous, "clicked");
  g_signal_emit_by_name (previous, "clicked");
  month = stw_calendar_view_dup_month (f->view);
  g_assert_cmpstr (month, ==, "2027-02-01");
  g_free (month);
  g_assert_cmpstr (gtk_label_get_label (_stw_calendar_view_get_month_label (f->view)), ==, "February 2027");
  /* Today (10 March) is shown greyed in February's grid, still marked. */
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell_of (f, TODAY)), "today"));

  g_signal_emit_by_name (today, "clicked");
  month = stw_calendar_view_dup_month (f->view);
  g_assert_cmpstr (month, ==, "2027-03-01");
  g_free (month);

  /* Over the year boundary both ways. */
  stw_calendar_view_set_month (f->view, "2027-12-31");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "calendar.next-month", NULL));
  month = stw_calendar_view_dup_month (f->view);
  g_assert_cmpstr (month, ==, "2028-01-01");
  g_free (month);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "calendar.previous-month", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "calendar.previous-month", NULL));
  month = stw_calendar_view_dup_month (f->view);
  g_assert_cmpstr (month, ==, "2027-11-01");
  g_free (month);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "calendar.today", NULL));
  month = stw_calendar_view_dup_month (f->view);
  g_assert_cmpstr (month, ==, "2027-03-01");
  g_free (month);

  /* Selecting an item turns to its month and focuses its chip; the
   * month's items are re-read for the new range. */
  stw_calendar_view_select_item (f->view, stw_item_get_id (june));
  month = stw_calendar_view_dup_month (f->view);
  g_assert_cmpstr (month, ==, "2027-06-01");
  g_free (month);
  g_assert_true (stw_calendar_cell_has_item (cell_of (f, "2027-06-15"), stw_item_get_id (june)));
  g_assert_cmpint (focused_item (f), ==, stw_item_get_id (june));
}

/* A month with 2,000 items: how long until it is laid out, and how long a
 * change to one of them takes. */
static void
test_busy_month (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwItem) first = NULL;
  gint64 start, load_us, shown_us, change_us, turn_us;
  char *due;

  g_assert_true (stw_workspace_begin (f->ws, &error));
  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *title = g_strdup_printf ("Busy item %u", i + 1);
      g_autofree char *day = g_strdup_printf ("2027-03-%02u", 1 + i % 31);
      StwItem *item = add_item (f, title, day, i % 5 == 0 ? STW_STATUS_DONE : STW_STATUS_TODO);

      if (first == NULL)
        first = item;
      else
        g_object_unref (item);
    }
  g_assert_true (stw_workspace_commit (f->ws, &error));
  g_assert_no_error (error);

  /* Reading the month and sorting it into days, then the first layout. */
  start = g_get_monotonic_time ();
  stw_calendar_view_set_workstream (f->view, f->ws, f->undo, f->tasks);
  load_us = g_get_monotonic_time () - start;
  start = g_get_monotonic_time ();
  gtk_window_present (f->window);
  g_assert_true (wait_allocated (GTK_WIDGET (f->view)));
  shown_us = g_get_monotonic_time () - start;
  /* settle() waits 200 ms on purpose. */
  shown_us -= G_USEC_PER_SEC / 5;

  start = g_get_monotonic_time ();
  g_assert_true (_stw_calendar_view_reschedule (f->view, stw_item_get_id (first), "2027-03-02"));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  change_us = g_get_monotonic_time () - start;
  due = due_in_core (f, stw_item_get_id (first));
  g_assert_cmpstr (due, ==, "2027-03-02");
  g_free (due);

  start = g_get_monotonic_time ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "calendar.next-month", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "calendar.previous-month", NULL));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  turn_us = g_get_monotonic_time () - start;

  g_assert_cmpuint (stw_calendar_cell_get_n_items (cell_of (f, "2027-03-02")), ==, 66);
  g_printerr ("# calendar, 2,000 items in a month: read and sorted into days %.1f ms, "
              "first window and layout %.1f ms, one reschedule %.1f ms, "
              "next month and back %.1f ms\n",
              load_us / 1000.0, shown_us / 1000.0, change_us / 1000.0, turn_us / 1000.0);
  /* Generous bounds: a slow machine passes, a quadratic rebuild does not. */
  g_assert_cmpint (load_us, <, 2 * G_USEC_PER_SEC);
  g_assert_cmpint (change_us, <, 2 * G_USEC_PER_SEC);
  g_assert_cmpint (turn_us, <, 2 * G_USEC_PER_SEC);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_setenv ("STEWARD_TODAY", TODAY, TRUE);
  tmp = make_test_home ("calendar");

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/calendar-view/cells", Fixture, NULL, fixture_set_up, test_cells, fixture_tear_down);
  g_test_add ("/calendar-view/overflow", Fixture, NULL, fixture_set_up, test_overflow, fixture_tear_down);
  g_test_add ("/calendar-view/reschedule", Fixture, NULL, fixture_set_up, test_reschedule, fixture_tear_down);
  g_test_add ("/calendar-view/keyboard", Fixture, NULL, fixture_set_up, test_keyboard, fixture_tear_down);
  g_test_add ("/calendar-view/navigation", Fixture, NULL, fixture_set_up, test_navigation, fixture_tear_down);
  g_test_add ("/calendar-view/busy-month", Fixture, NULL, fixture_set_up, test_busy_month, fixture_tear_down);

  status = g_test_run ();

  remove_tree (tmp);
  g_free (tmp);

  return status;
}
