/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-period.h: the measurement periods of KPIs (ISO/IEC 27001 9.1), with
 * no toolkit and no workspace: pure date arithmetic that the store, the
 * command line, the chart and the reports share.
 *
 * A period is a key of its frequency: "2027-03" (monthly), "2027-Q1"
 * (quarterly), "2027-H1" (half-yearly) or "2027" (yearly). Keys of one
 * frequency sort in time order as strings.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  STW_FREQUENCY_MONTHLY,
  STW_FREQUENCY_QUARTERLY,
  STW_FREQUENCY_HALF_YEARLY,
  STW_FREQUENCY_YEARLY,
} StwFrequency;

#define STW_N_FREQUENCIES 4

/* Which way a KPI is good. */
typedef enum {
  STW_DIRECTION_HIGHER,
  STW_DIRECTION_LOWER,
} StwDirection;

typedef enum {
  STW_KPI_NO_DATA,
  STW_KPI_MET,
  STW_KPI_NOT_MET,
} StwKpiStatus;

/* Keys as stored ("monthly", "half_yearly"; "higher", "lower"; "met",
 * "not_met", "no_data") and labels for people. */
const char *stw_frequency_to_key     (StwFrequency  frequency);
gboolean    stw_frequency_from_key   (const char   *key,
                                      StwFrequency *frequency);
const char *stw_frequency_label      (StwFrequency  frequency);
const char *stw_direction_to_key     (StwDirection  direction);
gboolean    stw_direction_from_key   (const char   *key,
                                      StwDirection *direction);
const char *stw_direction_label      (StwDirection  direction);
const char *stw_kpi_status_to_key    (StwKpiStatus  status);
const char *stw_kpi_status_label     (StwKpiStatus  status);

/* Whether @period is a well-formed key of @frequency (years 1900–9999). */
gboolean    stw_period_is_valid      (const char   *period,
                                      StwFrequency  frequency);
/* The frequency whose key @period is; FALSE for anything else. */
gboolean    stw_period_parse         (const char   *period,
                                      StwFrequency *frequency);
/* The period of @frequency that holds @date ("YYYY-MM-DD"); NULL for an
 * invalid date. */
char       *stw_period_containing    (StwFrequency  frequency,
                                      const char   *date);
/* First and last day of a valid @period, "YYYY-MM-DD"; NULL if invalid. */
char       *stw_period_first_day     (const char   *period);
char       *stw_period_last_day      (const char   *period);
/* The period after / before a valid @period, of its frequency. */
char       *stw_period_next          (const char   *period);
char       *stw_period_previous      (const char   *period);
/* The periods of @frequency from the one holding @from to the one holding
 * @to, both included, oldest first; empty when @to is before @from. */
GStrv       stw_periods_between      (StwFrequency  frequency,
                                      const char   *from,
                                      const char   *to);
/* Ended before @today: a missing value there is missed. */
gboolean    stw_period_is_past       (const char   *period,
                                      const char   *today);
/* Starts after @today: nothing can be measured there yet. */
gboolean    stw_period_is_future     (const char   *period,
                                      const char   *today);
/* "March 2027", "Q1 2027", "H1 2027", "2027". */
char       *stw_period_label         (const char   *period);

/* Met when @value is at least (@direction higher) or at most (lower)
 * @target; no data without a value. */
StwKpiStatus stw_kpi_status_for      (gboolean      has_value,
                                      double        value,
                                      double        target,
                                      StwDirection  direction);

/* One period of a KPI's timeline. */
typedef struct {
  char         *period;
  gboolean      has_value;
  double        value;
  StwKpiStatus  status;
  /* Past, and no value: flagged. */
  gboolean      missed;
} StwPeriodStatus;

/* The timeline of a KPI: every period of @frequency from the one holding
 * @start to the one holding @today, each with its value from
 * @periods/@values (@n_values pairs, any order; periods outside the range
 * are left out), its status against @target, and the missed flag. An
 * array of StwPeriodStatus, oldest first, that frees its periods. */
GArray     *stw_period_timeline      (StwFrequency         frequency,
                                      const char          *start,
                                      const char          *today,
                                      const char * const  *periods,
                                      const double        *values,
                                      guint                n_values,
                                      double               target,
                                      StwDirection         direction);

/* The period a KPI is judged by today: the current one when it has a
 * value, otherwise the last one that ended (whose value is due). Its
 * index in @timeline, or -1 when the timeline is empty. */
int          stw_period_timeline_latest (GArray           *timeline,
                                         const char       *today);
/* Missed periods in @timeline. */
guint        stw_period_timeline_missed (GArray           *timeline);

G_END_DECLS
