/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-calendar-chip.h: one item on a calendar day: reference and title,
 * marked when overdue, struck through when done. Activating it (click,
 * Enter) runs "calendar.open-item" with the item id; dragging it carries
 * the item id (G_TYPE_INT64) to another day.
 */
#pragma once

#include <gtk/gtk.h>

#include "stw-item.h"

G_BEGIN_DECLS

#define STW_TYPE_CALENDAR_CHIP (stw_calendar_chip_get_type ())
G_DECLARE_FINAL_TYPE (StwCalendarChip, stw_calendar_chip, STW, CALENDAR_CHIP, GtkWidget)

GtkWidget *stw_calendar_chip_new         (void);
StwItem   *stw_calendar_chip_get_item    (StwCalendarChip *self);
gint64     stw_calendar_chip_get_item_id (StwCalendarChip *self);
/* Shows @item as of @today ("YYYY-MM-DD", for the overdue mark). */
void       stw_calendar_chip_set_item    (StwCalendarChip *self,
                                          StwItem         *item,
                                          const char      *today);
void       stw_calendar_chip_set_selected (StwCalendarChip *self,
                                           gboolean         selected);
/* The nearest chip at or above @widget, or NULL. */
StwCalendarChip *stw_calendar_chip_find_ancestor (GtkWidget *widget);

G_END_DECLS
