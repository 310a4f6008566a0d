/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-closure-dialog.h: asks for the closure note when an item is marked
 * Done, from the editor, a board drag, a keyboard move or a bulk change.
 */
#pragma once

#include <adwaita.h>

#include "stw-workspace.h"

G_BEGIN_DECLS

/* Shows a modal dialog over @parent's window asking how @ref was closed
 * (@count > 1: "Close N items"). @initial_note prefills it. */
void  stw_closure_dialog_ask        (GtkWidget           *parent,
                                     const char          *ref,
                                     const char          *title,
                                     guint                count,
                                     const char          *initial_note,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
/* The note (never empty), or NULL with G_IO_ERROR_CANCELLED when the
 * person cancelled. */
char *stw_closure_dialog_ask_finish (GAsyncResult        *result,
                                     GError             **error);

/* The same question, and when @need_reason (closing risk treatment,
 * corrective actions or a workstream that requires evidence, with no
 * evidence attached) also why there is no evidence; Close stays disabled
 * until both are written. */
void  stw_closure_dialog_ask_full        (GtkWidget           *parent,
                                          const char          *ref,
                                          const char          *title,
                                          guint                count,
                                          const char          *initial_note,
                                          gboolean             need_reason,
                                          const char          *initial_reason,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
/* The same question about one stored @item of @workspace: when @need_reason,
 * the dialog also offers "Attach evidence…" (a file chooser); a file
 * attached there to @item meets the rule, and the reason is then no longer
 * asked (the answer's reason is NULL). Finish with
 * stw_closure_dialog_ask_full_finish(). */
void  stw_closure_dialog_ask_item        (GtkWidget           *parent,
                                          StwWorkspace        *workspace,
                                          StwItem             *item,
                                          const char          *initial_note,
                                          gboolean             need_reason,
                                          const char          *initial_reason,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
/* What the dialog's file chooser does with the files chosen (a list of
 * GFile): attaches them to the item, off the main thread. For tests, which
 * cannot answer a native file chooser. */
void  _stw_closure_dialog_attach_files   (AdwMessageDialog    *dialog,
                                          GList               *files);
/* TRUE with the note (and the reason, or NULL when not asked), or FALSE
 * with G_IO_ERROR_CANCELLED. */
gboolean stw_closure_dialog_ask_full_finish (GAsyncResult    *result,
                                             char           **note,
                                             char           **reason,
                                             GError         **error);

G_END_DECLS
