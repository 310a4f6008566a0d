/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-calendar-grid.c: the month grid's date arithmetic, without a
 * display: the first cell for months that start on every weekday, leap
 * Februaries, year boundaries, and weeks starting on Sunday or Monday.
 */
#include "config.h"

#include "stw-calendar-grid.h"

#define SUNDAY 0
#define MONDAY 1
#define SATURDAY 6

/* Helpers */

static char *
first_cell (guint year,
            guint month,
            guint first_weekday)
{
  GDate first;
  char iso[11];

  stw_calendar_grid_first_day (year, month, first_weekday, &first);
  stw_calendar_grid_format_iso (&first, iso);
  return g_strdup (iso);
}

static GDate
date_of (const char *iso)
{
  GDate date;

  g_assert_true (stw_calendar_grid_parse_iso (iso, &date));
  return date;
}

/* Tests */

static void
test_langinfo (void)
{
  /* en_US: week 1 starts on Sunday 1997-11-30, first weekday 1 = Sunday. */
  g_assert_cmpuint (stw_calendar_grid_first_weekday_from_langinfo (1, 19971130), ==, SUNDAY);
  /* de_DE, fr_FR, en_GB: (2, 19971130) = Monday. */
  g_assert_cmpuint (stw_calendar_grid_first_weekday_from_langinfo (2, 19971130), ==, MONDAY);
  /* A locale counting from Monday: (1, 19971201) = Monday. */
  g_assert_cmpuint (stw_calendar_grid_first_weekday_from_langinfo (1, 19971201), ==, MONDAY);
  /* Arabic locales start on Saturday: (7, 19971130). */
  g_assert_cmpuint (stw_calendar_grid_first_weekday_from_langinfo (7, 19971130), ==, SATURDAY);
  /* (7, Monday origin) wraps round to Sunday. */
  g_assert_cmpuint (stw_calendar_grid_first_weekday_from_langinfo (7, 19971201), ==, SUNDAY);
  /* Nonsense falls back to Sunday. */
  g_assert_cmpuint (stw_calendar_grid_first_weekday_from_langinfo (1, 20000101), ==, SUNDAY);
  g_assert_cmpuint (stw_calendar_grid_first_weekday_from_langinfo (0, 19971130), ==, SUNDAY);
  g_assert_cmpuint (stw_calendar_grid_first_weekday_from_langinfo (9, 19971201), ==, SUNDAY);

  /* The C locale (the tests run in C.UTF-8) starts on Sunday. */
  g_assert_cmpuint (stw_calendar_grid_locale_first_weekday (), ==, SUNDAY);
}

static void
test_weekday (void)
{
  GDate date = date_of ("2027-03-07");

  g_assert_cmpuint (stw_calendar_grid_weekday (&date), ==, SUNDAY);
  date = date_of ("2027-03-08");
  g_assert_cmpuint (stw_calendar_grid_weekday (&date), ==, MONDAY);
  date = date_of ("2027-03-13");
  g_assert_cmpuint (stw_calendar_grid_weekday (&date), ==, SATURDAY);

  g_assert_cmpuint (stw_calendar_grid_column_weekday (SUNDAY, 0), ==, SUNDAY);
  g_assert_cmpuint (stw_calendar_grid_column_weekday (SUNDAY, 6), ==, SATURDAY);
  g_assert_cmpuint (stw_calendar_grid_column_weekday (MONDAY, 6), ==, SUNDAY);
  g_assert_cmpuint (stw_calendar_grid_column_weekday (SATURDAY, 1), ==, SUNDAY);
}

