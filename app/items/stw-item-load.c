/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-item-load.c: reading items: one by id or reference, or many at once
 * for the item model (a few queries for a whole page of items, whatever
 * their number of clauses, controls and corrective records).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "stw-item-private.h"
#include "stw-item-store-private.h"
#include "stw-workspace-private.h"

#define ITEM_COLUMNS \
  "i.id, i.ref, i.workstream_id, i.title, i.description, coalesce(i.owner_id, 0), p.name," \
  " i.status, i.priority, i.start_date, i.due_date, i.completed_date, i.closure_note, i.notes," \
  " i.position, i.created_at, i.updated_at, i.deleted_at," \
  " i.repeat_unit, i.repeat_interval, i.repeat_anchor, coalesce(i.series_id, 0)," \
  " coalesce(i.risk_id, 0), i.no_evidence_reason"

static GStrv
load_strv (StwWorkspace  *self,
           const char    *sql,
           gint64         item_id,
           GError       **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt = _stw_workspace_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, item_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, _stw_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _stw_set_sqlite_error (error, _stw_workspace_get_db (self), rc, _("Could not read the item"));
      return NULL;
    }
  return g_strv_builder_end (builder);
}

#define CORRECTIVE_COLUMNS \
  "source, source_ref, classification, action_type, correction, root_cause_method, root_cause," \
  " corrective_action, check_due, coalesce(checked_by, 0), check_result, check_note, check_date"

/* The corrective record from CORRECTIVE_COLUMNS starting at column @at. */
static StwCorrective *
corrective_from_row (sqlite3_stmt *stmt,
                     int           at)
{
  StwCorrective *ca = stw_corrective_new ();

  stw_ca_source_from_key (_stw_column_text (stmt, at + 0), &ca->source);
  stw_corrective_set_text (&ca->source_ref, _stw_column_text (stmt, at + 1));
  stw_ca_classification_from_key (_stw_column_text (stmt, at + 2), &ca->classification);
  stw_ca_type_from_key (_stw_column_text (stmt, at + 3), &ca->action_type);
  stw_corrective_set_text (&ca->correction, _stw_column_text (stmt, at + 4));
  stw_corrective_set_text (&ca->root_cause_method, _stw_column_text (stmt, at + 5));
  stw_corrective_set_text (&ca->root_cause, _stw_column_text (stmt, at + 6));
  stw_corrective_set_text (&ca->corrective_action, _stw_column_text (stmt, at + 7));
  g_strlcpy (ca->check_due, _stw_column_text (stmt, at + 8) ? _stw_column_text (stmt, at + 8) : "",
             sizeof ca->check_due);
  ca->checked_by = sqlite3_column_int64 (stmt, at + 9);
  stw_check_result_from_key (_stw_column_text (stmt, at + 10), &ca->check_result);
  stw_corrective_set_text (&ca->check_note, _stw_column_text (stmt, at + 11));
  g_strlcpy (ca->check_date, _stw_column_text (stmt, at + 12) ? _stw_column_text (stmt, at + 12) : "",
             sizeof ca->check_date);
  return ca;
}

static gboolean
load_corrective (StwWorkspace  *self,
                 StwItem       *item,
                 GError       **error)
{
  g_autoptr(StwCorrective) ca = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = _stw_workspace_prepare (self, "SELECT " CORRECTIVE_COLUMNS " FROM corrective WHERE item_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, stw_item_get_id (item));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    ca = corrective_from_row (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _stw_set_sqlite_error (error, _stw_workspace_get_db (self), rc, _("Could not read the item"));
      return FALSE;
    }
  stw_item_set_corrective (item, ca);
  return TRUE;
}

/* An item from a row of ITEM_COLUMNS, without its clauses, controls and
 * corrective record. */
