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

G_END_DECLS
