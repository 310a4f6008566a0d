/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-records.c: objectives, KPIs and measurements (ISO/IEC 27001 6.2,
 * 9.1): their periods, their status against the target, every write with
 * its history and the check's replay, and the trend chart.
 */
#include "config.h"

#include <fontconfig/fontconfig.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <sqlite3.h>
#include <string.h>

#include "stw-evidence.h"
#include "stw-records-undo.h"
#include "stw-sample.h"
#include "stw-workspace.h"
#include "test-util.h"

static char *tmp;

static StwWorkspace *
new_workspace (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_path (tmp, name);
  StwWorkspace *ws = stw_workspace_create (path, "Acme Ltd", "Ann Example", &error);

  g_assert_no_error (error);
  return ws;
}

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *msg = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK)
    g_error ("%s", msg);
  sqlite3_close (db);
}

static StwKpi *
add_kpi (StwWorkspace *ws,
         const char   *name,
         const char   *unit,
         double        target,
         StwDirection  direction,
         StwFrequency  frequency)
{
  g_autoptr(GError) error = NULL;
  StwKpi *k = stw_kpi_new ();

  stw_kpi_set_name (k, name);
  stw_kpi_set_unit (k, unit);
  stw_kpi_set_target (k, target);
  stw_kpi_set_direction (k, direction);
  stw_kpi_set_frequency (k, frequency);
  g_assert_true (stw_workspace_insert_kpi (ws, k, &error));
  g_assert_no_error (error);
  return k;
}

static void
measure (StwWorkspace *ws,
         StwKpi       *k,
         const char   *period,
         double        value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwMeasurement) m = stw_workspace_measure_kpi (ws, stw_kpi_get_id (k), period, value, NULL,
                                                           FALSE, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (m);
}

static void
assert_check (StwWorkspace *ws,
              gboolean      intact,
              const char   *finding)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  gboolean ok = stw_workspace_check (ws, report, &error);

  g_test_message ("%s", report->str);
  g_assert_cmpint (ok, ==, intact);
  if (intact)
    g_assert_no_error (error);
  if (finding != NULL)
    g_assert_nonnull (strstr (report->str, finding));
}

/* Periods */

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
      g_auto(GStrv) words = NULL;

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
      words = g_strsplit (missed->str, " ", 0);
      g_assert_cmpuint (stw_period_timeline_missed (timeline), ==, g_strv_length (words));
      g_clear_pointer (&words, g_strfreev);
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

/* A KPI's status as loaded: the latest period, for both directions. */
static void
test_kpi_status (void)
{
  g_autoptr(StwWorkspace) ws = new_workspace ("status.steward");
  g_autoptr(StwKpi) patch = add_kpi (ws, "Patch compliance", "%", 95, STW_DIRECTION_HIGHER, STW_FREQUENCY_MONTHLY);
  g_autoptr(StwKpi) incidents = add_kpi (ws, "Incidents", "", 2, STW_DIRECTION_LOWER, STW_FREQUENCY_QUARTERLY);
  g_autoptr(StwKpi) loaded = NULL;

  /* Today is 2027-03-15: the running month has no value, February is due. */
  loaded = stw_workspace_load_kpi (ws, stw_kpi_get_id (patch), NULL);
  g_assert_cmpint (stw_kpi_get_status (loaded), ==, STW_KPI_NO_DATA);
  g_clear_object (&loaded);

  measure (ws, patch, "2027-02", 93);
  loaded = stw_workspace_load_kpi (ws, stw_kpi_get_id (patch), NULL);
  g_assert_cmpint (stw_kpi_get_status (loaded), ==, STW_KPI_NOT_MET);
  g_assert_cmpstr (stw_kpi_get_status_period (loaded), ==, "2027-02");
  g_clear_object (&loaded);

  /* The running month counts once measured. */
  measure (ws, patch, "2027-03", 97.5);
  loaded = stw_workspace_load_kpi (ws, stw_kpi_get_id (patch), NULL);
  g_assert_cmpint (stw_kpi_get_status (loaded), ==, STW_KPI_MET);
  g_assert_cmpstr (stw_kpi_get_status_period (loaded), ==, "2027-03");
  g_assert_cmpfloat (stw_kpi_get_value (loaded), ==, 97.5);
  g_clear_object (&loaded);

  measure (ws, incidents, "2026-Q4", 1);
  loaded = stw_workspace_load_kpi (ws, stw_kpi_get_id (incidents), NULL);
  g_assert_cmpint (stw_kpi_get_status (loaded), ==, STW_KPI_MET);
  g_clear_object (&loaded);
  measure (ws, incidents, "2027-Q1", 4);
  loaded = stw_workspace_load_kpi (ws, stw_kpi_get_id (incidents), NULL);
  g_assert_cmpint (stw_kpi_get_status (loaded), ==, STW_KPI_NOT_MET);
  g_assert_cmpuint (stw_kpi_get_missed (loaded), ==, 0);

  /* The model follows. */
  {
    GListModel *kpis = stw_workspace_get_kpis (ws);
    g_autoptr(StwKpi) first = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (kpis), ==, 2);
    first = g_list_model_get_item (kpis, 0);
    g_assert_cmpstr (stw_kpi_get_ref (first), ==, "K-001");
    g_assert_cmpint (stw_kpi_get_status (first), ==, STW_KPI_MET);
  }
}

