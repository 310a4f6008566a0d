/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-records-store.c: storing objectives, KPIs and measurements, and
 * keeping the objective and KPI models current (see stw-records-store.h).
 *
 * The models are the domain's cache on the workspace: reloaded through the
 * store's hooks after opening, after a rollback and after each committed
 * change, so a KPI's status is always that of the file.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "stw-people-store.h"
#include "stw-records-private.h"
#include "stw-records-store.h"
#include "stw-search-private.h"
#include "stw-workspace-private.h"

#define OBJECTIVES_KEY "stw-records-objectives"
#define KPIS_KEY "stw-records-kpis"

#define OBJECTIVE_COLUMNS \
  "o.id, o.ref, o.title, o.description, coalesce(o.owner_id, 0), p.name, o.target_date, o.status"
#define OBJECTIVE_FROM \
  " FROM objective o LEFT JOIN person p ON p.id = o.owner_id WHERE o.deleted_at IS NULL"

#define KPI_COLUMNS \
  "k.id, k.ref, k.name, k.description, k.clause, coalesce(k.owner_id, 0), p.name, k.unit, k.target," \
  " k.direction, k.frequency, coalesce(k.objective_id, 0), o.ref, k.start_date"
#define KPI_FROM \
  " FROM kpi k LEFT JOIN person p ON p.id = k.owner_id LEFT JOIN objective o ON o.id = k.objective_id" \
  " WHERE k.deleted_at IS NULL"

#define MEASUREMENT_COLUMNS \
  "m.id, m.kpi_id, m.period, m.value, m.note, p.name, m.recorded_at"
#define MEASUREMENT_FROM \
  " FROM measurement m LEFT JOIN person p ON p.id = m.recorded_by WHERE m.deleted_at IS NULL"

static guint records_changed_signal;

/* Helpers */

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID, message);
  return FALSE;
}

static const char *
owner_name (StwWorkspace *self,
            gint64        id)
{
  return _stw_workspace_person_name (self, id);
}

static gboolean
check_owner (StwWorkspace  *self,
             gint64         owner_id,
             gint64         old_owner_id,
             GError       **error)
{
  StwPerson *owner;

  /* An owner who has left may stay on what they owned; a new owner must
   * be active. */
  if (owner_id == 0 || owner_id == old_owner_id)
    return TRUE;
  owner = stw_workspace_find_person (self, owner_id);
  if (owner == NULL || !stw_person_get_active (owner))
    return invalid (error, _("The owner must be an active person of this workspace"));
  return TRUE;
}

static void
changes_add_double (JsonBuilder *b,
                    const char  *field,
                    gboolean     has_old,
                    double       old_value,
                    double       new_value)
{
  json_builder_set_member_name (b, field);
  json_builder_begin_array (b);
  if (has_old)
    json_builder_add_double_value (b, old_value);
  else
    json_builder_add_null_value (b);
  json_builder_add_double_value (b, new_value);
  json_builder_end_array (b);
}

static void
note (StwWorkspace *self,
      const char   *entity,
      gint64        id)
{
  _stw_workspace_note_change (self, entity, id, 0);
}

/* Loading */

static StwObjective *
objective_from_row (StwWorkspace *self,
                    sqlite3_stmt *stmt)
{
  StwObjective *o = stw_objective_new ();
  StwObjectiveStatus status = STW_OBJECTIVE_PLANNED;
  g_autoptr(GStrvBuilder) refs = g_strv_builder_new ();
  g_auto(GStrv) kpi_refs = NULL;
  sqlite3_stmt *kpis;
  gint64 id = sqlite3_column_int64 (stmt, 0);
  g_autofree char *ref = g_strdup (_stw_column_text (stmt, 1));
  g_autofree char *owner = g_strdup (_stw_column_text (stmt, 5));

  stw_objective_set_title (o, _stw_column_text (stmt, 2));
  stw_objective_set_description (o, _stw_column_text (stmt, 3));
  stw_objective_set_owner_id (o, sqlite3_column_int64 (stmt, 4));
  stw_objective_set_target_date (o, _stw_column_text (stmt, 6));
  stw_objective_status_from_key (_stw_column_text (stmt, 7), &status);
  stw_objective_set_status (o, status);

  /* A different statement from @stmt, which the caller is stepping. */
  kpis = _stw_workspace_prepare (self, "SELECT ref FROM kpi WHERE objective_id = ? AND deleted_at IS NULL"
                                       " ORDER BY length(ref), ref", NULL);
  if (kpis != NULL)
    {
      sqlite3_bind_int64 (kpis, 1, id);
      while (sqlite3_step (kpis) == SQLITE_ROW)
        g_strv_builder_add (refs, _stw_column_text (kpis, 0));
      sqlite3_reset (kpis);
      sqlite3_clear_bindings (kpis);
    }
  kpi_refs = g_strv_builder_end (refs);
  _stw_objective_set_stored (o, id, ref, owner, (const char * const *) kpi_refs);
  return o;
}

static StwKpi *
kpi_from_row (sqlite3_stmt *stmt)
{
  StwKpi *k = stw_kpi_new ();
  StwDirection direction = STW_DIRECTION_HIGHER;
  StwFrequency frequency = STW_FREQUENCY_MONTHLY;

  stw_kpi_set_name (k, _stw_column_text (stmt, 2));
  stw_kpi_set_description (k, _stw_column_text (stmt, 3));
  stw_kpi_set_clause (k, _stw_column_text (stmt, 4));
  stw_kpi_set_owner_id (k, sqlite3_column_int64 (stmt, 5));
  stw_kpi_set_unit (k, _stw_column_text (stmt, 7));
  stw_kpi_set_target (k, sqlite3_column_double (stmt, 8));
  stw_direction_from_key (_stw_column_text (stmt, 9), &direction);
  stw_kpi_set_direction (k, direction);
  stw_frequency_from_key (_stw_column_text (stmt, 10), &frequency);
  stw_kpi_set_frequency (k, frequency);
  stw_kpi_set_objective_id (k, sqlite3_column_int64 (stmt, 11));
  stw_kpi_set_start_date (k, _stw_column_text (stmt, 13));
  _stw_kpi_set_stored (k, sqlite3_column_int64 (stmt, 0), _stw_column_text (stmt, 1),
                       _stw_column_text (stmt, 6), _stw_column_text (stmt, 12));
  return k;
}

