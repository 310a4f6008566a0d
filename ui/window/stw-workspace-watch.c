/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-workspace-watch.c: catching up with other processes' writes (see
 * stw-workspace-watch.h).
 *
 * Every commit in WAL mode writes the -wal file, so a file monitor on it
 * hears of a command line attach at once, even while the window is in the
 * background. inotify may report a burst of changes for one commit (and
 * for our own commits too), so the refresh waits a moment and runs once;
 * it costs one PRAGMA when nothing is new. The timer while the window is
 * active covers what a monitor cannot promise (no inotify, a file system
 * that does not report changes).
 */
#include "config.h"

#include "stw-workspace-watch.h"

/* Long enough to gather one commit's burst of notices. */
#define SETTLE_MS 150
#define POLL_SECONDS 1

struct _StwWorkspaceWatch
{
  GObject       parent_instance;

  StwWorkspace *workspace;
  GFileMonitor *monitor;
  guint         settle_id;
  guint         poll_id;
};

G_DEFINE_FINAL_TYPE (StwWorkspaceWatch, stw_workspace_watch, G_TYPE_OBJECT)

/* Helpers */

static void
refresh (StwWorkspaceWatch *self)
{
  g_autoptr(GError) error = NULL;

  if (self->workspace == NULL)
    return;
  /* A file that cannot be read now is reported by the next write or
   * open; a message every second would say nothing new. */
  if (!stw_workspace_refresh (self->workspace, &error))
    g_debug ("Could not catch up with the workspace: %s", error->message);
}

/* Callbacks */

static gboolean
settled_cb (gpointer user_data)
{
  StwWorkspaceWatch *self = user_data;

  self->settle_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
log_changed_cb (GFileMonitor      *monitor,
                GFile             *file,
                GFile             *other_file,
                GFileMonitorEvent  event,
                StwWorkspaceWatch *self)
{
  if (self->settle_id == 0)
    self->settle_id = g_timeout_add (SETTLE_MS, settled_cb, self);
}

static gboolean
poll_cb (gpointer user_data)
{
  refresh (user_data);
  return G_SOURCE_CONTINUE;
}

static void
window_workspace_changed_cb (GtkWindow         *window,
                             GParamSpec        *pspec,
                             StwWorkspaceWatch *self)
{
  g_autoptr(StwWorkspace) workspace = NULL;

  g_object_get (window, "workspace", &workspace, NULL);
  stw_workspace_watch_set_workspace (self, workspace);
}

static void
window_active_changed_cb (GtkWindow         *window,
                          GParamSpec        *pspec,
                          StwWorkspaceWatch *self)
{
  stw_workspace_watch_set_active (self, gtk_window_is_active (window));
}

/* Overrides */

static void
stw_workspace_watch_dispose (GObject *object)
{
  StwWorkspaceWatch *self = STW_WORKSPACE_WATCH (object);

  stw_workspace_watch_set_workspace (self, NULL);
  g_clear_handle_id (&self->poll_id, g_source_remove);

  G_OBJECT_CLASS (stw_workspace_watch_parent_class)->dispose (object);
}

static void
stw_workspace_watch_class_init (StwWorkspaceWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = stw_workspace_watch_dispose;
}

static void
stw_workspace_watch_init (StwWorkspaceWatch *self)
{
}

/* Public API */

StwWorkspaceWatch *
stw_workspace_watch_new (void)
{
  return g_object_new (STW_TYPE_WORKSPACE_WATCH, NULL);
}

void
stw_workspace_watch_set_workspace (StwWorkspaceWatch *self,
                                   StwWorkspace      *workspace)
{
  g_autofree char *log_path = NULL;
  g_autoptr(GFile) log = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (STW_IS_WORKSPACE_WATCH (self));
  g_return_if_fail (workspace == NULL || STW_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_clear_handle_id (&self->settle_id, g_source_remove);
  g_set_object (&self->workspace, workspace);
  if (workspace == NULL)
    return;

  log_path = g_strconcat (stw_workspace_get_path (workspace), "-wal", NULL);
  log = g_file_new_for_path (log_path);
  self->monitor = g_file_monitor_file (log, G_FILE_MONITOR_NONE, NULL, &error);
  if (self->monitor == NULL)
    {
      /* The timer still catches up while the window is in use. */
      g_debug ("Cannot watch %s: %s", log_path, error->message);
      return;
    }
  g_signal_connect (self->monitor, "changed", G_CALLBACK (log_changed_cb), self);
}

void
stw_workspace_watch_set_active (StwWorkspaceWatch *self,
                                gboolean           active)
{
  g_return_if_fail (STW_IS_WORKSPACE_WATCH (self));

  if (active == (self->poll_id != 0))
    return;
  if (!active)
    {
      g_clear_handle_id (&self->poll_id, g_source_remove);
      return;
    }
  /* Coming back to the window shows at once what was done meanwhile. */
  refresh (self);
  self->poll_id = g_timeout_add_seconds (POLL_SECONDS, poll_cb, self);
}

void
stw_workspace_watch_attach (GtkWindow *window)
{
  StwWorkspaceWatch *self;

  g_return_if_fail (GTK_IS_WINDOW (window));

  self = stw_workspace_watch_new ();
  g_object_set_data_full (G_OBJECT (window), "stw-workspace-watch", self, g_object_unref);
  g_signal_connect_object (window, "notify::workspace", G_CALLBACK (window_workspace_changed_cb), self, 0);
  g_signal_connect_object (window, "notify::is-active", G_CALLBACK (window_active_changed_cb), self, 0);
  window_workspace_changed_cb (window, NULL, self);
  window_active_changed_cb (window, NULL, self);
}