static void
test_every_weekday (void)
{
  /* 2026 has months starting on every weekday: February and March start on
   * Sunday, June on Monday, September on Tuesday, April on Wednesday,
   * January on Thursday, May on Friday, August on Saturday. */
  static const struct {
    guint       month;
    const char *sunday_start;
    const char *monday_start;
  } cases[] = {
    { 3, "2026-03-01", "2026-02-23" },  /* Sunday */
    { 6, "2026-05-31", "2026-06-01" },  /* Monday */
    { 9, "2026-08-30", "2026-08-31" },  /* Tuesday */
    { 4, "2026-03-29", "2026-03-30" },  /* Wednesday */
    { 1, "2025-12-28", "2025-12-29" },  /* Thursday */
    { 5, "2026-04-26", "2026-04-27" },  /* Friday */
    { 8, "2026-07-26", "2026-07-27" },  /* Saturday */
  };
  gboolean seen[7] = { FALSE, };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *sunday = first_cell (2026, cases[i].month, SUNDAY);
      g_autofree char *monday = first_cell (2026, cases[i].month, MONDAY);
      GDate first;
      GDate month_start;

      g_assert_cmpstr (sunday, ==, cases[i].sunday_start);
      g_assert_cmpstr (monday, ==, cases[i].monday_start);

      g_date_clear (&month_start, 1);
      g_date_set_dmy (&month_start, 1, cases[i].month, 2026);
      seen[stw_calendar_grid_weekday (&month_start)] = TRUE;

      /* For every possible week start, the first cell is that weekday, at
       * most six days before the first of the month, and the first of the
       * month is in the first row. */
      for (guint w = 0; w < 7; w++)
        {
          int cell;

          stw_calendar_grid_first_day (2026, cases[i].month, w, &first);
          g_assert_cmpuint (stw_calendar_grid_weekday (&first), ==, w);
          cell = stw_calendar_grid_cell_of (&first, &month_start);
          g_assert_cmpint (cell, >=, 0);
          g_assert_cmpint (cell, <, 7);
          g_assert_cmpuint (stw_calendar_grid_column_weekday (w, cell), ==,
                            stw_calendar_grid_weekday (&month_start));
        }
    }

  for (guint w = 0; w < 7; w++)
    g_assert_true (seen[w]);
}

static void
test_leap_february (void)
{
  GDate first;
  char from[11], to[11];

  /* February 2028 (leap) starts on a Tuesday and has 29 days. */
  stw_calendar_grid_first_day (2028, 2, MONDAY, &first);
  g_assert_cmpint (stw_calendar_grid_cell_of_iso (&first, "2028-01-31"), ==, 0);
  g_assert_cmpint (stw_calendar_grid_cell_of_iso (&first, "2028-02-01"), ==, 1);
  g_assert_cmpint (stw_calendar_grid_cell_of_iso (&first, "2028-02-29"), ==, 29);
  g_assert_cmpint (stw_calendar_grid_cell_of_iso (&first, "2028-03-01"), ==, 30);
  g_assert_cmpint (stw_calendar_grid_cell_of_iso (&first, "2028-03-12"), ==, 41);
  g_assert_cmpint (stw_calendar_grid_cell_of_iso (&first, "2028-03-13"), ==, -1);
  g_assert_cmpint (stw_calendar_grid_cell_of_iso (&first, "2028-01-30"), ==, -1);

  /* 29 February of a year that is not a leap year is not a date. */
  g_assert_cmpint (stw_calendar_grid_cell_of_iso (&first, "2027-02-29"), ==, -1);
  g_assert_false (stw_calendar_grid_parse_iso ("2027-02-29", &first));
  g_assert_false (stw_calendar_grid_parse_iso ("2100-02-29", &first));
  g_assert_true (stw_calendar_grid_parse_iso ("2000-02-29", &first));

  /* February 2026 starts on a Sunday and fills exactly four rows: the grid
   * still shows six weeks, the last two in March. */
  stw_calendar_grid_range (2026, 2, SUNDAY, from, to);
  g_assert_cmpstr (from, ==, "2026-02-01");
  g_assert_cmpstr (to, ==, "2026-03-14");

  /* February 2024 (leap, starts Thursday), weeks from Sunday. */
  stw_calendar_grid_range (2024, 2, SUNDAY, from, to);
  g_assert_cmpstr (from, ==, "2024-01-28");
  g_assert_cmpstr (to, ==, "2024-03-09");
}

