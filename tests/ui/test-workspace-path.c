/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-workspace-path.c: a workspace whose path is not UTF-8 (its data
 * folder is named in Latin-1, "café" with the byte 0xE9) opens from the
 * start page, is remembered and reopened at the next start, and opens
 * from the command line (`steward PATH`). A plain path that an older
 * Steward stored in the setting is still reopened.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "stw-application.h"
#include "stw-window.h"
#include "stw-window-private.h"
#include "stw-workspace-list.h"
#include "test-util.h"

static char *base_dir;    /* UTF-8 */
static char *data_home;   /* base_dir/caf\xe9: not UTF-8 */

static gboolean
has_workspace (gpointer data)
{
  return stw_window_get_workspace (STW_WINDOW (data)) != NULL;
}

/* A new workspace in the data home, whose path is not UTF-8. */
static char *
create_latin1_workspace (const char *organisation)
{
  g_autoptr(StwWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  char *path = stw_workspaces_new_path (organisation);

  g_assert_false (g_utf8_validate (path, -1, NULL));
  workspace = stw_workspace_create (path, organisation, "Grace Hopper", &error);
  g_assert_no_error (error);
  return path;
}

static StwWindow *
new_window (gboolean reopen_last)
{
  StwWindow *window = stw_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  if (reopen_last)
    stw_window_open_last_workspace (window);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wait_until (is_allocated, window));
  return window;
}

static gboolean
have_schema (void)
{
  g_autoptr(GSettingsSchema) schema =
    g_settings_schema_source_lookup (g_settings_schema_source_get_default (), APP_ID, TRUE);

  return schema != NULL;
}

static void
test_start_page (void)
{
  g_autofree char *path = NULL;
  g_autofree char *stored = NULL;
  g_autoptr(GSettings) settings = NULL;
  StwWindow *window;
  GtkWidget *row;

  if (!have_schema ())
    {
      g_test_skip ("settings schema not found (set GSETTINGS_SCHEMA_DIR)");
      return;
    }
  settings = g_settings_new (APP_ID);
  g_settings_set_string (settings, "last-workspace", "");
  path = create_latin1_workspace ("Café GmbH");

  /* The start page lists it; activating the row opens it. */
  window = new_window (FALSE);
  g_assert_cmpstr (_stw_window_get_visible_page (window), ==, "welcome");
  row = find_widget (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, "Café GmbH");
  g_assert_nonnull (row);
  gtk_widget_activate (row);
  g_assert_true (wait_until (has_workspace, window));
  g_assert_cmpstr (stw_workspace_get_path (stw_window_get_workspace (window)), ==, path);
  g_assert_cmpstr (stw_workspace_get_org_name (stw_window_get_workspace (window)), ==, "Café GmbH");

  /* Remembered as text a GSettings string can hold. */
  stored = g_settings_get_string (settings, "last-workspace");
  g_assert_true (g_str_has_prefix (stored, "file:///"));
  close_window (window);

  /* And reopened at the next start. */
  window = new_window (TRUE);
  g_assert_true (has_workspace (window));
  g_assert_cmpstr (stw_workspace_get_path (stw_window_get_workspace (window)), ==, path);
  close_window (window);

  g_settings_set_string (settings, "last-workspace", "");
}

static void
test_old_setting (void)
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(StwWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (base_dir, "plain.steward", NULL);
  g_autofree char *stored = NULL;
  g_autofree char *uri = NULL;
  StwWindow *window;

  if (!have_schema ())
    {
      g_test_skip ("settings schema not found (set GSETTINGS_SCHEMA_DIR)");
      return;
    }
  workspace = stw_workspace_create (path, "Plain AG", "Grace Hopper", &error);
  g_assert_no_error (error);
  g_clear_object (&workspace);

  /* What Steward stored before the URI: the path itself. */
  settings = g_settings_new (APP_ID);
  g_settings_set_string (settings, "last-workspace", path);
  window = new_window (TRUE);
  g_assert_true (has_workspace (window));
  g_assert_cmpstr (stw_workspace_get_path (stw_window_get_workspace (window)), ==, path);
  /* Opening it stores the URI from then on. */
  stored = g_settings_get_string (settings, "last-workspace");
  uri = g_filename_to_uri (path, NULL, NULL);
  g_assert_cmpstr (stored, ==, uri);
  close_window (window);

  g_settings_set_string (settings, "last-workspace", "");
}

static void
test_command_line (void)
{
  g_autoptr(StwApplication) app = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *path = NULL;
  g_autofree char *arg = NULL;
  g_autofree char *reopened = NULL;
  GtkWindow *window;

  if (!have_schema ())
    {
      g_test_skip ("settings schema not found (set GSETTINGS_SCHEMA_DIR)");
      return;
    }
  settings = g_settings_new (APP_ID);
  path = create_latin1_workspace ("Café Zwei GmbH");

  /* What `steward PATH` does: GApplication makes a GFile of the argument
   * and hands it to "open". Not unique, so no other instance is asked. */
  app = stw_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  arg = g_strdup (path);
  file = g_file_new_for_commandline_arg (arg);
  g_application_open (G_APPLICATION (app), &file, 1, "");
  iterate ();

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_nonnull (window);
  g_assert_true (wait_until (has_workspace, window));
  g_assert_cmpstr (stw_workspace_get_path (stw_window_get_workspace (STW_WINDOW (window))), ==, path);
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  close_window (STW_WINDOW (window));

  /* Remembered as well. */
  window = GTK_WINDOW (new_window (TRUE));
  g_assert_true (has_workspace (window));
  reopened = g_strdup (stw_workspace_get_path (stw_window_get_workspace (STW_WINDOW (window))));
  g_assert_cmpstr (reopened, ==, path);
  close_window (STW_WINDOW (window));

  g_settings_set_string (settings, "last-workspace", "");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* The data home is set before GLib caches the real one. */
  base_dir = make_test_home ("workspace-path");
  data_home = g_build_filename (base_dir, "caf\xe9", NULL);
  g_assert_cmpint (g_mkdir (data_home, 0700), ==, 0);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/workspace-path/start-page", test_start_page);
  g_test_add_func ("/workspace-path/old-setting", test_old_setting);
  g_test_add_func ("/workspace-path/command-line", test_command_line);

  status = g_test_run ();

  remove_tree (base_dir);
  g_free (data_home);
  g_free (base_dir);

  return status;
}
