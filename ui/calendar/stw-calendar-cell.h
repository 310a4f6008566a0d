/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-calendar-cell.h: one day of the calendar's month grid: the day
 * number, as many item chips as fit, and a "+N" button opening a popover
 * with all of the day's items. Items dropped on it are reported with
 * "item-dropped" (gint64 item_id).
 */
#pragma once

#include <gtk/gtk.h>

#include "stw-calendar-chip.h"

G_BEGIN_DECLS

#define STW_TYPE_CALENDAR_CELL (stw_calendar_cell_get_type ())
G_DECLARE_FINAL_TYPE (StwCalendarCell, stw_calendar_cell, STW, CALENDAR_CELL, GtkWidget)

GtkWidget       *stw_calendar_cell_new          (void);
/* @in_month: the day belongs to the month shown (others are dimmed). */
void             stw_calendar_cell_set_date     (StwCalendarCell *self,
                                                 const GDate     *date,
                                                 gboolean         in_month,
                                                 gboolean         is_today);
const GDate     *stw_calendar_cell_get_date     (StwCalendarCell *self);
/* "YYYY-MM-DD" of the day. */
const char      *stw_calendar_cell_get_iso_date (StwCalendarCell *self);
/* The day's items (StwItem), in the order shown; the cell keeps a
 * reference to @items. Chips are re-used; nothing is rebuilt when the
 * items are the same objects as before. */
void             stw_calendar_cell_set_items    (StwCalendarCell *self,
                                                 GPtrArray       *items,
                                                 const char      *today);
guint            stw_calendar_cell_get_n_items  (StwCalendarCell *self);
/* How many chips the last allocation showed, and how many items the "+N"
 * button stands for (0 when everything fits). */
guint            stw_calendar_cell_get_n_shown  (StwCalendarCell *self);
guint            stw_calendar_cell_get_n_hidden (StwCalendarCell *self);
GtkWidget       *stw_calendar_cell_get_overflow_button (StwCalendarCell *self);
/* The chip showing @item_id in the cell, or NULL when it is not shown
 * (not here, or behind "+N"). */
StwCalendarChip *stw_calendar_cell_find_chip    (StwCalendarCell *self,
                                                 gint64           item_id);
gboolean         stw_calendar_cell_has_item     (StwCalendarCell *self,
                                                 gint64           item_id);
/* Marks @item_id's chip as selected (0: none). */
void             stw_calendar_cell_set_selected (StwCalendarCell *self,
                                                 gint64           item_id);
/* Focuses the chip of @item_id; when it is hidden behind "+N", opens the
 * day's popover and focuses it there. FALSE when the item is not here. */
gboolean         stw_calendar_cell_focus_item   (StwCalendarCell *self,
                                                 gint64           item_id);
/* Opens / closes the day's popover. */
void             stw_calendar_cell_show_overflow (StwCalendarCell *self);
void             stw_calendar_cell_hide_overflow (StwCalendarCell *self);
/* The popover's chips, for tests: NULL when it was never opened. */
GtkWidget       *stw_calendar_cell_get_popover  (StwCalendarCell *self);

G_END_DECLS
