/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-ui.c: loads every template in the resources and drives the main
 * window: the first-run page, the workspace dialog, creating, editing,
 * deleting and undoing an item, the view chosen per workstream, the list's
 * order, filters and bulk changes, the editor's clauses, controls, history
 * and closure note, people, and search; what each kind of workstream adds
 * (how a plan task repeats, the risk treated, the corrective-action record
 * and its closing rule, the reason for closing without evidence, the
 * findings filter), workstreams created and set up, and the plan's menu.
 * Runs under Xvfb; any GTK warning fails the test.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <gmodule.h>

#include "stw-application.h"
#include "stw-board-card.h"
#include "stw-board-column.h"
#include "stw-board-view.h"
#include "stw-board-view-private.h"
#include "stw-calendar-view.h"
#include "stw-control-picker.h"
#include "stw-controls.h"
#include "stw-corrective-filter.h"
#include "stw-corrective-section.h"
#include "stw-date-row.h"
#include "stw-history-list.h"
#include "stw-item-editor.h"
#include "stw-item-row.h"
#include "stw-list-view.h"
#include "stw-people-window.h"
#include "stw-plan.h"
#include "stw-plan-template-dialog.h"
#include "stw-recurrence-row.h"
#include "stw-risk-chooser-row.h"
#include "stw-risk-register.h"
#include "stw-roll-forward-window.h"
#include "stw-sample.h"
#include "stw-window.h"
#include "stw-window-private.h"
#include "stw-workspace-dialog.h"
#include "stw-workspace-list.h"
#include "stw-workstream-dialog.h"
#include "stw-workstream-row.h"
#include "test-util.h"

#define RESOURCE_PATH "/io/github/isms_steward/Steward/"

static char *data_home;

/* Helpers */

/* Lets toasts finish animating. libadwaita 1.2 reads freed memory when a
 * toast overlay is destroyed while a toast is still hiding. */
static void
settle (void)
{
  run_for (1000);
}

/* The template class a .ui file defines, or NULL for a plain builder file. */
static char *
dup_template_class (const char *resource)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  const char *text;

  bytes = g_resources_lookup_data (resource, 0, NULL);
  g_assert_nonnull (bytes);
  text = g_bytes_get_data (bytes, NULL);

  regex = g_regex_new ("<template class=\"([A-Za-z]+)\"", 0, 0, NULL);
  if (!g_regex_match_full (regex, text, g_bytes_get_size (bytes), 0, 0, &match, NULL))
    return NULL;

  return g_match_info_fetch (match, 1);
}

static void
collect_ui_files (const char *dir,
                  GPtrArray  *out)
{
  g_auto(GStrv) children = g_resources_enumerate_children (dir, 0, NULL);

  for (guint i = 0; children != NULL && children[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (dir, children[i], NULL);

      if (g_str_has_suffix (children[i], "/"))
        collect_ui_files (path, out);
      else if (g_str_has_suffix (children[i], ".ui"))
        g_ptr_array_add (out, g_steal_pointer (&path));
    }
}

/* The type a template names, registering it through its get_type
 * function when nothing has yet (StwFooBar: stw_foo_bar_get_type), as
 * GtkBuilder does. */
static GType
lookup_type (const char *class_name)
{
  g_autoptr(GString) symbol = g_string_new (NULL);
  GModule *module;
  GType (*get_type) (void) = NULL;
  GType type = g_type_from_name (class_name);

  if (type != 0)
    return type;

  for (const char *c = class_name; *c != '\0'; c++)
    {
      if (g_ascii_isupper (*c) && c != class_name)
        g_string_append_c (symbol, '_');
      g_string_append_c (symbol, g_ascii_tolower (*c));
    }
  g_string_append (symbol, "_get_type");

  module = g_module_open (NULL, 0);
  if (module == NULL)
    return 0;
  if (!g_module_symbol (module, symbol->str, (gpointer *) &get_type))
    get_type = NULL;
  g_module_close (module);

  return get_type != NULL ? get_type () : 0;
}

static GtkEditable *
editor_field (StwWindow  *window,
              GType       type,
              const char *title)
{
  GtkWidget *widget = find_widget (GTK_WIDGET (_stw_window_get_editor (window)), type, title);

  g_assert_nonnull (widget);

  return GTK_EDITABLE (widget);
}

static GtkListBoxRow *
find_workstream_row (StwWindow         *window,
                     StwWorkstreamKind  kind,
                     guint             *n_rows)
{
  GtkListBox *list = _stw_window_get_workstreams_list (window);
  GtkListBoxRow *found = NULL;
  GtkListBoxRow *row;

  *n_rows = 0;
  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      StwWorkstream *workstream;

      g_assert_true (STW_IS_WORKSTREAM_ROW (row));
      workstream = stw_workstream_row_get_workstream (STW_WORKSTREAM_ROW (row));
      if (stw_workstream_get_kind (workstream) == kind)
        found = row;
      (*n_rows)++;
    }

  return found;
}

static GListModel *
list_model (StwWindow *window)
{
  return _stw_list_view_get_model (_stw_window_get_list_view (window));
}

/* The list view's page: "list", "empty" or "no-match". */
static const char *
list_page (StwWindow *window)
{
  return _stw_list_view_get_page (_stw_window_get_list_view (window));
}

static guint
n_items (StwWindow *window)
{
  GListModel *items = list_model (window);

  g_assert_nonnull (items);

  return g_list_model_get_n_items (items);
}

static StwItem *
item_at (StwWindow *window,
         guint      position)
{
  return g_list_model_get_item (list_model (window), position);
}

typedef struct
{
  StwWindow  *window;
  const char *ref;
} RowSearch;

static GtkWidget *
find_item_row (GtkWidget  *root,
               const char *ref)
{
  if (STW_IS_ITEM_ROW (root))
    {
      StwItem *item = stw_item_row_get_item (STW_ITEM_ROW (root));

      if (item != NULL && g_strcmp0 (stw_item_get_ref (item), ref) == 0)
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_item_row (child, ref);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
item_row_shown (gpointer data)
{
  RowSearch *search = data;

  return find_item_row (GTK_WIDGET (_stw_list_view_get_list (_stw_window_get_list_view (search->window))), search->ref) != NULL;
}

/* Tests */

static void
test_templates (void)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  guint n_templates = 0;

  /* Every widget type with a template must be registered here, so that a
   * template naming a widget newer than GTK 4.8 / libadwaita 1.2 fails. */
  g_type_ensure (STW_TYPE_APPLICATION);
  g_type_ensure (STW_TYPE_BOARD_CARD);
  g_type_ensure (STW_TYPE_BOARD_COLUMN);
  g_type_ensure (STW_TYPE_BOARD_VIEW);
  g_type_ensure (STW_TYPE_CALENDAR_VIEW);
  g_type_ensure (STW_TYPE_CONTROL_PICKER);
  g_type_ensure (STW_TYPE_DATE_ROW);
  g_type_ensure (STW_TYPE_HISTORY_LIST);
  g_type_ensure (STW_TYPE_ITEM_EDITOR);
  g_type_ensure (STW_TYPE_ITEM_ROW);
  g_type_ensure (STW_TYPE_LIST_VIEW);
  g_type_ensure (STW_TYPE_PEOPLE_WINDOW);
  g_type_ensure (STW_TYPE_WINDOW);
  g_type_ensure (STW_TYPE_WORKSPACE_DIALOG);
  g_type_ensure (STW_TYPE_WORKSTREAM_ROW);

  collect_ui_files (RESOURCE_PATH, files);
  g_assert_cmpuint (files->len, >=, 11);

  for (guint i = 0; i < files->len; i++)
    {
      const char *resource = g_ptr_array_index (files, i);
      g_autofree char *class_name = dup_template_class (resource);

      g_test_message ("loading %s", resource);

      if (class_name != NULL)
        {
          GType type = lookup_type (class_name);
          GObject *object;

          g_assert_true (type != 0);
          object = g_object_ref_sink (g_object_new (type, NULL));
          g_assert_true (GTK_IS_WIDGET (object));
          if (GTK_IS_WINDOW (object))
            gtk_window_destroy (GTK_WINDOW (object));
          g_object_unref (object);
          iterate ();
          n_templates++;
        }
      else
        {
          g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (resource);
          g_autoptr(GSList) objects = gtk_builder_get_objects (builder);

          g_assert_nonnull (objects);
          for (GSList *l = objects; l != NULL; l = l->next)
            if (GTK_IS_WINDOW (l->data))
              gtk_window_destroy (GTK_WINDOW (l->data));
        }
    }

  /* Every template loaded; the views add their own. */
  g_assert_cmpuint (n_templates, >=, 10);
  iterate ();
}

static void
test_date_row (void)
{
  StwDateRow *row = g_object_ref_sink (STW_DATE_ROW (stw_date_row_new ()));

  g_assert_true (stw_date_row_get_valid (row));
  g_assert_null (stw_date_row_get_date (row));

  gtk_editable_set_text (GTK_EDITABLE (row), "2025-03-31");
  g_assert_true (stw_date_row_get_valid (row));
  g_assert_cmpstr (stw_date_row_get_date (row), ==, "2025-03-31");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));

  gtk_editable_set_text (GTK_EDITABLE (row), "2025-02-30");
  g_assert_false (stw_date_row_get_valid (row));
  g_assert_null (stw_date_row_get_date (row));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));

  gtk_editable_set_text (GTK_EDITABLE (row), "31/03/2025");
  g_assert_false (stw_date_row_get_valid (row));

  stw_date_row_set_date (row, NULL);
  g_assert_true (stw_date_row_get_valid (row));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));

  g_object_unref (row);
}

static void
test_first_run (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *org = NULL;
  StwWindow *window;
  GtkWindow *dialog;
  GtkEditable *org_row;
  GtkEditable *me_row;
  GtkWidget *create_button;

  remove_tree (data_home);

  window = stw_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wait_until (is_allocated, window));

  g_assert_null (stw_window_get_workspace (window));
  g_assert_cmpstr (_stw_window_get_visible_page (window), ==, "welcome");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-workspace", NULL);
  iterate ();
  dialog = find_toplevel (STW_TYPE_WORKSPACE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create"));

  org_row = GTK_EDITABLE (find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Organisation name"));
  me_row = GTK_EDITABLE (find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Your name"));
  g_assert_nonnull (org_row);
  g_assert_nonnull (me_row);

  gtk_editable_set_text (org_row, "Northwind Traders");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create"));
  gtk_editable_set_text (me_row, "  ");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create"));
  gtk_editable_set_text (me_row, "Ada Lovelace");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create"));
  /* The template plan is on unless turned off. */
  g_assert_true (stw_workspace_dialog_get_use_template (STW_WORKSPACE_DIALOG (dialog)));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (find_widget (GTK_WIDGET (dialog), GTK_TYPE_SWITCH, NULL))));

  create_button = find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "C_reate");
  g_assert_nonnull (create_button);
  g_signal_emit_by_name (create_button, "clicked");
  iterate ();

  g_assert_nonnull (stw_window_get_workspace (window));
  g_assert_cmpstr (stw_workspace_get_org_name (stw_window_get_workspace (window)), ==, "Northwind Traders");
  g_assert_cmpstr (_stw_window_get_visible_page (window), !=, "welcome");
  g_assert_null (find_toplevel (STW_TYPE_WORKSPACE_DIALOG));

  /* The first workstream is shown straight away: the operational plan,
   * started from the template, owned by the person who set it up. */
  g_assert_nonnull (list_model (window));
  {
    guint n_rows;
    StwWorkstream *plan = stw_workstream_row_get_workstream (STW_WORKSTREAM_ROW (
      find_workstream_row (window, STW_WORKSTREAM_PLAN, &n_rows)));
    g_autoptr(StwItem) first = NULL;

    g_assert_cmpuint (stw_workstream_get_open_count (plan), >=, stw_plan_template_get_count ());
    g_assert_cmpuint (n_items (window), >=, stw_plan_template_get_count ());
    first = item_at (window, 0);
    g_assert_cmpint (stw_item_get_owner_id (first), ==,
                     stw_workspace_get_actor_id (stw_window_get_workspace (window)));
    g_assert_cmpint (stw_item_get_recurrence (first)->unit, !=, STW_REPEAT_NONE);
  }

  /* Turned off, the plan starts empty. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-workspace", NULL);
  iterate ();
  dialog = find_toplevel (STW_TYPE_WORKSPACE_DIALOG);
  gtk_editable_set_text (GTK_EDITABLE (find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Organisation name")),
                         "Tailspin Toys");
  gtk_editable_set_text (GTK_EDITABLE (find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Your name")),
                         "Ada Lovelace");
  gtk_switch_set_active (GTK_SWITCH (find_widget (GTK_WIDGET (dialog), GTK_TYPE_SWITCH, NULL)), FALSE);
  g_signal_emit_by_name (find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "C_reate"), "clicked");
  iterate ();
  g_assert_cmpstr (stw_workspace_get_org_name (stw_window_get_workspace (window)), ==, "Tailspin Toys");
  g_assert_cmpuint (n_items (window), ==, 0);

  settle ();
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

static void
test_last_workspace_gone (void)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  StwWindow *window;

  schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (), APP_ID, TRUE);
  if (schema == NULL)
    {
      g_test_skip ("settings schema not found (set GSETTINGS_SCHEMA_DIR)");
      return;
    }

  settings = g_settings_new (APP_ID);
  g_settings_set_string (settings, "last-workspace", "/nonexistent/gone.steward");

  window = stw_window_new (NULL);
  stw_window_open_last_workspace (window);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wait_until (is_allocated, window));

  g_assert_null (stw_window_get_workspace (window));
  g_assert_cmpstr (_stw_window_get_visible_page (window), ==, "welcome");
  /* The start page's title is true whether workspaces are listed under it
   * or not (issue 9, point 23: it said "No workspace yet" above a list). */
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (find_descendant (GTK_WIDGET (window),
                                                                                ADW_TYPE_STATUS_PAGE))),
                   ==, "Welcome to Steward");
  g_assert_nonnull (_stw_window_get_toast_title (window));
  g_assert_true (g_str_has_prefix (_stw_window_get_toast_title (window), "Could not open the last workspace"));
  /* Not tried again at the next start. */
  g_assert_cmpstr (g_settings_get_string (settings, "last-workspace"), ==, "");

  settle ();
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

