/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-risk-register.c: storing risks and keeping the register model
 * current.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "stw-controls.h"
#include "stw-people-store.h"
#include "stw-risk-register.h"
#include "stw-search-private.h"
#include "stw-workspace-private.h"
#include "stw-workstream-store.h"

#define RISK_COLUMNS \
  "r.id, r.ref, r.title, r.asset, r.threat, r.vulnerability, coalesce(r.owner_id, 0), p.name," \
  " r.likelihood, r.impact, r.treatment, coalesce(r.residual_likelihood, 0)," \
  " coalesce(r.residual_impact, 0), r.status, r.next_review, r.notes," \
  " (SELECT count(*) FROM item i WHERE i.risk_id = r.id AND i.deleted_at IS NULL" \
  "   AND i.status != 'cancelled')," \
  " (SELECT count(*) FROM item i WHERE i.risk_id = r.id AND i.deleted_at IS NULL" \
  "   AND i.status IN ('todo', 'in_progress', 'in_review'))"

#define REGISTER_KEY "stw-risk-register"

static guint risk_changed_signal;

static const char *
text (sqlite3_stmt *stmt,
      int           col)
{
  return (const char *) sqlite3_column_text (stmt, col);
}

static StwRisk *
risk_from_row (StwWorkspace *self,
               sqlite3_stmt *stmt)
{
  StwRisk *risk = stw_risk_new ();
  StwTreatment treatment = STW_TREATMENT_MITIGATE;
  StwRiskStatus status = STW_RISK_OPEN;
  guint score = sqlite3_column_int (stmt, 8) * sqlite3_column_int (stmt, 9);
  guint n_treatments = sqlite3_column_int (stmt, 16);

  stw_risk_set_title (risk, text (stmt, 2));
  stw_risk_set_asset (risk, text (stmt, 3));
  stw_risk_set_threat (risk, text (stmt, 4));
  stw_risk_set_vulnerability (risk, text (stmt, 5));
  stw_risk_set_owner_id (risk, sqlite3_column_int64 (stmt, 6));
  stw_risk_set_likelihood (risk, sqlite3_column_int (stmt, 8));
  stw_risk_set_impact (risk, sqlite3_column_int (stmt, 9));
  stw_treatment_from_key (text (stmt, 10), &treatment);
  stw_risk_set_treatment (risk, treatment);
  stw_risk_set_residual_likelihood (risk, sqlite3_column_int (stmt, 11));
  stw_risk_set_residual_impact (risk, sqlite3_column_int (stmt, 12));
  stw_risk_status_from_key (text (stmt, 13), &status);
  stw_risk_set_status (risk, status);
  stw_risk_set_next_review (risk, text (stmt, 14));
  stw_risk_set_notes (risk, text (stmt, 15));
  /* A closed risk has nothing left to treat. */
  _stw_risk_set_stored (risk, sqlite3_column_int64 (stmt, 0), text (stmt, 1), text (stmt, 7),
                        n_treatments, sqlite3_column_int (stmt, 17),
                        status != STW_RISK_CLOSED &&
                        score > stw_workspace_get_risk_threshold (self) && n_treatments == 0);
  return risk;
}

static gboolean
load_controls (StwWorkspace  *self,
               StwRisk       *risk,
               GError       **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) controls = NULL;
  sqlite3_stmt *stmt;

  stmt = _stw_workspace_prepare (self, "SELECT control_id FROM risk_control WHERE risk_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, stw_risk_get_id (risk));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (builder, text (stmt, 0));
  sqlite3_reset (stmt);
  controls = g_strv_builder_end (builder);
  stw_risk_set_controls (risk, (const char * const *) controls);
  return TRUE;
}