static StwItem *
item_from_row (sqlite3_stmt *stmt)
{
  StwItem *item = stw_item_new (sqlite3_column_int64 (stmt, 2));
  StwStatus status = STW_STATUS_TODO;
  StwPriority priority = STW_PRIORITY_NORMAL;

  _stw_item_set_stored (item, sqlite3_column_int64 (stmt, 0),
                        _stw_column_text (stmt, 1),
                        _stw_column_text (stmt, 6),
                        _stw_column_text (stmt, 15),
                        _stw_column_text (stmt, 16));
  stw_item_set_title (item, _stw_column_text (stmt, 3));
  stw_item_set_description (item, _stw_column_text (stmt, 4));
  stw_item_set_owner_id (item, sqlite3_column_int64 (stmt, 5));
  stw_status_from_key (_stw_column_text (stmt, 7), &status);
  stw_item_set_status (item, status);
  stw_priority_from_key (_stw_column_text (stmt, 8), &priority);
  stw_item_set_priority (item, priority);
  stw_item_set_start_date (item, _stw_column_text (stmt, 9));
  stw_item_set_due_date (item, _stw_column_text (stmt, 10));
  stw_item_set_completed_date (item, _stw_column_text (stmt, 11));
  stw_item_set_closure_note (item, _stw_column_text (stmt, 12));
  stw_item_set_notes (item, _stw_column_text (stmt, 13));
  stw_item_set_position (item, sqlite3_column_int64 (stmt, 14));
  {
    StwRecurrence recurrence = { STW_REPEAT_NONE, 0, "" };

    if (stw_repeat_unit_from_key (_stw_column_text (stmt, 18), &recurrence.unit) &&
        recurrence.unit != STW_REPEAT_NONE)
      {
        recurrence.interval = sqlite3_column_int (stmt, 19);
        g_strlcpy (recurrence.anchor, _stw_column_text (stmt, 20) ? _stw_column_text (stmt, 20) : "",
                   sizeof recurrence.anchor);
      }
    stw_item_set_recurrence (item, &recurrence);
  }
  _stw_item_set_series_id (item, sqlite3_column_int64 (stmt, 21));
  stw_item_set_risk_id (item, sqlite3_column_int64 (stmt, 22));
  stw_item_set_no_evidence_reason (item, _stw_column_text (stmt, 23));
  return item;
}

StwItem *
_stw_item_load (StwWorkspace  *self,
                gint64         item_id,
                gboolean       include_deleted,
                GError       **error)
{
  g_autoptr(StwItem) item = NULL;
  g_auto(GStrv) clauses = NULL;
  g_auto(GStrv) controls = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = _stw_workspace_prepare (self,
                                 "SELECT " ITEM_COLUMNS " FROM item i LEFT JOIN person p ON p.id = i.owner_id"
                                 " WHERE i.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, item_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW || (!include_deleted && sqlite3_column_type (stmt, 17) != SQLITE_NULL))
    {
      if (rc == SQLITE_ROW || rc == SQLITE_DONE)
        g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_FOUND,
                     _("The item no longer exists"));
      else
        _stw_set_sqlite_error (error, _stw_workspace_get_db (self), rc, _("Could not read the item"));
      sqlite3_reset (stmt);
      return NULL;
    }

  item = item_from_row (stmt);
  sqlite3_reset (stmt);

  if (!load_corrective (self, item, error))
    return NULL;

  clauses = load_strv (self, "SELECT clause FROM item_clause WHERE item_id = ?", item_id, error);
  if (clauses == NULL)
    return NULL;
  controls = load_strv (self, "SELECT control_id FROM item_control WHERE item_id = ?", item_id, error);
  if (controls == NULL)
    return NULL;
  stw_item_set_clauses (item, (const char * const *) clauses);
  stw_item_set_controls (item, (const char * const *) controls);

  return g_steal_pointer (&item);
}

/* " IN (?1, ?2, …)" for @n values. */
static char *
in_list (guint n)
{
  GString *sql = g_string_new (" IN (");

  for (guint i = 1; i <= n; i++)
    g_string_append_printf (sql, "%s?%u", i > 1 ? ", " : "", i);
  g_string_append_c (sql, ')');
  return g_string_free (sql, FALSE);
}

static gboolean
run_batch (StwWorkspace   *self,
           const char     *sql,
           const gint64   *ids,
           guint           n,
           void          (*row) (sqlite3_stmt *stmt, GHashTable *items),
           GHashTable     *items,
           GError        **error)
{
  sqlite3_stmt *stmt = _stw_workspace_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    sqlite3_bind_int64 (stmt, (int) i + 1, ids[i]);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    row (stmt, items);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      _stw_set_sqlite_error (error, _stw_workspace_get_db (self), rc, _("Could not read the items"));
      return FALSE;
    }
  return TRUE;
}

static void
item_row (sqlite3_stmt *stmt,
          GHashTable   *items)
{
  StwItem *item = item_from_row (stmt);
  gint64 *key = g_new (gint64, 1);

  *key = stw_item_get_id (item);
  g_hash_table_insert (items, key, item);
}