static void
test_items (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwWorkspace) workspace = NULL;
  g_autoptr(StwItem) item = NULL;
  g_autofree char *path = NULL;
  g_autofree char *ref = NULL;
  GtkListBoxRow *tasks_row;
  StwWorkstream *tasks;
  StwItemEditor *editor;
  StwWindow *window;
  GtkWidget *row;
  RowSearch search;
  guint n_rows;

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

  /* The four built-in workstreams. */
  tasks_row = find_workstream_row (window, STW_WORKSTREAM_TASKS, &n_rows);
  g_assert_cmpuint (n_rows, ==, 4);
  g_assert_nonnull (tasks_row);
  g_assert_nonnull (find_workstream_row (window, STW_WORKSTREAM_PLAN, &n_rows));
  g_assert_nonnull (find_workstream_row (window, STW_WORKSTREAM_TREATMENT, &n_rows));
  g_assert_nonnull (find_workstream_row (window, STW_WORKSTREAM_CORRECTIVE, &n_rows));

  gtk_list_box_select_row (_stw_window_get_workstreams_list (window), tasks_row);
  iterate ();
  tasks = stw_workstream_row_get_workstream (STW_WORKSTREAM_ROW (tasks_row));
  g_assert_cmpuint (n_items (window), ==, 0);
  g_assert_cmpstr (_stw_window_get_visible_page (window), ==, "list");
  g_assert_cmpstr (list_page (window), ==, "empty");
  g_assert_false (_stw_window_get_editor_revealed (window));

  /* Create. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-item", NULL);
  iterate ();
  g_assert_true (_stw_window_get_editor_revealed (window));
  g_assert_nonnull (stw_item_editor_get_item (editor));
  g_assert_cmpint (stw_item_get_id (stw_item_editor_get_item (editor)), ==, 0);

  /* Without a title nothing is saved: Save is off, and the field says
   * why (since issue 9, point 20; it used to be a toast). */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-item", NULL);
  iterate ();
  g_assert_cmpuint (n_items (window), ==, 0);
  g_assert_nonnull (find_widget (GTK_WIDGET (editor), GTK_TYPE_LABEL, "An item needs a title."));

  gtk_editable_set_text (editor_field (window, ADW_TYPE_ENTRY_ROW, "Title"), "Brief top management on the audit plan");
  gtk_editable_set_text (editor_field (window, STW_TYPE_DATE_ROW, "Due date"), "2020-01-31");
  g_assert_true (stw_item_editor_get_modified (editor));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-item", NULL);
  iterate ();

  g_assert_cmpuint (n_items (window), ==, 1);
  item = item_at (window, 0);
  ref = g_strdup (stw_item_get_ref (item));
  g_assert_nonnull (ref);
  g_assert_true (g_str_has_prefix (ref, stw_workstream_get_prefix (tasks)));
  g_assert_cmpstr (stw_item_get_title (item), ==, "Brief top management on the audit plan");
  g_assert_cmpstr (stw_item_get_due_date (item), ==, "2020-01-31");
  g_assert_cmpstr (list_page (window), ==, "list");
  g_assert_cmpint (stw_list_view_get_selected_item (_stw_window_get_list_view (window)), ==, stw_item_get_id (item));
  g_assert_false (stw_item_editor_get_modified (editor));
  g_assert_cmpint (stw_item_get_id (stw_item_editor_get_item (editor)), ==, stw_item_get_id (item));
  g_assert_nonnull (strstr (_stw_window_get_toast_title (window), ref));
  g_assert_cmpuint (stw_workstream_get_open_count (tasks), ==, 1);
  g_assert_cmpuint (stw_workstream_get_overdue_count (tasks), ==, 1);
  g_clear_object (&item);

  /* The list shows it, marked overdue in words. */
  search.window = window;
  search.ref = ref;
  g_assert_true (wait_until (item_row_shown, &search));
  row = find_item_row (GTK_WIDGET (_stw_list_view_get_list (_stw_window_get_list_view (window))), ref);
  g_assert_true (gtk_widget_has_css_class (row, "overdue-row"));
  g_assert_nonnull (find_widget (row, GTK_TYPE_LABEL, "Overdue"));
  g_assert_nonnull (find_widget (row, GTK_TYPE_LABEL, ref));

  /* Edit, then undo the edit. */
  gtk_editable_set_text (editor_field (window, ADW_TYPE_ENTRY_ROW, "Title"), "Brief the board on the audit plan");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-item", NULL);
  iterate ();
  item = item_at (window, 0);
  g_assert_cmpstr (stw_item_get_title (item), ==, "Brief the board on the audit plan");
  g_clear_object (&item);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  iterate ();
  item = item_at (window, 0);
  g_assert_cmpstr (stw_item_get_title (item), ==, "Brief top management on the audit plan");
  g_clear_object (&item);
  g_assert_cmpstr (gtk_editable_get_text (editor_field (window, ADW_TYPE_ENTRY_ROW, "Title")), ==,
                   "Brief top management on the audit plan");

  /* A date that is not a date is refused and stays in the field. */
  gtk_editable_set_text (editor_field (window, STW_TYPE_DATE_ROW, "Due date"), "2021-02-30");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (editor_field (window, STW_TYPE_DATE_ROW, "Due date")), "error"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-item", NULL);
  iterate ();
  item = item_at (window, 0);
  g_assert_cmpstr (stw_item_get_due_date (item), ==, "2020-01-31");
  g_clear_object (&item);
  g_assert_true (stw_item_editor_get_modified (editor));
  g_assert_cmpstr (gtk_editable_get_text (editor_field (window, STW_TYPE_DATE_ROW, "Due date")), ==, "2021-02-30");

  /* Status through the editor's combo row. */
  gtk_editable_set_text (editor_field (window, STW_TYPE_DATE_ROW, "Due date"), "2099-12-31");
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_widget (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, "Status")),
                              STW_STATUS_IN_PROGRESS);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-item", NULL);
  iterate ();
  item = item_at (window, 0);
  g_assert_cmpint (stw_item_get_status (item), ==, STW_STATUS_IN_PROGRESS);
  g_assert_cmpstr (stw_item_get_due_date (item), ==, "2099-12-31");
  g_clear_object (&item);
  g_assert_cmpuint (stw_workstream_get_overdue_count (tasks), ==, 0);

  /* Delete, then undo the delete. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-item", NULL);
  iterate ();
  g_assert_cmpuint (n_items (window), ==, 0);
  g_assert_false (_stw_window_get_editor_revealed (window));
  g_assert_cmpstr (list_page (window), ==, "empty");
  g_assert_nonnull (strstr (_stw_window_get_toast_title (window), ref));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  iterate ();
  g_assert_cmpuint (n_items (window), ==, 1);
  item = item_at (window, 0);
  g_assert_cmpstr (stw_item_get_ref (item), ==, ref);
  /* Back, and selected where it was. */
  g_assert_cmpint (stw_list_view_get_selected_item (_stw_window_get_list_view (window)), ==, stw_item_get_id (item));
  g_clear_object (&item);
  g_assert_cmpstr (_stw_window_get_toast_title (window), ==, "Change to T-001 undone");

  /* Activating a row (Enter, double click) opens it in the editor; a click
   * only selects it, unless the editor is open, which then follows. An
   * edit left unsaved is saved when another item is picked. */
  g_assert_false (_stw_window_get_editor_revealed (window));
  gtk_selection_model_unselect_all (_stw_list_view_get_selection (_stw_window_get_list_view (window)));
  gtk_selection_model_select_item (_stw_list_view_get_selection (_stw_window_get_list_view (window)), 0, TRUE);
  iterate ();
  g_assert_false (_stw_window_get_editor_revealed (window));
  g_signal_emit_by_name (_stw_list_view_get_list (_stw_window_get_list_view (window)), "activate", 0);
  iterate ();
  g_assert_true (_stw_window_get_editor_revealed (window));
  g_assert_cmpstr (stw_item_get_ref (stw_item_editor_get_item (editor)), ==, ref);

  gtk_editable_set_text (editor_field (window, ADW_TYPE_ENTRY_ROW, "Title"), "Left unsaved");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-item", NULL);
  iterate ();
  item = item_at (window, 0);
  g_assert_cmpstr (stw_item_get_title (item), ==, "Left unsaved");
  g_clear_object (&item);
  g_assert_cmpint (stw_item_get_id (stw_item_editor_get_item (editor)), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-editor", NULL);
  iterate ();

  /* Undo the rename, the restore... back to before the item existed. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  iterate ();
  g_assert_cmpuint (n_items (window), ==, 0);
  g_assert_cmpuint (stw_workstream_get_open_count (tasks), ==, 0);

  settle ();
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* A window showing a fresh sample workspace, on its operational plan. */
static StwWindow *
open_sample (void)
{
  return open_sample_window (data_home, NULL);
}

static StwWorkstream *
show_workstream (StwWindow         *window,
                 StwWorkstreamKind  kind)
{
  guint n_rows;
  GtkListBoxRow *row = find_workstream_row (window, kind, &n_rows);

  g_assert_nonnull (row);
  gtk_list_box_select_row (_stw_window_get_workstreams_list (window), row);
  iterate ();

  return stw_workstream_row_get_workstream (STW_WORKSTREAM_ROW (row));
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GtkWindow *dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  return dialog != NULL && gtk_widget_get_visible (GTK_WIDGET (dialog)) ? ADW_MESSAGE_DIALOG (dialog) : NULL;
}

static gboolean
message_dialog_shown (gpointer data)
{
  return find_message_dialog () != NULL;
}

static gboolean
message_dialog_gone (gpointer data)
{
  return find_message_dialog () == NULL;
}

/* Answers the closure dialog as a person would: writes @note (and
 * @reason, when the dialog asks why there is no evidence) and closes, or
 * cancels when @note is NULL. Returns the dialog's heading. */
static char *
answer_closure (const char *note,
                const char *reason)
{
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;
  GtkWidget *button;

  g_assert_true (wait_until (message_dialog_shown, NULL));
  dialog = find_message_dialog ();
  heading = g_strdup (adw_message_dialog_get_heading (dialog));

  if (note != NULL)
    {
      GtkWidget *view = find_widget (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW, NULL);
      GtkWidget *second;

      g_assert_nonnull (view);
      g_assert_false (adw_message_dialog_get_response_enabled (dialog, "close"));
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), note, -1);

      /* A second text view is the reason for having no evidence. */
      second = NULL;
      for (GtkWidget *w = gtk_widget_get_parent (view); w != NULL && second == NULL; w = gtk_widget_get_parent (w))
        for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL && second == NULL; c = gtk_widget_get_next_sibling (c))
          {
            GtkWidget *v = find_widget (c, GTK_TYPE_TEXT_VIEW, NULL);

            if (v != NULL && v != view)
              second = v;
          }
      if (second != NULL)
        {
          g_assert_nonnull (reason);
          gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (second)), reason, -1);
        }

      g_assert_true (adw_message_dialog_get_response_enabled (dialog, "close"));
      button = find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "C_lose item");
      if (button == NULL)
        button = find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "C_lose items");
    }
  else
    button = find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Cancel");

  g_assert_nonnull (button);
  gtk_widget_activate (button);

  g_assert_true (wait_until (message_dialog_gone, NULL));

  return g_steal_pointer (&heading);
}

static char *
dup_setting (StwWindow  *window,
             const char *prefix,
             gint64      id)
{
  g_autofree char *key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, prefix, id);

  return stw_workspace_dup_setting (stw_window_get_workspace (window), key);
}

static void
test_view_switching (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *setting = NULL;
  StwWindow *window = open_sample ();
  StwWorkstream *plan, *tasks;

  path = g_strdup (stw_workspace_get_path (stw_window_get_workspace (window)));

  /* The list is the view of a workstream never shown before. */
  plan = show_workstream (window, STW_WORKSTREAM_PLAN);
  g_assert_cmpstr (_stw_window_get_visible_page (window), ==, "list");
  g_assert_cmpuint (n_items (window), >, 10);

  /* Ctrl+2 is the calendar, Ctrl+1 the board: chosen per workstream. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "calendar");
  iterate ();
  g_assert_cmpstr (_stw_window_get_visible_page (window), ==, "calendar");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "board");
  iterate ();
  g_assert_cmpstr (_stw_window_get_visible_page (window), ==, "board");
  setting = dup_setting (window, "view", stw_workstream_get_id (plan));
  g_assert_cmpstr (setting, ==, "board");
  g_clear_pointer (&setting, g_free);

  tasks = show_workstream (window, STW_WORKSTREAM_TASKS);
  g_assert_cmpstr (_stw_window_get_visible_page (window), ==, "list");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "calendar");
  iterate ();
  setting = dup_setting (window, "view", stw_workstream_get_id (tasks));
  g_assert_cmpstr (setting, ==, "calendar");
  g_clear_pointer (&setting, g_free);

  show_workstream (window, STW_WORKSTREAM_PLAN);
  g_assert_cmpstr (_stw_window_get_visible_page (window), ==, "board");
  show_workstream (window, STW_WORKSTREAM_TASKS);
  g_assert_cmpstr (_stw_window_get_visible_page (window), ==, "calendar");

  /* An unknown view name changes nothing. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "gantt");
  iterate ();
  g_assert_cmpstr (_stw_window_get_visible_page (window), ==, "calendar");

  close_window (window);

  /* Kept in the workspace file: another window shows the same. */
  window = stw_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (stw_window_open_workspace (window, path, &error));
  g_assert_no_error (error);
  g_assert_true (wait_until (is_allocated, window));
  show_workstream (window, STW_WORKSTREAM_PLAN);
  g_assert_cmpstr (_stw_window_get_visible_page (window), ==, "board");
  show_workstream (window, STW_WORKSTREAM_TASKS);
  g_assert_cmpstr (_stw_window_get_visible_page (window), ==, "calendar");
  close_window (window);
}

