/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-item-board.c: board moves: an item's column and its place in it,
 * kept as spaced positions so a drop rarely renumbers the column; and
 * saving several items at once.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "stw-item-store-private.h"
#include "stw-workspace-private.h"

/* The id of the card after @item_id in its column, or 0. */
static gboolean
next_in_column (StwWorkspace  *self,
                StwItem       *item,
                gint64        *next_id,
                GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _stw_workspace_prepare (self,
                                 "SELECT id FROM item WHERE workstream_id = ? AND status = ?"
                                 " AND deleted_at IS NULL AND (position > ? OR (position = ? AND id > ?))"
                                 " ORDER BY position, id LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, stw_item_get_workstream_id (item));
  sqlite3_bind_text (stmt, 2, stw_status_to_key (stw_item_get_status (item)), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, stw_item_get_position (item));
  sqlite3_bind_int64 (stmt, 4, stw_item_get_position (item));
  sqlite3_bind_int64 (stmt, 5, stw_item_get_id (item));
  rc = sqlite3_step (stmt);
  *next_id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _stw_set_sqlite_error (error, _stw_workspace_get_db (self), rc, _("Could not read the board"));
      return FALSE;
    }
  return TRUE;
}

/* Spreads a column's positions out again when a drop finds no gap. Order is
 * kept, so this is not a change anyone made and writes no history. */
static gboolean
renumber_column (StwWorkspace  *self,
                 gint64         workstream_id,
                 StwStatus      status,
                 GError       **error)
{
  sqlite3_stmt *stmt;

  stmt = _stw_workspace_prepare (self,
                                 "UPDATE item SET position = ("
                                 "  SELECT n FROM (SELECT id AS nid, row_number () OVER (ORDER BY position, id) * "
                                 G_STRINGIFY (POSITION_GAP) " AS n FROM item"
                                 "   WHERE workstream_id = ?1 AND status = ?2 AND deleted_at IS NULL) WHERE nid = item.id)"
                                 " WHERE workstream_id = ?1 AND status = ?2 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, workstream_id);
  sqlite3_bind_text (stmt, 2, stw_status_to_key (status), -1, SQLITE_STATIC);
  return _stw_workspace_step_done (self, stmt, _("Could not reorder the board"), error);
}

/* Position for a card dropped before @before_id (0: the end) in a column,
 * leaving @item_id itself out of the count. */
static gboolean
position_before (StwWorkspace  *self,
                 gint64         workstream_id,
                 StwStatus      status,
                 gint64         item_id,
                 gint64         before_id,
                 gint64        *position,
                 gboolean      *need_renumber,
                 GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 before_pos = 0, prev_pos = 0;
  gboolean has_prev = FALSE;
  int rc;

  *need_renumber = FALSE;

  if (before_id == 0)
    {
      stmt = _stw_workspace_prepare (self,
                                     "SELECT coalesce(max(position), 0) FROM item WHERE workstream_id = ?"
                                     " AND status = ? AND deleted_at IS NULL AND id != ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, workstream_id);
      sqlite3_bind_text (stmt, 2, stw_status_to_key (status), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, item_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        *position = sqlite3_column_int64 (stmt, 0) + POSITION_GAP;
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      if (rc != SQLITE_ROW)
        {
          _stw_set_sqlite_error (error, _stw_workspace_get_db (self), rc, _("Could not read the board"));
          return FALSE;
        }
      return TRUE;
    }

  stmt = _stw_workspace_prepare (self,
                                 "SELECT position FROM item WHERE id = ? AND workstream_id = ? AND status = ?"
                                 " AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, before_id);
  sqlite3_bind_int64 (stmt, 2, workstream_id);
  sqlite3_bind_text (stmt, 3, stw_status_to_key (status), -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    before_pos = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_FOUND,
                   _("The card to drop next to is no longer in that column"));
      return FALSE;
    }

  stmt = _stw_workspace_prepare (self,
                                 "SELECT max(position) FROM item WHERE workstream_id = ? AND status = ?"
                                 " AND deleted_at IS NULL AND id != ? AND id != ?"
                                 " AND (position < ?5 OR (position = ?5 AND id < ?4))", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, workstream_id);
  sqlite3_bind_text (stmt, 2, stw_status_to_key (status), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, item_id);
  sqlite3_bind_int64 (stmt, 4, before_id);
  sqlite3_bind_int64 (stmt, 5, before_pos);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    {
      has_prev = TRUE;
      prev_pos = sqlite3_column_int64 (stmt, 0);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_ROW)
    {
      _stw_set_sqlite_error (error, _stw_workspace_get_db (self), rc, _("Could not read the board"));
      return FALSE;
    }

  if (!has_prev)
    *position = before_pos - POSITION_GAP;
  else if (before_pos - prev_pos >= 2)
    *position = prev_pos + (before_pos - prev_pos) / 2;
  else
    *need_renumber = TRUE;
  return TRUE;
}

gboolean
stw_workspace_move_item (StwWorkspace  *self,
                         gint64         item_id,
                         StwStatus      status,
                         gint64         before_id,
                         const char    *closure_note,
                         gint64        *undo_before_id,
                         GError       **error)
{
  g_autoptr(StwItem) item = NULL;
  gint64 next_id = 0, position = 0;
  gboolean renumber = FALSE;
  gboolean ok;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (status < STW_N_STATUSES, FALSE);

  if (before_id == item_id)
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   _("A card cannot be dropped next to itself"));
      return FALSE;
    }

  item = _stw_item_load (self, item_id, FALSE, error);
  if (item == NULL)
    return FALSE;

  if (!_stw_workspace_write_begin (self, error))
    return FALSE;

  ok = next_in_column (self, item, &next_id, error);
  ok = ok && position_before (self, stw_item_get_workstream_id (item), status, item_id, before_id,
                              &position, &renumber, error);
  if (ok && renumber)
    ok = renumber_column (self, stw_item_get_workstream_id (item), status, error) &&
         position_before (self, stw_item_get_workstream_id (item), status, item_id, before_id,
                          &position, &renumber, error);
  if (ok)
    {
      stw_item_set_status (item, status);
      stw_item_set_position (item, position);
      if (closure_note != NULL)
        stw_item_set_closure_note (item, closure_note);
      ok = stw_workspace_update_item (self, item, error);
    }
  ok = _stw_workspace_write_end (self, ok, ok ? error : NULL) && ok;

  if (ok && undo_before_id)
    *undo_before_id = next_id;
  return ok;
}

gboolean
stw_workspace_update_items (StwWorkspace  *self,
                            GPtrArray     *items,
                            GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (items != NULL, FALSE);

  if (!_stw_workspace_write_begin (self, error))
    return FALSE;
  ok = TRUE;
  for (guint i = 0; ok && i < items->len; i++)
    ok = stw_workspace_update_item (self, g_ptr_array_index (items, i), error);
  return _stw_workspace_write_end (self, ok, ok ? error : NULL) && ok;
}
