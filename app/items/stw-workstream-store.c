/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-workstream-store.c: the workstreams of a workspace: adding and
 * changing them, and the list model the sidebar shows.
 *
 * The model is qdata on the workspace; the items domain loads it when the
 * workspace opens and refreshes its counts when items change.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "stw-item-store.h"
#include "stw-people-store.h"
#include "stw-workspace-private.h"
#include "stw-workstream-store.h"

/* The domain's cached records, kept on the workspace. */
static GListStore *
workstreams_of (StwWorkspace *self)
{
  return _stw_workspace_get_cache (self, "stw-workstreams", STW_TYPE_WORKSTREAM);
}

static gint64
workstream_id_of (gpointer object)
{
  return stw_workstream_get_id (object);
}

/* TRUE when @model holds workstreams with the ids of @fresh, in order. */
static gboolean
same_workstreams (GListModel *model,
                  GPtrArray  *fresh)
{
  if (g_list_model_get_n_items (model) != fresh->len)
    return FALSE;
  for (guint i = 0; i < fresh->len; i++)
    {
      g_autoptr(StwWorkstream) ws = g_list_model_get_item (model, i);

      if (stw_workstream_get_id (ws) != stw_workstream_get_id (fresh->pdata[i]))
        return FALSE;
    }
  return TRUE;
}

gboolean
_stw_workstreams_load (StwWorkspace  *self,
                       GError       **error)
{
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *model = G_LIST_MODEL (workstreams_of (self));
  sqlite3_stmt *stmt;
  int rc;

  stmt = _stw_workspace_prepare (self,
                                 "SELECT id, kind, name, prefix, coalesce(owner_id, 0), colour, require_evidence"
                                 " FROM workstream"
                                 " WHERE archived_at IS NULL ORDER BY position, id", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      StwWorkstream *ws;
      StwWorkstreamKind kind = STW_WORKSTREAM_CUSTOM;

      stw_workstream_kind_from_key (_stw_column_text (stmt, 1), &kind);
      ws = _stw_workstream_new (sqlite3_column_int64 (stmt, 0), kind,
                                _stw_column_text (stmt, 2),
                                _stw_column_text (stmt, 3),
                                sqlite3_column_int64 (stmt, 4));
      _stw_workstream_set_details (ws, _stw_column_text (stmt, 5), sqlite3_column_int (stmt, 6));
      g_ptr_array_add (fresh, ws);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _stw_set_sqlite_error (error, _stw_workspace_get_db (self), rc, _("Could not read the workstreams"));
      return FALSE;
    }

  /* The same workstreams (read again after another process wrote) change
   * in place: the sidebar's rows and the page showing one hold them. */
  if (same_workstreams (model, fresh))
    for (guint i = 0; i < fresh->len; i++)
      {
        g_autoptr(StwWorkstream) ws = g_list_model_get_item (model, i);
        StwWorkstream *read = fresh->pdata[i];

        _stw_workstream_set_name_owner (ws, stw_workstream_get_name (read), stw_workstream_get_owner_id (read));
        _stw_workstream_set_details (ws, stw_workstream_get_colour (read), stw_workstream_get_require_evidence (read));
      }
  else
    g_list_store_splice (workstreams_of (self), 0, g_list_model_get_n_items (model), fresh->pdata, fresh->len);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(StwWorkstream) ws = g_list_model_get_item (model, i);
      guint open_count, overdue_count;

      if (!stw_workspace_count_items (self, stw_workstream_get_id (ws), &open_count, &overdue_count, error))
        return FALSE;
      _stw_workstream_set_counts (ws, open_count, overdue_count);
    }

  return TRUE;
}

GListModel *
stw_workspace_get_workstreams (StwWorkspace *self)
{
  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);
  return G_LIST_MODEL (workstreams_of (self));
}

StwWorkstream *
stw_workspace_find_workstream (StwWorkspace *self,
                               gint64        workstream_id)
{
  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);
  return _stw_find_by_id (G_LIST_MODEL (workstreams_of (self)), workstream_id, workstream_id_of);
}

