/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-workspace-watch.h: keeps a window's workspace current while other
 * processes write to the same file (`steward attach`, `steward sample`, a
 * second window): what they commit shows within about a second, through
 * the store's usual change signals (stw_workspace_refresh()).
 */
#pragma once

#include <gtk/gtk.h>

#include "stw-workspace.h"

G_BEGIN_DECLS

#define STW_TYPE_WORKSPACE_WATCH (stw_workspace_watch_get_type ())
G_DECLARE_FINAL_TYPE (StwWorkspaceWatch, stw_workspace_watch, STW, WORKSPACE_WATCH, GObject)

StwWorkspaceWatch *stw_workspace_watch_new           (void);
/* Watches @workspace (NULL: nothing): its write-ahead log, which every
 * commit by any process writes to. */
void               stw_workspace_watch_set_workspace (StwWorkspaceWatch *self,
                                                      StwWorkspace      *workspace);
/* While @active (the window has the focus) it also looks every second,
 * in case a change notice was missed, and at once when it becomes active. */
void               stw_workspace_watch_set_active    (StwWorkspaceWatch *self,
                                                      gboolean           active);

/* Gives @window a watch that follows its "workspace" and "is-active"
 * properties for as long as the window lives. */
void               stw_workspace_watch_attach        (GtkWindow         *window);

G_END_DECLS