static StwMeasurement *
measurement_from_row (sqlite3_stmt *stmt)
{
  return _stw_measurement_new (sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                               _stw_column_text (stmt, 2), sqlite3_column_double (stmt, 3),
                               _stw_column_text (stmt, 4), _stw_column_text (stmt, 5),
                               _stw_column_text (stmt, 6));
}

GListModel *
stw_workspace_list_measurements (StwWorkspace  *self,
                                 gint64         kpi_id,
                                 GError       **error)
{
  g_autoptr(GListStore) list = g_list_store_new (STW_TYPE_MEASUREMENT);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);

  stmt = _stw_workspace_prepare (self, "SELECT " MEASUREMENT_COLUMNS MEASUREMENT_FROM
                                       " AND m.kpi_id = ? ORDER BY m.period", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, kpi_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(StwMeasurement) m = measurement_from_row (stmt);

      g_list_store_append (list, m);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      _stw_set_sqlite_error (error, _stw_workspace_get_db (self), rc, _("Could not read the measurements"));
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&list));
}

GArray *
stw_workspace_kpi_timeline (StwWorkspace  *self,
                            StwKpi        *kpi,
                            GError       **error)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GPtrArray) periods = g_ptr_array_new ();
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  const char *today;
  g_autofree char *start = NULL;
  guint n;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (STW_IS_KPI (kpi), NULL);

  list = stw_workspace_list_measurements (self, stw_kpi_get_id (kpi), error);
  if (list == NULL)
    return NULL;
  today = _stw_workspace_today (self);
  start = g_strdup (stw_kpi_get_start_date (kpi) && strcmp (stw_kpi_get_start_date (kpi), today) < 0
                    ? stw_kpi_get_start_date (kpi) : today);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StwMeasurement) m = g_list_model_get_item (list, i);
      double v = stw_measurement_get_value (m);

      /* The list keeps the measurement alive. */
      g_ptr_array_add (periods, (gpointer) stw_measurement_get_period (m));
      g_array_append_val (values, v);
      if (i == 0)
        {
          g_autofree char *first = stw_period_first_day (stw_measurement_get_period (m));

          if (first != NULL && strcmp (first, start) < 0)
            {
              g_free (start);
              start = g_steal_pointer (&first);
            }
        }
    }
  return stw_period_timeline (stw_kpi_get_frequency (kpi), start, today,
                              (const char * const *) periods->pdata, (const double *) values->data, n,
                              stw_kpi_get_target (kpi), stw_kpi_get_direction (kpi));
}

static void
judge_kpi (StwWorkspace *self,
           StwKpi       *kpi)
{
  g_autoptr(GArray) timeline = stw_workspace_kpi_timeline (self, kpi, NULL);
  int latest;

  if (timeline == NULL)
    return;
  latest = stw_period_timeline_latest (timeline, _stw_workspace_today (self));
  if (latest < 0)
    {
      _stw_kpi_set_judged (kpi, STW_KPI_NO_DATA, "", FALSE, 0, 0);
      return;
    }
  {
    StwPeriodStatus *s = &g_array_index (timeline, StwPeriodStatus, latest);

    _stw_kpi_set_judged (kpi, s->status, s->period, s->has_value, s->value,
                         stw_period_timeline_missed (timeline));
  }
}

static StwObjective *
load_objective (StwWorkspace  *self,
                const char    *where,
                gint64         id,
                const char    *ref,
                GError       **error)
{
  g_autofree char *sql = g_strconcat ("SELECT " OBJECTIVE_COLUMNS OBJECTIVE_FROM " AND ", where, NULL);
  sqlite3_stmt *stmt = _stw_workspace_prepare (self, sql, error);
  StwObjective *o = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  if (ref != NULL)
    sqlite3_bind_text (stmt, 1, ref, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    o = objective_from_row (self, stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (o == NULL)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_FOUND,
                     ref ? _("There is no objective %s") : _("There is no such objective"), ref);
      else
        _stw_set_sqlite_error (error, _stw_workspace_get_db (self), rc, _("Could not read the objective"));
    }
  return o;
}

static StwKpi *
load_kpi (StwWorkspace  *self,
          const char    *where,
          gint64         id,
          const char    *ref,
          GError       **error)
{
  g_autofree char *sql = g_strconcat ("SELECT " KPI_COLUMNS KPI_FROM " AND ", where, NULL);
  sqlite3_stmt *stmt = _stw_workspace_prepare (self, sql, error);
  StwKpi *k = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  if (ref != NULL)
    sqlite3_bind_text (stmt, 1, ref, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    k = kpi_from_row (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (k == NULL)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_FOUND,
                     ref ? _("There is no KPI %s") : _("There is no such KPI"), ref);
      else
        _stw_set_sqlite_error (error, _stw_workspace_get_db (self), rc, _("Could not read the KPI"));
      return NULL;
    }
  judge_kpi (self, k);
  return k;
}

StwObjective *
stw_workspace_load_objective (StwWorkspace  *self,
                              gint64         objective_id,
                              GError       **error)
{
  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);
  return load_objective (self, "o.id = ?", objective_id, NULL, error);
}

StwObjective *
stw_workspace_find_objective_by_ref (StwWorkspace  *self,
                                     const char    *ref,
                                     GError       **error)
{
  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (ref != NULL, NULL);
  return load_objective (self, "o.ref = ?", 0, ref, error);
}

StwKpi *
stw_workspace_load_kpi (StwWorkspace  *self,
                        gint64         kpi_id,
                        GError       **error)
{
  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);
  return load_kpi (self, "k.id = ?", kpi_id, NULL, error);
}

StwKpi *
stw_workspace_find_kpi_by_ref (StwWorkspace  *self,
                               const char    *ref,
                               GError       **error)
{
  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (ref != NULL, NULL);
  return load_kpi (self, "k.ref = ?", 0, ref, error);
}

StwMeasurement *
stw_workspace_load_measurement (StwWorkspace  *self,
                                gint64         measurement_id,
                                GError       **error)
{
  sqlite3_stmt *stmt;
  StwMeasurement *m = NULL;
  int rc;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);

  stmt = _stw_workspace_prepare (self, "SELECT " MEASUREMENT_COLUMNS MEASUREMENT_FROM " AND m.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, measurement_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    m = measurement_from_row (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (m == NULL)
    {
      if (rc == SQLITE_DONE)
        g_set_error_literal (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_FOUND,
                             _("There is no such measurement"));
      else
        _stw_set_sqlite_error (error, _stw_workspace_get_db (self), rc, _("Could not read the measurement"));
    }
  return m;
}

