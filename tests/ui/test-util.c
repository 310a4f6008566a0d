/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-util.c: the C UI tests' shared fixture code (see test-util.h). It
 * is built into each test program, so every test sets up, waits and finds
 * widgets the same way.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "stw-sample.h"
#include "stw-workspace-list.h"
#include "test-util.h"

/* The main loop */

void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

void
run_for (guint msec)
{
  gint64 until = g_get_monotonic_time () + (gint64) msec * 1000;

  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

gboolean
wait_until (TestCheck check,
            gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

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

gboolean
is_allocated (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

/* Files and workspaces */

char *
make_test_home (const char *name)
{
  g_autofree char *template = g_strdup_printf ("steward-test-%s-XXXXXX", name);
  char *home = g_dir_make_tmp (template, NULL);

  g_assert_nonnull (home);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  return home;
}

void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      /* A link to a folder goes, not what it points to. */
      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        {
          g_chmod (child, 0600);
          g_unlink (child);
        }
    }
  g_rmdir (path);
}

StwWorkspace *
create_workspace (const char *dir,
                  const char *prefix,
                  const char *organisation,
                  const char *actor)
{
  static guint counter;
  g_autofree char *name = g_strdup_printf ("%s-%u.steward", prefix, ++counter);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  StwWorkspace *workspace = stw_workspace_create (path, organisation, actor, &error);

  g_assert_no_error (error);
  g_assert_nonnull (workspace);

  return workspace;
}

gint64
insert_item (StwWorkspace *workspace,
             StwItem      *item)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (stw_workspace_insert_item (workspace, item, &error));
  g_assert_no_error (error);

  return stw_item_get_id (item);
}

gint64
find_workstream_id (StwWorkspace      *workspace,
                    StwWorkstreamKind  kind)
{
  GListModel *workstreams = stw_workspace_get_workstreams (workspace);

  for (guint i = 0; i < g_list_model_get_n_items (workstreams); i++)
    {
      g_autoptr(StwWorkstream) workstream = g_list_model_get_item (workstreams, i);

      if (stw_workstream_get_kind (workstream) == kind)
        return stw_workstream_get_id (workstream);
    }
  g_assert_not_reached ();

  return 0;
}

/* The main window */

StwWindow *
open_sample_window (const char  *data_home,
                    char       **path_out)
{
  g_autoptr(StwWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  StwWindow *window;

  remove_tree (data_home);

  path = stw_workspaces_new_path ("Sample");
  workspace = stw_sample_create (path, 0, &error);
  g_assert_no_error (error);
  g_clear_object (&workspace);

  window = stw_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (stw_window_open_workspace (window, path, &error));
  g_assert_no_error (error);
  g_assert_true (wait_until (is_allocated, window));

  if (path_out != NULL)
    *path_out = g_steal_pointer (&path);

  return window;
}

void
close_window (StwWindow *window)
{
  run_for (1000);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* Finding widgets */

GtkWidget *
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

GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = G_TYPE_CHECK_INSTANCE_TYPE (child, type) ? child : find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

void
collect_type (GtkWidget *root,
              GType      type,
              GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (out, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_type (child, type, out);
}

static GtkWindow *
find_window (GType    type,
             gboolean shown)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && (!shown || gtk_widget_get_visible (GTK_WIDGET (window))))
        return window;
    }

  return NULL;
}

GtkWindow *
find_toplevel (GType type)
{
  return find_window (type, FALSE);
}

GtkWindow *
find_shown_toplevel (GType type)
{
  return find_window (type, TRUE);
}

/* Signal recorders */

void
record_message_cb (gpointer    emitter,
                   const char *message,
                   GPtrArray  *messages)
{
  g_ptr_array_add (messages, g_strdup (message));
}

void
record_id_cb (gpointer  emitter,
              gint64    id,
              gint64   *out)
{
  *out = id;
}
