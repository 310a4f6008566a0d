/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-recurrence-row.h: the "Repeats" part of the item editor for
 * operational-plan items: how often the task repeats (does not repeat,
 * weekly, monthly, quarterly, half-yearly, yearly), every how many of those,
 * from which date, and a plain-language summary such as "Every 3 months
 * from 31 January; next after this one: 30 April".
 *
 * Wiring it into the item editor:
 *
 *   - It is an AdwPreferencesGroup: place it in the editor's column of
 *     groups, after the "Dates" group, and show it only for items of the
 *     operational plan (stw_workstream_get_kind () == STW_WORKSTREAM_PLAN).
 *   - When loading an item: stw_recurrence_row_set_recurrence (row,
 *     stw_item_get_recurrence (item)) and then
 *     stw_recurrence_row_set_due_date (row, stw_item_get_due_date (item)).
 *     Neither emits "changed".
 *   - Connect the due date row's "changed" to set_due_date with the new
 *     date: a repeating item that has no "from" date yet repeats from its
 *     due date, and keeps following it while the person has not typed
 *     another.
 *   - Connect "changed" to whatever marks the form modified.
 *   - When saving: stw_recurrence_row_get_recurrence (row, &r, error); on
 *     FALSE refuse to save and show error->message (it is
 *     STW_WORKSPACE_ERROR_INVALID, for example a missing "from" date);
 *     otherwise stw_item_set_recurrence (edited, &r).
 */
#pragma once

#include <adwaita.h>

#include "stw-recurrence.h"

G_BEGIN_DECLS

#define STW_TYPE_RECURRENCE_ROW (stw_recurrence_row_get_type ())
G_DECLARE_FINAL_TYPE (StwRecurrenceRow, stw_recurrence_row, STW, RECURRENCE_ROW, AdwPreferencesGroup)

/* Signals:
 *   "changed" (): the person changed the unit, the interval or the "from"
 *     date. Not emitted by the setters below.
 *
 * Accessible names: "Repeats" (the unit), "Every" (the interval's row; its
 * spin button is named after the unit, such as "Months between
 * occurrences"), "From" (the anchor date). */

GtkWidget  *stw_recurrence_row_new            (void);
/* Shows @recurrence; NULL means "does not repeat". */
void        stw_recurrence_row_set_recurrence (StwRecurrenceRow    *self,
                                               const StwRecurrence *recurrence);
/* The recurrence as the form holds it (STW_REPEAT_NONE with interval 0 and
 * no anchor when it does not repeat), or FALSE with
 * STW_WORKSPACE_ERROR_INVALID when it cannot be saved (no "from" date, or
 * one that is not a date). */
gboolean    stw_recurrence_row_get_recurrence (StwRecurrenceRow    *self,
                                               StwRecurrence       *out,
                                               GError             **error);
/* The item's due date ("YYYY-MM-DD" or NULL): the default "from" date, and
 * the occurrence the summary's "next after this one" counts from. */
void        stw_recurrence_row_set_due_date   (StwRecurrenceRow    *self,
                                               const char          *due_date);
/* The summary shown under the rows ("" when the item does not repeat). */
const char *stw_recurrence_row_get_summary    (StwRecurrenceRow    *self);

/* The summary for @recurrence, counting "next after this one" from
 * @due_date (or from the anchor when @due_date is NULL). Years are given
 * only for dates outside the current year. Pure: no display needed. */
char       *stw_recurrence_row_summarize      (const StwRecurrence *recurrence,
                                               const char          *due_date);

G_END_DECLS