static void
reload_register (StwWorkspace *self)
{
  GListStore *store = g_object_get_data (G_OBJECT (self), REGISTER_KEY);
  g_autoptr(GPtrArray) risks = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;

  if (store == NULL)
    return;
  stmt = _stw_workspace_prepare (self,
                                 "SELECT " RISK_COLUMNS " FROM risk r LEFT JOIN person p ON p.id = r.owner_id"
                                 " WHERE r.deleted_at IS NULL ORDER BY length(r.ref), r.ref", NULL);
  if (stmt == NULL)
    return;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (risks, risk_from_row (self, stmt));
  sqlite3_reset (stmt);
  for (guint i = 0; i < risks->len; i++)
    load_controls (self, risks->pdata[i], NULL);

  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       risks->pdata, risks->len);
}

static void
item_changed_cb (StwWorkspace *self,
                 gint64        item_id,
                 gint64        workstream_id,
                 gpointer      user_data)
{
  StwWorkstream *ws = stw_workspace_find_workstream (self, workstream_id);

  /* Only treatment items change what the register shows. */
  if (item_id == 0 || ws == NULL || stw_workstream_get_kind (ws) == STW_WORKSTREAM_TREATMENT)
    reload_register (self);
}

GListModel *
stw_workspace_get_risks (StwWorkspace *self)
{
  GListStore *store;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);

  store = g_object_get_data (G_OBJECT (self), REGISTER_KEY);
  if (store == NULL)
    {
      store = g_list_store_new (STW_TYPE_RISK);
      g_object_set_data_full (G_OBJECT (self), REGISTER_KEY, store, g_object_unref);
      g_signal_connect (self, "item-changed", G_CALLBACK (item_changed_cb), NULL);
      g_signal_connect (self, "organisation-changed", G_CALLBACK (reload_register), NULL);
      reload_register (self);
    }
  return G_LIST_MODEL (store);
}

static StwRisk *
load_risk (StwWorkspace  *self,
           const char    *where,
           gint64         id,
           const char    *ref,
           GError       **error)
{
  g_autofree char *sql = g_strconcat ("SELECT " RISK_COLUMNS " FROM risk r LEFT JOIN person p ON p.id = r.owner_id"
                                      " WHERE r.deleted_at IS NULL AND ", where, NULL);
  sqlite3_stmt *stmt = _stw_workspace_prepare (self, sql, error);
  g_autoptr(StwRisk) risk = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  if (ref != NULL)
    sqlite3_bind_text (stmt, 1, ref, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    risk = risk_from_row (self, stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (risk == NULL)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_FOUND,
                     _("There is no such risk in the register"));
      else
        _stw_set_sqlite_error (error, _stw_workspace_get_db (self), rc, _("Could not read the risk"));
      return NULL;
    }
  if (!load_controls (self, risk, error))
    return NULL;
  return g_steal_pointer (&risk);
}

StwRisk *
stw_workspace_load_risk (StwWorkspace  *self,
                         gint64         risk_id,
                         GError       **error)
{
  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);
  return load_risk (self, "r.id = ?", risk_id, NULL, error);
}

GListModel *
stw_workspace_search_risks (StwWorkspace  *self,
                            const char    *text,
                            guint          limit,
                            GError       **error)
{
  g_autoptr(GListStore) results = g_list_store_new (STW_TYPE_RISK);
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);

  ids = _stw_search_ids (self, "FROM risk x LEFT JOIN person p ON p.id = x.owner_id WHERE x.deleted_at IS NULL",
                         "x.ref || ' ' || x.title || ' ' || x.asset || ' ' || x.threat || ' ' ||"
                         " x.vulnerability || ' ' || coalesce (x.notes, '') || ' ' || coalesce (p.name, '')",
                         text, limit, error);
  if (ids == NULL)
    return NULL;
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(StwRisk) risk = stw_workspace_load_risk (self, g_array_index (ids, gint64, i), error);

      if (risk == NULL)
        return NULL;
      g_list_store_append (results, risk);
    }
  return G_LIST_MODEL (g_steal_pointer (&results));
}