/* See stw-records-private.h. */
GArray *
_stw_records_select_ids (StwWorkspace  *self,
                         const char    *sql,
                         gint64         param,
                         GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = _stw_workspace_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (param != 0)
    sqlite3_bind_int64 (stmt, 1, param);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      _stw_set_sqlite_error (error, _stw_workspace_get_db (self), rc, _("Could not read the records"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

GListModel *
stw_workspace_list_kpis_of_objective (StwWorkspace  *self,
                                      gint64         objective_id,
                                      GError       **error)
{
  g_autoptr(GListStore) list = g_list_store_new (STW_TYPE_KPI);
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);

  ids = _stw_records_select_ids (self, "SELECT id FROM kpi WHERE objective_id = ? AND deleted_at IS NULL"
                                 " ORDER BY length(ref), ref", objective_id, error);
  if (ids == NULL)
    return NULL;
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(StwKpi) k = stw_workspace_load_kpi (self, g_array_index (ids, gint64, i), error);

      if (k == NULL)
        return NULL;
      g_list_store_append (list, k);
    }
  return G_LIST_MODEL (g_steal_pointer (&list));
}

/* The cached models */

static void
reload (StwWorkspace *self)
{
  GListStore *objectives = _stw_workspace_get_cache (self, OBJECTIVES_KEY, STW_TYPE_OBJECTIVE);
  GListStore *kpis = _stw_workspace_get_cache (self, KPIS_KEY, STW_TYPE_KPI);
  g_autoptr(GPtrArray) new_objectives = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) new_kpis = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) ids = NULL;

  ids = _stw_records_select_ids (self, "SELECT id FROM objective WHERE deleted_at IS NULL ORDER BY length(ref), ref",
                                 0, NULL);
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      StwObjective *o = stw_workspace_load_objective (self, g_array_index (ids, gint64, i), NULL);

      if (o != NULL)
        g_ptr_array_add (new_objectives, o);
    }
  g_clear_pointer (&ids, g_array_unref);
  ids = _stw_records_select_ids (self, "SELECT id FROM kpi WHERE deleted_at IS NULL ORDER BY length(ref), ref", 0, NULL);
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      StwKpi *k = stw_workspace_load_kpi (self, g_array_index (ids, gint64, i), NULL);

      if (k != NULL)
        g_ptr_array_add (new_kpis, k);
    }

  g_list_store_splice (objectives, 0, g_list_model_get_n_items (G_LIST_MODEL (objectives)),
                       new_objectives->pdata, new_objectives->len);
  g_list_store_splice (kpis, 0, g_list_model_get_n_items (G_LIST_MODEL (kpis)),
                       new_kpis->pdata, new_kpis->len);
}

GListModel *
stw_workspace_get_objectives (StwWorkspace *self)
{
  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);
  return G_LIST_MODEL (_stw_workspace_get_cache (self, OBJECTIVES_KEY, STW_TYPE_OBJECTIVE));
}

GListModel *
stw_workspace_get_kpis (StwWorkspace *self)
{
  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);
  return G_LIST_MODEL (_stw_workspace_get_cache (self, KPIS_KEY, STW_TYPE_KPI));
}

/* Objectives */

static gboolean
validate_objective (StwWorkspace  *self,
                    StwObjective  *o,
                    StwObjective  *old,
                    GError       **error)
{
  g_autofree char *title = g_strstrip (g_strdup (stw_objective_get_title (o)));
  const char *date = stw_objective_get_target_date (o);

  if (title[0] == '\0')
    return invalid (error, _("An objective needs a title"));
  if (date != NULL && !stw_date_is_valid (date))
    return invalid (error, _("Dates are written as year-month-day, such as 2027-03-31"));
  if (stw_objective_get_status (o) >= STW_N_OBJECTIVE_STATUSES)
    return invalid (error, _("Unknown status"));
  return check_owner (self, stw_objective_get_owner_id (o), old ? stw_objective_get_owner_id (old) : 0, error);
}

static char *
objective_changes (StwWorkspace *self,
                   StwObjective *old,
                   StwObjective *o)
{
  g_autoptr(JsonBuilder) b = _stw_changes_new ();
  g_autofree char *title = g_strstrip (g_strdup (stw_objective_get_title (o)));
  gboolean creating = old == NULL;

  if (creating)
    _stw_changes_add_text (b, "ref", NULL, stw_objective_get_ref (o));
  {
    g_autofree char *was = creating ? NULL : g_strstrip (g_strdup (stw_objective_get_title (old)));

    if (creating || g_strcmp0 (was, title) != 0)
      _stw_changes_add_text (b, "title", was, title);
  }
  if (creating ? stw_objective_get_description (o)[0] != '\0'
               : g_strcmp0 (stw_objective_get_description (old), stw_objective_get_description (o)) != 0)
    _stw_changes_add_text (b, "description", creating ? NULL : stw_objective_get_description (old),
                           stw_objective_get_description (o));
  if (creating ? stw_objective_get_owner_id (o) != 0
               : stw_objective_get_owner_id (old) != stw_objective_get_owner_id (o))
    _stw_changes_add_text (b, "owner", creating ? NULL : owner_name (self, stw_objective_get_owner_id (old)),
                           owner_name (self, stw_objective_get_owner_id (o)));
  if (creating ? stw_objective_get_target_date (o) != NULL
               : g_strcmp0 (stw_objective_get_target_date (old), stw_objective_get_target_date (o)) != 0)
    _stw_changes_add_text (b, "target_date", creating ? NULL : stw_objective_get_target_date (old),
                           stw_objective_get_target_date (o));
  if (creating || stw_objective_get_status (old) != stw_objective_get_status (o))
    _stw_changes_add_text (b, "status", creating ? NULL : stw_objective_status_to_key (stw_objective_get_status (old)),
                           stw_objective_status_to_key (stw_objective_get_status (o)));
  return _stw_changes_finish (b);
}

static void
bind_objective (sqlite3_stmt *stmt,
                StwObjective *o)
{
  g_autofree char *title = g_strstrip (g_strdup (stw_objective_get_title (o)));

  sqlite3_bind_text (stmt, 1, title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, stw_objective_get_description (o), -1, SQLITE_TRANSIENT);
  _stw_bind_id_or_null (stmt, 3, stw_objective_get_owner_id (o));
  _stw_bind_text_or_null (stmt, 4, stw_objective_get_target_date (o));
  sqlite3_bind_text (stmt, 5, stw_objective_status_to_key (stw_objective_get_status (o)), -1, SQLITE_STATIC);
}

