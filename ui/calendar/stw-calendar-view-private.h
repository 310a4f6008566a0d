/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-calendar-view-private.h: the calendar view's insides, for tests.
 */
#pragma once

#include "stw-calendar-cell.h"
#include "stw-calendar-view.h"

G_BEGIN_DECLS

/* Cell @index (0 … 41, row by row) of the grid. */
StwCalendarCell *_stw_calendar_view_get_cell        (StwCalendarView *self,
                                                     guint            index);
/* The cell showing @iso_date, or NULL when it is not in the grid. */
StwCalendarCell *_stw_calendar_view_find_cell       (StwCalendarView *self,
                                                     const char      *iso_date);
GtkLabel        *_stw_calendar_view_get_month_label (StwCalendarView *self);
GtkWidget       *_stw_calendar_view_get_button      (StwCalendarView *self,
                                                     const char      *name);
/* What a drop does: moves @item_id's due date to @iso_date, records it on
 * the undo stack and emits "changed", or emits "error". */
gboolean         _stw_calendar_view_reschedule      (StwCalendarView *self,
                                                     gint64           item_id,
                                                     const char      *iso_date);

G_END_DECLS
