/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-date-row.h: an entry row for a calendar date, typed as YYYY-MM-DD or
 * picked from a calendar.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define STW_TYPE_DATE_ROW (stw_date_row_get_type ())
G_DECLARE_FINAL_TYPE (StwDateRow, stw_date_row, STW, DATE_ROW, AdwEntryRow)

GtkWidget  *stw_date_row_new      (void);
/* The date typed, or NULL when the row is empty or the text is not a date. */
const char *stw_date_row_get_date (StwDateRow *self);
void        stw_date_row_set_date (StwDateRow *self,
                                   const char *date);
/* TRUE when the row is empty or holds a valid date. */
gboolean    stw_date_row_get_valid (StwDateRow *self);

G_END_DECLS