gboolean
stw_workspace_insert_objective (StwWorkspace  *self,
                                StwObjective  *objective,
                                GError       **error)
{
  g_autofree char *now = stw_timestamp_now ();
  g_autofree char *ref = NULL;
  g_autofree char *changes = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 number;
  gboolean ok;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (STW_IS_OBJECTIVE (objective) && stw_objective_get_id (objective) == 0, FALSE);

  if (!validate_objective (self, objective, NULL, error))
    return FALSE;
  if (!_stw_workspace_write_begin (self, error))
    return FALSE;
  number = _stw_workspace_next_number (self, "O", error);
  ok = number > 0;
  if (ok)
    {
      ref = g_strdup_printf ("O-%03" G_GINT64_FORMAT, number);
      stmt = _stw_workspace_prepare (self,
                                     "INSERT INTO objective (title, description, owner_id, target_date, status,"
                                     " ref, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)", error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      bind_objective (stmt, objective);
      sqlite3_bind_text (stmt, 6, ref, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 7, now, -1, SQLITE_TRANSIENT);
      ok = _stw_workspace_step_done (self, stmt, _("Could not save the objective"), error);
    }
  if (ok)
    {
      _stw_objective_set_stored (objective, sqlite3_last_insert_rowid (_stw_workspace_get_db (self)), ref,
                                 owner_name (self, stw_objective_get_owner_id (objective)), NULL);
      changes = objective_changes (self, NULL, objective);
      ok = _stw_history_append (self, "objective", stw_objective_get_id (objective), "create", changes, error);
    }
  if (ok)
    note (self, "objective", stw_objective_get_id (objective));
  ok = _stw_workspace_write_end (self, ok, ok ? error : NULL) && ok;
  if (!ok)
    _stw_objective_set_stored (objective, 0, NULL, NULL, NULL);
  return ok;
}

gboolean
stw_workspace_update_objective (StwWorkspace  *self,
                                StwObjective  *objective,
                                GError       **error)
{
  g_autoptr(StwObjective) old = NULL;
  g_autofree char *changes = NULL;
  g_autofree char *now = stw_timestamp_now ();
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (STW_IS_OBJECTIVE (objective), FALSE);

  old = stw_workspace_load_objective (self, stw_objective_get_id (objective), error);
  if (old == NULL || !validate_objective (self, objective, old, error))
    return FALSE;
  changes = objective_changes (self, old, objective);
  if (g_str_equal (changes, "{}"))
    return TRUE;

  if (!_stw_workspace_write_begin (self, error))
    return FALSE;
  stmt = _stw_workspace_prepare (self,
                                 "UPDATE objective SET title = ?1, description = ?2, owner_id = ?3,"
                                 " target_date = ?4, status = ?5, updated_at = ?6"
                                 " WHERE id = ?7 AND deleted_at IS NULL", error);
  ok = stmt != NULL;
  if (ok)
    {
      bind_objective (stmt, objective);
      sqlite3_bind_text (stmt, 6, now, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 7, stw_objective_get_id (objective));
      ok = _stw_workspace_step_done (self, stmt, _("Could not save the objective"), error);
    }
  ok = ok && _stw_history_append (self, "objective", stw_objective_get_id (objective), "update", changes, error);
  if (ok)
    note (self, "objective", stw_objective_get_id (objective));
  return _stw_workspace_write_end (self, ok, ok ? error : NULL) && ok;
}

/* Marks a record of @table deleted (or restored) with its entry naming
 * it by @ref and @label. */
static gboolean
set_deleted (StwWorkspace  *self,
             const char    *table,
             const char    *entity,
             gint64         id,
             const char    *ref,
             const char    *label_key,
             const char    *label,
             gboolean       deleted,
             GError       **error)
{
  g_autofree char *now = stw_timestamp_now ();
  g_autofree char *sql = NULL;
  g_autofree char *changes = NULL;
  g_autoptr(JsonBuilder) b = _stw_changes_new ();
  sqlite3_stmt *stmt;
  gboolean ok;

  /* @table is one of ours, never data. */
  sql = g_strdup_printf (deleted ? "UPDATE %s SET deleted_at = ?1, updated_at = ?1 WHERE id = ?2 AND deleted_at IS NULL"
                                 : "UPDATE %s SET deleted_at = NULL, updated_at = ?1 WHERE id = ?2 AND deleted_at IS NOT NULL",
                         table);
  if (!_stw_workspace_write_begin (self, error))
    return FALSE;
  stmt = _stw_workspace_prepare (self, sql, error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, id);
      ok = _stw_workspace_step_done (self, stmt, _("Could not save the change"), error);
    }
  if (ok && sqlite3_changes (_stw_workspace_get_db (self)) != 1)
    {
      g_set_error_literal (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_FOUND,
                           deleted ? _("It was deleted already") : _("It is not deleted"));
      ok = FALSE;
    }
  if (ok)
    {
      _stw_changes_add_text (b, "ref", ref, ref);
      _stw_changes_add_text (b, label_key, label, label);
      changes = _stw_changes_finish (b);
      ok = _stw_history_append (self, entity, id, deleted ? "delete" : "restore", changes, error);
    }
  if (ok)
    note (self, entity, id);
  return _stw_workspace_write_end (self, ok, ok ? error : NULL) && ok;
}

gboolean
stw_workspace_delete_objective (StwWorkspace  *self,
                                gint64         objective_id,
                                GError       **error)
{
  g_autoptr(StwObjective) o = NULL;
  const char * const *kpis;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);

  o = stw_workspace_load_objective (self, objective_id, error);
  if (o == NULL)
    return FALSE;
  kpis = stw_objective_get_kpi_refs (o);
  if (kpis[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (", ", (char **) kpis);

      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   _("%s is measured by %s; link those KPIs to another objective first"),
                   stw_objective_get_ref (o), list);
      return FALSE;
    }
  return set_deleted (self, "objective", "objective", objective_id, stw_objective_get_ref (o),
                      "title", stw_objective_get_title (o), TRUE, error);
}