/* The action of the first shortcut below @root (in its controllers or
 * its children's) that @trigger sets off, or NULL. */
static GtkShortcutAction *
find_shortcut_action (GtkWidget          *root,
                      GtkShortcutTrigger *trigger)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (root);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), trigger))
            return gtk_shortcut_get_action (shortcut);
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkShortcutAction *found = find_shortcut_action (child, trigger);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The keyboard focus is on a card of @board. */
static gboolean
card_focused (gpointer data)
{
  GtkWidget *board = data;
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (board));

  return focus != NULL && gtk_widget_is_ancestor (focus, board)
    && gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_VIEW) != NULL;
}

/* The board's keys: Ctrl+1 puts the keyboard on a card; Escape from the
 * editor keeps its card selected, so Shift+Alt+arrows still move it;
 * Delete deletes the selected card's item, undoably (issue 9, point 13). */
static void
test_board_keyboard (void)
{
  StwWindow *window = open_sample ();
  StwBoardView *board = _stw_window_get_board_view (window);
  StwWorkspace *workspace = stw_window_get_workspace (window);
  g_autoptr(GtkShortcutTrigger) delete_key = gtk_keyval_trigger_new (GDK_KEY_Delete, 0);
  g_autoptr(StwItem) moved = NULL;
  g_autoptr(StwItem) gone = NULL;
  g_autoptr(StwItem) back = NULL;
  GtkShortcutAction *action;
  GtkWidget *focus, *toggle;
  gint64 id;

  show_workstream (window, STW_WORKSTREAM_TASKS);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "calendar");
  iterate ();

  /* Ctrl+1: the first card takes the keyboard, not "Show cancelled". */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "board");
  g_assert_true (wait_until (card_focused, board));
  id = stw_board_view_get_selected_item (board);
  g_assert_cmpint (id, !=, 0);
  g_assert_cmpint (stw_board_column_get_item_id (_stw_board_view_get_column (board, STW_STATUS_TODO), 0), ==, id);

  /* Ctrl+1 on the board itself, from its "Show cancelled": a card again. */
  toggle = find_widget (GTK_WIDGET (board), GTK_TYPE_TOGGLE_BUTTON, NULL);
  g_assert_nonnull (toggle);
  gtk_widget_grab_focus (toggle);
  g_assert_false (card_focused (board));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "board");
  g_assert_true (wait_until (card_focused, board));
  g_assert_cmpint (stw_board_view_get_selected_item (board), ==, id);

  /* Open it, Escape: still selected, and Shift+Alt+Right moves it. */
  g_signal_emit_by_name (board, "item-activated", id);
  iterate ();
  g_assert_true (_stw_window_get_editor_revealed (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-editor", NULL);
  run_for (200);
  g_assert_false (_stw_window_get_editor_revealed (window));
  g_assert_cmpint (stw_board_view_get_selected_item (board), ==, id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (board), "board.move-right", NULL));
  iterate ();
  moved = stw_workspace_load_item (workspace, id, NULL);
  g_assert_cmpint (stw_item_get_status (moved), ==, STW_STATUS_IN_PROGRESS);
  g_assert_cmpint (stw_board_view_get_selected_item (board), ==, id);

  /* Delete on the card deletes its item; Ctrl+Z brings it back. */
  g_assert_true (wait_until (card_focused, board));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  action = find_shortcut_action (GTK_WIDGET (board), delete_key);
  g_assert_nonnull (action);
  g_assert_true (gtk_shortcut_action_activate (action, 0, focus, NULL));
  iterate ();
  gone = stw_workspace_load_item (workspace, id, NULL);
  g_assert_null (gone);
  g_assert_cmpint (stw_board_column_find (_stw_board_view_get_column (board, STW_STATUS_IN_PROGRESS), id), <, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  iterate ();
  back = stw_workspace_load_item (workspace, id, NULL);
  g_assert_nonnull (back);

  close_window (window);
}

/* The button whose label (in a GtkLabel child) is @label, below @root. */
static GtkWidget *
find_labelled_button (GtkWidget  *root,
                      const char *label)
{
  GtkWidget *found = find_widget (root, GTK_TYPE_LABEL, label);

  return found != NULL ? gtk_widget_get_ancestor (found, GTK_TYPE_BUTTON) : NULL;
}

/* Presses @label in the message dialog shown and waits until it is gone;
 * returns its heading. */
static char *
answer_message (const char *label)
{
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;
  GtkWidget *button;

  g_assert_true (wait_until (message_dialog_shown, NULL));
  dialog = find_message_dialog ();
  heading = g_strdup (adw_message_dialog_get_heading (dialog));
  button = find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, label);
  g_assert_nonnull (button);
  gtk_widget_activate (button);
  g_assert_true (wait_until (message_dialog_gone, NULL));

  return g_steal_pointer (&heading);
}

/* The editor: Escape with unsaved edits asks (keep editing, discard,
 * save); Save is off without a title and the field says why; Delete is
 * in the editor's menu, away from Save, and keeps Alt+D (issue 9,
 * point 20). */
static void
test_editor_discard (void)
{
  StwWindow *window = open_sample ();
  StwItemEditor *editor = _stw_window_get_editor (window);
  StwWorkspace *workspace = stw_window_get_workspace (window);
  g_autoptr(GtkShortcutTrigger) alt_d = gtk_keyval_trigger_new (GDK_KEY_d, GDK_ALT_MASK);
  g_autoptr(StwItem) stored = NULL;
  g_autofree char *original = NULL;
  g_autofree char *heading = NULL;
  GtkEditable *title;
  GtkWidget *save, *bar, *error_label;
  GtkMenuButton *menu;
  GtkShortcutAction *action;
  gint64 id;

  show_workstream (window, STW_WORKSTREAM_TASKS);
  g_signal_emit_by_name (_stw_list_view_get_list (_stw_window_get_list_view (window)), "activate", 0);
  iterate ();
  g_assert_true (_stw_window_get_editor_revealed (window));
  id = stw_item_get_id (stw_item_editor_get_item (editor));
  original = g_strdup (stw_item_get_title (stw_item_editor_get_item (editor)));
  title = editor_field (window, ADW_TYPE_ENTRY_ROW, "Title");

  /* Escape, Keep editing: nothing happens. */
  gtk_editable_set_text (title, "Typed, then thought better of");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-editor", NULL);
  heading = answer_message ("_Keep Editing");
  g_assert_cmpstr (heading, ==, "Save Changes?");
  g_assert_true (_stw_window_get_editor_revealed (window));
  g_assert_true (stw_item_editor_get_modified (editor));
  g_assert_cmpstr (gtk_editable_get_text (title), ==, "Typed, then thought better of");

  /* Discard: closed, the stored item untouched. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-editor", NULL);
  g_free (answer_message ("_Discard"));
  g_assert_false (_stw_window_get_editor_revealed (window));
  stored = stw_workspace_load_item (workspace, id, NULL);
  g_assert_cmpstr (stw_item_get_title (stored), ==, original);
  g_clear_object (&stored);

  /* Save: saved and closed. */
  g_signal_emit_by_name (_stw_list_view_get_list (_stw_window_get_list_view (window)), "activate", 0);
  iterate ();
  g_assert_cmpint (stw_item_get_id (stw_item_editor_get_item (editor)), ==, id);
  gtk_editable_set_text (title, "Kept on purpose");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-editor", NULL);
  g_free (answer_message ("_Save"));
  g_assert_false (_stw_window_get_editor_revealed (window));
  stored = stw_workspace_load_item (workspace, id, NULL);
  g_assert_cmpstr (stw_item_get_title (stored), ==, "Kept on purpose");
  g_clear_object (&stored);

  /* An empty title: Save is off and the field is marked, with why. */
  g_signal_emit_by_name (_stw_list_view_get_list (_stw_window_get_list_view (window)), "activate", 0);
  iterate ();
  save = find_labelled_button (GTK_WIDGET (editor), "_Save");
  g_assert_nonnull (save);
  g_assert_true (gtk_widget_get_sensitive (save));
  gtk_editable_set_text (title, "  ");
  iterate ();
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (title), "error"));
  error_label = find_widget (GTK_WIDGET (editor), GTK_TYPE_LABEL, "An item needs a title.");
  g_assert_nonnull (error_label);
  g_assert_true (gtk_widget_is_drawable (error_label) || gtk_widget_get_visible (error_label));
  gtk_editable_set_text (title, "Kept on purpose");
  iterate ();
  g_assert_true (gtk_widget_get_sensitive (save));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (title), "error"));
  g_assert_null (find_widget (GTK_WIDGET (editor), GTK_TYPE_LABEL, "An item needs a title."));

  /* Delete is not beside Save: it is in the editor's menu. */
  bar = gtk_widget_get_parent (save);
  g_assert_null (find_labelled_button (bar, "_Delete"));
  menu = GTK_MENU_BUTTON (find_widget (GTK_WIDGET (editor), GTK_TYPE_MENU_BUTTON, NULL));
  g_assert_nonnull (menu);
  g_assert_cmpint (g_menu_model_get_n_items (gtk_menu_button_get_menu_model (menu)), >, 0);
  {
    GMenuModel *section = g_menu_model_get_item_link (gtk_menu_button_get_menu_model (menu), 0, G_MENU_LINK_SECTION);
    g_autofree char *target = NULL;

    g_assert_nonnull (section);
    g_assert_true (g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_ACTION, "s", &target));
    g_assert_cmpstr (target, ==, "win.delete-item");
    g_object_unref (section);
  }

  /* Alt+D still deletes (undoably). */
  action = find_shortcut_action (GTK_WIDGET (editor), alt_d);
  g_assert_nonnull (action);
  g_assert_true (gtk_shortcut_action_activate (action, 0, GTK_WIDGET (editor), NULL));
  iterate ();
  stored = stw_workspace_load_item (workspace, id, NULL);
  g_assert_null (stored);
  g_assert_false (_stw_window_get_editor_revealed (window));

  close_window (window);
}

/* Compares two items by the list's order for @sort, ascending. */
static int
compare_for_sort (StwItem     *a,
                  StwItem     *b,
                  StwItemSort  sort)
{
  switch (sort)
    {
    case STW_ITEM_SORT_STATUS:
      return (int) stw_item_get_status (a) - (int) stw_item_get_status (b);
    case STW_ITEM_SORT_DUE:
      /* Undated last. */
      if (stw_item_get_due_date (a) == NULL || stw_item_get_due_date (b) == NULL)
        return (stw_item_get_due_date (a) == NULL) - (stw_item_get_due_date (b) == NULL);
      return g_strcmp0 (stw_item_get_due_date (a), stw_item_get_due_date (b));
    case STW_ITEM_SORT_OWNER:
      if (stw_item_get_owner_name (a) == NULL || stw_item_get_owner_name (b) == NULL)
        return (stw_item_get_owner_name (a) == NULL) - (stw_item_get_owner_name (b) == NULL);
      return g_utf8_collate (stw_item_get_owner_name (a), stw_item_get_owner_name (b));
    default:
      g_assert_not_reached ();
    }
}

static void
assert_sorted (GListModel  *items,
               StwItemSort  sort,
               gboolean     descending)
{
  guint n = g_list_model_get_n_items (items);

  g_assert_cmpuint (n, >, 1);
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(StwItem) a = g_list_model_get_item (items, i - 1);
      g_autoptr(StwItem) b = g_list_model_get_item (items, i);
      int order = compare_for_sort (a, b, sort);
      gboolean undated = sort == STW_ITEM_SORT_DUE
        && (stw_item_get_due_date (a) == NULL || stw_item_get_due_date (b) == NULL);

      /* Undated items stay last either way. */
      if (descending && !undated)
        order = -order;
      g_assert_cmpint (order, <=, 0);
    }
}

