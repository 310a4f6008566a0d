/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-workstream-row.h: a sidebar row for one workstream: its icon (or,
 * for a custom workstream, a dot in its colour), name and counts, and its
 * menu on a right click, a long press, Shift+F10 or the Menu key.
 */
#pragma once

#include <gtk/gtk.h>

#include "stw-workstream.h"

G_BEGIN_DECLS

#define STW_TYPE_WORKSTREAM_ROW (stw_workstream_row_get_type ())
G_DECLARE_FINAL_TYPE (StwWorkstreamRow, stw_workstream_row, STW, WORKSTREAM_ROW, GtkListBoxRow)

GtkWidget     *stw_workstream_row_new            (StwWorkstream    *workstream);
StwWorkstream *stw_workstream_row_get_workstream (StwWorkstreamRow *self);
/* Shows the workstream's name and colour again (call after its settings
 * were saved: the workstream announces a new name, not a new colour). */
void           stw_workstream_row_update         (StwWorkstreamRow *self);

/* What a workstream's menu offers (the row's and the window header's):
 * its settings, for the operational plan the yearly roll-forward and the
 * template, and with @offer_new a new workstream. */
GMenuModel    *stw_workstream_menu_new           (StwWorkstream    *workstream,
                                                  gboolean          offer_new);

G_END_DECLS
