/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-workstream-dialog.h: creates a custom workstream (name, reference
 * prefix, owner, colour, whether closing needs evidence) or edits the
 * settings of any workstream. It saves through the workspace itself and
 * shows the core's errors inline, so the caller only reacts to "done".
 *
 * Wiring it into the window:
 *
 *   - A "win.new-workstream" action (sidebar "+" button):
 *       GtkWidget *dialog = stw_workstream_dialog_new (GTK_WINDOW (win), workspace, 0);
 *       g_signal_connect_object (dialog, "done", G_CALLBACK (workstream_done_cb), win, G_CONNECT_SWAPPED);
 *       gtk_window_present (GTK_WINDOW (dialog));
 *   - A "win.edit-workstream" action (int64 parameter: the workstream id,
 *     e.g. from the sidebar row's context menu or the view's menu): the
 *     same with the id.
 *   - workstream_done_cb (win, gint64 workstream_id): select that
 *     workstream in the sidebar (a new one is appended to
 *     stw_workspace_get_workstreams(); an edited one changes in place) and
 *     show a toast. The dialog closes itself after "done"; Cancel and
 *     Escape close it without a signal.
 */
#pragma once

#include <adwaita.h>

#include "stw-workspace.h"

G_BEGIN_DECLS

#define STW_TYPE_WORKSTREAM_DIALOG (stw_workstream_dialog_get_type ())
G_DECLARE_FINAL_TYPE (StwWorkstreamDialog, stw_workstream_dialog, STW, WORKSTREAM_DIALOG, AdwWindow)

/* Signals:
 *   "done" (gint64 workstream_id): the workstream was created or saved.
 *
 * Actions (on the dialog): workstream.save (Create or Save; disabled while
 * the name is empty or the prefix is not valid).
 */

/* A dialog over @parent for the workstream @workstream_id of @workspace,
 * or for a new custom workstream when 0. */
GtkWidget    *stw_workstream_dialog_new              (GtkWindow           *parent,
                                                      StwWorkspace        *workspace,
                                                      gint64               workstream_id);
StwWorkspace *stw_workstream_dialog_get_workspace    (StwWorkstreamDialog *self);
/* The workstream edited; 0 until a new one has been created. */
gint64        stw_workstream_dialog_get_workstream_id (StwWorkstreamDialog *self);

G_END_DECLS