static void
test_list_sort_filter (void)
{
  StwWindow *window = open_sample ();
  StwListView *list = _stw_window_get_list_view (window);
  GListModel *items;
  g_autofree char *today = stw_date_today ();
  g_autofree char *soon = stw_date_add_days (today, STW_LIST_VIEW_DUE_SOON_DAYS);
  StwItemFilter filter;
  GtkWidget *sort_button;
  guint n_all;
  gint64 owner_id;

  show_workstream (window, STW_WORKSTREAM_PLAN);
  items = list_model (window);
  n_all = g_list_model_get_n_items (items);

  /* Due date ascending by default: the next thing due comes first. */
  g_assert_cmpint (stw_list_view_get_filter (list)->sort, ==, STW_ITEM_SORT_DUE);
  g_assert_false (stw_list_view_get_filter (list)->descending);
  assert_sorted (items, STW_ITEM_SORT_DUE, FALSE);

  /* The sort menu's actions. */
  gtk_widget_activate_action (GTK_WIDGET (list), "list.sort", "s", "status");
  iterate ();
  g_assert_cmpint (stw_list_view_get_filter (list)->sort, ==, STW_ITEM_SORT_STATUS);
  assert_sorted (items, STW_ITEM_SORT_STATUS, FALSE);
  sort_button = find_widget (GTK_WIDGET (list), GTK_TYPE_LABEL, "Status");
  g_assert_nonnull (sort_button);

  gtk_widget_activate_action (GTK_WIDGET (list), "list.descending", NULL);
  iterate ();
  g_assert_true (stw_list_view_get_filter (list)->descending);
  assert_sorted (items, STW_ITEM_SORT_STATUS, TRUE);

  gtk_widget_activate_action (GTK_WIDGET (list), "list.sort", "s", "owner");
  iterate ();
  assert_sorted (items, STW_ITEM_SORT_OWNER, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (list), "list.descending", NULL);
  gtk_widget_activate_action (GTK_WIDGET (list), "list.sort", "s", "due");
  iterate ();
  assert_sorted (items, STW_ITEM_SORT_DUE, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, n_all);

  /* Overdue only. */
  gtk_widget_activate_action (GTK_WIDGET (list), "list.overdue", NULL);
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (items), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (items), <, n_all);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(StwItem) item = g_list_model_get_item (items, i);

      g_assert_true (stw_item_is_overdue (item, today));
    }
  g_assert_nonnull (find_widget (GTK_WIDGET (list), GTK_TYPE_LABEL, "Filter (1)"));
  gtk_widget_activate_action (GTK_WIDGET (list), "list.overdue", NULL);

  /* Due in the next 30 days: open items due from today on. */
  gtk_widget_activate_action (GTK_WIDGET (list), "list.due-soon", NULL);
  iterate ();
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(StwItem) item = g_list_model_get_item (items, i);

      g_assert_true (stw_status_is_open (stw_item_get_status (item)));
      g_assert_cmpstr (stw_item_get_due_date (item), >=, today);
      g_assert_cmpstr (stw_item_get_due_date (item), <=, soon);
    }
  gtk_widget_activate_action (GTK_WIDGET (list), "list.clear-filters", NULL);
  iterate ();
  g_assert_false (stw_list_view_get_filter (list)->due_within_days != 0);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, n_all);

  /* Status and owner. */
  filter = *stw_list_view_get_filter (list);
  filter.statuses = STW_STATUS_MASK (STW_STATUS_DONE);
  stw_list_view_set_filter (list, &filter);
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (items), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(StwItem) item = g_list_model_get_item (items, i);

      g_assert_cmpint (stw_item_get_status (item), ==, STW_STATUS_DONE);
    }
  {
    g_autoptr(StwItem) first = g_list_model_get_item (items, 0);

    owner_id = stw_item_get_owner_id (first);
  }
  filter.owner_id = owner_id;
  stw_list_view_set_filter (list, &filter);
  iterate ();
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(StwItem) item = g_list_model_get_item (items, i);

      g_assert_cmpint (stw_item_get_owner_id (item), ==, owner_id);
      g_assert_cmpint (stw_item_get_status (item), ==, STW_STATUS_DONE);
    }
  g_assert_nonnull (find_widget (GTK_WIDGET (list), GTK_TYPE_LABEL, "Filter (2)"));

  /* Nothing passes: the page says so and offers to clear the filters. */
  filter.statuses = STW_STATUS_MASK (STW_STATUS_CANCELLED);
  filter.overdue = TRUE;
  stw_list_view_set_filter (list, &filter);
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 0);
  g_assert_cmpstr (list_page (window), ==, "no-match");
  gtk_widget_activate_action (GTK_WIDGET (list), "list.clear-filters", NULL);
  iterate ();
  g_assert_cmpstr (list_page (window), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, n_all);

  /* The filters stay with the list from one workstream to the next. */
  gtk_widget_activate_action (GTK_WIDGET (list), "list.overdue", NULL);
  show_workstream (window, STW_WORKSTREAM_TASKS);
  g_assert_true (stw_list_view_get_filter (list)->overdue);
  gtk_widget_activate_action (GTK_WIDGET (list), "list.clear-filters", NULL);

  close_window (window);
}

static void
test_list_bulk (void)
{
  StwWindow *window = open_sample ();
  StwListView *list = _stw_window_get_list_view (window);
  StwWorkspace *workspace = stw_window_get_workspace (window);
  GtkSelectionModel *selection;
  g_autoptr(StwItem) first = NULL;
  g_autoptr(StwItem) second = NULL;
  g_autoptr(StwItem) item = NULL;
  g_autofree char *heading = NULL;
  StwItemFilter filter;
  StwPerson *owner = NULL;
  GListModel *people;
  gint64 first_id, second_id;
  gint64 first_owner, second_owner;

  show_workstream (window, STW_WORKSTREAM_TASKS);

  /* Two open items. */
  filter = *stw_list_view_get_filter (list);
  filter.statuses = STW_STATUS_MASK_OPEN;
  stw_list_view_set_filter (list, &filter);
  iterate ();
  g_assert_cmpuint (n_items (window), >=, 2);
  first = item_at (window, 0);
  second = item_at (window, 1);
  first_id = stw_item_get_id (first);
  second_id = stw_item_get_id (second);
  first_owner = stw_item_get_owner_id (first);
  second_owner = stw_item_get_owner_id (second);

  /* Someone active who owns neither. */
  people = stw_workspace_get_people (workspace);
  for (guint i = 0; i < g_list_model_get_n_items (people) && owner == NULL; i++)
    {
      g_autoptr(StwPerson) person = g_list_model_get_item (people, i);

      if (stw_person_get_active (person) && stw_person_get_id (person) != first_owner
          && stw_person_get_id (person) != second_owner)
        owner = person;
    }
  g_assert_nonnull (owner);

  selection = _stw_list_view_get_selection (list);
  gtk_selection_model_select_range (selection, 0, 2, TRUE);
  iterate ();
  g_assert_cmpuint (stw_list_view_get_n_selected (list), ==, 2);
  g_assert_cmpint (stw_list_view_get_selected_item (list), ==, 0);
  g_assert_nonnull (find_widget (GTK_WIDGET (list), GTK_TYPE_LABEL, "2 selected"));

  /* One owner for both, undone as one change. */
  gtk_widget_activate_action (GTK_WIDGET (list), "list.set-owner", "x", stw_person_get_id (owner));
  iterate ();
  item = stw_workspace_load_item (workspace, first_id, NULL);
  g_assert_cmpint (stw_item_get_owner_id (item), ==, stw_person_get_id (owner));
  g_clear_object (&item);
  item = stw_workspace_load_item (workspace, second_id, NULL);
  g_assert_cmpint (stw_item_get_owner_id (item), ==, stw_person_get_id (owner));
  g_clear_object (&item);
  g_assert_cmpstr (_stw_window_get_toast_title (window), ==, "2 items changed");
  g_assert_true (stw_undo_stack_get_can_undo (_stw_window_get_undo (window)));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  iterate ();
  item = stw_workspace_load_item (workspace, first_id, NULL);
  g_assert_cmpint (stw_item_get_owner_id (item), ==, first_owner);
  g_clear_object (&item);
  item = stw_workspace_load_item (workspace, second_id, NULL);
  g_assert_cmpint (stw_item_get_owner_id (item), ==, second_owner);
  g_clear_object (&item);
  g_assert_cmpstr (_stw_window_get_toast_title (window), ==, "Change to 2 items undone");

  /* In review, then Done: one closure note for both, asked once. */
  gtk_selection_model_select_item (selection, stw_item_model_find (STW_ITEM_MODEL (list_model (window)), first_id), TRUE);
  gtk_selection_model_select_item (selection, stw_item_model_find (STW_ITEM_MODEL (list_model (window)), second_id), FALSE);
  iterate ();
  g_assert_cmpuint (stw_list_view_get_n_selected (list), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (list), "list.set-status", "s", "in_review");
  iterate ();
  item = stw_workspace_load_item (workspace, second_id, NULL);
  g_assert_cmpint (stw_item_get_status (item), ==, STW_STATUS_IN_REVIEW);
  g_clear_object (&item);

  /* Cancelling the closure note changes nothing. */
  gtk_widget_activate_action (GTK_WIDGET (list), "list.set-status", "s", "done");
  heading = answer_closure (NULL, NULL);
  g_assert_cmpstr (heading, ==, "Close 2 items?");
  g_clear_pointer (&heading, g_free);
  item = stw_workspace_load_item (workspace, first_id, NULL);
  g_assert_cmpint (stw_item_get_status (item), ==, STW_STATUS_IN_REVIEW);
  g_clear_object (&item);

  gtk_widget_activate_action (GTK_WIDGET (list), "list.set-status", "s", "done");
  heading = answer_closure ("Sent to top management on the same day", NULL);
  iterate ();
  for (guint i = 0; i < 2; i++)
    {
      item = stw_workspace_load_item (workspace, i == 0 ? first_id : second_id, NULL);
      g_assert_cmpint (stw_item_get_status (item), ==, STW_STATUS_DONE);
      g_assert_cmpstr (stw_item_get_closure_note (item), ==, "Sent to top management on the same day");
      g_assert_nonnull (stw_item_get_completed_date (item));
      g_clear_object (&item);
    }
  /* Done items leave the open filter. */
  g_assert_cmpint (stw_item_model_find (STW_ITEM_MODEL (list_model (window)), first_id), ==, -1);

  /* One undo takes both back to In review. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  iterate ();
  for (guint i = 0; i < 2; i++)
    {
      item = stw_workspace_load_item (workspace, i == 0 ? first_id : second_id, NULL);
      g_assert_cmpint (stw_item_get_status (item), ==, STW_STATUS_IN_REVIEW);
      g_assert_null (stw_item_get_closure_note (item));
      g_clear_object (&item);
    }

  close_window (window);
}

static void
test_history_describe (void)
{
  g_auto(GStrv) lines = NULL;
  g_autofree char *when = NULL;

  lines = stw_history_describe ("update",
                                "{\"status\": [\"todo\", \"done\"],"
                                " \"due_date\": [null, \"2025-03-01\"],"
                                " \"start_date\": [\"2025-01-01\", null],"
                                " \"notes\": [\"old\", \"new\"],"
                                " \"clauses\": [[\"9.2\"], [\"6.1.3\", \"9.2\"]],"
                                " \"owner\": [\"Ada\", \"Grace\"],"
                                " \"owner_id\": [1, 2],"
                                " \"position\": [3, 4],"
                                " \"risk_review\": [\"a\", \"b\"]}");
  g_assert_cmpuint (g_strv_length (lines), ==, 7);
  g_assert_cmpstr (lines[0], ==, "Status: To do → Done");
  g_assert_cmpstr (lines[1], ==, "Due date: 2025-03-01");
  g_assert_cmpstr (lines[2], ==, "Start date: 2025-01-01 removed");
  g_assert_cmpstr (lines[3], ==, "Notes changed");
  g_assert_cmpstr (lines[4], ==, "ISO clauses: 9.2 → 6.1.3, 9.2");
  g_assert_cmpstr (lines[5], ==, "Owner: Ada → Grace");
  /* A field this version does not know still reads as words. */
  g_assert_cmpstr (lines[6], ==, "Risk review: a → b");
  g_clear_pointer (&lines, g_strfreev);

  lines = stw_history_describe ("create", "{\"ref\": [null, \"T-001\"], \"title\": [null, \"Brief\"],"
                                          " \"priority\": [null, \"high\"]}");
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[0], ==, "Created");
  g_assert_cmpstr (lines[1], ==, "Title: Brief");
  g_assert_cmpstr (lines[2], ==, "Priority: High");
  g_clear_pointer (&lines, g_strfreev);

  /* Damaged JSON is not fatal. */
  lines = stw_history_describe ("delete", "{not json");
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  g_assert_cmpstr (lines[0], ==, "Deleted");
  g_clear_pointer (&lines, g_strfreev);

  /* What the workstreams add reads in words too. */
  lines = stw_history_describe ("update",
                                "{\"recurrence\": [\"monthly/1/2027-01-31\", \"quarterly/1/2027-01-31\"],"
                                " \"risk\": [null, \"R-003\"],"
                                " \"no_evidence_reason\": [null, \"Kept in the ticket system\"],"
                                " \"ca_source\": [\"internal_audit\", \"incident\"],"
                                " \"ca_classification\": [\"observation\", \"minor_nc\"],"
                                " \"ca_type\": [null, \"corrective_action\"],"
                                " \"ca_root_cause\": [null, \"One person, no deputy\"],"
                                " \"ca_check_result\": [\"pending\", \"effective\"],"
                                " \"ca_checked_by\": [null, \"Grace\"],"
                                " \"ca_check_date\": [null, \"2027-04-01\"]}");
  g_assert_cmpuint (g_strv_length (lines), ==, 10);
  g_assert_cmpstr (lines[0], ==, "Repeats: Every month from 2027-01-31 → Every quarter from 2027-01-31");
  g_assert_cmpstr (lines[1], ==, "Risk treated: R-003");
  g_assert_cmpstr (lines[2], ==, "Reason for no evidence added");
  g_assert_cmpstr (lines[3], ==, "Source: Internal audit → Incident");
  g_assert_cmpstr (lines[4], ==, "Classification: Observation → Minor nonconformity");
  g_assert_cmpstr (lines[5], ==, "Type of action: Corrective action");
  g_assert_cmpstr (lines[6], ==, "Root cause added");
  g_assert_cmpstr (lines[7], ==, "Effectiveness check: Not checked yet → Effective");
  g_assert_cmpstr (lines[8], ==, "Effectiveness verified by: Grace");
  g_assert_cmpstr (lines[9], ==, "Effectiveness checked on: 2027-04-01");
  g_clear_pointer (&lines, g_strfreev);

  lines = stw_history_describe ("attach",
                                "{\"evidence\": [null, \"restore-test.pdf\"],"
                                " \"sha256\": [null, \"ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12\"],"
                                " \"size\": [0, 1234]}");
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  g_assert_cmpstr (lines[0], ==, "Evidence added: restore-test.pdf (SHA-256 ab12cd34ef56…)");
  g_clear_pointer (&lines, g_strfreev);
  lines = stw_history_describe ("detach",
                                "{\"evidence\": [\"restore-test.pdf\", null], \"sha256\": [\"ab12cd34ef56ab12\", null]}");
  g_assert_cmpstr (lines[0], ==, "Evidence removed: restore-test.pdf (SHA-256 ab12cd34ef56…)");
  g_clear_pointer (&lines, g_strfreev);

  lines = stw_history_describe ("roll-forward",
                                "{\"cycle\": [null, \"2027-01-01\"], \"next_cycle\": [null, \"2028-01-01\"],"
                                " \"tasks_reviewed\": [0, 11], \"items_created\": [0, 24]}");
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  g_assert_cmpstr (lines[0], ==, "Plan of the year from 2027-01-01 rolled forward to the year from 2028-01-01: 24 items created");
  g_clear_pointer (&lines, g_strfreev);

  /* A risk's own entries: its status and treatment by their labels, scores
   * as numbers, nothing made up for the old side of a creation. */
  lines = stw_history_describe ("create",
                                "{\"ref\": [null, \"R-011\"], \"likelihood\": [0, 3],"
                                " \"treatment\": [null, \"mitigate\"], \"status\": [null, \"open\"]}");
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_cmpstr (lines[1], ==, "Likelihood: 3");
  g_assert_cmpstr (lines[2], ==, "Treatment: Mitigate");
  g_assert_cmpstr (lines[3], ==, "Status: Open");
  g_clear_pointer (&lines, g_strfreev);

  when = stw_history_format_time ("2025-03-03T14:02:00.000000Z");
  g_assert_nonnull (strstr (when, "2025"));
  g_assert_nonnull (strstr (when, "March"));
}