/* The reference and label of a deleted record, for restoring it. */
static gboolean
read_deleted (StwWorkspace  *self,
              const char    *sql,
              gint64         id,
              char         **ref,
              char         **label,
              GError       **error)
{
  sqlite3_stmt *stmt = _stw_workspace_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *ref = g_strdup (_stw_column_text (stmt, 0));
      *label = g_strdup (_stw_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_ROW)
    {
      g_set_error_literal (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_FOUND, _("It is not deleted"));
      return FALSE;
    }
  return TRUE;
}

gboolean
stw_workspace_restore_objective (StwWorkspace  *self,
                                 gint64         objective_id,
                                 GError       **error)
{
  g_autofree char *ref = NULL, *title = NULL;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);

  if (!read_deleted (self, "SELECT ref, title FROM objective WHERE id = ? AND deleted_at IS NOT NULL",
                     objective_id, &ref, &title, error))
    return FALSE;
  return set_deleted (self, "objective", "objective", objective_id, ref, "title", title, FALSE, error);
}

/* KPIs */

static gboolean
value_in_range (const char  *unit,
                double       value,
                const char  *what,
                GError     **error)
{
  if (!isfinite (value))
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   _("The %s must be a finite number"), what);
      return FALSE;
    }
  if (g_strcmp0 (unit, "%") == 0 && (value < 0 || value > 100))
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   _("The %s is a percentage: from 0 to 100"), what);
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate_kpi (StwWorkspace  *self,
              StwKpi        *k,
              StwKpi        *old,
              GError       **error)
{
  g_autofree char *name = g_strstrip (g_strdup (stw_kpi_get_name (k)));
  const char *clause = stw_kpi_get_clause (k);

  if (name[0] == '\0')
    return invalid (error, _("A KPI needs a name"));
  if (clause[0] != '\0' && !stw_clause_is_valid (clause))
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   _("“%s” is not a clause of ISO/IEC 27001:2022"), clause);
      return FALSE;
    }
  /* Translators: "the target must be a finite number". */
  if (!value_in_range (stw_kpi_get_unit (k), stw_kpi_get_target (k), _("target"), error))
    return FALSE;
  if (stw_kpi_get_start_date (k) != NULL && !stw_date_is_valid (stw_kpi_get_start_date (k)))
    return invalid (error, _("Dates are written as year-month-day, such as 2027-03-31"));
  if (stw_kpi_get_direction (k) > STW_DIRECTION_LOWER || stw_kpi_get_frequency (k) >= STW_N_FREQUENCIES)
    return invalid (error, _("Unknown direction or frequency"));
  if (stw_kpi_get_objective_id (k) != 0 &&
      (old == NULL || stw_kpi_get_objective_id (old) != stw_kpi_get_objective_id (k)))
    {
      g_autoptr(StwObjective) o = stw_workspace_load_objective (self, stw_kpi_get_objective_id (k), NULL);

      if (o == NULL)
        return invalid (error, _("The objective it measures is not in this workspace"));
    }
  if (old != NULL && stw_kpi_get_frequency (old) != stw_kpi_get_frequency (k))
    {
      g_autoptr(GListModel) list = stw_workspace_list_measurements (self, stw_kpi_get_id (k), error);

      if (list == NULL)
        return FALSE;
      if (g_list_model_get_n_items (list) > 0)
        return invalid (error, _("A KPI with measurements keeps its frequency; create a new KPI instead"));
    }
  return check_owner (self, stw_kpi_get_owner_id (k), old ? stw_kpi_get_owner_id (old) : 0, error);
}

static const char *
objective_ref (StwWorkspace *self,
               gint64        id,
               char        **out)
{
  g_autoptr(StwObjective) o = id ? stw_workspace_load_objective (self, id, NULL) : NULL;

  *out = o ? g_strdup (stw_objective_get_ref (o)) : NULL;
  return *out;
}

static char *
kpi_changes (StwWorkspace *self,
             StwKpi       *old,
             StwKpi       *k)
{
  g_autoptr(JsonBuilder) b = _stw_changes_new ();
  g_autofree char *name = g_strstrip (g_strdup (stw_kpi_get_name (k)));
  g_autofree char *old_name = old ? g_strstrip (g_strdup (stw_kpi_get_name (old))) : NULL;
  gboolean creating = old == NULL;

#define TEXT(key, getter) \
  if (creating ? getter (k)[0] != '\0' : g_strcmp0 (getter (old), getter (k)) != 0) \
    _stw_changes_add_text (b, key, creating ? NULL : getter (old), getter (k));

  if (creating)
    _stw_changes_add_text (b, "ref", NULL, stw_kpi_get_ref (k));
  if (creating || g_strcmp0 (old_name, name) != 0)
    _stw_changes_add_text (b, "name", old_name, name);
  TEXT ("description", stw_kpi_get_description)
  TEXT ("clause", stw_kpi_get_clause)
  if (creating ? stw_kpi_get_owner_id (k) != 0 : stw_kpi_get_owner_id (old) != stw_kpi_get_owner_id (k))
    _stw_changes_add_text (b, "owner", creating ? NULL : owner_name (self, stw_kpi_get_owner_id (old)),
                           owner_name (self, stw_kpi_get_owner_id (k)));
  TEXT ("unit", stw_kpi_get_unit)
  if (creating || stw_kpi_get_target (old) != stw_kpi_get_target (k))
    changes_add_double (b, "target", !creating, creating ? 0 : stw_kpi_get_target (old), stw_kpi_get_target (k));
  if (creating || stw_kpi_get_direction (old) != stw_kpi_get_direction (k))
    _stw_changes_add_text (b, "direction", creating ? NULL : stw_direction_to_key (stw_kpi_get_direction (old)),
                           stw_direction_to_key (stw_kpi_get_direction (k)));
  if (creating || g_strcmp0 (stw_kpi_get_start_date (old), stw_kpi_get_start_date (k)) != 0)
    _stw_changes_add_text (b, "start_date", creating ? NULL : stw_kpi_get_start_date (old),
                           stw_kpi_get_start_date (k));
  if (creating || stw_kpi_get_frequency (old) != stw_kpi_get_frequency (k))
    _stw_changes_add_text (b, "frequency", creating ? NULL : stw_frequency_to_key (stw_kpi_get_frequency (old)),
                           stw_frequency_to_key (stw_kpi_get_frequency (k)));
  if (creating ? stw_kpi_get_objective_id (k) != 0
               : stw_kpi_get_objective_id (old) != stw_kpi_get_objective_id (k))
    {
      g_autofree char *was = NULL, *now = NULL;

      _stw_changes_add_text (b, "objective",
                             creating ? NULL : objective_ref (self, stw_kpi_get_objective_id (old), &was),
                             objective_ref (self, stw_kpi_get_objective_id (k), &now));
    }
#undef TEXT
  return _stw_changes_finish (b);
}

