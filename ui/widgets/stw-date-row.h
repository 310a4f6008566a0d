/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-date-row.h: an entry row for a calendar date, typed in the locale's
 * format or as YYYY-MM-DD, or picked from a calendar.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define STW_TYPE_DATE_ROW (stw_date_row_get_type ())
G_DECLARE_FINAL_TYPE (StwDateRow, stw_date_row, STW, DATE_ROW, AdwEntryRow)

GtkWidget  *stw_date_row_new      (void);
/* The date typed, as ISO "YYYY-MM-DD"; NULL when the row is empty or the
 * text is not a date. */
const char *stw_date_row_get_date (StwDateRow *self);
/* Shows ISO @date in the locale's format; NULL empties the row. */
void        stw_date_row_set_date (StwDateRow *self,
                                   const char *date);
/* TRUE when the row is empty or holds a valid date. */
gboolean    stw_date_row_get_valid (StwDateRow *self);
/* Why the text is not a date (with how to write one); NULL when valid. */
const char *stw_date_row_get_error (StwDateRow *self);

G_END_DECLS