/* The popover of the editor's "Link a control" button. */
static StwControlPicker *
find_control_picker (GtkWidget *root)
{
  if (GTK_IS_MENU_BUTTON (root) && STW_IS_CONTROL_PICKER (gtk_menu_button_get_popover (GTK_MENU_BUTTON (root))))
    return STW_CONTROL_PICKER (gtk_menu_button_get_popover (GTK_MENU_BUTTON (root)));

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      StwControlPicker *found = find_control_picker (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_editor_links (void)
{
  StwWindow *window = open_sample ();
  StwWorkspace *workspace = stw_window_get_workspace (window);
  StwItemEditor *editor = _stw_window_get_editor (window);
  StwControlPicker *picker;
  StwHistoryList *history;
  GtkEditable *clauses;
  GListModel *matches;
  g_autoptr(StwItem) item = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  guint n_history;
  gint64 id;
  int found = -1;

  show_workstream (window, STW_WORKSTREAM_TASKS);
  item = item_at (window, 0);
  id = stw_item_get_id (item);
  g_clear_object (&item);

  g_signal_emit_by_name (_stw_list_view_get_list (_stw_window_get_list_view (window)), "activate", 0);
  iterate ();
  g_assert_true (_stw_window_get_editor_revealed (window));
  g_assert_cmpint (stw_item_get_id (stw_item_editor_get_item (editor)), ==, id);

  /* The history is shown, newest first, as the workspace recorded it. */
  history = STW_HISTORY_LIST (find_widget (GTK_WIDGET (editor), STW_TYPE_HISTORY_LIST, NULL));
  g_assert_nonnull (history);
  entries = stw_workspace_list_history (workspace, "item", id, NULL);
  n_history = stw_history_list_get_n_entries (history);
  g_assert_cmpuint (n_history, ==, entries->len);
  g_assert_cmpuint (n_history, >=, 1);
  g_assert_nonnull (find_widget (GTK_WIDGET (history), GTK_TYPE_LABEL, "Created"));

  /* Clauses: a word that is not a clause is marked and refused. */
  clauses = editor_field (window, ADW_TYPE_ENTRY_ROW, "Clauses");
  gtk_editable_set_text (clauses, "9.2, 11.1");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (clauses), "error"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-item", NULL);
  iterate ();
  g_assert_true (g_str_has_prefix (_stw_window_get_toast_title (window), "Could not save the item: “11.1”"));
  gtk_editable_set_text (clauses, "9.2; 6.1.3  7.5");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (clauses), "error"));

  /* Controls: search the picker, pick one, it shows as a row. */
  picker = find_control_picker (GTK_WIDGET (editor));
  g_assert_nonnull (picker);
  matches = stw_control_picker_get_matches (picker);
  g_assert_cmpuint (g_list_model_get_n_items (matches), ==, 93);
  stw_control_picker_set_search (picker, "backup");
  g_assert_cmpuint (g_list_model_get_n_items (matches), >=, 1);
  for (guint i = 0; i < g_list_model_get_n_items (matches); i++)
    {
      g_autoptr(StwControlItem) control = g_list_model_get_item (matches, i);

      if (g_str_equal (stw_control_item_get_id (control), "A.8.13"))
        found = (int) i;
    }
  g_assert_cmpint (found, >=, 0);
  stw_control_picker_choose (picker, found);
  stw_control_picker_set_search (picker, "A.5.15");
  g_assert_cmpuint (g_list_model_get_n_items (matches), ==, 1);
  stw_control_picker_choose (picker, 0);
  iterate ();
  g_assert_nonnull (find_widget (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW, "A.8.13"));
  g_assert_nonnull (find_widget (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW, "A.5.15"));
  g_assert_true (stw_item_editor_get_modified (editor));

  /* Unlink one again with its button. */
  {
    GtkWidget *row = find_widget (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW, "A.5.15");
    GtkWidget *remove = find_widget (row, GTK_TYPE_BUTTON, NULL);

    g_assert_nonnull (remove);
    g_signal_emit_by_name (remove, "clicked");
    iterate ();
    g_assert_null (find_widget (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW, "A.5.15"));
  }

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_widget (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW, NULL))),
                            "Describe the plan", -1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-item", NULL);
  iterate ();

  item = stw_workspace_load_item (workspace, id, NULL);
  g_assert_cmpstr (stw_item_get_description (item), ==, "Describe the plan");
  g_assert_cmpuint (g_strv_length ((char **) stw_item_get_clauses (item)), ==, 3);
  g_assert_cmpstr (stw_item_get_clauses (item)[0], ==, "6.1.3");
  g_assert_cmpstr (stw_item_get_clauses (item)[1], ==, "7.5");
  g_assert_cmpstr (stw_item_get_clauses (item)[2], ==, "9.2");
  g_assert_cmpuint (g_strv_length ((char **) stw_item_get_controls (item)), ==, 1);
  g_assert_cmpstr (stw_item_get_controls (item)[0], ==, "A.8.13");
  g_clear_object (&item);

  /* The history gained the edit, on top. */
  g_assert_cmpuint (stw_history_list_get_n_entries (history), ==, n_history + 1);
  g_assert_nonnull (find_widget (GTK_WIDGET (history), GTK_TYPE_LABEL, "Annex A controls: A.8.13"));
  g_assert_nonnull (find_widget (GTK_WIDGET (history), GTK_TYPE_LABEL, "Description added"));
  g_assert_cmpstr (gtk_editable_get_text (clauses), ==, "6.1.3, 7.5, 9.2");

  /* Undo puts the links back as they were. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  iterate ();
  item = stw_workspace_load_item (workspace, id, NULL);
  g_assert_null (stw_item_get_controls (item) != NULL ? stw_item_get_controls (item)[0] : NULL);
  g_clear_object (&item);
  g_assert_null (find_widget (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW, "A.8.13"));

  close_window (window);
}

static void
test_editor_done (void)
{
  StwWindow *window = open_sample ();
  StwWorkspace *workspace = stw_window_get_workspace (window);
  StwItemEditor *editor = _stw_window_get_editor (window);
  StwListView *list = _stw_window_get_list_view (window);
  AdwComboRow *status;
  g_autoptr(StwItem) item = NULL;
  g_autofree char *heading = NULL;
  StwItemFilter filter;
  GtkWidget *closure_group;
  gint64 id;

  show_workstream (window, STW_WORKSTREAM_TASKS);
  filter = *stw_list_view_get_filter (list);
  filter.statuses = STW_STATUS_MASK (STW_STATUS_TODO);
  stw_list_view_set_filter (list, &filter);
  iterate ();
  item = item_at (window, 0);
  id = stw_item_get_id (item);
  g_assert_null (stw_item_get_closure_note (item));
  g_clear_object (&item);

  g_signal_emit_by_name (_stw_list_view_get_list (list), "activate", 0);
  iterate ();
  status = ADW_COMBO_ROW (find_widget (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, "Status"));
  closure_group = find_widget (GTK_WIDGET (editor), ADW_TYPE_PREFERENCES_GROUP, "Closure note");
  g_assert_null (closure_group);

  /* Done shows the closure note; saving without one asks for it. */
  adw_combo_row_set_selected (status, STW_STATUS_DONE);
  g_assert_nonnull (find_widget (GTK_WIDGET (editor), ADW_TYPE_PREFERENCES_GROUP, "Closure note"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-item", NULL);
  heading = answer_closure (NULL, NULL);
  item = stw_workspace_load_item (workspace, id, NULL);
  g_assert_true (g_str_has_prefix (heading, "Close "));
  g_assert_nonnull (strstr (heading, stw_item_get_ref (item)));
  /* Cancelled: nothing saved, the edit still there. */
  g_assert_cmpint (stw_item_get_status (item), ==, STW_STATUS_TODO);
  g_clear_object (&item);
  g_assert_true (stw_item_editor_get_modified (editor));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-item", NULL);
  g_clear_pointer (&heading, g_free);
  heading = answer_closure ("Minutes filed with the board papers", NULL);
  iterate ();
  item = stw_workspace_load_item (workspace, id, NULL);
  g_assert_cmpint (stw_item_get_status (item), ==, STW_STATUS_DONE);
  g_assert_cmpstr (stw_item_get_closure_note (item), ==, "Minutes filed with the board papers");
  g_assert_nonnull (stw_item_get_completed_date (item));
  g_clear_object (&item);
  g_assert_false (stw_item_editor_get_modified (editor));
  g_assert_nonnull (find_widget (GTK_WIDGET (editor), STW_TYPE_DATE_ROW, "Completed on"));
  g_assert_nonnull (find_widget (GTK_WIDGET (editor), GTK_TYPE_LABEL, "Status: To do → Done"));

  /* Reopen and close again with the note already there: not asked. */
  adw_combo_row_set_selected (status, STW_STATUS_IN_PROGRESS);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-item", NULL);
  iterate ();
  adw_combo_row_set_selected (status, STW_STATUS_DONE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-item", NULL);
  iterate ();
  g_assert_null (find_message_dialog ());
  item = stw_workspace_load_item (workspace, id, NULL);
  g_assert_cmpint (stw_item_get_status (item), ==, STW_STATUS_DONE);
  g_clear_object (&item);

  close_window (window);
}

static void
test_people (void)
{
  StwWindow *window = open_sample ();
  StwWorkspace *workspace = stw_window_get_workspace (window);
  StwItemEditor *editor = _stw_window_get_editor (window);
  StwPeopleWindow *people;
  GtkWidget *save;
  AdwComboRow *owner_row;
  AdwComboRow *actor_row;
  GListModel *owners;
  g_autoptr(StwItem) item = NULL;
  g_autoptr(StwItem) edited = NULL;
  g_autoptr(GError) error = NULL;
  StwPerson *ada = NULL;
  GListModel *all;
  gint64 ada_id;
  gboolean listed;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.people", NULL);
  iterate ();
  people = STW_PEOPLE_WINDOW (find_toplevel (STW_TYPE_PEOPLE_WINDOW));
  g_assert_nonnull (people);

  /* Add someone. */
  gtk_widget_activate_action (GTK_WIDGET (people), "people.add", NULL);
  iterate ();
  save = find_widget (GTK_WIDGET (people), GTK_TYPE_BUTTON, "_Save");
  g_assert_nonnull (save);
  g_assert_false (gtk_widget_get_sensitive (save));
  gtk_editable_set_text (GTK_EDITABLE (find_widget (GTK_WIDGET (people), ADW_TYPE_ENTRY_ROW, "Name")), "Ada Byron");
  gtk_editable_set_text (GTK_EDITABLE (find_widget (GTK_WIDGET (people), ADW_TYPE_ENTRY_ROW, "Role")), "Risk analyst");
  g_assert_true (gtk_widget_get_sensitive (save));
  g_signal_emit_by_name (save, "clicked");
  iterate ();

  all = stw_workspace_get_people (workspace);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(StwPerson) person = g_list_model_get_item (all, i);

      if (g_str_equal (stw_person_get_name (person), "Ada Byron"))
        ada = person;
    }
  g_assert_nonnull (ada);
  ada_id = stw_person_get_id (ada);
  g_assert_true (stw_person_get_active (ada));
  g_assert_cmpstr (stw_person_get_role (ada), ==, "Risk analyst");
  g_assert_nonnull (find_widget (GTK_WIDGET (people), ADW_TYPE_ACTION_ROW, "Ada Byron"));

  /* She can own an item. */
  show_workstream (window, STW_WORKSTREAM_TASKS);
  g_signal_emit_by_name (_stw_list_view_get_list (_stw_window_get_list_view (window)), "activate", 0);
  iterate ();
  owner_row = ADW_COMBO_ROW (find_widget (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, "Owner"));
  owners = adw_combo_row_get_model (owner_row);
  listed = FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (owners); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (owners), i), "Ada Byron"))
      {
        adw_combo_row_set_selected (owner_row, i);
        listed = TRUE;
      }
  g_assert_true (listed);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-item", NULL);
  iterate ();
  g_assert_cmpint (stw_item_get_owner_id (stw_item_editor_get_item (editor)), ==, ada_id);

  /* Deactivated, she keeps that item, marked, but is offered nowhere else. */
  stw_people_window_edit_person (people, ada_id);
  iterate ();
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (find_widget (GTK_WIDGET (people), GTK_TYPE_SWITCH, NULL))));
  gtk_switch_set_active (GTK_SWITCH (find_widget (GTK_WIDGET (people), GTK_TYPE_SWITCH, NULL)), FALSE);
  g_signal_emit_by_name (find_widget (GTK_WIDGET (people), GTK_TYPE_BUTTON, "_Save"), "clicked");
  iterate ();
  g_assert_false (stw_person_get_active (stw_workspace_find_person (workspace, ada_id)));
  g_assert_nonnull (find_widget (GTK_WIDGET (people), GTK_TYPE_LABEL, "Inactive"));

  owners = adw_combo_row_get_model (owner_row);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (owners), adw_combo_row_get_selected (owner_row)),
                   ==, "Ada Byron (inactive)");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-editor", NULL);
  g_signal_emit_by_name (_stw_list_view_get_list (_stw_window_get_list_view (window)), "activate", 1);
  iterate ();
  owners = adw_combo_row_get_model (owner_row);
  for (guint i = 0; i < g_list_model_get_n_items (owners); i++)
    g_assert_false (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (owners), i), "Ada Byron"));

  /* The workspace refuses her as a new owner all the same. */
  item = stw_workspace_load_item (workspace, stw_item_get_id (stw_item_editor_get_item (editor)), NULL);
  edited = stw_item_copy (item);
  stw_item_set_owner_id (edited, ada_id);
  g_assert_false (stw_workspace_update_item (workspace, edited, &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);

  /* Nor is she offered as "You are"; choosing someone else records them. */
  actor_row = ADW_COMBO_ROW (find_widget (GTK_WIDGET (people), ADW_TYPE_COMBO_ROW, "You are"));
  g_assert_nonnull (actor_row);
  owners = adw_combo_row_get_model (actor_row);
  for (guint i = 0; i < g_list_model_get_n_items (owners); i++)
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (owners), i), !=, "Ada Byron");
  for (guint i = 0; i < g_list_model_get_n_items (owners); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (owners), i), "Mia Lindqvist"))
      adw_combo_row_set_selected (actor_row, i);
  iterate ();
  g_assert_cmpstr (stw_person_get_name (stw_workspace_find_person (workspace, stw_workspace_get_actor_id (workspace))),
                   ==, "Mia Lindqvist");

  gtk_window_destroy (GTK_WINDOW (people));
  close_window (window);
}

