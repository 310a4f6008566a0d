/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-period.c: KPI periods and their status (see stw-period.h).
 *
 * Inside, a period is (frequency, year, index): the month 1–12, the
 * quarter 1–4, the half 1–2, or 1 for a year. Every frequency is a whole
 * number of months, which keeps the arithmetic in one place.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "stw-period.h"
#include "stw-types.h"

typedef struct {
  StwFrequency frequency;
  int          year;
  int          index;
} Period;

static const char * const frequency_keys[] = { "monthly", "quarterly", "half_yearly", "yearly" };
static const char * const direction_keys[] = { "higher", "lower" };
static const char * const status_keys[] = { "no_data", "met", "not_met" };

static int
months_of (StwFrequency frequency)
{
  static const int months[] = { 1, 3, 6, 12 };

  return months[frequency];
}

static int
periods_per_year (StwFrequency frequency)
{
  return 12 / months_of (frequency);
}

static gboolean
all_digits (const char *text,
            gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

static gboolean
parse (const char *key,
       Period     *p)
{
  gsize len = key ? strlen (key) : 0;

  if (len < 4 || !all_digits (key, 4))
    return FALSE;
  p->year = (int) g_ascii_strtoll (key, NULL, 10);
  if (p->year < 1900 || p->year > 9999)
    return FALSE;
  if (len == 4)
    {
      p->frequency = STW_FREQUENCY_YEARLY;
      p->index = 1;
      return TRUE;
    }
  if (len != 7 || key[4] != '-')
    return FALSE;
  if (all_digits (key + 5, 2))
    {
      p->frequency = STW_FREQUENCY_MONTHLY;
      p->index = (key[5] - '0') * 10 + (key[6] - '0');
      return p->index >= 1 && p->index <= 12;
    }
  if (key[5] == 'Q' && key[6] >= '1' && key[6] <= '4')
    {
      p->frequency = STW_FREQUENCY_QUARTERLY;
      p->index = key[6] - '0';
      return TRUE;
    }
  if (key[5] == 'H' && (key[6] == '1' || key[6] == '2'))
    {
      p->frequency = STW_FREQUENCY_HALF_YEARLY;
      p->index = key[6] - '0';
      return TRUE;
    }
  return FALSE;
}

static char *
format (const Period *p)
{
  switch (p->frequency)
    {
    case STW_FREQUENCY_MONTHLY:
      return g_strdup_printf ("%04d-%02d", p->year, p->index);
    case STW_FREQUENCY_QUARTERLY:
      return g_strdup_printf ("%04d-Q%d", p->year, p->index);
    case STW_FREQUENCY_HALF_YEARLY:
      return g_strdup_printf ("%04d-H%d", p->year, p->index);
    case STW_FREQUENCY_YEARLY:
    default:
      return g_strdup_printf ("%04d", p->year);
    }
}

static gboolean
parse_date (const char *date,
            int        *year,
            int        *month,
            int        *day)
{
  if (!stw_date_is_valid (date))
    return FALSE;
  return sscanf (date, "%4d-%2d-%2d", year, month, day) == 3;
}

static Period
containing (StwFrequency frequency,
            int          year,
            int          month)
{
  Period p = { frequency, year, (month - 1) / months_of (frequency) + 1 };

  return p;
}

static void
step (Period *p,
      int     by)
{
  int n = periods_per_year (p->frequency);
  int linear = p->year * n + (p->index - 1) + by;

  p->year = linear / n;
  p->index = linear % n + 1;
}

static int
compare (const Period *a,
         const Period *b)
{
  if (a->year != b->year)
    return a->year < b->year ? -1 : 1;
  return a->index < b->index ? -1 : a->index > b->index;
}

/* Keys and labels */

const char *
stw_frequency_to_key (StwFrequency frequency)
{
  g_return_val_if_fail (frequency < STW_N_FREQUENCIES, NULL);
  return frequency_keys[frequency];
}

gboolean
stw_frequency_from_key (const char   *key,
                        StwFrequency *frequency)
{
  for (guint i = 0; i < G_N_ELEMENTS (frequency_keys); i++)
    if (g_strcmp0 (key, frequency_keys[i]) == 0)
      {
        *frequency = i;
        return TRUE;
      }
  return FALSE;
}

const char *
stw_frequency_label (StwFrequency frequency)
{
  switch (frequency)
    {
    case STW_FREQUENCY_MONTHLY: return _("Monthly");
    case STW_FREQUENCY_QUARTERLY: return _("Quarterly");
    case STW_FREQUENCY_HALF_YEARLY: return _("Half-yearly");
    case STW_FREQUENCY_YEARLY: return _("Yearly");
    default: g_return_val_if_reached (NULL);
    }
}

const char *
stw_direction_to_key (StwDirection direction)
{
  g_return_val_if_fail (direction <= STW_DIRECTION_LOWER, NULL);
  return direction_keys[direction];
}

gboolean
stw_direction_from_key (const char   *key,
                        StwDirection *direction)
{
  for (guint i = 0; i < G_N_ELEMENTS (direction_keys); i++)
    if (g_strcmp0 (key, direction_keys[i]) == 0)
      {
        *direction = i;
        return TRUE;
      }
  return FALSE;
}

const char *
stw_direction_label (StwDirection direction)
{
  return direction == STW_DIRECTION_LOWER ? _("Lower is better") : _("Higher is better");
}

const char *
stw_kpi_status_to_key (StwKpiStatus status)
{
  g_return_val_if_fail (status <= STW_KPI_NOT_MET, NULL);
  return status_keys[status];
}

const char *
stw_kpi_status_label (StwKpiStatus status)
{
  switch (status)
    {
    case STW_KPI_MET: return _("Met");
    case STW_KPI_NOT_MET: return _("Not met");
    case STW_KPI_NO_DATA:
    default: return _("No data");
    }
}

/* Periods */

gboolean
stw_period_is_valid (const char   *period,
                     StwFrequency  frequency)
{
  Period p;

  return parse (period, &p) && p.frequency == frequency;
}

gboolean
stw_period_parse (const char   *period,
                  StwFrequency *frequency)
{
  Period p;

  if (!parse (period, &p))
    return FALSE;
  if (frequency)
    *frequency = p.frequency;
  return TRUE;
}

char *
stw_period_containing (StwFrequency  frequency,
                       const char   *date)
{
  int y, m, d;
  Period p;

  g_return_val_if_fail (frequency < STW_N_FREQUENCIES, NULL);

  if (!parse_date (date, &y, &m, &d))
    return NULL;
  p = containing (frequency, y, m);
  return format (&p);
}

char *
stw_period_first_day (const char *period)
{
  Period p;

  if (!parse (period, &p))
    return NULL;
  return g_strdup_printf ("%04d-%02d-01", p.year, (p.index - 1) * months_of (p.frequency) + 1);
}

char *
stw_period_last_day (const char *period)
{
  Period p;
  int month;

  if (!parse (period, &p))
    return NULL;
  month = p.index * months_of (p.frequency);
  return g_strdup_printf ("%04d-%02d-%02d", p.year, month, g_date_get_days_in_month (month, p.year));
}

char *
stw_period_next (const char *period)
{
  Period p;

  if (!parse (period, &p))
    return NULL;
  step (&p, 1);
  return format (&p);
}

char *
stw_period_previous (const char *period)
{
  Period p;

  if (!parse (period, &p))
    return NULL;
  step (&p, -1);
  return format (&p);
}

GStrv
stw_periods_between (StwFrequency  frequency,
                     const char   *from,
                     const char   *to)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  int y1, m1, d1, y2, m2, d2;
  Period p, last;

  g_return_val_if_fail (frequency < STW_N_FREQUENCIES, NULL);

  if (parse_date (from, &y1, &m1, &d1) && parse_date (to, &y2, &m2, &d2))
    {
      p = containing (frequency, y1, m1);
      last = containing (frequency, y2, m2);
      for (; compare (&p, &last) <= 0; step (&p, 1))
        {
          g_autofree char *key = format (&p);

          g_strv_builder_add (builder, key);
        }
    }
  return g_strv_builder_end (builder);
}

