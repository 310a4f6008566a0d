/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-recurrence.h: when recurring control work falls due.
 *
 * A recurrence is a unit (week, month, quarter, half-year, year), an
 * interval ("every 2 months") and an anchor date. Occurrence k falls on
 * anchor + k × interval units; for month-based units the day of the month
 * is the anchor's, clamped to the month's length, so an anchor of 31
 * January gives 28 or 29 February and then 31 March again, and an anchor of
 * 29 February gives 28 February in common years.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  STW_REPEAT_NONE,
  STW_REPEAT_WEEKLY,
  STW_REPEAT_MONTHLY,
  STW_REPEAT_QUARTERLY,
  STW_REPEAT_HALF_YEARLY,
  STW_REPEAT_YEARLY,
} StwRepeatUnit;

#define STW_N_REPEAT_UNITS 6
#define STW_RECURRENCE_MAX_INTERVAL 99

typedef struct {
  StwRepeatUnit unit;
  guint         interval;    /* 1 … STW_RECURRENCE_MAX_INTERVAL */
  char          anchor[11];  /* "YYYY-MM-DD" */
} StwRecurrence;

const char *stw_repeat_unit_to_key        (StwRepeatUnit        unit);
gboolean    stw_repeat_unit_from_key      (const char          *key,
                                           StwRepeatUnit       *unit);
/* A recurrence that is not NONE must have a valid anchor and an interval
 * from 1 to 99; errors are STW_WORKSPACE_ERROR_INVALID. */
gboolean    stw_recurrence_validate       (const StwRecurrence *recurrence,
                                           GError             **error);
/* Occurrence @k (0 is the anchor), or NULL past year 9999. */
char       *stw_recurrence_occurrence     (const StwRecurrence *recurrence,
                                           guint                k);
/* The first occurrence strictly after @date. */
char       *stw_recurrence_next_after     (const StwRecurrence *recurrence,
                                           const char          *date);
/* Every occurrence from @from to @to inclusive, as a NULL-terminated array. */
GStrv       stw_recurrence_between        (const StwRecurrence *recurrence,
                                           const char          *from,
                                           const char          *to);
/* "Every month", "Every 2 weeks" … for people (translated). */
char       *stw_recurrence_describe       (const StwRecurrence *recurrence);
/* Compact form kept in history: "monthly/1/2027-01-31", or "" for none. */
char       *stw_recurrence_to_string      (const StwRecurrence *recurrence);

/* The ISMS year that contains @date when the year starts in @start_month:
 * its first and last day. */
void        stw_cycle_for_date            (const char          *date,
                                           guint                start_month,
                                           char               **first_day,
                                           char               **last_day);

G_END_DECLS