static void
test_search (void)
{
  StwWindow *window = open_sample ();
  StwItemEditor *editor = _stw_window_get_editor (window);
  GtkSearchEntry *entry = _stw_window_get_search_entry (window);
  GListModel *results;
  g_autoptr(StwItem) target = NULL;
  GtkListBoxRow *selected;

  show_workstream (window, STW_WORKSTREAM_PLAN);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  iterate ();
  g_assert_cmpstr (_stw_window_get_visible_page (window), ==, "search");

  /* Results as you type (the entry waits a moment; tests do not). */
  gtk_editable_set_text (GTK_EDITABLE (entry), "restore");
  g_signal_emit_by_name (entry, "search-changed");
  iterate ();
  results = _stw_window_get_search_results (window);
  g_assert_nonnull (results);
  g_assert_cmpuint (g_list_model_get_n_items (results), >, 1);

  /* A reference finds its item, in another workstream. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "T-003");
  g_signal_emit_by_name (entry, "search-changed");
  iterate ();
  results = _stw_window_get_search_results (window);
  g_assert_cmpuint (g_list_model_get_n_items (results), >=, 1);
  target = g_list_model_get_item (results, 0);
  g_assert_cmpstr (stw_item_get_ref (target), ==, "T-003");

  /* Words that are in nothing. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "zebra quokka");
  g_signal_emit_by_name (entry, "search-changed");
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (_stw_window_get_search_results (window)), ==, 0);

  /* Enter jumps to the best match: its workstream, selected, in the editor. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "T-003");
  g_signal_emit_by_name (entry, "activate");
  iterate ();
  g_assert_cmpstr (_stw_window_get_visible_page (window), ==, "list");
  selected = gtk_list_box_get_selected_row (_stw_window_get_workstreams_list (window));
  g_assert_cmpint (stw_workstream_get_kind (stw_workstream_row_get_workstream (STW_WORKSTREAM_ROW (selected))),
                   ==, STW_WORKSTREAM_TASKS);
  g_assert_true (_stw_window_get_editor_revealed (window));
  g_assert_cmpstr (stw_item_get_ref (stw_item_editor_get_item (editor)), ==, "T-003");
  g_assert_cmpint (stw_list_view_get_selected_item (_stw_window_get_list_view (window)), ==, stw_item_get_id (target));

  /* From the board too: the card is selected there. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "board");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-editor", NULL);
  show_workstream (window, STW_WORKSTREAM_PLAN);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "T-003");
  g_signal_emit_by_name (entry, "search-changed");
  iterate ();
  g_signal_emit_by_name (entry, "activate");
  iterate ();
  g_assert_cmpstr (_stw_window_get_visible_page (window), ==, "board");
  g_assert_cmpint (stw_board_view_get_selected_item (_stw_window_get_board_view (window)), ==, stw_item_get_id (target));

  /* Escape leaves the search: in the entry, or anywhere else. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  iterate ();
  g_assert_cmpstr (_stw_window_get_visible_page (window), ==, "search");
  g_signal_emit_by_name (entry, "stop-search");
  iterate ();
  g_assert_cmpstr (_stw_window_get_visible_page (window), ==, "board");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  iterate ();
  g_assert_true (_stw_window_get_editor_revealed (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-editor", NULL);
  iterate ();
  g_assert_cmpstr (_stw_window_get_visible_page (window), ==, "board");
  /* The editor stays open: one Escape, one thing closed. */
  g_assert_true (_stw_window_get_editor_revealed (window));

  close_window (window);
}

/* Issue 9, point 15: a risk's reference finds the risk, not items, and
 * Enter opens it in the register. */
static void
test_search_risks (void)
{
  StwWindow *window = open_sample ();
  GtkSearchEntry *entry = _stw_window_get_search_entry (window);

  show_workstream (window, STW_WORKSTREAM_PLAN);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  iterate ();
  gtk_editable_set_text (GTK_EDITABLE (entry), "R-001");
  g_signal_emit_by_name (entry, "search-changed");
  iterate ();
  g_signal_emit_by_name (entry, "activate");
  iterate ();
  g_assert_cmpstr (_stw_window_get_visible_page (window), ==, "risks");
  g_assert_true (stw_risk_page_get_editor_revealed (_stw_window_get_risk_page (window)));

  close_window (window);
}

/* TRUE when @widget and every parent up to the window are shown. */
static gboolean
shown (GtkWidget *widget)
{
  return widget != NULL && gtk_widget_is_visible (widget);
}

/* Opens in the editor the first item of the list titled @title (any title
 * when NULL) whose status is in @statuses (0: any) and, with @repeating,
 * that repeats. Returns its id. */
static gint64
open_item_where (StwWindow  *window,
                 const char *title,
                 guint       statuses,
                 gboolean    repeating)
{
  GListModel *items = list_model (window);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(StwItem) item = g_list_model_get_item (items, i);

      if (title != NULL && g_strcmp0 (stw_item_get_title (item), title) != 0)
        continue;
      if (statuses != 0 && (statuses & STW_STATUS_MASK (stw_item_get_status (item))) == 0)
        continue;
      if (repeating && stw_item_get_recurrence (item)->unit == STW_REPEAT_NONE)
        continue;

      g_signal_emit_by_name (_stw_list_view_get_list (_stw_window_get_list_view (window)), "activate", i);
      iterate ();
      g_assert_cmpint (stw_item_get_id (stw_item_editor_get_item (_stw_window_get_editor (window))), ==,
                       stw_item_get_id (item));
      return stw_item_get_id (item);
    }

  g_assert_not_reached ();
  return 0;
}

/* The series of @id: its live occurrence due on @due, or NULL. */
static StwItem *
occurrence_due (StwWorkspace *workspace,
                gint64        id,
                const char   *due)
{
  g_autoptr(StwItem) item = stw_workspace_load_item (workspace, id, NULL);
  g_autoptr(GListModel) all = stw_workspace_list_items (workspace, stw_item_get_workstream_id (item), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(StwItem) other = g_list_model_get_item (all, i);

      if (stw_item_get_series_id (other) == stw_item_get_series_id (item) &&
          g_strcmp0 (stw_item_get_due_date (other), due) == 0)
        return g_steal_pointer (&other);
    }
  return NULL;
}

/* Reopening a finished repeating item withdraws the next occurrence that
 * closing it created, and the toast says so, both from the editor and with
 * Ctrl+Z; it used to say only "saved". */
