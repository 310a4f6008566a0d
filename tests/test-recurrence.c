/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-recurrence.c: recurrence over several years, month ends, 29
 * February, long intervals, and the ISMS cycle.
 */
#include "config.h"

#include "stw-error.h"
#include "stw-recurrence.h"
#include "stw-types.h"

static StwRecurrence
rec (StwRepeatUnit unit,
     guint         interval,
     const char   *anchor)
{
  StwRecurrence r = { unit, interval, "" };

  g_strlcpy (r.anchor, anchor, sizeof r.anchor);
  return r;
}

static void
assert_series (StwRecurrence       r,
               const char * const *expected)
{
  for (guint k = 0; expected[k]; k++)
    {
      g_autofree char *got = stw_recurrence_occurrence (&r, k);
      g_assert_cmpstr (got, ==, expected[k]);
    }
}

static void
test_month_ends (void)
{
  const char *monthly_31[] = { "2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30", "2027-05-31",
                               "2027-06-30", "2027-07-31", "2027-08-31", "2027-09-30", "2027-10-31",
                               "2027-11-30", "2027-12-31", "2028-01-31", "2028-02-29", "2028-03-31", NULL };
  const char *quarterly_30[] = { "2027-11-30", "2028-02-29", "2028-05-30", "2028-08-30", "2028-11-30",
                                 "2029-02-28", NULL };
  const char *every_5_months[] = { "2027-10-31", "2028-03-31", "2028-08-31", "2029-01-31", "2029-06-30", NULL };

  assert_series (rec (STW_REPEAT_MONTHLY, 1, "2027-01-31"), monthly_31);
  assert_series (rec (STW_REPEAT_QUARTERLY, 1, "2027-11-30"), quarterly_30);
  assert_series (rec (STW_REPEAT_MONTHLY, 5, "2027-10-31"), every_5_months);
}

static void
test_leap_days (void)
{
  const char *yearly_29[] = { "2028-02-29", "2029-02-28", "2030-02-28", "2031-02-28", "2032-02-29",
                              "2033-02-28", NULL };
  const char *every_4_years[] = { "2096-02-29", "2100-02-28", "2104-02-29", NULL };
  const char *half_yearly[] = { "2027-08-29", "2028-02-29", "2028-08-29", "2029-02-28", "2029-08-29", NULL };

  assert_series (rec (STW_REPEAT_YEARLY, 1, "2028-02-29"), yearly_29);
  /* 2100 is not a leap year. */
  assert_series (rec (STW_REPEAT_YEARLY, 4, "2096-02-29"), every_4_years);
  assert_series (rec (STW_REPEAT_HALF_YEARLY, 1, "2027-08-29"), half_yearly);
}

static void
test_weeks (void)
{
  const char *fortnightly[] = { "2027-12-20", "2028-01-03", "2028-01-17", "2028-01-31", "2028-02-14",
                                "2028-02-28", "2028-03-13", NULL };

  assert_series (rec (STW_REPEAT_WEEKLY, 2, "2027-12-20"), fortnightly);
}

static void
test_next_after_and_between (void)
{
  StwRecurrence r = rec (STW_REPEAT_MONTHLY, 1, "2020-01-31");
  g_autofree char *a = stw_recurrence_next_after (&r, "2027-02-27");
  g_autofree char *b = stw_recurrence_next_after (&r, "2027-02-28");
  g_autofree char *c = stw_recurrence_next_after (&r, "2019-06-01");
  g_auto(GStrv) year = NULL;
  g_auto(GStrv) none = NULL;
  StwRecurrence q = rec (STW_REPEAT_QUARTERLY, 1, "2026-01-15");
  g_auto(GStrv) quarters = NULL;

  g_assert_cmpstr (a, ==, "2027-02-28");
  g_assert_cmpstr (b, ==, "2027-03-31");
  g_assert_cmpstr (c, ==, "2020-01-31");

  year = stw_recurrence_between (&r, "2028-01-01", "2028-12-31");
  g_assert_cmpuint (g_strv_length (year), ==, 12);
  g_assert_cmpstr (year[1], ==, "2028-02-29");
  g_assert_cmpstr (year[11], ==, "2028-12-31");

  none = stw_recurrence_between (&r, "2019-01-01", "2019-12-31");
  g_assert_cmpuint (g_strv_length (none), ==, 0);

  /* An ISMS year from April: four quarterly occurrences. */
  quarters = stw_recurrence_between (&q, "2027-04-01", "2028-03-31");
  g_assert_cmpuint (g_strv_length (quarters), ==, 4);
  g_assert_cmpstr (quarters[0], ==, "2027-04-15");
  g_assert_cmpstr (quarters[3], ==, "2028-01-15");
}

