/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-pane.h: what the editors beside a page share when the window is
 * narrow (issue 9, point 19). An editor sits in an AdwFlap at the page's
 * end; when the flap folds, the editor covers the page, so it takes the
 * page's whole width and is left by a back button, as a page of its own.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Makes @pane fill its folded flap (or gives it back its own width) and
 * shows @back_button in place of @close_button while @folded. */
void stw_pane_set_folded (GtkWidget *pane,
                          GtkWidget *back_button,
                          GtkWidget *close_button,
                          gboolean   folded);

G_END_DECLS
