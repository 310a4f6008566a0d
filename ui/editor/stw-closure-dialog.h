/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-closure-dialog.h: asks for the closure note when an item is marked
 * Done, from the editor, a board drag, a keyboard move or a bulk change.
 */
#pragma once

#include <gtk/gtk.h>

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
/* TRUE with the note (and the reason, or NULL when not asked), or FALSE
 * with G_IO_ERROR_CANCELLED. */
gboolean stw_closure_dialog_ask_full_finish (GAsyncResult    *result,
                                             char           **note,
                                             char           **reason,
                                             GError         **error);

G_END_DECLS
