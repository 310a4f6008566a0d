/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-calendar-grid.c: date arithmetic of the calendar's month grid. Pure
 * functions over GDate; the only outside fact is the locale's first day of
 * the week, read from glibc the way GNOME Calendar does.
 */
#include "config.h"

#include <langinfo.h>
#include <stdio.h>
#include <string.h>

#include "stw-calendar-grid.h"

/* glibc's reference dates for _NL_TIME_WEEK_1STDAY. */
#define WEEK_1STDAY_SUNDAY 19971130
#define WEEK_1STDAY_MONDAY 19971201

/* Helpers */

static void
clear_date (GDate *date)
{
  g_date_clear (date, 1);
}

/* Public API */

guint
stw_calendar_grid_first_weekday_from_langinfo (int   first_weekday,
                                               guint week_1stday)
{
  guint origin;

  /* _NL_TIME_FIRST_WEEKDAY counts from 1 starting at the weekday of
   * _NL_TIME_WEEK_1STDAY: en_US says (1, Sunday) = Sunday, de_DE says
   * (2, Sunday) = Monday. */
  if (week_1stday == WEEK_1STDAY_SUNDAY)
    origin = 0;
  else if (week_1stday == WEEK_1STDAY_MONDAY)
    origin = 1;
  else
    return 0;

  if (first_weekday < 1 || first_weekday > 7)
    return 0;

  return (origin + (guint) first_weekday - 1) % 7;
}

guint
stw_calendar_grid_locale_first_weekday (void)
{
#if defined(__GLIBC__) && defined(_NL_TIME_FIRST_WEEKDAY) && defined(_NL_TIME_WEEK_1STDAY)
  union { unsigned int word; char *string; } info;
  int first_weekday;
  guint week_1stday;

  info.string = nl_langinfo (_NL_TIME_FIRST_WEEKDAY);
  first_weekday = info.string != NULL ? info.string[0] : 1;
  info.string = nl_langinfo (_NL_TIME_WEEK_1STDAY);
  week_1stday = info.word;

  return stw_calendar_grid_first_weekday_from_langinfo (first_weekday, week_1stday);
#else
  /* Without glibc's extensions, Sunday is what most locales' C library
   * calendars start on. */
  return 0;
#endif
}

guint
stw_calendar_grid_weekday (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), 0);

  /* GDateWeekday is 1 = Monday … 7 = Sunday. */
  return g_date_get_weekday (date) % 7;
}

guint
stw_calendar_grid_column_weekday (guint first_weekday,
                                  guint column)
{
  return (first_weekday + column) % 7;
}

void
stw_calendar_grid_first_day (guint  year,
                             guint  month,
                             guint  first_weekday,
                             GDate *first_day)
{
  guint weekday;
  guint back;

  g_return_if_fail (first_day != NULL);
  g_return_if_fail (month >= 1 && month <= 12);
  g_return_if_fail (first_weekday <= 6);

  clear_date (first_day);
  g_date_set_dmy (first_day, 1, (GDateMonth) month, (GDateYear) year);
  weekday = stw_calendar_grid_weekday (first_day);
  back = (weekday + 7 - first_weekday) % 7;
  if (back > 0)
    g_date_subtract_days (first_day, back);
}

void
stw_calendar_grid_cell_date (const GDate *first_day,
                             guint        cell,
                             GDate       *date)
{
  g_return_if_fail (first_day != NULL && g_date_valid (first_day));
  g_return_if_fail (date != NULL);

  *date = *first_day;
  g_date_add_days (date, cell);
}

int
stw_calendar_grid_cell_of (const GDate *first_day,
                           const GDate *date)
{
  int days;

  g_return_val_if_fail (first_day != NULL && g_date_valid (first_day), -1);
  g_return_val_if_fail (date != NULL, -1);

  if (!g_date_valid (date))
    return -1;

  days = g_date_days_between (first_day, date);
  if (days < 0 || days >= STW_CALENDAR_GRID_CELLS)
    return -1;

  return days;
}

int
stw_calendar_grid_cell_of_iso (const GDate *first_day,
                               const char  *iso_date)
{
  GDate date;

  if (!stw_calendar_grid_parse_iso (iso_date, &date))
    return -1;

  return stw_calendar_grid_cell_of (first_day, &date);
}

void
stw_calendar_grid_range (guint year,
                         guint month,
                         guint first_weekday,
                         char  from[11],
                         char  to[11])
{
  GDate first, last;

  stw_calendar_grid_first_day (year, month, first_weekday, &first);
  stw_calendar_grid_cell_date (&first, STW_CALENDAR_GRID_CELLS - 1, &last);
  stw_calendar_grid_format_iso (&first, from);
  stw_calendar_grid_format_iso (&last, to);
}

gboolean
stw_calendar_grid_parse_iso (const char *iso_date,
                             GDate      *date)
{
  guint year, month, day;
  char end;

  g_return_val_if_fail (date != NULL, FALSE);

  clear_date (date);
  if (iso_date == NULL || strlen (iso_date) != 10 || iso_date[4] != '-' || iso_date[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (iso_date[i]))
      return FALSE;
  if (sscanf (iso_date, "%4u-%2u-%2u%c", &year, &month, &day, &end) != 3)
    return FALSE;
  if (year < 1 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

void
stw_calendar_grid_format_iso (const GDate *date,
                              char         out[11])
{
  g_return_if_fail (date != NULL && g_date_valid (date));

  g_snprintf (out, 11, "%04u-%02u-%02u",
              (guint) g_date_get_year (date),
              (guint) g_date_get_month (date),
              (guint) g_date_get_day (date));
}

void
stw_calendar_grid_add_months (GDate *date,
                              int    months)
{
  g_return_if_fail (date != NULL && g_date_valid (date));

  /* The first of the month first, so 31 January + 1 month is not clamped
   * to a day that then drifts. */
  g_date_set_day (date, 1);
  if (months >= 0)
    g_date_add_months (date, (guint) months);
  else
    g_date_subtract_months (date, (guint) -months);
}