static void
bind_kpi (sqlite3_stmt *stmt,
          StwKpi       *k)
{
  g_autofree char *name = g_strstrip (g_strdup (stw_kpi_get_name (k)));

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, stw_kpi_get_description (k), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, stw_kpi_get_clause (k), -1, SQLITE_TRANSIENT);
  _stw_bind_id_or_null (stmt, 4, stw_kpi_get_owner_id (k));
  sqlite3_bind_text (stmt, 5, stw_kpi_get_unit (k), -1, SQLITE_TRANSIENT);
  sqlite3_bind_double (stmt, 6, stw_kpi_get_target (k));
  sqlite3_bind_text (stmt, 7, stw_direction_to_key (stw_kpi_get_direction (k)), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, stw_frequency_to_key (stw_kpi_get_frequency (k)), -1, SQLITE_STATIC);
  _stw_bind_id_or_null (stmt, 9, stw_kpi_get_objective_id (k));
  sqlite3_bind_text (stmt, 10, stw_kpi_get_start_date (k), -1, SQLITE_TRANSIENT);
}

gboolean
stw_workspace_insert_kpi (StwWorkspace  *self,
                          StwKpi        *kpi,
                          GError       **error)
{
  g_autofree char *now = stw_timestamp_now ();
  g_autofree char *ref = NULL;
  g_autofree char *changes = NULL;
  g_autofree char *objective = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 number;
  gboolean ok;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (STW_IS_KPI (kpi) && stw_kpi_get_id (kpi) == 0, FALSE);

  if (!validate_kpi (self, kpi, NULL, error))
    return FALSE;
  if (!_stw_workspace_write_begin (self, error))
    return FALSE;
  number = _stw_workspace_next_number (self, "K", error);
  ok = number > 0;
  if (ok)
    {
      ref = g_strdup_printf ("K-%03" G_GINT64_FORMAT, number);
      stmt = _stw_workspace_prepare (self,
                                     "INSERT INTO kpi (name, description, clause, owner_id, unit, target, direction,"
                                     " frequency, objective_id, start_date, ref, created_at, updated_at)"
                                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)", error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      /* Measuring starts today unless said otherwise. */
      if (stw_kpi_get_start_date (kpi) == NULL)
        stw_kpi_set_start_date (kpi, _stw_workspace_today (self));
      bind_kpi (stmt, kpi);
      sqlite3_bind_text (stmt, 11, ref, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 12, now, -1, SQLITE_TRANSIENT);
      ok = _stw_workspace_step_done (self, stmt, _("Could not save the KPI"), error);
    }
  if (ok)
    {
      _stw_kpi_set_stored (kpi, sqlite3_last_insert_rowid (_stw_workspace_get_db (self)), ref,
                           owner_name (self, stw_kpi_get_owner_id (kpi)),
                           objective_ref (self, stw_kpi_get_objective_id (kpi), &objective));
      changes = kpi_changes (self, NULL, kpi);
      ok = _stw_history_append (self, "kpi", stw_kpi_get_id (kpi), "create", changes, error);
    }
  if (ok)
    {
      note (self, "kpi", stw_kpi_get_id (kpi));
      /* The objective lists its KPIs. */
      if (stw_kpi_get_objective_id (kpi) != 0)
        note (self, "objective", stw_kpi_get_objective_id (kpi));
    }
  ok = _stw_workspace_write_end (self, ok, ok ? error : NULL) && ok;
  if (!ok)
    _stw_kpi_set_stored (kpi, 0, NULL, NULL, NULL);
  return ok;
}

gboolean
stw_workspace_update_kpi (StwWorkspace  *self,
                          StwKpi        *kpi,
                          GError       **error)
{
  g_autoptr(StwKpi) old = NULL;
  g_autofree char *changes = NULL;
  g_autofree char *now = stw_timestamp_now ();
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (STW_IS_KPI (kpi), FALSE);

  old = stw_workspace_load_kpi (self, stw_kpi_get_id (kpi), error);
  if (old == NULL || !validate_kpi (self, kpi, old, error))
    return FALSE;
  changes = kpi_changes (self, old, kpi);
  if (g_str_equal (changes, "{}"))
    return TRUE;

  if (!_stw_workspace_write_begin (self, error))
    return FALSE;
  stmt = _stw_workspace_prepare (self,
                                 "UPDATE kpi SET name = ?1, description = ?2, clause = ?3, owner_id = ?4,"
                                 " unit = ?5, target = ?6, direction = ?7, frequency = ?8, objective_id = ?9,"
                                 " start_date = ?10, updated_at = ?11 WHERE id = ?12 AND deleted_at IS NULL", error);
  ok = stmt != NULL;
  if (ok)
    {
      bind_kpi (stmt, kpi);
      sqlite3_bind_text (stmt, 11, now, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 12, stw_kpi_get_id (kpi));
      ok = _stw_workspace_step_done (self, stmt, _("Could not save the KPI"), error);
    }
  ok = ok && _stw_history_append (self, "kpi", stw_kpi_get_id (kpi), "update", changes, error);
  if (ok)
    {
      note (self, "kpi", stw_kpi_get_id (kpi));
      if (stw_kpi_get_objective_id (old) != stw_kpi_get_objective_id (kpi))
        {
          note (self, "objective", stw_kpi_get_objective_id (old));
          note (self, "objective", stw_kpi_get_objective_id (kpi));
        }
    }
  return _stw_workspace_write_end (self, ok, ok ? error : NULL) && ok;
}

gboolean
stw_workspace_delete_kpi (StwWorkspace  *self,
                          gint64         kpi_id,
                          GError       **error)
{
  g_autoptr(StwKpi) k = NULL;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);

  k = stw_workspace_load_kpi (self, kpi_id, error);
  if (k == NULL)
    return FALSE;
  return set_deleted (self, "kpi", "kpi", kpi_id, stw_kpi_get_ref (k), "name", stw_kpi_get_name (k), TRUE, error);
}