gboolean
stw_period_is_past (const char *period,
                    const char *today)
{
  g_autofree char *last = stw_period_last_day (period);

  return last != NULL && today != NULL && strcmp (last, today) < 0;
}

gboolean
stw_period_is_future (const char *period,
                      const char *today)
{
  g_autofree char *first = stw_period_first_day (period);

  return first != NULL && today != NULL && strcmp (first, today) > 0;
}

char *
stw_period_label (const char *period)
{
  Period p;

  if (!parse (period, &p))
    return g_strdup (period ? period : "");
  switch (p.frequency)
    {
    case STW_FREQUENCY_MONTHLY:
      {
        g_autoptr(GDateTime) dt = g_date_time_new_utc (p.year, p.index, 1, 0, 0, 0);

        /* Translators: a month of measurement, strftime format: "March 2027". */
        return g_date_time_format (dt, _("%B %Y"));
      }
    case STW_FREQUENCY_QUARTERLY:
      /* Translators: a quarter of a year, "Q1 2027". */
      return g_strdup_printf (_("Q%d %d"), p.index, p.year);
    case STW_FREQUENCY_HALF_YEARLY:
      /* Translators: a half of a year, "H1 2027". */
      return g_strdup_printf (_("H%d %d"), p.index, p.year);
    case STW_FREQUENCY_YEARLY:
    default:
      return g_strdup_printf ("%d", p.year);
    }
}

