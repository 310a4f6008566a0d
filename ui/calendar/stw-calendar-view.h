/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-calendar-view.h: a workstream's items on their due dates, one month
 * as a grid of six weeks; drag (or Alt+Shift+Left/Right) to reschedule.
 */
#pragma once

#include <gtk/gtk.h>

#include "stw-undo.h"
#include "stw-workspace.h"

G_BEGIN_DECLS

#define STW_TYPE_CALENDAR_VIEW (stw_calendar_view_get_type ())
G_DECLARE_FINAL_TYPE (StwCalendarView, stw_calendar_view, STW, CALENDAR_VIEW, GtkWidget)

/* Signals:
 *   "item-activated" (gint64 item_id): the person opened an item.
 *   "changed" (const char *message): the view changed an item and pushed
 *     the change on the undo stack; @message says what ("T-004 moved to
 *     3 March").
 *   "error" (const char *message): a change was refused.
 *
 * Actions (on the widget; the shortcuts work while the focus is in it):
 *   calendar.previous-month / calendar.next-month  Page Up / Page Down
 *   calendar.today                                  Ctrl+T, Home
 *   calendar.move-earlier / calendar.move-later     Alt+Shift+Left / Right:
 *     the focused (or selected) item's due date one day earlier / later.
 *   calendar.move-week-earlier / -week-later        Alt+Shift+Up / Down:
 *     the same by a week.
 *   calendar.open-item (int64 item id): emits "item-activated". */

GtkWidget *stw_calendar_view_new            (void);
/* Shows the items of @workstream_id in @workspace (NULL empties the view).
 * Changes are pushed on @undo, the window's one stack. */
void       stw_calendar_view_set_workstream (StwCalendarView *self,
                                             StwWorkspace    *workspace,
                                             StwUndoStack    *undo,
                                             gint64           workstream_id);
/* Selects the item's chip, turning to its due date's month when that day
 * is not in the grid, and focuses it when the view is shown (0: none). */
void       stw_calendar_view_select_item    (StwCalendarView *self,
                                             gint64           item_id);
/* The month shown: any date in it ("YYYY-MM-DD"); NULL or invalid = today. */
void       stw_calendar_view_set_month      (StwCalendarView *self,
                                             const char      *date);
/* The first day of the month shown, "YYYY-MM-DD" (newly allocated). */
char      *stw_calendar_view_dup_month      (StwCalendarView *self);

G_END_DECLS