gboolean
stw_workspace_restore_kpi (StwWorkspace  *self,
                           gint64         kpi_id,
                           GError       **error)
{
  g_autofree char *ref = NULL, *name = NULL;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);

  if (!read_deleted (self, "SELECT ref, name FROM kpi WHERE id = ? AND deleted_at IS NOT NULL",
                     kpi_id, &ref, &name, error))
    return FALSE;
  return set_deleted (self, "kpi", "kpi", kpi_id, ref, "name", name, FALSE, error);
}

/* Measurements */

char *
stw_workspace_current_period (StwWorkspace *self,
                              StwKpi       *kpi)
{
  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (STW_IS_KPI (kpi), NULL);

  return stw_period_containing (stw_kpi_get_frequency (kpi), _stw_workspace_today (self));
}

gboolean
stw_workspace_validate_measurement (StwWorkspace  *self,
                                    StwKpi        *kpi,
                                    const char    *period,
                                    double         value,
                                    GError       **error)
{
  StwFrequency frequency;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (STW_IS_KPI (kpi), FALSE);

  frequency = stw_kpi_get_frequency (kpi);
  /* Translators: "the value must be a finite number". */
  if (!value_in_range (stw_kpi_get_unit (kpi), value, _("value"), error))
    return FALSE;
  if (period == NULL)
    return TRUE;
  if (!stw_period_is_valid (period, frequency))
    {
      static const char * const examples[] = { "2027-03", "2027-Q1", "2027-H1", "2027" };
      /* How often, as said in a sentence (not the stored key). */
      const char *how_often[] = { _("monthly"), _("quarterly"), _("half-yearly"), _("yearly") };

      /* Translators: "K-001 is measured monthly: give a period such as 2027-03, not “2027-Q1”". */
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   _("%s is measured %s: give a period such as %s, not “%s”"),
                   stw_kpi_get_ref (kpi), how_often[frequency], examples[frequency], period);
      return FALSE;
    }
  if (stw_period_is_future (period, _stw_workspace_today (self)))
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   _("The period %s has not begun yet"), period);
      return FALSE;
    }
  return TRUE;
}

/* The id and value of the current measurement of @kpi_id in @period;
 * 0 when there is none, -1 on error. */
static gint64
find_measurement (StwWorkspace  *self,
                  gint64         kpi_id,
                  const char    *period,
                  GError       **error)
{
  sqlite3_stmt *stmt = _stw_workspace_prepare (self, "SELECT id FROM measurement"
                                                     " WHERE kpi_id = ? AND period = ? AND deleted_at IS NULL", error);
  gint64 id = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, kpi_id);
  sqlite3_bind_text (stmt, 2, period, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _stw_set_sqlite_error (error, _stw_workspace_get_db (self), rc, _("Could not read the measurements"));
      return -1;
    }
  return id;
}

StwMeasurement *
stw_workspace_measure_kpi (StwWorkspace    *self,
                           gint64           kpi_id,
                           const char      *period,
                           double           value,
                           const char      *note_text,
                           gboolean         replace,
                           StwMeasurement **replaced,
                           GError         **error)
{
  g_autoptr(StwKpi) kpi = NULL;
  g_autoptr(StwMeasurement) old = NULL;
  g_autoptr(JsonBuilder) b = NULL;
  g_autofree char *current = NULL;
  g_autofree char *changes = NULL;
  g_autofree char *now = stw_timestamp_now ();
  const char *clean_note;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);

  kpi = stw_workspace_load_kpi (self, kpi_id, error);
  if (kpi == NULL)
    return NULL;
  if (period == NULL)
    period = current = stw_workspace_current_period (self, kpi);
  if (!stw_workspace_validate_measurement (self, kpi, period, value, error))
    return NULL;
  clean_note = note_text && note_text[0] ? note_text : NULL;

  if (!_stw_workspace_write_begin (self, error))
    return NULL;
  /* Inside the transaction: another process may have measured meanwhile. */
  id = find_measurement (self, kpi_id, period, error);
  ok = id >= 0;
  if (ok && id > 0)
    {
      old = stw_workspace_load_measurement (self, id, error);
      ok = old != NULL;
      if (ok && !replace)
        {
          g_autofree char *shown = stw_kpi_format_value (kpi, stw_measurement_get_value (old));

          g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_EXISTS,
                       _("%s has a value for %s already (%s)"), stw_kpi_get_ref (kpi), period, shown);
          ok = FALSE;
        }
    }
  if (ok && old == NULL)
    {
      stmt = _stw_workspace_prepare (self, "INSERT INTO measurement (kpi_id, period, value, note, recorded_by,"
                                           " recorded_at) VALUES (?, ?, ?, ?, ?, ?)", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, kpi_id);
          sqlite3_bind_text (stmt, 2, period, -1, SQLITE_TRANSIENT);
          sqlite3_bind_double (stmt, 3, value);
          _stw_bind_text_or_null (stmt, 4, clean_note);
          _stw_bind_id_or_null (stmt, 5, stw_workspace_get_actor_id (self));
          sqlite3_bind_text (stmt, 6, now, -1, SQLITE_TRANSIENT);
          ok = _stw_workspace_step_done (self, stmt, _("Could not save the measurement"), error);
        }
      if (ok)
        id = sqlite3_last_insert_rowid (_stw_workspace_get_db (self));
    }
  else if (ok)
    {
      stmt = _stw_workspace_prepare (self, "UPDATE measurement SET value = ?, note = ?, recorded_by = ?,"
                                           " recorded_at = ? WHERE id = ?", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_double (stmt, 1, value);
          _stw_bind_text_or_null (stmt, 2, clean_note);
          _stw_bind_id_or_null (stmt, 3, stw_workspace_get_actor_id (self));
          sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (stmt, 5, id);
          ok = _stw_workspace_step_done (self, stmt, _("Could not save the measurement"), error);
        }
    }
  if (ok)
    {
      b = _stw_changes_new ();
      /* The KPI and period name the measurement in the timeline. */
      _stw_changes_add_text (b, "kpi", old ? stw_kpi_get_ref (kpi) : NULL, stw_kpi_get_ref (kpi));
      _stw_changes_add_text (b, "period", old ? period : NULL, period);
      changes_add_double (b, "value", old != NULL, old ? stw_measurement_get_value (old) : 0, value);
      if (old ? g_strcmp0 (stw_measurement_get_note (old), clean_note) != 0 : clean_note != NULL)
        _stw_changes_add_text (b, "note", old ? stw_measurement_get_note (old) : NULL, clean_note);
      changes = _stw_changes_finish (b);
      ok = _stw_history_append (self, "measurement", id, old ? "update" : "create", changes, error);
    }
  if (ok)
    {
      note (self, "measurement", id);
      note (self, "kpi", kpi_id);
    }
  ok = _stw_workspace_write_end (self, ok, ok ? error : NULL) && ok;
  if (!ok)
    return NULL;
  if (replaced != NULL)
    *replaced = g_steal_pointer (&old);
  return stw_workspace_load_measurement (self, id, error);
}