/* Status */

StwKpiStatus
stw_kpi_status_for (gboolean     has_value,
                    double       value,
                    double       target,
                    StwDirection direction)
{
  if (!has_value)
    return STW_KPI_NO_DATA;
  if (direction == STW_DIRECTION_LOWER)
    return value <= target ? STW_KPI_MET : STW_KPI_NOT_MET;
  return value >= target ? STW_KPI_MET : STW_KPI_NOT_MET;
}

static void
clear_period_status (gpointer data)
{
  StwPeriodStatus *s = data;

  g_free (s->period);
}

GArray *
stw_period_timeline (StwFrequency         frequency,
                     const char          *start,
                     const char          *today,
                     const char * const  *periods,
                     const double        *values,
                     guint                n_values,
                     double               target,
                     StwDirection         direction)
{
  GArray *timeline = g_array_new (FALSE, TRUE, sizeof (StwPeriodStatus));
  g_auto(GStrv) keys = NULL;

  g_array_set_clear_func (timeline, clear_period_status);
  g_return_val_if_fail (frequency < STW_N_FREQUENCIES, timeline);

  keys = stw_periods_between (frequency, start, today);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      StwPeriodStatus s = { g_strdup (keys[i]), FALSE, 0.0, STW_KPI_NO_DATA, FALSE };

      for (guint j = 0; j < n_values; j++)
        if (g_strcmp0 (periods[j], keys[i]) == 0)
          {
            s.has_value = TRUE;
            s.value = values[j];
          }
      s.status = stw_kpi_status_for (s.has_value, s.value, target, direction);
      s.missed = !s.has_value && stw_period_is_past (keys[i], today);
      g_array_append_val (timeline, s);
    }
  return timeline;
}

int
stw_period_timeline_latest (GArray     *timeline,
                            const char *today)
{
  int last;

  g_return_val_if_fail (timeline != NULL, -1);

  last = (int) timeline->len - 1;
  if (last < 0)
    return -1;
  /* The current period, still running, counts once it has its value;
   * until then the one before it is the one due. */
  if (!g_array_index (timeline, StwPeriodStatus, last).has_value &&
      !stw_period_is_past (g_array_index (timeline, StwPeriodStatus, last).period, today) &&
      last > 0)
    return last - 1;
  return last;
}

guint
stw_period_timeline_missed (GArray *timeline)
{
  guint n = 0;

  g_return_val_if_fail (timeline != NULL, 0);

  for (guint i = 0; i < timeline->len; i++)
    n += g_array_index (timeline, StwPeriodStatus, i).missed;
  return n;
}