StwRisk *
stw_workspace_find_risk_by_ref (StwWorkspace  *self,
                                const char    *ref,
                                GError       **error)
{
  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (ref != NULL, NULL);
  return load_risk (self, "r.ref = ?", 0, ref, error);
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
validate_risk (StwWorkspace  *self,
               StwRisk       *risk,
               StwRisk       *old,
               GError       **error)
{
  g_autofree char *title = g_strstrip (g_strdup (stw_risk_get_title (risk)));
  guint rl = stw_risk_get_residual_likelihood (risk), ri = stw_risk_get_residual_impact (risk);
  gint64 owner_id = stw_risk_get_owner_id (risk);
  const char * const *controls = stw_risk_get_controls (risk);

  if (title[0] == '\0')
    return invalid (error, _("A risk needs a title"));
  if (stw_risk_get_likelihood (risk) < 1 || stw_risk_get_likelihood (risk) > 5 ||
      stw_risk_get_impact (risk) < 1 || stw_risk_get_impact (risk) > 5)
    return invalid (error, _("Likelihood and impact are scored from 1 to 5"));
  if ((rl == 0) != (ri == 0))
    return invalid (error, _("Give both the residual likelihood and the residual impact, or neither"));
  if (rl > 5 || ri > 5)
    return invalid (error, _("Residual likelihood and impact are scored from 1 to 5"));
  if (stw_risk_get_treatment (risk) >= STW_N_TREATMENTS || stw_risk_get_status (risk) >= STW_N_RISK_STATUSES)
    return invalid (error, _("Unknown treatment or status"));
  if (stw_risk_get_next_review (risk) && !stw_date_is_valid (stw_risk_get_next_review (risk)))
    return invalid (error, _("Dates are written as year-month-day, such as 2027-03-31"));
  if (owner_id != 0 && (old == NULL || stw_risk_get_owner_id (old) != owner_id))
    {
      StwPerson *owner = stw_workspace_find_person (self, owner_id);

      if (owner == NULL || !stw_person_get_active (owner))
        return invalid (error, _("The owner must be an active person of this workspace"));
    }
  for (guint i = 0; controls && controls[i]; i++)
    if (stw_controls_find (controls[i]) == NULL)
      {
        g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                     _("“%s” is not an Annex A control of ISO/IEC 27001:2022"), controls[i]);
        return FALSE;
      }
  return TRUE;
}

static const char *
owner_name (StwWorkspace *self,
            gint64        id)
{
  StwPerson *p = id ? stw_workspace_find_person (self, id) : NULL;

  return p ? stw_person_get_name (p) : NULL;
}

static void
add_score (JsonBuilder *b,
           const char  *field,
           guint        was,
           guint        now,
           gboolean     creating)
{
  if (creating || was != now)
    _stw_changes_add_int (b, field, creating ? 0 : was, now);
}

