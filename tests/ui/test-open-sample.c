/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-open-sample.c: "Open sample workspace" makes the sample once and
 * opens that one afterwards, instead of a new copy each time.
 */
#include "config.h"

#include <adwaita.h>

#include "stw-window.h"
#include "stw-workspace-list.h"
#include "test-util.h"

static gboolean
has_workspace (gpointer data)
{
  return stw_window_get_workspace (STW_WINDOW (data)) != NULL;
}

/* A new window that ran "Open sample workspace"; the path it shows. */
static char *
open_sample (void)
{
  StwWindow *window = stw_window_new (NULL);
  char *path;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wait_until (is_allocated, window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-sample", NULL);
  g_assert_true (wait_until (has_workspace, window));
  path = g_strdup (stw_workspace_get_path (stw_window_get_workspace (window)));
  close_window (window);
  return path;
}

static void
test_open_sample_once (void)
{
  g_autofree char *home = make_test_home ("open-sample");
  g_autofree char *first = open_sample ();
  g_autofree char *second = open_sample ();
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (first, ==, second);
  list = stw_workspaces_list (&error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);

  remove_tree (home);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/open-sample/once", test_open_sample_once);

  return g_test_run ();
}