StwWorkstream *
stw_workspace_add_workstream (StwWorkspace  *self,
                              const char    *name,
                              const char    *prefix,
                              gint64         owner_id,
                              GError       **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *clean_prefix = NULL;
  g_autofree char *now = stw_timestamp_now ();
  g_autoptr(JsonBuilder) b = NULL;
  g_autofree char *changes = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);

  clean = g_strstrip (g_strdup (name ? name : ""));
  clean_prefix = g_ascii_strup (prefix ? prefix : "", -1);
  g_strstrip (clean_prefix);
  if (clean[0] == '\0')
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   _("A workstream needs a name"));
      return NULL;
    }
  if (clean_prefix[0] == '\0' || strlen (clean_prefix) > 8 ||
      strspn (clean_prefix, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != strlen (clean_prefix))
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   _("A reference prefix is 1 to 8 letters, such as “KPI”"));
      return NULL;
    }
  if (owner_id > 0 && stw_workspace_find_person (self, owner_id) == NULL)
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_FOUND,
                   _("The owner is not a person of this workspace"));
      return NULL;
    }

  if (!_stw_workspace_write_begin (self, error))
    return NULL;
  stmt = _stw_workspace_prepare (self,
                                 "INSERT INTO workstream (kind, name, prefix, owner_id, position, created_at)"
                                 " VALUES ('custom', ?, ?, ?, (SELECT coalesce(max(position), -1) + 1 FROM workstream), ?)",
                                 error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, clean_prefix, -1, SQLITE_TRANSIENT);
      _stw_bind_id_or_null (stmt, 3, owner_id);
      sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
      ok = _stw_workspace_step_done (self, stmt, _("Could not add the workstream"), error);
      if (!ok && error && *error && (*error)->code == STW_WORKSPACE_ERROR_INVALID)
        {
          g_clear_error (error);
          g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_EXISTS,
                       _("Another workstream already uses the prefix “%s”"), clean_prefix);
        }
    }
  if (ok)
    {
      id = sqlite3_last_insert_rowid (_stw_workspace_get_db (self));
      b = _stw_changes_new ();
      _stw_changes_add_text (b, "name", NULL, clean);
      _stw_changes_add_text (b, "prefix", NULL, clean_prefix);
      _stw_changes_add_text (b, "owner", NULL, _stw_workspace_person_name (self, owner_id));
      changes = _stw_changes_finish (b);
      ok = _stw_history_append (self, "workstream", id, "create", changes, error);
    }
  ok = _stw_workspace_write_end (self, ok, ok ? error : NULL) && ok;
  if (!ok || !_stw_workstreams_load (self, error))
    return NULL;

  return g_object_ref (stw_workspace_find_workstream (self, id));
}

static gboolean
valid_colour (const char *colour)
{
  if (colour == NULL)
    return TRUE;
  if (strlen (colour) != 7 || colour[0] != '#')
    return FALSE;
  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (colour[i]))
      return FALSE;
  return TRUE;
}

gboolean
stw_workspace_update_workstream (StwWorkspace  *self,
                                 gint64         workstream_id,
                                 const char    *name,
                                 gint64         owner_id,
                                 const char    *colour,
                                 gboolean       require_evidence,
                                 GError       **error)
{
  StwWorkstream *ws;
  g_autofree char *clean = NULL;
  g_autoptr(JsonBuilder) b = NULL;
  g_autofree char *changes = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);

  ws = stw_workspace_find_workstream (self, workstream_id);
  if (ws == NULL)
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_FOUND,
                   _("There is no such workstream"));
      return FALSE;
    }
  clean = g_strstrip (g_strdup (name ? name : ""));
  if (clean[0] == '\0')
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   _("A workstream needs a name"));
      return FALSE;
    }
  if (colour != NULL && colour[0] == '\0')
    colour = NULL;
  if (!valid_colour (colour))
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   _("A colour is written as #rrggbb, such as #3584e4"));
      return FALSE;
    }
  if (owner_id != stw_workstream_get_owner_id (ws) && owner_id != 0)
    {
      StwPerson *owner = stw_workspace_find_person (self, owner_id);

      if (owner == NULL || !stw_person_get_active (owner))
        {
          g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                       _("The owner must be an active person of this workspace"));
          return FALSE;
        }
    }

  b = _stw_changes_new ();
  if (g_strcmp0 (stw_workstream_get_name (ws), clean) != 0)
    _stw_changes_add_text (b, "name", stw_workstream_get_name (ws), clean);
  if (stw_workstream_get_owner_id (ws) != owner_id)
    _stw_changes_add_text (b, "owner", _stw_workspace_person_name (self, stw_workstream_get_owner_id (ws)),
                           _stw_workspace_person_name (self, owner_id));
  if (g_strcmp0 (stw_workstream_get_colour (ws), colour) != 0)
    _stw_changes_add_text (b, "colour", stw_workstream_get_colour (ws), colour);
  /* The stored flag, not the kind's rule. */
  {
    sqlite3_stmt *q = _stw_workspace_prepare (self, "SELECT require_evidence FROM workstream WHERE id = ?", error);
    int stored = 0;

    if (q == NULL)
      return FALSE;
    sqlite3_bind_int64 (q, 1, workstream_id);
    if (sqlite3_step (q) == SQLITE_ROW)
      stored = sqlite3_column_int (q, 0);
    sqlite3_reset (q);
    if (stored != !!require_evidence)
      _stw_changes_add_int (b, "require_evidence", stored, !!require_evidence);
  }
  changes = _stw_changes_finish (b);
  if (g_str_equal (changes, "{}"))
    return TRUE;

  if (!_stw_workspace_write_begin (self, error))
    return FALSE;
  stmt = _stw_workspace_prepare (self,
                                 "UPDATE workstream SET name = ?, owner_id = ?, colour = ?, require_evidence = ?"
                                 " WHERE id = ?", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_TRANSIENT);
      _stw_bind_id_or_null (stmt, 2, owner_id);
      _stw_bind_text_or_null (stmt, 3, colour);
      sqlite3_bind_int (stmt, 4, !!require_evidence);
      sqlite3_bind_int64 (stmt, 5, workstream_id);
      ok = _stw_workspace_step_done (self, stmt, _("Could not save the workstream"), error);
    }
  ok = ok && _stw_history_append (self, "workstream", workstream_id, "update", changes, error);
  ok = _stw_workspace_write_end (self, ok, ok ? error : NULL) && ok;
  if (ok)
    {
      /* Changed in place: views hold these objects. */
      _stw_workstream_set_name_owner (ws, clean, owner_id);
      _stw_workstream_set_details (ws, colour, require_evidence);
    }
  return ok;
}