/* Clauses and controls arrive as (item id, value) rows and are gathered
 * into a GPtrArray kept on the item until all rows are in. */
static void
add_link_row (sqlite3_stmt *stmt,
              GHashTable   *items,
              const char   *key)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);
  StwItem *item = g_hash_table_lookup (items, &id);
  GPtrArray *values;

  if (item == NULL)
    return;
  values = g_object_get_data (G_OBJECT (item), key);
  if (values == NULL)
    {
      values = g_ptr_array_new_with_free_func (g_free);
      g_object_set_data_full (G_OBJECT (item), key, values, (GDestroyNotify) g_ptr_array_unref);
    }
  g_ptr_array_add (values, g_strdup (_stw_column_text (stmt, 1)));
}

static void
clause_row (sqlite3_stmt *stmt,
            GHashTable   *items)
{
  add_link_row (stmt, items, "stw-clauses");
}

static void
control_row (sqlite3_stmt *stmt,
             GHashTable   *items)
{
  add_link_row (stmt, items, "stw-controls");
}

static void
corrective_row (sqlite3_stmt *stmt,
                GHashTable   *items)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);
  StwItem *item = g_hash_table_lookup (items, &id);
  g_autoptr(StwCorrective) ca = NULL;

  if (item == NULL)
    return;
  ca = corrective_from_row (stmt, 1);
  stw_item_set_corrective (item, ca);
}

static void
apply_links (StwItem    *item,
             const char *key,
             void      (*set) (StwItem *, const char * const *))
{
  GPtrArray *values = g_object_get_data (G_OBJECT (item), key);

  if (values == NULL)
    return;
  g_ptr_array_add (values, NULL);
  set (item, (const char * const *) values->pdata);
  g_object_set_data (G_OBJECT (item), key, NULL);
}

gboolean
_stw_workspace_load_items (StwWorkspace  *self,
                           const gint64  *ids,
                           guint          n,
                           GPtrArray     *out,
                           GError       **error)
{
  g_autoptr(GHashTable) items = NULL;
  g_autofree char *in = NULL;
  g_autofree char *sql_items = NULL, *sql_clauses = NULL, *sql_controls = NULL, *sql_corrective = NULL;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (n <= 999, FALSE);

  if (n == 0)
    return TRUE;

  items = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  in = in_list (n);
  sql_items = g_strconcat ("SELECT " ITEM_COLUMNS " FROM item i LEFT JOIN person p ON p.id = i.owner_id"
                           " WHERE i.deleted_at IS NULL AND i.id", in, NULL);
  sql_clauses = g_strconcat ("SELECT item_id, clause FROM item_clause WHERE item_id", in, NULL);
  sql_controls = g_strconcat ("SELECT item_id, control_id FROM item_control WHERE item_id", in, NULL);
  sql_corrective = g_strconcat ("SELECT item_id, " CORRECTIVE_COLUMNS " FROM corrective WHERE item_id", in, NULL);

  if (!run_batch (self, sql_items, ids, n, item_row, items, error) ||
      !run_batch (self, sql_clauses, ids, n, clause_row, items, error) ||
      !run_batch (self, sql_controls, ids, n, control_row, items, error) ||
      !run_batch (self, sql_corrective, ids, n, corrective_row, items, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      StwItem *item = g_hash_table_lookup (items, &ids[i]);

      if (item != NULL)
        {
          apply_links (item, "stw-clauses", stw_item_set_clauses);
          apply_links (item, "stw-controls", stw_item_set_controls);
          g_ptr_array_add (out, g_object_ref (item));
        }
      else
        g_ptr_array_add (out, NULL);
    }
  return TRUE;
}

StwItem *
stw_workspace_load_item (StwWorkspace  *self,
                         gint64         item_id,
                         GError       **error)
{
  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);
  return _stw_item_load (self, item_id, FALSE, error);
}

StwItem *
stw_workspace_find_item_by_ref (StwWorkspace  *self,
                                const char    *ref,
                                GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);

  stmt = _stw_workspace_prepare (self, "SELECT id FROM item WHERE ref = ? AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, ref, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (id == 0)
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_FOUND,
                   _("There is no item “%s”"), ref);
      return NULL;
    }
  return _stw_item_load (self, id, FALSE, error);
}
