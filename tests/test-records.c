/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-records.c: objectives, KPIs and measurements (ISO/IEC 27001 6.2,
 * 9.1): their periods and their status against the target.
 */
#include "config.h"

#include <string.h>

#include "stw-period.h"
#include "test-util.h"

static char *tmp;

static void
test_periods_keys (void)
{
  static const struct {
    StwFrequency frequency;
    const char  *date;
    const char  *period;
    const char  *first;
    const char  *last;
    const char  *next;
  } cases[] = {
    { STW_FREQUENCY_MONTHLY, "2027-02-14", "2027-02", "2027-02-01", "2027-02-28", "2027-03" },
    { STW_FREQUENCY_MONTHLY, "2028-02-29", "2028-02", "2028-02-01", "2028-02-29", "2028-03" },
    { STW_FREQUENCY_MONTHLY, "2027-12-31", "2027-12", "2027-12-01", "2027-12-31", "2028-01" },
    { STW_FREQUENCY_QUARTERLY, "2027-03-31", "2027-Q1", "2027-01-01", "2027-03-31", "2027-Q2" },
    { STW_FREQUENCY_QUARTERLY, "2027-11-02", "2027-Q4", "2027-10-01", "2027-12-31", "2028-Q1" },
    { STW_FREQUENCY_HALF_YEARLY, "2027-06-30", "2027-H1", "2027-01-01", "2027-06-30", "2027-H2" },
    { STW_FREQUENCY_HALF_YEARLY, "2027-07-01", "2027-H2", "2027-07-01", "2027-12-31", "2028-H1" },
    { STW_FREQUENCY_YEARLY, "2027-07-01", "2027", "2027-01-01", "2027-12-31", "2028" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *period = stw_period_containing (cases[i].frequency, cases[i].date);
      g_autofree char *first = stw_period_first_day (period);
      g_autofree char *last = stw_period_last_day (period);
      g_autofree char *next = stw_period_next (period);
      g_autofree char *back = stw_period_previous (next);
      StwFrequency parsed;

      g_assert_cmpstr (period, ==, cases[i].period);
      g_assert_cmpstr (first, ==, cases[i].first);
      g_assert_cmpstr (last, ==, cases[i].last);
      g_assert_cmpstr (next, ==, cases[i].next);
      g_assert_cmpstr (back, ==, cases[i].period);
      g_assert_true (stw_period_parse (period, &parsed));
      g_assert_cmpint (parsed, ==, cases[i].frequency);
      for (StwFrequency f = 0; f < STW_N_FREQUENCIES; f++)
        g_assert_cmpint (stw_period_is_valid (period, f), ==, f == cases[i].frequency);
    }

  /* Nothing else is a period. */
  {
    static const char * const bad[] = { "", "27", "2027-13", "2027-00", "2027-Q5", "2027-Q0", "2027-H3",
                                        "2027-3", "2027/03", "0999", "2027-03-01", "2027-q1", "abcd", NULL };

    for (guint i = 0; bad[i] != NULL; i++)
      g_assert_false (stw_period_parse (bad[i], NULL));
    g_assert_null (stw_period_containing (STW_FREQUENCY_MONTHLY, "2027-02-30"));
  }

  /* A range, both ends included; and none backwards. */
  {
    g_auto(GStrv) months = stw_periods_between (STW_FREQUENCY_MONTHLY, "2026-11-30", "2027-02-01");
    g_auto(GStrv) quarters = stw_periods_between (STW_FREQUENCY_QUARTERLY, "2026-12-31", "2027-04-01");
    g_auto(GStrv) none = stw_periods_between (STW_FREQUENCY_YEARLY, "2028-01-01", "2027-12-31");
    const char * const want_months[] = { "2026-11", "2026-12", "2027-01", "2027-02", NULL };
    const char * const want_quarters[] = { "2026-Q4", "2027-Q1", "2027-Q2", NULL };

    g_assert_true (g_strv_equal ((const char * const *) months, want_months));
    g_assert_true (g_strv_equal ((const char * const *) quarters, want_quarters));
    g_assert_cmpuint (g_strv_length (none), ==, 0);
  }

  g_assert_true (stw_period_is_past ("2027-02", "2027-03-01"));
  g_assert_false (stw_period_is_past ("2027-03", "2027-03-31"));
  g_assert_true (stw_period_is_future ("2027-04", "2027-03-31"));
  g_assert_false (stw_period_is_future ("2027-Q2", "2027-04-01"));
}

/* Missed: a past period with no value, for every frequency; the running
 * period is not missed yet. */
static void
test_periods_missed (void)
{
  static const struct {
    StwFrequency  frequency;
    const char   *start;
    const char   *today;
    const char   *measured[3];
    const char   *missed;    /* the periods flagged, joined by spaces */
    int           latest;    /* index judged by */
  } cases[] = {
    { STW_FREQUENCY_MONTHLY, "2026-12-05", "2027-03-15", { "2026-12", "2027-02", NULL },
      "2027-01", 2 },
    { STW_FREQUENCY_MONTHLY, "2027-01-01", "2027-03-15", { "2027-03", NULL },
      "2027-01 2027-02", 2 },
    { STW_FREQUENCY_QUARTERLY, "2026-04-01", "2027-03-15", { "2026-Q3", NULL },
      "2026-Q2 2026-Q4", 2 },
    { STW_FREQUENCY_HALF_YEARLY, "2025-01-01", "2027-03-15", { "2025-H1", "2026-H1", NULL },
      "2025-H2 2026-H2", 3 },
    { STW_FREQUENCY_YEARLY, "2024-06-01", "2027-03-15", { "2025", NULL },
      "2024 2026", 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const double values[3] = { 1, 2, 3 };
      guint n = 0;
      g_autoptr(GArray) timeline = NULL;
      g_autoptr(GString) missed = g_string_new (NULL);

      while (cases[i].measured[n] != NULL)
        n++;
      timeline = stw_period_timeline (cases[i].frequency, cases[i].start, cases[i].today,
                                      cases[i].measured, values, n, 2, STW_DIRECTION_HIGHER);
      for (guint j = 0; j < timeline->len; j++)
        {
          StwPeriodStatus *s = &g_array_index (timeline, StwPeriodStatus, j);

          if (s->missed)
            g_string_append_printf (missed, "%s%s", missed->len ? " " : "", s->period);
          g_assert_true (!s->missed || !s->has_value);
        }
      g_assert_cmpstr (missed->str, ==, cases[i].missed);
      g_assert_cmpuint (stw_period_timeline_missed (timeline), ==, g_strv_length (g_strsplit (missed->str, " ", 0)));
      g_assert_cmpint (stw_period_timeline_latest (timeline, cases[i].today), ==, cases[i].latest);
    }
}

static void
test_status (void)
{
  g_assert_cmpint (stw_kpi_status_for (TRUE, 95, 95, STW_DIRECTION_HIGHER), ==, STW_KPI_MET);
  g_assert_cmpint (stw_kpi_status_for (TRUE, 96, 95, STW_DIRECTION_HIGHER), ==, STW_KPI_MET);
  g_assert_cmpint (stw_kpi_status_for (TRUE, 94.9, 95, STW_DIRECTION_HIGHER), ==, STW_KPI_NOT_MET);
  g_assert_cmpint (stw_kpi_status_for (FALSE, 99, 95, STW_DIRECTION_HIGHER), ==, STW_KPI_NO_DATA);
  g_assert_cmpint (stw_kpi_status_for (TRUE, 5, 5, STW_DIRECTION_LOWER), ==, STW_KPI_MET);
  g_assert_cmpint (stw_kpi_status_for (TRUE, 3, 5, STW_DIRECTION_LOWER), ==, STW_KPI_MET);
  g_assert_cmpint (stw_kpi_status_for (TRUE, 5.1, 5, STW_DIRECTION_LOWER), ==, STW_KPI_NOT_MET);
  g_assert_cmpint (stw_kpi_status_for (FALSE, 0, 5, STW_DIRECTION_LOWER), ==, STW_KPI_NO_DATA);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;

  g_test_init (&argc, &argv, NULL);
  data_home = test_setup_data_home ();
  tmp = g_build_filename (data_home, "files", NULL);
  g_mkdir_with_parents (tmp, 0700);

  g_test_add_func ("/records/periods/keys", test_periods_keys);
  g_test_add_func ("/records/periods/missed", test_periods_missed);
  g_test_add_func ("/records/status", test_status);

  return g_test_run ();
}
