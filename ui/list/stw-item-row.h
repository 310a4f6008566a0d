/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-item-row.h: one item in the item list.
 */
#pragma once

#include <gtk/gtk.h>

#include "stw-item-widget.h"

G_BEGIN_DECLS

#define STW_TYPE_ITEM_ROW (stw_item_row_get_type ())
G_DECLARE_FINAL_TYPE (StwItemRow, stw_item_row, STW, ITEM_ROW, StwItemWidget)

GtkWidget *stw_item_row_new      (void);
StwItem   *stw_item_row_get_item (StwItemRow *self);
/* @today ("YYYY-MM-DD") decides whether the item shows as overdue. */
void       stw_item_row_set_item (StwItemRow *self,
                                  StwItem    *item,
                                  const char *today);

G_END_DECLS
