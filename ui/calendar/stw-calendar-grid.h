/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-calendar-grid.h: the date arithmetic behind the calendar's month
 * grid, with no widgets, so it is tested without a display. A month is
 * shown as six weeks of seven days (42 cells, row by row) starting on the
 * locale's first day of the week.
 *
 * Weekdays are numbered 0 = Sunday … 6 = Saturday, as in struct tm.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define STW_CALENDAR_GRID_WEEKS 6
#define STW_CALENDAR_GRID_CELLS (STW_CALENDAR_GRID_WEEKS * 7)

/* The first day of the week from the two glibc locale facts:
 * @first_weekday is _NL_TIME_FIRST_WEEKDAY (1 = the day of
 * @week_1stday), @week_1stday is _NL_TIME_WEEK_1STDAY, a date such as
 * 19971130 (a Sunday) or 19971201 (a Monday). Unknown values give Sunday. */
guint    stw_calendar_grid_first_weekday_from_langinfo (int   first_weekday,
                                                        guint week_1stday);
/* The first day of the week of the current LC_TIME locale. */
guint    stw_calendar_grid_locale_first_weekday        (void);

/* 0 = Sunday … 6 = Saturday. */
guint    stw_calendar_grid_weekday                     (const GDate *date);
/* The weekday shown in grid column @column (0 … 6). */
guint    stw_calendar_grid_column_weekday              (guint        first_weekday,
                                                        guint        column);

/* The date in the first cell of the grid for @month (1 … 12) of @year:
 * the month's first day, or the last day before it that is a
 * @first_weekday. */
void     stw_calendar_grid_first_day                   (guint        year,
                                                        guint        month,
                                                        guint        first_weekday,
                                                        GDate       *first_day);
/* The date of cell @cell (0 … 41) of the grid starting on @first_day. */
void     stw_calendar_grid_cell_date                   (const GDate *first_day,
                                                        guint        cell,
                                                        GDate       *date);
/* The cell (0 … 41) of @date in the grid starting on @first_day, or -1
 * when it is not shown. */
int      stw_calendar_grid_cell_of                     (const GDate *first_day,
                                                        const GDate *date);
/* Same for an ISO date "YYYY-MM-DD"; -1 for NULL or an invalid date. */
int      stw_calendar_grid_cell_of_iso                 (const GDate *first_day,
                                                        const char  *iso_date);

/* The first and last dates shown for a month, as "YYYY-MM-DD" (the buffers
 * hold 11 bytes), the range an item filter's due_from / due_to takes. */
void     stw_calendar_grid_range                       (guint        year,
                                                        guint        month,
                                                        guint        first_weekday,
                                                        char         from[11],
                                                        char         to[11]);

/* ISO dates: "YYYY-MM-DD" to a GDate (FALSE when not a real date) and back
 * (@out holds 11 bytes). */
gboolean stw_calendar_grid_parse_iso                   (const char  *iso_date,
                                                        GDate       *date);
void     stw_calendar_grid_format_iso                  (const GDate *date,
                                                        char         out[11]);
/* Moves @date by @months (negative: back) to the first day of that month. */
void     stw_calendar_grid_add_months                  (GDate       *date,
                                                        int          months);

G_END_DECLS