/* Writes */

static void
records_changed_cb (StwWorkspace *ws,
                    const char   *entity,
                    gint64        id,
                    GString      *heard)
{
  g_string_append_printf (heard, "%s ", entity);
}

static void
test_crud_history (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwWorkspace) ws = new_workspace ("crud.steward");
  g_autoptr(StwObjective) o = stw_objective_new ();
  g_autoptr(StwObjective) loaded = NULL;
  g_autoptr(StwKpi) k = stw_kpi_new ();
  g_autoptr(StwKpi) k2 = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GString) heard = g_string_new (NULL);
  g_autoptr(StwMeasurement) m = NULL;
  g_autoptr(StwMeasurement) replaced = NULL;

  g_signal_connect (ws, "records-changed", G_CALLBACK (records_changed_cb), heard);

  /* Refused: nothing written. */
  g_assert_false (stw_workspace_insert_objective (ws, o, &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);

  stw_objective_set_title (o, "  Keep systems patched  ");
  stw_objective_set_target_date (o, "2027-12-31");
  stw_objective_set_owner_id (o, stw_workspace_get_actor_id (ws));
  g_assert_true (stw_workspace_insert_objective (ws, o, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (stw_objective_get_ref (o), ==, "O-001");
  g_assert_cmpstr (heard->str, ==, "objective ");

  stw_kpi_set_name (k, "Patch compliance");
  stw_kpi_set_clause (k, "9.1");
  stw_kpi_set_unit (k, "%");
  stw_kpi_set_target (k, 95);
  stw_kpi_set_objective_id (k, stw_objective_get_id (o));
  /* A percentage target above 100 is refused, and so is NaN. */
  stw_kpi_set_target (k, 120);
  g_assert_false (stw_workspace_insert_kpi (ws, k, &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  stw_kpi_set_target (k, NAN);
  g_assert_false (stw_workspace_insert_kpi (ws, k, &error));
  g_clear_error (&error);
  stw_kpi_set_target (k, 95);
  stw_kpi_set_clause (k, "99.9");
  g_assert_false (stw_workspace_insert_kpi (ws, k, &error));
  g_clear_error (&error);
  stw_kpi_set_clause (k, "9.1");
  g_assert_true (stw_workspace_insert_kpi (ws, k, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (stw_kpi_get_ref (k), ==, "K-001");

  /* The objective lists the KPI that measures it. */
  loaded = stw_workspace_find_objective_by_ref (ws, "O-001", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stw_objective_get_title (loaded), ==, "Keep systems patched");
  g_assert_cmpstr (stw_objective_get_kpi_refs (loaded)[0], ==, "K-001");
  g_assert_cmpuint (g_list_model_get_n_items (stw_workspace_get_objectives (ws)), ==, 1);

  /* Edit. */
  stw_objective_set_status (loaded, STW_OBJECTIVE_ON_TRACK);
  g_assert_true (stw_workspace_update_objective (ws, loaded, &error));
  g_assert_no_error (error);
  stw_kpi_set_target (k, 97.5);
  g_assert_true (stw_workspace_update_kpi (ws, k, &error));
  g_assert_no_error (error);

  /* Measure, then again: refused without replace, replaced with it. */
  m = stw_workspace_measure_kpi (ws, stw_kpi_get_id (k), "2027-02", 96.25, "From the patch report", FALSE,
                                 NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&m);
  m = stw_workspace_measure_kpi (ws, stw_kpi_get_id (k), "2027-02", 98, NULL, FALSE, NULL, &error);
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_EXISTS);
  g_assert_null (m);
  g_clear_error (&error);
  m = stw_workspace_measure_kpi (ws, stw_kpi_get_id (k), "2027-02", 98, NULL, TRUE, &replaced, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (stw_measurement_get_value (m), ==, 98);
  g_assert_cmpfloat (stw_measurement_get_value (replaced), ==, 96.25);
  g_assert_cmpstr (stw_measurement_get_recorded_by_name (m), ==, "Ann Example");

  /* Its frequency is now fixed. */
  k2 = stw_workspace_load_kpi (ws, stw_kpi_get_id (k), &error);
  stw_kpi_set_frequency (k2, STW_FREQUENCY_QUARTERLY);
  g_assert_false (stw_workspace_update_kpi (ws, k2, &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);

  /* An objective a KPI measures is not deleted. */
  g_assert_false (stw_workspace_delete_objective (ws, stw_objective_get_id (o), &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);

  entries = stw_workspace_list_history (ws, "measurement", stw_measurement_get_id (m), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_cmpstr (((StwHistoryEntry *) entries->pdata[0])->action, ==, "create");
  g_assert_cmpstr (((StwHistoryEntry *) entries->pdata[1])->action, ==, "update");
  g_assert_nonnull (strstr (((StwHistoryEntry *) entries->pdata[1])->changes, "96.25"));
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = stw_workspace_list_history (ws, "kpi", stw_kpi_get_id (k), &error);
  g_assert_cmpuint (entries->len, ==, 2);
  g_clear_pointer (&entries, g_ptr_array_unref);

  assert_check (ws, TRUE, "match");

  /* Delete and restore (undo), each recorded. */
  g_assert_true (stw_workspace_delete_measurement (ws, stw_measurement_get_id (m), &error));
  g_assert_no_error (error);
  g_assert_true (stw_workspace_delete_kpi (ws, stw_kpi_get_id (k), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (stw_workspace_get_kpis (ws)), ==, 0);
  g_assert_null (stw_workspace_find_kpi_by_ref (ws, "K-001", NULL));
  g_assert_true (stw_workspace_delete_objective (ws, stw_objective_get_id (o), &error));
  g_assert_no_error (error);
  g_assert_true (stw_workspace_restore_kpi (ws, stw_kpi_get_id (k), &error));
  g_assert_no_error (error);
  g_assert_true (stw_workspace_restore_objective (ws, stw_objective_get_id (o), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (stw_workspace_get_kpis (ws)), ==, 1);
  entries = stw_workspace_list_history (ws, "kpi", stw_kpi_get_id (k), &error);
  g_assert_cmpuint (entries->len, ==, 4);
  g_assert_cmpstr (((StwHistoryEntry *) entries->pdata[3])->action, ==, "restore");

  /* A new number, never a reused one. */
  {
    g_autoptr(StwKpi) k3 = add_kpi (ws, "Training", "%", 90, STW_DIRECTION_HIGHER, STW_FREQUENCY_YEARLY);

    g_assert_cmpstr (stw_kpi_get_ref (k3), ==, "K-002");
  }
  g_assert_nonnull (strstr (heard->str, "measurement "));
  g_assert_nonnull (strstr (heard->str, "kpi "));
  assert_check (ws, TRUE, "match");

  /* Evidence attaches to a measurement. */
  {
    g_autofree char *file = test_path (tmp, "patch-report.csv");
    g_autoptr(GFile) gfile = g_file_new_for_path (file);
    g_autoptr(StwMeasurement) m2 = stw_workspace_measure_kpi (ws, stw_kpi_get_id (k), "2027-01", 99, NULL, FALSE,
                                                              NULL, &error);
    g_autoptr(StwAttachment) a = NULL;

    g_assert_no_error (error);
    g_assert_true (g_file_set_contents (file, "host,patched\na,1\n", -1, NULL));
    a = stw_workspace_attach_file (ws, "measurement", stw_measurement_get_id (m2), gfile, NULL, NULL, NULL, NULL,
                                   &error);
    g_assert_no_error (error);
    g_assert_nonnull (a);
    g_assert_cmpuint (stw_workspace_count_attachments (ws, "measurement", stw_measurement_get_id (m2)), ==, 1);
  }
  assert_check (ws, TRUE, NULL);
}

/* A value, target or measurement changed in SQL, without an entry. */
static void
test_tamper (void)
{
  static const char * const tampering[] = {
    "UPDATE measurement SET value = 99.5 WHERE period = '2027-02'",
    "UPDATE kpi SET target = 50",
    "UPDATE kpi SET frequency = 'yearly'",
    "UPDATE objective SET title = 'Something else'",
    "DELETE FROM measurement",
    "UPDATE measurement SET deleted_at = '2027-03-01T00:00:00Z'",
  };
  static const char * const findings[] = {
    "measurement K-001 2027-02, field “value”",
    "kpi K-001, field “target”",
    "kpi K-001, field “frequency”",
    "objective O-001, field “title”",
    "measurement 1 is missing",
    "measurement K-001 2027-02 is deleted",
  };

  for (guint i = 0; i < G_N_ELEMENTS (tampering); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("tamper-%u.steward", i);
      g_autoptr(StwWorkspace) ws = new_workspace (name);
      g_autofree char *path = g_strdup (stw_workspace_get_path (ws));
      g_autoptr(StwObjective) o = stw_objective_new ();
      g_autoptr(StwKpi) k = stw_kpi_new ();

      stw_objective_set_title (o, "Keep systems patched");
      g_assert_true (stw_workspace_insert_objective (ws, o, &error));
      stw_kpi_set_name (k, "Patch compliance");
      stw_kpi_set_unit (k, "%");
      stw_kpi_set_target (k, 95.5);
      stw_kpi_set_objective_id (k, stw_objective_get_id (o));
      g_assert_true (stw_workspace_insert_kpi (ws, k, &error));
      g_assert_no_error (error);
      measure (ws, k, "2027-02", 0.1 + 0.2);
      assert_check (ws, TRUE, NULL);
      g_clear_object (&ws);

      raw_exec (path, tampering[i]);
      ws = stw_workspace_open (path, &error);
      g_assert_no_error (error);
      assert_check (ws, FALSE, findings[i]);
    }
}

/* Bad measurements record nothing. */
static void
test_measure_refused (void)
{
  g_autoptr(StwWorkspace) ws = new_workspace ("refused.steward");
  g_autoptr(StwKpi) patch = add_kpi (ws, "Patch compliance", "%", 95, STW_DIRECTION_HIGHER, STW_FREQUENCY_MONTHLY);
  g_autoptr(StwKpi) days = add_kpi (ws, "Days to patch", "days", 14, STW_DIRECTION_LOWER, STW_FREQUENCY_QUARTERLY);
  g_autofree char *head = stw_workspace_dup_history_head (ws);
  static const struct {
    gboolean    percent;
    const char *period;
    double      value;
  } bad[] = {
    { TRUE, "2027-02", 100.5 },
    { TRUE, "2027-02", -1 },
    { TRUE, "2027-Q1", 90 },
    { TRUE, "2027-04", 90 },
    { TRUE, "2027-02-01", 90 },
    { FALSE, "2027-03", 3 },
    { FALSE, "2027-Q2", 3 },
    { FALSE, "2027-Q1", INFINITY },
    { FALSE, "2027-Q1", NAN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      StwKpi *k = bad[i].percent ? patch : days;
      g_autoptr(StwMeasurement) m = stw_workspace_measure_kpi (ws, stw_kpi_get_id (k), bad[i].period,
                                                               bad[i].value, NULL, TRUE, NULL, &error);
      g_autofree char *now = stw_workspace_dup_history_head (ws);

      g_assert_null (m);
      g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID);
      g_test_message ("%s", error->message);
      g_assert_cmpstr (now, ==, head);
    }
  /* 100 % and a large number of days are fine. */
  measure (ws, patch, "2027-02", 100);
  measure (ws, days, NULL, 1e6);
  {
    g_autoptr(GListModel) list = stw_workspace_list_measurements (ws, stw_kpi_get_id (days), NULL);
    g_autoptr(StwMeasurement) m = g_list_model_get_item (list, 0);

    /* No period: today's. */
    g_assert_cmpstr (stw_measurement_get_period (m), ==, "2027-Q1");
  }
}

/* The chart */

static gboolean
has_colour (cairo_surface_t *surface,
            const guint8     rgb[3],
            int              min_pixels)
{
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);
  int n = 0;

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 px = *(const guint32 *) (data + y * stride + x * 4);

        if (((px >> 16) & 0xff) == rgb[0] && ((px >> 8) & 0xff) == rgb[1] && (px & 0xff) == rgb[2])
          n++;
      }
  return n >= min_pixels;
}

static void
test_chart (void)
{
  g_autoptr(StwWorkspace) ws = new_workspace ("chart.steward");
  g_autoptr(StwKpi) none = add_kpi (ws, "No data", "%", 95, STW_DIRECTION_HIGHER, STW_FREQUENCY_MONTHLY);
  g_autoptr(StwKpi) one = add_kpi (ws, "One value", "", 5, STW_DIRECTION_LOWER, STW_FREQUENCY_QUARTERLY);
  g_autoptr(StwKpi) many = add_kpi (ws, "Patch compliance", "%", 95, STW_DIRECTION_HIGHER, STW_FREQUENCY_MONTHLY);
  StwKpi *kpis[] = { none, one, many };

  measure (ws, one, "2027-Q1", 3);
  /* 24 months up to March 2027 with two missed and some below target. */
  {
    g_autofree char *period = g_strdup ("2025-04");

    for (int i = 0; i < 24; i++)
      {
        char *next = stw_period_next (period);

        if (i != 7 && i != 15)
          measure (ws, many, period, 90 + (i * 7) % 10);
        g_free (period);
        period = next;
      }
  }

  for (guint i = 0; i < G_N_ELEMENTS (kpis); i++)
    for (int dark = 0; dark <= 1; dark++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(StwKpi) k = stw_workspace_load_kpi (ws, stw_kpi_get_id (kpis[i]), NULL);
        cairo_surface_t *surface = stw_kpi_chart_render (ws, k, 640, 240, dark, &error);
        const StwKpiChartColours *c = stw_kpi_chart_colours (dark);

        g_assert_no_error (error);
        g_assert_nonnull (surface);
        g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
        g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 640);
        g_assert_true (has_colour (surface, c->background, 1000));
        /* The target line: dashes, two pixels high, most of the width. */
        g_assert_true (has_colour (surface, c->target, 400));
        if (k == NULL || i == 2)
          {
            g_assert_true (has_colour (surface, c->met, 10));
            g_assert_true (has_colour (surface, c->not_met, 10));
            g_assert_true (has_colour (surface, c->missed, 4));
          }
        cairo_surface_destroy (surface);
      }

  /* Tiny sizes draw without trouble. */
  {
    cairo_surface_t *surface = stw_kpi_chart_render (ws, many, 1, 1, FALSE, NULL);

    g_assert_nonnull (surface);
    cairo_surface_destroy (surface);
  }

  {
    g_autoptr(GError) error = NULL;
    const char *out = g_getenv ("STW_TEST_CHART_PNG");
    g_autofree char *path = out ? g_strdup (out) : test_path (tmp, "chart.png");
    g_autoptr(StwKpi) k = stw_workspace_load_kpi (ws, stw_kpi_get_id (many), NULL);

    g_assert_true (stw_kpi_chart_write_png (ws, k, 720, 260, FALSE, path, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  }
}

static void
test_search (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwWorkspace) ws = new_workspace ("search.steward");
  g_autoptr(StwObjective) o = stw_objective_new ();
  g_autoptr(StwKpi) k = add_kpi (ws, "Phishing click rate", "%", 5, STW_DIRECTION_LOWER, STW_FREQUENCY_QUARTERLY);
  g_autoptr(GListModel) found = NULL;

  stw_objective_set_title (o, "Staff resist phishing");
  g_assert_true (stw_workspace_insert_objective (ws, o, &error));
  found = stw_workspace_search_kpis (ws, "phishing", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  g_clear_object (&found);
  found = stw_workspace_search_objectives (ws, "o-001", 0, &error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  g_clear_object (&found);
  found = stw_workspace_search_objectives (ws, "click", 0, &error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 0);
}

/* The sample holds a realistic year: objectives, KPIs with twelve months
 * and more of values, some missed, some off target, evidence on one. */
static void
test_sample (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_path (tmp, "sample.steward");
  g_autoptr(StwWorkspace) ws = stw_sample_create (path, 0, &error);
  GListModel *kpis;
  guint n_missed = 0, n_not_met = 0, n_met = 0, most = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (stw_workspace_get_objectives (ws)), >=, 3);
  kpis = stw_workspace_get_kpis (ws);
  g_assert_cmpuint (g_list_model_get_n_items (kpis), >=, 5);
  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(StwKpi) k = g_list_model_get_item (kpis, i);
      g_autoptr(GArray) timeline = stw_workspace_kpi_timeline (ws, k, &error);
      g_autoptr(GListModel) list = stw_workspace_list_measurements (ws, stw_kpi_get_id (k), &error);

      g_assert_no_error (error);
      most = MAX (most, g_list_model_get_n_items (list));
      n_missed += stw_period_timeline_missed (timeline);
      for (guint j = 0; j < timeline->len; j++)
        {
          StwPeriodStatus *st = &g_array_index (timeline, StwPeriodStatus, j);

          n_met += st->status == STW_KPI_MET;
          n_not_met += st->status == STW_KPI_NOT_MET;
        }
    }
  g_assert_cmpuint (most, >=, 12);
  g_assert_cmpuint (n_missed, >=, 3);
  g_assert_cmpuint (n_not_met, >=, 5);
  g_assert_cmpuint (n_met, >, n_not_met);
  {
    g_autoptr(StwKpi) k = stw_workspace_find_kpi_by_ref (ws, "K-001", &error);
    g_autoptr(GListModel) list = stw_workspace_list_measurements (ws, stw_kpi_get_id (k), &error);
    g_autoptr(StwMeasurement) last = g_list_model_get_item (list, g_list_model_get_n_items (list) - 1);

    g_assert_cmpuint (stw_workspace_count_attachments (ws, "measurement", stw_measurement_get_id (last)), ==, 1);
  }
  assert_check (ws, TRUE, NULL);
}

/* Each change to a record is undone as items are, and the undo itself is
 * recorded: the check still passes. */
static void
test_undo (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwWorkspace) ws = new_workspace ("undo.steward");
  g_autoptr(StwUndoStack) undo = stw_undo_stack_new (ws, 20);
  g_autoptr(StwObjective) o = stw_objective_new ();
  g_autoptr(StwObjective) loaded = NULL;
  g_autoptr(StwKpi) k = NULL;
  g_autoptr(StwKpi) before = NULL;
  g_autoptr(StwMeasurement) m = NULL;
  g_autoptr(StwMeasurement) replaced = NULL;
  g_autofree char *description = NULL;
  gint64 item_id = -1;

  stw_objective_set_title (o, "Keep systems patched");
  g_assert_true (stw_workspace_insert_objective (ws, o, &error));
  stw_undo_stack_push_objective_create (undo, o);
  k = add_kpi (ws, "Patch compliance", "%", 95, STW_DIRECTION_HIGHER, STW_FREQUENCY_MONTHLY);
  stw_undo_stack_push_kpi_create (undo, k);

  /* Edit the KPI, then undo: its target is back. */
  before = stw_kpi_copy (k);
  stw_undo_stack_push_kpi_update (undo, before);
  stw_kpi_set_target (k, 99);
  g_assert_true (stw_workspace_update_kpi (ws, k, &error));

  /* Measure, replace, delete; undo each in turn. */
  m = stw_workspace_measure_kpi (ws, stw_kpi_get_id (k), "2027-02", 90, "first", FALSE, NULL, &error);
  g_assert_no_error (error);
  stw_undo_stack_push_measure (undo, k, m, NULL);
  g_clear_object (&m);
  m = stw_workspace_measure_kpi (ws, stw_kpi_get_id (k), "2027-02", 96, NULL, TRUE, &replaced, &error);
  g_assert_no_error (error);
  stw_undo_stack_push_measure (undo, k, m, replaced);
  stw_undo_stack_push_measurement_delete (undo, k, m);
  g_assert_true (stw_workspace_delete_measurement (ws, stw_measurement_get_id (m), &error));

  /* Delete the KPI. */
  stw_undo_stack_push_kpi_delete (undo, k);
  g_assert_true (stw_workspace_delete_kpi (ws, stw_kpi_get_id (k), &error));

  /* Undo the delete: the KPI is back. */
  g_assert_true (stw_undo_stack_undo (undo, &description, &item_id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (description, ==, "Change to K-001 undone");
  g_assert_cmpint (item_id, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (stw_workspace_get_kpis (ws)), ==, 1);

  /* Undo the measurement's deletion: 96 again. */
  g_assert_true (stw_undo_stack_undo (undo, NULL, NULL, &error));
  {
    g_autoptr(GListModel) list = stw_workspace_list_measurements (ws, stw_kpi_get_id (k), NULL);
    g_autoptr(StwMeasurement) now = g_list_model_get_item (list, 0);

    g_assert_cmpfloat (stw_measurement_get_value (now), ==, 96);
  }
  /* Undo the replacement: 90 and its note again. */
  g_assert_true (stw_undo_stack_undo (undo, NULL, NULL, &error));
  {
    g_autoptr(GListModel) list = stw_workspace_list_measurements (ws, stw_kpi_get_id (k), NULL);
    g_autoptr(StwMeasurement) now = g_list_model_get_item (list, 0);

    g_assert_cmpfloat (stw_measurement_get_value (now), ==, 90);
    g_assert_cmpstr (stw_measurement_get_note (now), ==, "first");
  }
  /* Undo the first measurement: none left, though the row it made was
   * deleted and the value put back in a new one meanwhile. */
  g_assert_true (stw_undo_stack_undo (undo, NULL, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GListModel) list = stw_workspace_list_measurements (ws, stw_kpi_get_id (k), NULL);

    g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  }
  /* Undo the edit. */
  g_assert_true (stw_undo_stack_undo (undo, NULL, NULL, &error));
  {
    g_autoptr(StwKpi) now = stw_workspace_load_kpi (ws, stw_kpi_get_id (k), NULL);

    g_assert_cmpfloat (stw_kpi_get_target (now), ==, 95);
  }
  /* Undo the creations: KPI, then objective. */
  g_assert_true (stw_undo_stack_undo (undo, NULL, NULL, &error));
  g_assert_cmpuint (g_list_model_get_n_items (stw_workspace_get_kpis (ws)), ==, 0);
  g_assert_true (stw_undo_stack_undo (undo, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (stw_workspace_get_objectives (ws)), ==, 0);
  g_assert_false (stw_undo_stack_get_can_undo (undo));

  /* An objective's edit and deletion. */
  loaded = stw_objective_new ();
  stw_objective_set_title (loaded, "Train everyone");
  g_assert_true (stw_workspace_insert_objective (ws, loaded, &error));
  stw_undo_stack_push_objective_update (undo, loaded);
  stw_objective_set_title (loaded, "Train every employee");
  g_assert_true (stw_workspace_update_objective (ws, loaded, &error));
  stw_undo_stack_push_objective_delete (undo, loaded);
  g_assert_true (stw_workspace_delete_objective (ws, stw_objective_get_id (loaded), &error));
  g_assert_true (stw_undo_stack_undo (undo, NULL, NULL, &error));
  g_assert_true (stw_undo_stack_undo (undo, NULL, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(StwObjective) now = stw_workspace_load_objective (ws, stw_objective_get_id (loaded), &error);

    g_assert_no_error (error);
    g_assert_cmpstr (stw_objective_get_title (now), ==, "Train everyone");
  }
  assert_check (ws, TRUE, "match");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  data_home = test_setup_data_home ();
  tmp = g_build_filename (data_home, "files", NULL);
  g_mkdir_with_parents (tmp, 0700);

  g_test_add_func ("/records/periods/keys", test_periods_keys);
  g_test_add_func ("/records/periods/missed", test_periods_missed);
  g_test_add_func ("/records/status", test_status);
  g_test_add_func ("/records/kpi-status", test_kpi_status);
  g_test_add_func ("/records/crud-history", test_crud_history);
  g_test_add_func ("/records/tamper", test_tamper);
  g_test_add_func ("/records/measure-refused", test_measure_refused);
  g_test_add_func ("/records/chart", test_chart);
  g_test_add_func ("/records/search", test_search);
  g_test_add_func ("/records/sample", test_sample);
  g_test_add_func ("/records/undo", test_undo);

  status = g_test_run ();

  /* The chart test lays text out with Pango: fontconfig and Pango keep
   * their caches for the life of the process, which LeakSanitizer (the
   * sanitizer run of the core tests) reports as leaks. Let them go. */
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();
  FcFini ();
  return status;
}