static char *
risk_changes (StwWorkspace *self,
              StwRisk      *old,
              StwRisk      *risk)
{
  g_autoptr(JsonBuilder) b = _stw_changes_new ();
  g_autoptr(StwRisk) blank = NULL;
  gboolean creating = old == NULL;

  if (creating)
    {
      _stw_changes_add_text (b, "ref", NULL, stw_risk_get_ref (risk));
      old = blank = stw_risk_new ();
      stw_risk_set_title (blank, NULL);
    }

#define TEXT(key, getter) \
  if (g_strcmp0 (getter (old), getter (risk)) != 0 && !(creating && !(getter (risk) && getter (risk)[0]))) \
    _stw_changes_add_text (b, key, creating ? NULL : getter (old), getter (risk));

  TEXT ("title", stw_risk_get_title)
  TEXT ("asset", stw_risk_get_asset)
  TEXT ("threat", stw_risk_get_threat)
  TEXT ("vulnerability", stw_risk_get_vulnerability)
  if (creating || stw_risk_get_owner_id (old) != stw_risk_get_owner_id (risk))
    _stw_changes_add_text (b, "owner", creating ? NULL : owner_name (self, stw_risk_get_owner_id (old)),
                           owner_name (self, stw_risk_get_owner_id (risk)));
  add_score (b, "likelihood", stw_risk_get_likelihood (old), stw_risk_get_likelihood (risk), creating);
  add_score (b, "impact", stw_risk_get_impact (old), stw_risk_get_impact (risk), creating);
  if (creating || stw_risk_get_treatment (old) != stw_risk_get_treatment (risk))
    _stw_changes_add_text (b, "treatment", creating ? NULL : stw_treatment_to_key (stw_risk_get_treatment (old)),
                           stw_treatment_to_key (stw_risk_get_treatment (risk)));
  add_score (b, "residual_likelihood", stw_risk_get_residual_likelihood (old),
             stw_risk_get_residual_likelihood (risk), FALSE);
  add_score (b, "residual_impact", stw_risk_get_residual_impact (old),
             stw_risk_get_residual_impact (risk), FALSE);
  if (creating || stw_risk_get_status (old) != stw_risk_get_status (risk))
    _stw_changes_add_text (b, "status", creating ? NULL : stw_risk_status_to_key (stw_risk_get_status (old)),
                           stw_risk_status_to_key (stw_risk_get_status (risk)));
  TEXT ("next_review", stw_risk_get_next_review)
  TEXT ("notes", stw_risk_get_notes)
  if (!g_strv_equal (stw_risk_get_controls (old), stw_risk_get_controls (risk)))
    _stw_changes_add_strv (b, "controls", stw_risk_get_controls (old), stw_risk_get_controls (risk));

#undef TEXT

  return _stw_changes_finish (b);
}

static void
bind_risk (sqlite3_stmt *stmt,
           StwRisk      *risk)
{
  g_autofree char *title = g_strstrip (g_strdup (stw_risk_get_title (risk)));
  guint rl = stw_risk_get_residual_likelihood (risk), ri = stw_risk_get_residual_impact (risk);

  sqlite3_bind_text (stmt, 1, title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, stw_risk_get_asset (risk), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, stw_risk_get_threat (risk), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, stw_risk_get_vulnerability (risk), -1, SQLITE_TRANSIENT);
  if (stw_risk_get_owner_id (risk) > 0)
    sqlite3_bind_int64 (stmt, 5, stw_risk_get_owner_id (risk));
  else
    sqlite3_bind_null (stmt, 5);
  sqlite3_bind_int (stmt, 6, (int) stw_risk_get_likelihood (risk));
  sqlite3_bind_int (stmt, 7, (int) stw_risk_get_impact (risk));
  sqlite3_bind_text (stmt, 8, stw_treatment_to_key (stw_risk_get_treatment (risk)), -1, SQLITE_STATIC);
  if (rl) sqlite3_bind_int (stmt, 9, (int) rl); else sqlite3_bind_null (stmt, 9);
  if (ri) sqlite3_bind_int (stmt, 10, (int) ri); else sqlite3_bind_null (stmt, 10);
  sqlite3_bind_text (stmt, 11, stw_risk_status_to_key (stw_risk_get_status (risk)), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 12, stw_risk_get_next_review (risk), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 13, stw_risk_get_notes (risk), -1, SQLITE_TRANSIENT);
}

