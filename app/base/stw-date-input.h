/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-date-input.h: dates as people type and read them. Workspaces, the
 * command line and every API below the entries keep ISO "YYYY-MM-DD"; an
 * entry shows the locale's numeric format ("31.03.2027" in German,
 * "03/31/2027" in American English) and reads that or ISO back.
 *
 * A format here is a strftime-style string with a day (%d, %e), a month
 * (%m) and a year (%Y, %y), as nl_langinfo (D_FMT) gives it. NULL stands
 * for the format of the current locale, stw_date_input_format ().
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define STW_DATE_ERROR (stw_date_error_quark ())

typedef enum {
  STW_DATE_ERROR_INVALID,   /* not a date, or a day that does not exist */
} StwDateError;

GQuark   stw_date_error_quark     (void);

/* The numeric date format of the thread's LC_TIME locale, such as
 * "%d.%m.%Y"; "%Y-%m-%d" for the C and POSIX locales and for a locale
 * whose format has names or other calendars in it. STEWARD_DATE_FORMAT
 * overrides it (tests, on machines with no other locale). Newly
 * allocated. */
char    *stw_date_input_format    (void);
/* TRUE when @format is one this file can both write and read back. */
gboolean stw_date_format_is_usable (const char *format);
/* ISO @date written in @format, with a four-digit year whatever the
 * format says, so it reads back as the same date. NULL when @date is not an
 * ISO date. */
char    *stw_date_to_input        (const char *date,
                                   const char *format);
/* The date in @text, which is ISO "YYYY-MM-DD" or @format (two-digit
 * years are 20YY; spaces around it are ignored), as a newly allocated ISO
 * date. Anything else, a day that does not exist or text after the date is
 * an STW_DATE_ERROR_INVALID error whose message says what is wrong and how
 * to write it. */
char    *stw_date_from_input      (const char  *text,
                                   const char  *format,
                                   GError     **error);
/* An example for hints, never in the past: the first day from today whose
 * day of the month is above 12 (so the order of day and month shows), in
 * @format. */
char    *stw_date_input_example   (const char *format);
/* How to type a date, for hints and errors: "13.12.2026 or 2026-12-13",
 * or only the ISO example where the format is ISO. */
char    *stw_date_input_hint      (const char *format);

G_END_DECLS
