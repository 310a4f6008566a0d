/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-integrity-dialog.h: "Check workspace integrity…": re-reads the
 * workspace (SQLite's own integrity check, the history's hash chain, and
 * every stored evidence file re-hashed against its SHA-256) and shows what
 * it found, one row per finding, problems first in the error colour.
 *
 * The check runs in a worker thread on a connection of its own
 * (stw_workspace_open on the same file), so a workspace with gigabytes of
 * evidence does not freeze the window; the window's own workspace stays
 * usable meanwhile.
 *
 * Wiring: the window's action creates the dialog with the workspace's path
 * and presents it; it needs nothing else.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The check alone, GTask style: stw_workspace_check() on its own
 * connection in a worker thread. */
void      stw_integrity_check_async  (const char           *path,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
/* FALSE with @error when the check could not run (the file cannot be
 * opened); otherwise TRUE, with @intact and the report, one finding a
 * line. */
gboolean  stw_integrity_check_finish (GAsyncResult         *result,
                                      gboolean             *intact,
                                      char                **report,
                                      GError              **error);

#define STW_TYPE_INTEGRITY_DIALOG (stw_integrity_dialog_get_type ())
G_DECLARE_FINAL_TYPE (StwIntegrityDialog, stw_integrity_dialog, STW, INTEGRITY_DIALOG, AdwMessageDialog)

/* Starts checking the workspace at @path at once. */
GtkWidget  *stw_integrity_dialog_new             (GtkWindow          *parent,
                                                  const char         *path);
/* "running", "intact", "problems" or "failed" (the check could not run). */
const char *stw_integrity_dialog_get_state       (StwIntegrityDialog *self);
/* The findings that are problems (0 while running or when intact). */
guint       stw_integrity_dialog_get_n_problems  (StwIntegrityDialog *self);
/* The report as the core wrote it; NULL while running. */
const char *stw_integrity_dialog_get_report      (StwIntegrityDialog *self);

G_END_DECLS