static gboolean
step (StwWorkspace  *self,
      sqlite3_stmt  *stmt,
      GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      _stw_set_sqlite_error (error, _stw_workspace_get_db (self), rc, _("Could not save the risk"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_controls (StwWorkspace  *self,
                StwRisk       *risk,
                GError       **error)
{
  const char * const *controls = stw_risk_get_controls (risk);
  sqlite3_stmt *stmt = _stw_workspace_prepare (self, "DELETE FROM risk_control WHERE risk_id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, stw_risk_get_id (risk));
  if (!step (self, stmt, error))
    return FALSE;
  for (guint i = 0; controls && controls[i]; i++)
    {
      stmt = _stw_workspace_prepare (self, "INSERT OR IGNORE INTO risk_control (risk_id, control_id) VALUES (?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, stw_risk_get_id (risk));
      sqlite3_bind_text (stmt, 2, controls[i], -1, SQLITE_TRANSIENT);
      if (!step (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
stw_workspace_insert_risk (StwWorkspace  *self,
                           StwRisk       *risk,
                           GError       **error)
{
  g_autofree char *now = stw_timestamp_now ();
  g_autofree char *ref = NULL;
  g_autofree char *changes = NULL;
  sqlite3_stmt *stmt;
  gint64 number = 0;
  gboolean ok;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (STW_IS_RISK (risk) && stw_risk_get_id (risk) == 0, FALSE);

  if (!validate_risk (self, risk, NULL, error))
    return FALSE;
  if (!_stw_workspace_write_begin (self, error))
    return FALSE;

  number = _stw_workspace_next_number (self, "R", error);
  ok = number > 0;
  if (ok)
    {
      ref = g_strdup_printf ("R-%03" G_GINT64_FORMAT, number);
      stmt = _stw_workspace_prepare (self,
                                     "INSERT INTO risk (title, asset, threat, vulnerability, owner_id, likelihood,"
                                     " impact, treatment, residual_likelihood, residual_impact, status, next_review,"
                                     " notes, ref, created_at, updated_at)"
                                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15)",
                                     error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      bind_risk (stmt, risk);
      sqlite3_bind_text (stmt, 14, ref, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 15, now, -1, SQLITE_TRANSIENT);
      ok = step (self, stmt, error);
    }
  if (ok)
    {
      _stw_risk_set_stored (risk, sqlite3_last_insert_rowid (_stw_workspace_get_db (self)), ref,
                            owner_name (self, stw_risk_get_owner_id (risk)), 0, 0, FALSE);
      ok = write_controls (self, risk, error);
    }
  if (ok)
    {
      changes = risk_changes (self, NULL, risk);
      ok = _stw_history_append (self, "risk", stw_risk_get_id (risk), "create", changes, error);
    }
  ok = _stw_workspace_write_end (self, ok, ok ? error : NULL) && ok;
  if (!ok)
    {
      _stw_risk_set_stored (risk, 0, NULL, NULL, 0, 0, FALSE);
      return FALSE;
    }
  reload_register (self);
  return TRUE;
}

gboolean
stw_workspace_update_risk (StwWorkspace  *self,
                           StwRisk       *risk,
                           GError       **error)
{
  g_autoptr(StwRisk) old = NULL;
  g_autofree char *changes = NULL;
  g_autofree char *now = stw_timestamp_now ();
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (STW_IS_RISK (risk), FALSE);

  old = stw_workspace_load_risk (self, stw_risk_get_id (risk), error);
  if (old == NULL)
    return FALSE;
  if (!validate_risk (self, risk, old, error))
    return FALSE;
  changes = risk_changes (self, old, risk);
  if (g_str_equal (changes, "{}"))
    return TRUE;

  if (!_stw_workspace_write_begin (self, error))
    return FALSE;
  stmt = _stw_workspace_prepare (self,
                                 "UPDATE risk SET title = ?1, asset = ?2, threat = ?3, vulnerability = ?4,"
                                 " owner_id = ?5, likelihood = ?6, impact = ?7, treatment = ?8,"
                                 " residual_likelihood = ?9, residual_impact = ?10, status = ?11,"
                                 " next_review = ?12, notes = ?13, updated_at = ?14"
                                 " WHERE id = ?15 AND deleted_at IS NULL", error);
  ok = stmt != NULL;
  if (ok)
    {
      bind_risk (stmt, risk);
      sqlite3_bind_text (stmt, 14, now, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 15, stw_risk_get_id (risk));
      ok = step (self, stmt, error);
    }
  ok = ok && write_controls (self, risk, error);
  ok = ok && _stw_history_append (self, "risk", stw_risk_get_id (risk), "update", changes, error);
  ok = _stw_workspace_write_end (self, ok, ok ? error : NULL) && ok;
  if (ok)
    reload_register (self);
  return ok;
}

gboolean
stw_workspace_delete_risk (StwWorkspace  *self,
                           gint64         risk_id,
                           GError       **error)
{
  g_autoptr(StwRisk) risk = NULL;
  g_autoptr(JsonBuilder) b = NULL;
  g_autofree char *changes = NULL;
  g_autofree char *now = stw_timestamp_now ();
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);

  risk = stw_workspace_load_risk (self, risk_id, error);
  if (risk == NULL)
    return FALSE;
  if (stw_risk_get_open_treatment_count (risk) > 0)
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   _("%s still has open treatment items; close or move them first"), stw_risk_get_ref (risk));
      return FALSE;
    }

  if (!_stw_workspace_write_begin (self, error))
    return FALSE;
  stmt = _stw_workspace_prepare (self, "UPDATE risk SET deleted_at = ?, updated_at = ?1 WHERE id = ?", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, risk_id);
      ok = step (self, stmt, error);
    }
  if (ok)
    {
      b = _stw_changes_new ();
      _stw_changes_add_text (b, "ref", stw_risk_get_ref (risk), stw_risk_get_ref (risk));
      _stw_changes_add_text (b, "title", stw_risk_get_title (risk), stw_risk_get_title (risk));
      changes = _stw_changes_finish (b);
      ok = _stw_history_append (self, "risk", risk_id, "delete", changes, error);
    }
  ok = _stw_workspace_write_end (self, ok, ok ? error : NULL) && ok;
  if (ok)
    reload_register (self);
  return ok;
}

void
stw_workspace_risk_heat_map (StwWorkspace *self,
                             guint         inherent[5][5],
                             guint         residual[5][5])
{
  GListModel *risks;

  g_return_if_fail (STW_IS_WORKSPACE (self));

  memset (inherent, 0, sizeof (guint) * 25);
  memset (residual, 0, sizeof (guint) * 25);
  risks = stw_workspace_get_risks (self);
  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(StwRisk) r = g_list_model_get_item (risks, i);
      guint l = stw_risk_get_likelihood (r), m = stw_risk_get_impact (r);
      guint rl = stw_risk_get_residual_likelihood (r), rm = stw_risk_get_residual_impact (r);

      if (stw_risk_get_status (r) == STW_RISK_CLOSED)
        continue;
      if (l >= 1 && l <= 5 && m >= 1 && m <= 5)
        inherent[l - 1][m - 1]++;
      if (rl >= 1 && rl <= 5 && rm >= 1 && rm <= 5)
        residual[rl - 1][rm - 1]++;
    }
}

/* Another connection committed: the register again when a risk changed
 * (its evidence too) or a person (the owners' names); then "risk-changed"
 * for each risk named, once. */
static void
risks_reloaded (StwWorkspace *self,
                GPtrArray    *entries)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

  if (_stw_history_mentions (entries, "risk") || _stw_history_mentions (entries, "person"))
    reload_register (self);

  if (entries == NULL)
    {
      g_signal_emit (self, risk_changed_signal, 0, (gint64) 0);
      return;
    }
  for (guint i = 0; i < entries->len; i++)
    {
      StwHistoryEntry *e = g_ptr_array_index (entries, i);

      /* The key points into @entries, which outlive the table. */
      if (g_strcmp0 (e->entity, "risk") != 0 || g_hash_table_contains (seen, &e->entity_id))
        continue;
      g_hash_table_add (seen, &e->entity_id);
      g_signal_emit (self, risk_changed_signal, 0, e->entity_id);
    }
}

static const StwDomain risks_domain = {
  .entity = "risk",
  .reloaded = risks_reloaded,
};

void
_stw_risks_init (void)
{
  risk_changed_signal =
    g_signal_new ("risk-changed", STW_TYPE_WORKSPACE, G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  _stw_workspace_add_domain (&risks_domain);
}