static void
test_many_years (void)
{
  StwRecurrence r = rec (STW_REPEAT_MONTHLY, 1, "2000-01-31");

  /* Every occurrence over 30 years: in order, on the month's last day. */
  for (guint k = 0; k < 360; k++)
    {
      g_autofree char *this_one = stw_recurrence_occurrence (&r, k);
      g_autofree char *next = stw_recurrence_occurrence (&r, k + 1);
      g_autofree char *after = stw_recurrence_next_after (&r, this_one);
      g_autofree char *day_after = stw_date_add_days (this_one, 1);

      g_assert_cmpstr (this_one, <, next);
      g_assert_cmpstr (after, ==, next);
      /* The last day of its month: the next day is the 1st. */
      g_assert_cmpstr (day_after + 8, ==, "01");
    }
}

static void
test_validation (void)
{
  g_autoptr(GError) error = NULL;
  StwRecurrence zero = rec (STW_REPEAT_MONTHLY, 0, "2027-01-01");
  StwRecurrence big = rec (STW_REPEAT_MONTHLY, 100, "2027-01-01");
  StwRecurrence bad_anchor = rec (STW_REPEAT_YEARLY, 1, "2027-02-29");
  StwRecurrence none = rec (STW_REPEAT_NONE, 0, "");
  g_autofree char *text = NULL, *compact = NULL;

  g_assert_false (stw_recurrence_validate (&zero, &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (stw_recurrence_validate (&big, &error));
  g_clear_error (&error);
  g_assert_false (stw_recurrence_validate (&bad_anchor, &error));
  g_clear_error (&error);
  g_assert_true (stw_recurrence_validate (&none, &error));

  big.interval = 3;
  text = stw_recurrence_describe (&big);
  g_assert_cmpstr (text, ==, "Every 3 months");
  compact = stw_recurrence_to_string (&big);
  g_assert_cmpstr (compact, ==, "monthly/3/2027-01-01");
}

static void
test_cycle (void)
{
  struct { const char *date; guint month; const char *first, *last; } cases[] = {
    { "2027-03-15", 1, "2027-01-01", "2027-12-31" },
    { "2027-03-15", 4, "2026-04-01", "2027-03-31" },
    { "2027-04-01", 4, "2027-04-01", "2028-03-31" },
    { "2028-02-29", 3, "2027-03-01", "2028-02-29" },
    { "2027-12-31", 12, "2027-12-01", "2028-11-30" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *first = NULL, *last = NULL;

      stw_cycle_for_date (cases[i].date, cases[i].month, &first, &last);
      g_assert_cmpstr (first, ==, cases[i].first);
      g_assert_cmpstr (last, ==, cases[i].last);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/recurrence/month-ends", test_month_ends);
  g_test_add_func ("/recurrence/leap-days", test_leap_days);
  g_test_add_func ("/recurrence/weeks", test_weeks);
  g_test_add_func ("/recurrence/next-after-and-between", test_next_after_and_between);
  g_test_add_func ("/recurrence/many-years", test_many_years);
  g_test_add_func ("/recurrence/validation", test_validation);
  g_test_add_func ("/recurrence/cycle", test_cycle);
  return g_test_run ();
}
