/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-workspace-rows.h: the lists of workspaces to open, on the first-run
 * page and in the sidebar's workspace menu. Each row names the
 * organisation and the file, marks the workspace open now, and opens its
 * workspace when activated (win.open-workspace).
 */
#pragma once

#include <gtk/gtk.h>

#include "stw-workspace.h"

G_BEGIN_DECLS

/* Lists the workspaces found in @list, @open (or NULL) marked as open
 * now. Returns how many there are; on error, @list is emptied. */
guint stw_workspace_rows_fill (GtkListBox    *list,
                               StwWorkspace  *open,
                               GError       **error);

G_END_DECLS