static void
test_year_boundaries (void)
{
  GDate first, date;
  char from[11], to[11];

  /* January 2027 starts on a Friday: the grid begins in December 2026. */
  stw_calendar_grid_range (2027, 1, SUNDAY, from, to);
  g_assert_cmpstr (from, ==, "2026-12-27");
  g_assert_cmpstr (to, ==, "2027-02-06");
  stw_calendar_grid_range (2027, 1, MONDAY, from, to);
  g_assert_cmpstr (from, ==, "2026-12-28");
  g_assert_cmpstr (to, ==, "2027-02-07");

  /* December 2026 starts on a Tuesday: the grid runs into 2027. */
  stw_calendar_grid_first_day (2026, 12, MONDAY, &first);
  g_assert_cmpint (stw_calendar_grid_cell_of_iso (&first, "2026-11-30"), ==, 0);
  g_assert_cmpint (stw_calendar_grid_cell_of_iso (&first, "2026-12-31"), ==, 31);
  g_assert_cmpint (stw_calendar_grid_cell_of_iso (&first, "2027-01-01"), ==, 32);
  stw_calendar_grid_cell_date (&first, 41, &date);
  stw_calendar_grid_format_iso (&date, to);
  g_assert_cmpstr (to, ==, "2027-01-10");

  /* Month arithmetic crosses years both ways and never clamps days. */
  date = date_of ("2026-12-31");
  stw_calendar_grid_add_months (&date, 1);
  stw_calendar_grid_format_iso (&date, to);
  g_assert_cmpstr (to, ==, "2027-01-01");
  date = date_of ("2027-01-31");
  stw_calendar_grid_add_months (&date, -1);
  stw_calendar_grid_format_iso (&date, to);
  g_assert_cmpstr (to, ==, "2026-12-01");
  date = date_of ("2027-01-31");
  stw_calendar_grid_add_months (&date, 1);
  stw_calendar_grid_format_iso (&date, to);
  g_assert_cmpstr (to, ==, "2027-02-01");
  date = date_of ("2027-03-15");
  stw_calendar_grid_add_months (&date, -15);
  stw_calendar_grid_format_iso (&date, to);
  g_assert_cmpstr (to, ==, "2025-12-01");
}

static void
test_cells (void)
{
  GDate first;

  /* March 2027 starts on a Monday. */
  stw_calendar_grid_first_day (2027, 3, SUNDAY, &first);
  g_assert_cmpint (stw_calendar_grid_cell_of_iso (&first, "2027-02-28"), ==, 0);
  g_assert_cmpint (stw_calendar_grid_cell_of_iso (&first, "2027-03-01"), ==, 1);
  g_assert_cmpint (stw_calendar_grid_cell_of_iso (&first, "2027-03-05"), ==, 5);
  g_assert_cmpint (stw_calendar_grid_cell_of_iso (&first, "2027-03-07"), ==, 7);
  g_assert_cmpint (stw_calendar_grid_cell_of_iso (&first, "2027-04-10"), ==, 41);
  g_assert_cmpint (stw_calendar_grid_cell_of_iso (&first, "2027-04-11"), ==, -1);

  stw_calendar_grid_first_day (2027, 3, MONDAY, &first);
  g_assert_cmpint (stw_calendar_grid_cell_of_iso (&first, "2027-03-01"), ==, 0);
  g_assert_cmpint (stw_calendar_grid_cell_of_iso (&first, "2027-03-05"), ==, 4);
  g_assert_cmpint (stw_calendar_grid_cell_of_iso (&first, "2027-03-07"), ==, 6);
  g_assert_cmpint (stw_calendar_grid_cell_of_iso (&first, "2027-03-08"), ==, 7);

  /* What is not a date is in no cell. */
  g_assert_cmpint (stw_calendar_grid_cell_of_iso (&first, NULL), ==, -1);
  g_assert_cmpint (stw_calendar_grid_cell_of_iso (&first, ""), ==, -1);
  g_assert_cmpint (stw_calendar_grid_cell_of_iso (&first, "2027-3-5"), ==, -1);
  g_assert_cmpint (stw_calendar_grid_cell_of_iso (&first, "2027-03-05x"), ==, -1);
  g_assert_cmpint (stw_calendar_grid_cell_of_iso (&first, "2027-13-01"), ==, -1);
  g_assert_cmpint (stw_calendar_grid_cell_of_iso (&first, "2027-00-10"), ==, -1);
  g_assert_cmpint (stw_calendar_grid_cell_of_iso (&first, "2027-03-32"), ==, -1);
  g_assert_cmpint (stw_calendar_grid_cell_of_iso (&first, "+027-03-05"), ==, -1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/calendar-grid/langinfo", test_langinfo);
  g_test_add_func ("/calendar-grid/weekday", test_weekday);
  g_test_add_func ("/calendar-grid/every-weekday", test_every_weekday);
  g_test_add_func ("/calendar-grid/leap-february", test_leap_february);
  g_test_add_func ("/calendar-grid/year-boundaries", test_year_boundaries);
  g_test_add_func ("/calendar-grid/cells", test_cells);

  return g_test_run ();
}
