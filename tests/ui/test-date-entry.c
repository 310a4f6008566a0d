/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-date-entry.c: date entries in the locale's format. The machines
 * running the tests have only the C locales, so STEWARD_DATE_FORMAT stands
 * in for a German LC_TIME ("%d.%m.%Y"): the row shows dates that way, reads
 * them back (and ISO), and the item editor saves what was typed as ISO; the
 * roll-forward review's date lists do the same.
 */
#include "config.h"

#include <adwaita.h>

#include "stw-date-row.h"
#include "stw-item-editor.h"
#include "stw-plan.h"
#include "stw-roll-forward-window.h"
#include "stw-window-private.h"
#include "stw-workspace-list.h"
#include "test-util.h"

static char *data_home;

static GtkEditable *
editor_field (StwWindow  *window,
              GType       type,
              const char *title)
{
  GtkWidget *widget = find_widget (GTK_WIDGET (_stw_window_get_editor (window)), type, title);

  g_assert_nonnull (widget);
  return GTK_EDITABLE (widget);
}

static void
test_row (void)
{
  StwDateRow *row = g_object_ref_sink (STW_DATE_ROW (stw_date_row_new ()));
  GtkCalendar *calendar = GTK_CALENDAR (find_descendant (GTK_WIDGET (row), GTK_TYPE_CALENDAR));
  GtkText *text = GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (row)));
  g_autoptr(GDateTime) day = g_date_time_new_local (2027, 11, 30, 0, 0, 0);

  /* Shown in the locale's format, handed out as ISO. */
  stw_date_row_set_date (row, "2027-03-05");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "05.03.2027");
  g_assert_cmpstr (stw_date_row_get_date (row), ==, "2027-03-05");

  gtk_editable_set_text (GTK_EDITABLE (row), "1.4.27");
  g_assert_true (stw_date_row_get_valid (row));
  g_assert_cmpstr (stw_date_row_get_date (row), ==, "2027-04-01");
  g_assert_null (stw_date_row_get_error (row));

  gtk_editable_set_text (GTK_EDITABLE (row), "2027-04-02");
  g_assert_cmpstr (stw_date_row_get_date (row), ==, "2027-04-02");

  /* A day that does not exist, and text after a date, say what is wrong. */
  gtk_editable_set_text (GTK_EDITABLE (row), "31.02.2027");
  g_assert_false (stw_date_row_get_valid (row));
  g_assert_null (stw_date_row_get_date (row));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_cmpstr (stw_date_row_get_error (row), ==,
                   "“31.02.2027” is not a date: February 2027 has days 1 to 28.");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (row)), ==, stw_date_row_get_error (row));
  gtk_editable_set_text (GTK_EDITABLE (row), "31.03.2027 x");
  g_assert_false (stw_date_row_get_valid (row));
  g_assert_nonnull (strstr (stw_date_row_get_error (row), "“x” follows the date"));

  /* The example is a day not yet past, written the same way. */
  g_assert_cmpstr (gtk_text_get_placeholder_text (text), ==, "15.03.2027");

  /* The calendar writes the locale's format too. */
  gtk_calendar_select_day (calendar, day);
  g_signal_emit_by_name (calendar, "day-selected");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "30.11.2027");
  g_assert_cmpstr (stw_date_row_get_date (row), ==, "2027-11-30");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));

  g_object_unref (row);
}

static void
test_editor_saves_iso (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwWorkspace) workspace = NULL;
  g_autoptr(StwItem) stored = NULL;
  g_autofree char *path = NULL;
  StwItemEditor *editor;
  StwWindow *window;
  GtkWidget *dates_group;
  gint64 id;

  remove_tree (data_home);
  path = stw_workspaces_new_path ("Contoso");
  workspace = stw_workspace_create (path, "Contoso", "Grace Hopper", &error);
  g_assert_no_error (error);
  g_clear_object (&workspace);

  window = stw_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (stw_window_open_workspace (window, path, &error));
  g_assert_no_error (error);
  g_assert_true (wait_until (is_allocated, window));
  workspace = g_object_ref (stw_window_get_workspace (window));
  editor = _stw_window_get_editor (window);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-item", NULL);
  iterate ();
  g_assert_true (_stw_window_get_editor_revealed (window));

  /* The hint under "Dates" is worked out for today, not a fixed day. */
  dates_group = find_widget (GTK_WIDGET (editor), ADW_TYPE_PREFERENCES_GROUP, "Dates");
  g_assert_nonnull (dates_group);
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (dates_group)), ==,
                   "For example 15.03.2027 or 2027-03-15.");

  /* Typed as a German would, stored as ISO. */
  gtk_editable_set_text (editor_field (window, ADW_TYPE_ENTRY_ROW, "Title"), "Review the access rights");
  gtk_editable_set_text (editor_field (window, STW_TYPE_DATE_ROW, "Start date"), "1.3.27");
  gtk_editable_set_text (editor_field (window, STW_TYPE_DATE_ROW, "Due date"), "31.03.2027");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-item", NULL);
  iterate ();

  id = stw_item_get_id (stw_item_editor_get_item (editor));
  g_assert_cmpint (id, >, 0);
  stored = stw_workspace_load_item (workspace, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stw_item_get_due_date (stored), ==, "2027-03-31");
  g_assert_cmpstr (stw_item_get_start_date (stored), ==, "2027-03-01");
  g_clear_object (&stored);
  /* And shown again the way it was typed. */
  g_assert_cmpstr (gtk_editable_get_text (editor_field (window, STW_TYPE_DATE_ROW, "Due date")), ==, "31.03.2027");
  g_assert_cmpstr (gtk_editable_get_text (editor_field (window, STW_TYPE_DATE_ROW, "Start date")), ==, "01.03.2027");

  /* 31 February is refused with the reason, and nothing changes. */
  gtk_editable_set_text (editor_field (window, STW_TYPE_DATE_ROW, "Due date"), "31.02.2027");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-item", NULL);
  iterate ();
  g_assert_nonnull (strstr (_stw_window_get_toast_title (window), "February 2027 has days 1 to 28"));
  stored = stw_workspace_load_item (workspace, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stw_item_get_due_date (stored), ==, "2027-03-31");
  g_assert_cmpstr (gtk_editable_get_text (editor_field (window, STW_TYPE_DATE_ROW, "Due date")), ==, "31.02.2027");
  g_assert_true (stw_item_editor_get_modified (editor));

  /* ISO is still understood. */
  gtk_editable_set_text (editor_field (window, STW_TYPE_DATE_ROW, "Due date"), "2027-04-30");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-item", NULL);
  iterate ();
  g_clear_object (&stored);
  stored = stw_workspace_load_item (workspace, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stw_item_get_due_date (stored), ==, "2027-04-30");
  g_assert_cmpstr (gtk_editable_get_text (editor_field (window, STW_TYPE_DATE_ROW, "Due date")), ==, "30.04.2027");

  g_clear_object (&workspace);
  close_window (window);
}