gboolean
stw_workspace_delete_measurement (StwWorkspace  *self,
                                  gint64         measurement_id,
                                  GError       **error)
{
  g_autoptr(StwMeasurement) m = NULL;
  g_autoptr(StwKpi) kpi = NULL;
  g_autoptr(JsonBuilder) b = _stw_changes_new ();
  g_autofree char *changes = NULL;
  g_autofree char *now = stw_timestamp_now ();
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);

  m = stw_workspace_load_measurement (self, measurement_id, error);
  if (m == NULL)
    return FALSE;
  kpi = stw_workspace_load_kpi (self, stw_measurement_get_kpi_id (m), NULL);

  if (!_stw_workspace_write_begin (self, error))
    return FALSE;
  stmt = _stw_workspace_prepare (self, "UPDATE measurement SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL",
                                 error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, measurement_id);
      ok = _stw_workspace_step_done (self, stmt, _("Could not save the change"), error);
    }
  if (ok)
    {
      const char *ref = kpi ? stw_kpi_get_ref (kpi) : NULL;

      _stw_changes_add_text (b, "kpi", ref, ref);
      _stw_changes_add_text (b, "period", stw_measurement_get_period (m), stw_measurement_get_period (m));
      changes_add_double (b, "value", TRUE, stw_measurement_get_value (m), stw_measurement_get_value (m));
      changes = _stw_changes_finish (b);
      ok = _stw_history_append (self, "measurement", measurement_id, "delete", changes, error);
    }
  if (ok)
    {
      note (self, "measurement", measurement_id);
      note (self, "kpi", stw_measurement_get_kpi_id (m));
    }
  return _stw_workspace_write_end (self, ok, ok ? error : NULL) && ok;
}

/* Search */

GListModel *
stw_workspace_search_objectives (StwWorkspace  *self,
                                 const char    *text,
                                 guint          limit,
                                 GError       **error)
{
  g_autoptr(GListStore) results = g_list_store_new (STW_TYPE_OBJECTIVE);
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);

  ids = _stw_search_ids (self, "FROM objective x LEFT JOIN person p ON p.id = x.owner_id WHERE x.deleted_at IS NULL",
                    "x.ref || ' ' || x.title || ' ' || x.description || ' ' || coalesce (p.name, '')",
                    text, limit, error);
  if (ids == NULL)
    return NULL;
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(StwObjective) o = stw_workspace_load_objective (self, g_array_index (ids, gint64, i), error);

      if (o == NULL)
        return NULL;
      g_list_store_append (results, o);
    }
  return G_LIST_MODEL (g_steal_pointer (&results));
}

GListModel *
stw_workspace_search_kpis (StwWorkspace  *self,
                           const char    *text,
                           guint          limit,
                           GError       **error)
{
  g_autoptr(GListStore) results = g_list_store_new (STW_TYPE_KPI);
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);

  ids = _stw_search_ids (self, "FROM kpi x LEFT JOIN person p ON p.id = x.owner_id WHERE x.deleted_at IS NULL",
                    "x.ref || ' ' || x.name || ' ' || x.description || ' ' || coalesce (p.name, '')",
                    text, limit, error);
  if (ids == NULL)
    return NULL;
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(StwKpi) k = stw_workspace_load_kpi (self, g_array_index (ids, gint64, i), error);

      if (k == NULL)
        return NULL;
      g_list_store_append (results, k);
    }
  return G_LIST_MODEL (g_steal_pointer (&results));
}

/* Hooks */

static gboolean
records_opened (StwWorkspace  *self,
                GError       **error)
{
  reload (self);
  return TRUE;
}

/* One hook for the three entities: the models are small, reloaded whole,
 * and the signal names each changed record. */
static void
records_changed (StwWorkspace *self,
                 GArray       *changes)
{
  if (changes->len == 0)
    return;
  reload (self);
  for (guint i = 0; i < changes->len; i++)
    {
      StwChange *c = &g_array_index (changes, StwChange, i);

      g_signal_emit (self, records_changed_signal, 0, g_quark_to_string (c->entity), c->id);
    }
}

/* Another connection committed (a nightly `steward measure`, say): the
 * models again, and the signal for each record the new entries name. */
static void
records_reloaded (StwWorkspace *self,
                  GPtrArray    *entries)
{
  static const char * const entities[] = { "objective", "kpi", "measurement" };
  gboolean any = FALSE;

  for (guint e = 0; e < G_N_ELEMENTS (entities); e++)
    any = any || _stw_history_mentions (entries, entities[e]);
  if (!any)
    return;
  reload (self);
  if (entries == NULL)
    return;
  for (guint i = 0; i < entries->len; i++)
    {
      StwHistoryEntry *entry = entries->pdata[i];

      for (guint e = 0; e < G_N_ELEMENTS (entities); e++)
        if (g_strcmp0 (entry->entity, entities[e]) == 0)
          g_signal_emit (self, records_changed_signal, 0, entities[e], entry->entity_id);
    }
}

static const StwDomain objective_domain = {
  .entity = "objective",
  .opened = records_opened,
  .rolled_back = reload,
  .changed = records_changed,
  .reloaded = records_reloaded,
};

static const StwDomain kpi_domain = {
  .entity = "kpi",
  .changed = records_changed,
};

static const StwDomain measurement_domain = {
  .entity = "measurement",
  .changed = records_changed,
};

void
_stw_records_init (void)
{
  /* Emitted once per changed record after the change is committed:
   * (entity "objective", "kpi" or "measurement", id). */
  records_changed_signal =
    g_signal_new ("records-changed", STW_TYPE_WORKSPACE, G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT64);
  _stw_workspace_add_domain (&objective_domain);
  _stw_workspace_add_domain (&kpi_domain);
  _stw_workspace_add_domain (&measurement_domain);
  _stw_audits_init ();
}

void
_stw_records_emit_changed (StwWorkspace *self,
                           const char   *entity,
                           gint64        id)
{
  g_signal_emit (self, records_changed_signal, 0, entity, id);
}
