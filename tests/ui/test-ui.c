/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-ui.c: loads every template in the resources and drives the main
 * window through the first-run page, the workspace dialog, and creating,
 * editing, deleting and undoing an item. Runs under Xvfb; any GTK warning
 * fails the test.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "stw-application.h"
#include "stw-board-card.h"
#include "stw-board-column.h"
#include "stw-board-view.h"
#include "stw-calendar-view.h"
#include "stw-control-picker.h"
#include "stw-date-row.h"
#include "stw-history-list.h"
#include "stw-item-editor.h"
#include "stw-item-row.h"
#include "stw-list-view.h"
#include "stw-people-window.h"
#include "stw-window.h"
#include "stw-window-private.h"
#include "stw-workspace-dialog.h"
#include "stw-workspace-list.h"
#include "stw-workstream-row.h"

#define RESOURCE_PATH "/io/github/isms_steward/Steward/"

static char *data_home;

/* Helpers */

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Runs the main loop until @check says yes, for at most five seconds. */
static gboolean
wait_until (gboolean (*check) (gpointer data),
            gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!check (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  iterate ();

  return TRUE;
}

/* Lets toasts finish animating. libadwaita 1.2 reads freed memory when a
 * toast overlay is destroyed while a toast is still hiding. */
static void
settle (void)
{
  gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC;

  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
is_allocated (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
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

/* Depth-first search for a widget of @type whose "title" is @title (or
 * any title when NULL), or whose "label" is @title. */
static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_get_visible (root))
    {
      if (title == NULL)
        return root;

      if (g_object_class_find_property (G_OBJECT_GET_CLASS (root), "title") != NULL)
        {
          g_autofree char *value = NULL;

          g_object_get (root, "title", &value, NULL);
          if (g_strcmp0 (value, title) == 0)
            return root;
        }
      if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), title) == 0)
        return root;
      if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), title) == 0)
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, title);

      if (found != NULL)
        return found;
    }

  return NULL;
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

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  return NULL;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
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
          GType type = g_type_from_name (class_name);
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

  create_button = find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "C_reate");
  g_assert_nonnull (create_button);
  g_signal_emit_by_name (create_button, "clicked");
  iterate ();

  g_assert_nonnull (stw_window_get_workspace (window));
  g_assert_cmpstr (stw_workspace_get_org_name (stw_window_get_workspace (window)), ==, "Northwind Traders");
  g_assert_cmpstr (_stw_window_get_visible_page (window), !=, "welcome");
  g_assert_null (find_toplevel (STW_TYPE_WORKSPACE_DIALOG));

  /* The first workstream is shown straight away. */
  g_assert_nonnull (list_model (window));

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

  /* Without a title nothing is saved. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-item", NULL);
  iterate ();
  g_assert_cmpuint (n_items (window), ==, 0);
  g_assert_true (g_str_has_prefix (_stw_window_get_toast_title (window), "Could not save the item"));

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

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Workspaces go to a private folder, before GLib caches the real one. */
  data_home = g_dir_make_tmp ("steward-test-ui-XXXXXX", NULL);
  g_assert_nonnull (data_home);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/templates", test_templates);
  g_test_add_func ("/ui/date-row", test_date_row);
  g_test_add_func ("/ui/first-run", test_first_run);
  g_test_add_func ("/ui/last-workspace-gone", test_last_workspace_gone);
  g_test_add_func ("/ui/items", test_items);

  status = g_test_run ();

  remove_tree (data_home);
  g_free (data_home);

  return status;
}
