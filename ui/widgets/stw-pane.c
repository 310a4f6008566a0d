/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-pane.c: an editor pane that becomes a page when its flap folds
 * (see stw-pane.h).
 */
#include "config.h"

#include "stw-pane.h"

void
stw_pane_set_folded (GtkWidget *pane,
                     GtkWidget *back_button,
                     GtkWidget *close_button,
                     gboolean   folded)
{
  g_return_if_fail (GTK_IS_WIDGET (pane));

  /* A folded AdwFlap gives an expanding flap all its width and any other
   * its natural width, which would leave a strip of the page showing
   * beside the editor. Unfolded, the pane expands as its children say,
   * as it always did. */
  if (folded)
    gtk_widget_set_hexpand (pane, TRUE);
  else
    gtk_widget_set_hexpand_set (pane, FALSE);
  gtk_widget_set_visible (back_button, folded);
  gtk_widget_set_visible (close_button, !folded);
}