static void
test_reopen_toast (void)
{
  StwWindow *window = open_sample ();
  StwWorkspace *workspace = stw_window_get_workspace (window);
  StwItemEditor *editor = _stw_window_get_editor (window);
  g_autoptr(StwWorkstream) plan = NULL;
  g_autoptr(StwItem) item = NULL;
  g_autoptr(StwItem) next = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *want = NULL;
  g_autofree char *ref = NULL;
  StwRecurrence monthly = { STW_REPEAT_MONTHLY, 1, "2027-04-20" };
  AdwComboRow *status;
  gint64 id;

  plan = g_object_ref (show_workstream (window, STW_WORKSTREAM_PLAN));
  item = stw_item_new (stw_workstream_get_id (plan));
  stw_item_set_title (item, "Restore test of the HR share");
  stw_item_set_due_date (item, "2027-04-20");
  stw_item_set_recurrence (item, &monthly);
  g_assert_true (stw_workspace_insert_item (workspace, item, &error));
  g_assert_no_error (error);
  ref = g_strdup (stw_item_get_ref (item));
  g_clear_object (&item);
  iterate ();

  id = open_item_where (window, "Restore test of the HR share", 0, TRUE);
  status = ADW_COMBO_ROW (find_widget (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, "Status"));

  /* Closing schedules 20 May. */
  adw_combo_row_set_selected (status, STW_STATUS_DONE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-item", NULL);
  heading = answer_closure ("Restored three files", "The restore log is in the ticket");
  iterate ();
  next = occurrence_due (workspace, id, "2027-05-20");
  g_assert_nonnull (next);

  /* Back to In review in the editor: withdrawn, and said. */
  adw_combo_row_set_selected (status, STW_STATUS_IN_REVIEW);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-item", NULL);
  iterate ();
  g_assert_null (occurrence_due (workspace, id, "2027-05-20"));
  want = g_strdup_printf ("Reopened %s; withdrew %s, created when it was closed", ref, stw_item_get_ref (next));
  g_assert_cmpstr (_stw_window_get_toast_title (window), ==, want);
  g_clear_object (&next);
  g_clear_pointer (&want, g_free);

  /* Closed again, then Ctrl+Z: the new one goes the same way. */
  adw_combo_row_set_selected (status, STW_STATUS_DONE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-item", NULL);
  iterate ();
  g_assert_null (find_message_dialog ());
  next = occurrence_due (workspace, id, "2027-05-20");
  g_assert_nonnull (next);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  iterate ();
  g_assert_null (occurrence_due (workspace, id, "2027-05-20"));
  want = g_strdup_printf ("Reopened %s; withdrew %s, created when it was closed", ref, stw_item_get_ref (next));
  g_assert_cmpstr (_stw_window_get_toast_title (window), ==, want);

  close_window (window);
}

static GtkWidget *
editor_part (StwWindow *window,
             GType      type)
{
  return find_widget (GTK_WIDGET (_stw_window_get_editor (window)), type, NULL);
}

static void
set_text_view (GtkWidget  *root,
               const char *group_title,
               const char *text)
{
  GtkWidget *group = find_widget (root, ADW_TYPE_PREFERENCES_GROUP, group_title);
  GtkWidget *view;

  g_assert_nonnull (group);
  view = find_widget (group, GTK_TYPE_TEXT_VIEW, NULL);
  g_assert_nonnull (view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

/* A widget of @type with the tooltip @tooltip, shown or not. */
static GtkWidget *
find_by_tooltip (GtkWidget  *root,
                 GType       type,
                 const char *tooltip)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_tooltip (child, type, tooltip);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The reference of the risk @risk_id of the register. */
static const char *
risk_ref (StwWorkspace *workspace,
          gint64        risk_id)
{
  GListModel *risks = stw_workspace_get_risks (workspace);

  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(StwRisk) risk = g_list_model_get_item (risks, i);

      if (stw_risk_get_id (risk) == risk_id)
        return stw_risk_get_ref (risk);
    }

  return NULL;
}

static gboolean
has_history_line (StwWindow  *window,
                  const char *line)
{
  GtkWidget *history = find_widget (GTK_WIDGET (_stw_window_get_editor (window)), STW_TYPE_HISTORY_LIST, NULL);

  return find_widget (history, GTK_TYPE_LABEL, line) != NULL;
}

/* Each kind of workstream shows its own part of the editor, and what is
 * typed there is saved and comes back. */
static void
test_editor_plan_and_risk (void)
{
  StwWindow *window = open_sample ();
  StwWorkspace *workspace = stw_window_get_workspace (window);
  StwItemEditor *editor = _stw_window_get_editor (window);
  g_autoptr(StwItem) item = NULL;
  g_autofree char *history_line = NULL;
  g_autofree char *old_risk = NULL;
  g_autofree char *every_before = NULL;
  StwRiskChooserRow *risk_row;
  GtkWidget *recurrence;
  GtkWidget *every;
  GListModel *matches;
  gint64 id, risk_id;
  char anchor[11];

  /* Operational plan: how the task repeats, nothing else. */
  show_workstream (window, STW_WORKSTREAM_PLAN);
  id = open_item_where (window, NULL, STW_STATUS_MASK_OPEN, TRUE);
  recurrence = editor_part (window, STW_TYPE_RECURRENCE_ROW);
  g_assert_true (shown (recurrence));
  g_assert_false (shown (editor_part (window, STW_TYPE_RISK_CHOOSER_ROW)));
  g_assert_false (shown (editor_part (window, STW_TYPE_CORRECTIVE_SECTION)));
  g_assert_false (shown (find_widget (GTK_WIDGET (editor), ADW_TYPE_PREFERENCES_GROUP, "Reason for no evidence")));

  item = stw_workspace_load_item (workspace, id, NULL);
  g_assert_false (stw_item_get_recurrence (item)->unit == STW_REPEAT_QUARTERLY
                  && stw_item_get_recurrence (item)->interval == 2);
  memcpy (anchor, stw_item_get_recurrence (item)->anchor, sizeof anchor);
  every_before = stw_recurrence_describe (stw_item_get_recurrence (item));
  g_clear_object (&item);

  /* Every two quarters, from the same date. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_widget (recurrence, ADW_TYPE_COMBO_ROW, "Repeats")),
                              STW_REPEAT_QUARTERLY);
  every = find_widget (recurrence, ADW_TYPE_ACTION_ROW, "Every");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_widget (every, GTK_TYPE_SPIN_BUTTON, NULL)), 2);
  g_assert_true (stw_item_editor_get_modified (editor));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-item", NULL);
  iterate ();

  item = stw_workspace_load_item (workspace, id, NULL);
  g_assert_cmpint (stw_item_get_recurrence (item)->unit, ==, STW_REPEAT_QUARTERLY);
  g_assert_cmpuint (stw_item_get_recurrence (item)->interval, ==, 2);
  g_assert_cmpstr (stw_item_get_recurrence (item)->anchor, ==, anchor);
  g_clear_object (&item);
  g_assert_false (stw_item_editor_get_modified (editor));
  g_assert_cmpstr (stw_recurrence_row_get_summary (STW_RECURRENCE_ROW (recurrence)), !=, "");
  history_line = g_strdup_printf ("Repeats: %s from %s → Every 2 quarters from %s", every_before, anchor, anchor);
  g_assert_true (has_history_line (window, history_line));

  /* Risk treatment: the risk treated, chosen from the register. */
  show_workstream (window, STW_WORKSTREAM_TREATMENT);
  id = open_item_where (window, NULL, STW_STATUS_MASK_OPEN, FALSE);
  risk_row = STW_RISK_CHOOSER_ROW (editor_part (window, STW_TYPE_RISK_CHOOSER_ROW));
  g_assert_true (shown (GTK_WIDGET (risk_row)));
  g_assert_false (shown (editor_part (window, STW_TYPE_RECURRENCE_ROW)));
  g_assert_false (shown (editor_part (window, STW_TYPE_CORRECTIVE_SECTION)));
  item = stw_workspace_load_item (workspace, id, NULL);
  g_assert_cmpint (stw_risk_chooser_row_get_risk_id (risk_row), ==, stw_item_get_risk_id (item));
  g_assert_true (stw_risk_chooser_row_get_valid (risk_row));
  old_risk = g_strdup (risk_ref (workspace, stw_item_get_risk_id (item)));
  g_clear_object (&item);

  _stw_risk_chooser_row_set_search (risk_row, "visitors");
  matches = _stw_risk_chooser_row_get_matches (risk_row);
  g_assert_cmpuint (g_list_model_get_n_items (matches), ==, 1);
  _stw_risk_chooser_row_choose (risk_row, 0);
  risk_id = stw_risk_chooser_row_get_risk_id (risk_row);
  g_assert_true (stw_item_editor_get_modified (editor));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-item", NULL);
  iterate ();
  item = stw_workspace_load_item (workspace, id, NULL);
  g_assert_cmpint (stw_item_get_risk_id (item), ==, risk_id);
  g_clear_object (&item);
  /* The history names both risks by reference. */
  g_clear_pointer (&history_line, g_free);
  history_line = g_strdup_printf ("Risk treated: %s → %s", old_risk, risk_ref (workspace, risk_id));
  g_assert_true (has_history_line (window, history_line));

  /* A treatment item must name its risk: the workspace says so, and what
   * was typed stays. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-item", NULL);
  iterate ();
  gtk_editable_set_text (editor_field (window, ADW_TYPE_ENTRY_ROW, "Title"), "Lock the server room");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-item", NULL);
  iterate ();
  g_assert_cmpstr (_stw_window_get_toast_title (window), ==,
                   "Could not create the item: A risk-treatment item must name the risk it treats");
  g_assert_cmpint (stw_item_get_id (stw_item_editor_get_item (editor)), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (editor_field (window, ADW_TYPE_ENTRY_ROW, "Title")), ==, "Lock the server room");
  g_assert_false (stw_risk_chooser_row_get_valid (risk_row));
  _stw_risk_chooser_row_set_search (risk_row, "visitors");
  _stw_risk_chooser_row_choose (risk_row, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-item", NULL);
  iterate ();
  g_assert_cmpint (stw_item_get_id (stw_item_editor_get_item (editor)), !=, 0);
  g_assert_cmpint (stw_item_get_risk_id (stw_item_editor_get_item (editor)), ==, risk_id);

  close_window (window);
}

/* A nonconformity closes only once its root cause is recorded and a check
 * found the fix effective: the workspace's refusal shows before a closure
 * note is asked for, and the form keeps what was typed. Closing it then
 * asks for the note and why there is no evidence. */
static void
test_editor_corrective (void)
{
  StwWindow *window = open_sample ();
  StwWorkspace *workspace = stw_window_get_workspace (window);
  StwItemEditor *editor = _stw_window_get_editor (window);
  g_autoptr(StwItem) item = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *section;
  AdwComboRow *status;
  gint64 id;

  show_workstream (window, STW_WORKSTREAM_CORRECTIVE);
  id = open_item_where (window, "Two leavers still had VPN accounts after a month", 0, FALSE);
  section = editor_part (window, STW_TYPE_CORRECTIVE_SECTION);
  g_assert_true (shown (section));
  g_assert_false (shown (editor_part (window, STW_TYPE_RECURRENCE_ROW)));
  g_assert_false (shown (editor_part (window, STW_TYPE_RISK_CHOOSER_ROW)));
  g_assert_true (stw_corrective_section_get_nonconformity (STW_CORRECTIVE_SECTION (section)));
  g_assert_false (stw_corrective_section_get_ready_to_close (STW_CORRECTIVE_SECTION (section)));

  /* What raised it: typed, saved, read back. */
  gtk_editable_set_text (GTK_EDITABLE (find_widget (section, ADW_TYPE_ENTRY_ROW, "What raised it")),
                         "Surveillance audit 1, finding 3");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-item", NULL);
  iterate ();
  item = stw_workspace_load_item (workspace, id, NULL);
  g_assert_cmpstr (stw_item_get_corrective (item)->source_ref, ==, "Surveillance audit 1, finding 3");
  g_clear_object (&item);
  g_assert_true (has_history_line (window, "What raised it: Surveillance audit 1 → Surveillance audit 1, finding 3"));

  /* Done without a root cause: refused, not asked. */
  status = ADW_COMBO_ROW (find_widget (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, "Status"));
  adw_combo_row_set_selected (status, STW_STATUS_DONE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-item", NULL);
  iterate ();
  g_assert_null (find_message_dialog ());
  g_assert_cmpstr (_stw_window_get_toast_title (window), ==,
                   "Could not save the item: A nonconformity can only be closed once its root cause is recorded");
  item = stw_workspace_load_item (workspace, id, NULL);
  g_assert_cmpint (stw_item_get_status (item), ==, STW_STATUS_TODO);
  g_clear_object (&item);
  g_assert_true (stw_item_editor_get_modified (editor));
  g_assert_cmpuint (adw_combo_row_get_selected (status), ==, STW_STATUS_DONE);

  /* With the root cause but no check yet: the next refusal. */
  set_text_view (section, "Root cause", "Leavers were removed by email to IT, which was missed.");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-item", NULL);
  iterate ();
  g_assert_null (find_message_dialog ());
  g_assert_cmpstr (_stw_window_get_toast_title (window), ==,
                   "Could not save the item: A nonconformity can only be closed once a check has found the fix effective");

  /* Found effective: now the closure note and the reason are asked. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_widget (section, ADW_TYPE_COMBO_ROW, "Result")), STW_CHECK_EFFECTIVE);
  g_assert_true (stw_corrective_section_get_ready_to_close (STW_CORRECTIVE_SECTION (section)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-item", NULL);
  heading = answer_closure ("VPN accounts now removed by the leaver checklist",
                            "The account list is kept in the VPN console");
  iterate ();
  item = stw_workspace_load_item (workspace, id, NULL);
  g_assert_cmpint (stw_item_get_status (item), ==, STW_STATUS_DONE);
  g_assert_cmpstr (stw_item_get_closure_note (item), ==, "VPN accounts now removed by the leaver checklist");
  g_assert_cmpstr (stw_item_get_no_evidence_reason (item), ==, "The account list is kept in the VPN console");
  g_assert_cmpstr (stw_item_get_corrective (item)->root_cause, ==, "Leavers were removed by email to IT, which was missed.");
  g_assert_cmpint (stw_item_get_corrective (item)->check_result, ==, STW_CHECK_EFFECTIVE);
  g_clear_object (&item);
  g_assert_false (stw_item_editor_get_modified (editor));

  /* The reason is shown, and the timeline reads the record in words. */
  g_assert_true (shown (find_widget (GTK_WIDGET (editor), ADW_TYPE_PREFERENCES_GROUP, "Reason for no evidence")));
  g_assert_true (has_history_line (window, "Root cause added"));
  g_assert_true (has_history_line (window, "Effectiveness check: Not checked yet → Effective"));
  g_assert_true (has_history_line (window, "Reason for no evidence added"));
  g_assert_true (has_history_line (window, "Status: To do → Done"));

  close_window (window);
}

/* Closing risk treatment asks why there is no evidence, from the board
 * and for a bulk change in the list; the reason is kept with each item. */
static void
test_close_reason (void)
{
  StwWindow *window = open_sample ();
  StwWorkspace *workspace = stw_window_get_workspace (window);
  StwListView *list = _stw_window_get_list_view (window);
  StwBoardView *board = _stw_window_get_board_view (window);
  GtkSelectionModel *selection;
  g_autoptr(StwItem) item = NULL;
  g_autofree char *heading = NULL;
  StwItemFilter filter;
  gint64 ids[2];
  gint64 review_id = 0;
  GListModel *items;

  show_workstream (window, STW_WORKSTREAM_TREATMENT);

  /* Board: from In review to Done. */
  items = list_model (window);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(StwItem) candidate = g_list_model_get_item (items, i);

      if (stw_item_get_status (candidate) == STW_STATUS_IN_REVIEW)
        review_id = stw_item_get_id (candidate);
    }
  g_assert_cmpint (review_id, !=, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "board");
  iterate ();
  stw_board_view_select_item (board, review_id);
  iterate ();
  gtk_widget_activate_action (GTK_WIDGET (board), "board.move-right", NULL);
  heading = answer_closure ("Leavers now removed the same day", "Checked in the HR system, no export kept");
  iterate ();
  item = stw_workspace_load_item (workspace, review_id, NULL);
  g_assert_cmpint (stw_item_get_status (item), ==, STW_STATUS_DONE);
  g_assert_cmpstr (stw_item_get_closure_note (item), ==, "Leavers now removed the same day");
  g_assert_cmpstr (stw_item_get_no_evidence_reason (item), ==, "Checked in the HR system, no export kept");
  g_clear_object (&item);

  /* Undone at once, reason and all. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  iterate ();
  item = stw_workspace_load_item (workspace, review_id, NULL);
  g_assert_cmpint (stw_item_get_status (item), ==, STW_STATUS_IN_REVIEW);
  g_assert_null (stw_item_get_no_evidence_reason (item));
  g_clear_object (&item);

  /* List: two to-do items closed together. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "list");
  iterate ();
  filter = *stw_list_view_get_filter (list);
  filter.statuses = STW_STATUS_MASK (STW_STATUS_TODO);
  stw_list_view_set_filter (list, &filter);
  iterate ();
  g_assert_cmpuint (n_items (window), >=, 2);
  for (guint i = 0; i < 2; i++)
    {
      item = item_at (window, i);
      ids[i] = stw_item_get_id (item);
      g_clear_object (&item);
    }
  selection = _stw_list_view_get_selection (list);
  gtk_selection_model_select_item (selection, 0, TRUE);
  gtk_selection_model_select_item (selection, 1, FALSE);
  iterate ();
  gtk_widget_activate_action (GTK_WIDGET (list), "list.set-status", "s", "done");
  g_clear_pointer (&heading, g_free);
  heading = answer_closure ("Done in the quarterly security week", "Records are in the ticket system");
  iterate ();
  g_assert_true (g_str_has_prefix (heading, "Close 2 items"));
  for (guint i = 0; i < 2; i++)
    {
      item = stw_workspace_load_item (workspace, ids[i], NULL);
      g_assert_cmpint (stw_item_get_status (item), ==, STW_STATUS_DONE);
      g_assert_cmpstr (stw_item_get_closure_note (item), ==, "Done in the quarterly security week");
      g_assert_cmpstr (stw_item_get_no_evidence_reason (item), ==, "Records are in the ticket system");
      g_clear_object (&item);
    }

  close_window (window);
}

static StwWorkstreamDialog *
find_workstream_dialog (void)
{
  GtkWindow *dialog = find_toplevel (STW_TYPE_WORKSTREAM_DIALOG);

  g_assert_nonnull (dialog);

  return STW_WORKSTREAM_DIALOG (dialog);
}

static gboolean
workstream_dialog_gone (gpointer data)
{
  GtkWindow *dialog = find_toplevel (STW_TYPE_WORKSTREAM_DIALOG);

  return dialog == NULL || !gtk_widget_get_visible (GTK_WIDGET (dialog));
}

/* A custom workstream is added from the sidebar, shown with its colour
 * and its three views, and its settings can be changed later. */
static void
test_workstreams (void)
{
  StwWindow *window = open_sample ();
  StwWorkspace *workspace = stw_window_get_workspace (window);
  GtkListBox *sidebar = _stw_window_get_workstreams_list (window);
  StwWorkstreamDialog *dialog;
  StwWorkstream *kpi;
  GtkListBoxRow *row;
  GtkWidget *dot;
  gint64 kpi_id;
  guint n_rows;

  find_workstream_row (window, STW_WORKSTREAM_TASKS, &n_rows);
  g_assert_cmpuint (n_rows, ==, 4);
  g_assert_true (shown (find_by_tooltip (GTK_WIDGET (window), GTK_TYPE_BUTTON,
                                         "Add a workstream of your own, such as KPI measurement")));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-workstream", NULL);
  iterate ();
  dialog = find_workstream_dialog ();
  gtk_editable_set_text (GTK_EDITABLE (find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Name")),
                         "KPI measurement");
  gtk_editable_set_text (GTK_EDITABLE (find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Reference prefix")),
                         "KPI");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "workstream.save", NULL);
  g_assert_true (wait_until (workstream_dialog_gone, NULL));

  /* Added at the end, selected, empty, with its views. */
  row = find_workstream_row (window, STW_WORKSTREAM_CUSTOM, &n_rows);
  g_assert_cmpuint (n_rows, ==, 5);
  g_assert_nonnull (row);
  g_assert_true (gtk_list_box_get_selected_row (sidebar) == row);
  kpi = stw_workstream_row_get_workstream (STW_WORKSTREAM_ROW (row));
  kpi_id = stw_workstream_get_id (kpi);
  g_assert_cmpstr (stw_workstream_get_name (kpi), ==, "KPI measurement");
  g_assert_nonnull (stw_workstream_get_colour (kpi));
  g_assert_cmpstr (_stw_window_get_toast_title (window), ==, "Workstream “KPI measurement” added");
  g_assert_cmpstr (list_page (window), ==, "empty");
  dot = find_widget (GTK_WIDGET (row), GTK_TYPE_DRAWING_AREA, NULL);
  g_assert_true (shown (dot));
  g_assert_false (shown (find_widget (GTK_WIDGET (row), GTK_TYPE_IMAGE, NULL)));
  for (guint i = 0; i < 3; i++)
    {
      static const char *views[] = { "board", "calendar", "list" };

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", views[i]);
      iterate ();
      g_assert_cmpstr (_stw_window_get_visible_page (window), ==, views[i]);
    }

  /* An item there gets its own references. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-item", NULL);
  iterate ();
  gtk_editable_set_text (editor_field (window, ADW_TYPE_ENTRY_ROW, "Title"), "Measure patch latency");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-item", NULL);
  iterate ();
  g_assert_cmpstr (stw_item_get_ref (stw_item_editor_get_item (_stw_window_get_editor (window))), ==, "KPI-001");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-editor", NULL);
  iterate ();

  /* Settings: renamed, and it needs evidence to close now. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-workstream", "x", kpi_id);
  iterate ();
  dialog = find_workstream_dialog ();
  g_assert_cmpint (stw_workstream_dialog_get_workstream_id (dialog), ==, kpi_id);
  gtk_editable_set_text (GTK_EDITABLE (find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Name")),
                         "KPIs");
  gtk_switch_set_active (GTK_SWITCH (find_widget (GTK_WIDGET (dialog), GTK_TYPE_SWITCH, NULL)), TRUE);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "workstream.save", NULL);
  g_assert_true (wait_until (workstream_dialog_gone, NULL));
  g_assert_cmpstr (stw_workstream_get_name (stw_workspace_find_workstream (workspace, kpi_id)), ==, "KPIs");
  g_assert_true (stw_workstream_get_require_evidence (stw_workspace_find_workstream (workspace, kpi_id)));
  g_assert_nonnull (find_widget (GTK_WIDGET (row), GTK_TYPE_LABEL, "KPIs"));
  g_assert_cmpstr (_stw_window_get_toast_title (window), ==, "“KPIs” saved");

  /* Closing its item now asks why there is no evidence. */
  open_item_where (window, "Measure patch latency", 0, FALSE);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_widget (GTK_WIDGET (_stw_window_get_editor (window)),
                                                          ADW_TYPE_COMBO_ROW, "Status")),
                              STW_STATUS_DONE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-item", NULL);
  g_free (answer_closure ("Latency measured for March", "Figures are in the monitoring tool"));
  iterate ();
  g_assert_cmpstr (stw_item_get_no_evidence_reason (stw_item_editor_get_item (_stw_window_get_editor (window))),
                   ==, "Figures are in the monitoring tool");

  close_window (window);
}

/* The operational plan's menu offers the roll-forward and the template;
 * an empty plan offers the template too. */
static void
test_plan_menu (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwWorkspace) workspace = NULL;
  g_autofree char *path = NULL;
  g_autofree char *cycle_start = NULL;
  StwWorkstream *plan;
  StwWindow *window;
  GtkMenuButton *menu_button;
  GMenuModel *menu;
  AdwMessageDialog *dialog;
  GtkWindow *roll;
  gboolean offers_roll = FALSE, offers_template = FALSE, offers_settings = FALSE;

  remove_tree (data_home);
  path = stw_workspaces_new_path ("Fabrikam");
  workspace = stw_workspace_create (path, "Fabrikam", "Grace Hopper", &error);
  g_assert_no_error (error);
  g_clear_object (&workspace);

  window = stw_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (stw_window_open_workspace (window, path, &error));
  g_assert_true (wait_until (is_allocated, window));
  workspace = g_object_ref (stw_window_get_workspace (window));

  /* An empty plan: the template is offered in the list. */
  plan = show_workstream (window, STW_WORKSTREAM_PLAN);
  g_assert_cmpstr (list_page (window), ==, "empty");
  g_assert_true (shown (find_widget (GTK_WIDGET (_stw_window_get_list_view (window)), GTK_TYPE_LABEL,
                                     "_Start from the template plan…")));

  /* The view's menu, for the plan. */
  menu_button = GTK_MENU_BUTTON (find_by_tooltip (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, "Workstream menu"));
  g_assert_nonnull (menu_button);
  g_assert_true (shown (GTK_WIDGET (menu_button)));
  menu = gtk_menu_button_get_menu_model (menu_button);
  g_assert_nonnull (menu);
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      GMenuModel *section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
        {
          g_autofree char *action = NULL;

          g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_ACTION, "s", &action);
          offers_roll = offers_roll || g_strcmp0 (action, "win.roll-forward") == 0;
          offers_template = offers_template || g_strcmp0 (action, "win.apply-plan-template") == 0;
          offers_settings = offers_settings || g_strcmp0 (action, "win.edit-workstream") == 0;
        }
      g_clear_object (&section);
    }
  g_assert_true (offers_roll);
  g_assert_true (offers_template);
  g_assert_true (offers_settings);

  /* The template, as the menu or the empty page gives it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.apply-plan-template", NULL);
  g_assert_true (wait_until (message_dialog_shown, NULL));
  dialog = find_message_dialog ();
  g_assert_true (STW_IS_PLAN_TEMPLATE_DIALOG (dialog));
  gtk_widget_activate (find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Add to plan"));
  g_assert_true (wait_until (message_dialog_gone, NULL));
  iterate ();
  g_assert_cmpuint (n_items (window), >=, stw_plan_template_get_count ());
  g_assert_cmpstr (list_page (window), ==, "list");
  g_assert_true (g_str_has_suffix (_stw_window_get_toast_title (window), "items added to the plan"));
  g_assert_cmpuint (stw_workstream_get_open_count (plan), >=, stw_plan_template_get_count ());

  /* Roll forward: the review window over the main window. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.roll-forward", NULL);
  iterate ();
  roll = find_toplevel (STW_TYPE_ROLL_FORWARD_WINDOW);
  g_assert_nonnull (roll);
  g_assert_true (gtk_window_get_transient_for (roll) == GTK_WINDOW (window));
  g_assert_true (stw_roll_forward_window_get_workspace (STW_ROLL_FORWARD_WINDOW (roll)) == workspace);
  g_assert_true (stw_roll_forward_window_get_can_confirm (STW_ROLL_FORWARD_WINDOW (roll)));
  gtk_widget_activate_action (GTK_WIDGET (roll), "roll-forward.confirm", NULL);
  iterate ();
  g_assert_null (find_toplevel (STW_TYPE_ROLL_FORWARD_WINDOW));
  g_assert_true (g_str_has_prefix (_stw_window_get_toast_title (window), "Next year’s plan has "));
  stw_workspace_get_cycle (workspace, NULL, &cycle_start, NULL);
  g_assert_true (stw_workspace_get_roll_forward (workspace, cycle_start, NULL, NULL));

  /* Other workstreams' menus have their settings only. */
  show_workstream (window, STW_WORKSTREAM_TASKS);
  menu = gtk_menu_button_get_menu_model (menu_button);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 1);

  close_window (window);
}

/* The corrective action log narrows by classification; other workstreams
 * have no such filter. */
static void
test_corrective_filter (void)
{
  StwWindow *window = open_sample ();
  StwListView *list = _stw_window_get_list_view (window);
  StwCorrectiveFilter *findings;
  guint n_all;

  show_workstream (window, STW_WORKSTREAM_CORRECTIVE);
  findings = STW_CORRECTIVE_FILTER (find_widget (GTK_WIDGET (list), STW_TYPE_CORRECTIVE_FILTER, NULL));
  g_assert_true (shown (GTK_WIDGET (findings)));
  g_assert_false (stw_corrective_filter_get_show_statuses (findings));
  n_all = n_items (window);

  stw_corrective_filter_set_classifications (findings, STW_CA_CLASSIFICATION_MASK (STW_CA_OPPORTUNITY));
  g_signal_emit_by_name (findings, "changed");
  iterate ();
  /* The log's own opportunity, and the one the sample's internal audit
   * found (issue 10). */
  g_assert_cmpuint (n_items (window), ==, 2);
  g_assert_cmpuint (stw_list_view_get_filter (list)->ca_classifications, ==,
                    STW_CA_CLASSIFICATION_MASK (STW_CA_OPPORTUNITY));

  /* Clearing the filters clears these too. */
  gtk_widget_activate_action (GTK_WIDGET (list), "list.clear-filters", NULL);
  iterate ();
  g_assert_cmpuint (n_items (window), ==, n_all);
  g_assert_cmpuint (stw_corrective_filter_get_classifications (findings), ==, 0);

  /* Elsewhere the filter is gone and narrows nothing. */
  stw_corrective_filter_set_sources (findings, STW_CA_SOURCE_MASK (STW_CA_SOURCE_INCIDENT));
  g_signal_emit_by_name (findings, "changed");
  iterate ();
  g_assert_cmpuint (n_items (window), ==, 1);
  show_workstream (window, STW_WORKSTREAM_TASKS);
  g_assert_false (shown (GTK_WIDGET (findings)));
  g_assert_cmpuint (stw_list_view_get_filter (list)->ca_sources, ==, 0);
  g_assert_cmpstr (list_page (window), ==, "list");

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Workspaces go to a private folder, before GLib caches the real one. */
  data_home = make_test_home ("ui");

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/templates", test_templates);
  g_test_add_func ("/ui/date-row", test_date_row);
  g_test_add_func ("/ui/first-run", test_first_run);
  g_test_add_func ("/ui/last-workspace-gone", test_last_workspace_gone);
  g_test_add_func ("/ui/items", test_items);
  g_test_add_func ("/ui/view-switching", test_view_switching);
  g_test_add_func ("/ui/board-keyboard", test_board_keyboard);
  g_test_add_func ("/ui/editor-discard", test_editor_discard);
  g_test_add_func ("/ui/list-sort-filter", test_list_sort_filter);
  g_test_add_func ("/ui/list-bulk", test_list_bulk);
  g_test_add_func ("/ui/history-describe", test_history_describe);
  g_test_add_func ("/ui/editor-links", test_editor_links);
  g_test_add_func ("/ui/editor-done", test_editor_done);
  g_test_add_func ("/ui/reopen-toast", test_reopen_toast);
  g_test_add_func ("/ui/people", test_people);
  g_test_add_func ("/ui/search", test_search);
  g_test_add_func ("/ui/search-risks", test_search_risks);
  g_test_add_func ("/ui/editor-plan-risk", test_editor_plan_and_risk);
  g_test_add_func ("/ui/editor-corrective", test_editor_corrective);
  g_test_add_func ("/ui/close-reason", test_close_reason);
  g_test_add_func ("/ui/workstreams", test_workstreams);
  g_test_add_func ("/ui/plan-menu", test_plan_menu);
  g_test_add_func ("/ui/corrective-filter", test_corrective_filter);

  status = g_test_run ();

  remove_tree (data_home);
  g_free (data_home);

  return status;
}