static guint
count_due (StwWorkspace *workspace,
           const char   *date)
{
  g_autoptr(GListModel) items = stw_workspace_list_items (workspace, 0, NULL);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(StwItem) item = g_list_model_get_item (items, i);

      if (g_strcmp0 (stw_item_get_due_date (item), date) == 0)
        n++;
    }
  return n;
}

static void
test_roll_forward (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwWorkspace) workspace = NULL;
  g_autofree char *path = NULL;
  g_autofree char *proposed = NULL;
  g_auto(GStrv) proposed_dates = NULL;
  StwRollForwardWindow *window;
  GtkEditable *dates;
  guint total, n_proposed;

  remove_tree (data_home);
  path = stw_workspaces_new_path ("Fabrikam");
  workspace = stw_workspace_create (path, "Fabrikam", "Grace Hopper", &error);
  g_assert_no_error (error);
  g_assert_cmpint (stw_workspace_apply_plan_template (workspace, stw_workspace_get_actor_id (workspace), &error), >, 0);
  g_assert_no_error (error);

  window = STW_ROLL_FORWARD_WINDOW (stw_roll_forward_window_new (NULL, workspace, NULL));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wait_until (is_allocated, window));
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);

  /* The proposed dates are shown the way the locale writes them. */
  dates = GTK_EDITABLE (find_widget (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW, "Due dates next year"));
  g_assert_nonnull (dates);
  proposed = g_strdup (gtk_editable_get_text (dates));
  g_assert_true (g_regex_match_simple ("^[0-3][0-9]\\.[01][0-9]\\.2028(, [0-3][0-9]\\.[01][0-9]\\.2028)*$",
                                       proposed, 0, 0));
  proposed_dates = g_strsplit (proposed, ", ", -1);
  n_proposed = g_strv_length (proposed_dates);
  total = stw_roll_forward_window_get_n_to_create (window);

  /* Typed in the locale's format and as ISO, both read. */
  gtk_editable_set_text (dates, "05.05.2028, 2028-06-01");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (dates), "error"));
  g_assert_true (stw_roll_forward_window_get_can_confirm (window));
  g_assert_cmpuint (stw_roll_forward_window_get_n_to_create (window), ==, total - n_proposed + 2);

  /* A day that does not exist is marked and blocks the roll-forward. */
  gtk_editable_set_text (dates, "05.05.2028, 30.02.2028");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (dates), "error"));
  g_assert_false (stw_roll_forward_window_get_can_confirm (window));

  gtk_editable_set_text (dates, "05.05.2028, 2028-06-01");
  gtk_widget_activate_action (GTK_WIDGET (window), "roll-forward.confirm", NULL);
  iterate ();
  g_assert_null (window);
  g_assert_cmpuint (count_due (workspace, "2028-05-05"), >=, 1);
  g_assert_cmpuint (count_due (workspace, "2028-06-01"), >=, 1);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Workspaces go to a private folder, before GLib caches the real one. */
  data_home = make_test_home ("date-entry");
  g_setenv ("STEWARD_TODAY", "2027-03-15", TRUE);
  g_setenv ("STEWARD_DATE_FORMAT", "%d.%m.%Y", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/date-entry/row", test_row);
  g_test_add_func ("/date-entry/editor-saves-iso", test_editor_saves_iso);
  g_test_add_func ("/date-entry/roll-forward", test_roll_forward);

  status = g_test_run ();

  remove_tree (data_home);
  g_free (data_home);

  return status;
}
