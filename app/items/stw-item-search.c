/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-item-search.c: full-text search over items (SQLite FTS5), with
 * whatever the person typed taken as plain words.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "stw-item-store-private.h"
#include "stw-workspace-private.h"

/* Turns what a person typed into an FTS5 query of quoted prefix terms, so
 * quotes, AND/OR/NOT, NEAR, colons and stars are just text. NULL when
 * nothing searchable is left. */
static char *
fts_query_from_text (const char *text)
{
  GString *query = g_string_new (NULL);
  GString *term = g_string_new (NULL);
  const char *p = text;

  for (;; p = g_utf8_next_char (p))
    {
      gunichar c = *p ? g_utf8_get_char_validated (p, -1) : 0;

      if (c != 0 && c != (gunichar) -1 && c != (gunichar) -2 &&
          (g_unichar_isalnum (c) || g_unichar_ismark (c)))
        {
          g_string_append_unichar (term, c);
          continue;
        }
      if (term->len > 0)
        {
          /* Only letters, digits and marks are in a term: no quote to escape. */
          g_string_append_printf (query, "%s\"%s\"*", query->len ? " " : "", term->str);
          g_string_truncate (term, 0);
        }
      if (c == 0 || c == (gunichar) -1 || c == (gunichar) -2)
        break;
    }
  g_string_free (term, TRUE);

  if (query->len == 0)
    {
      g_string_free (query, TRUE);
      return NULL;
    }
  return g_string_free (query, FALSE);
}

GListModel *
stw_workspace_search_items (StwWorkspace  *self,
                            const char    *text,
                            guint          limit,
                            GError       **error)
{
  g_autoptr(GListStore) results = g_list_store_new (STW_TYPE_ITEM);
  g_autofree char *query = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);

  query = fts_query_from_text (text ? text : "");
  if (query == NULL)
    return G_LIST_MODEL (g_steal_pointer (&results));

  /* A reference typed in full is what the person wants: put it first. */
  {
    g_autofree char *ref = g_strstrip (g_utf8_strup (text, -1));

    stmt = _stw_workspace_prepare (self, "SELECT id FROM item WHERE ref = ? AND deleted_at IS NULL", error);
    if (stmt == NULL)
      return NULL;
    sqlite3_bind_text (stmt, 1, ref, -1, SQLITE_TRANSIENT);
    if (sqlite3_step (stmt) == SQLITE_ROW)
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);
        g_array_append_val (ids, id);
      }
    sqlite3_reset (stmt);
    sqlite3_clear_bindings (stmt);
  }

  stmt = _stw_workspace_prepare (self,
                                 "SELECT i.id FROM item_fts JOIN item i ON i.id = item_fts.rowid"
                                 " WHERE item_fts MATCH ? AND i.deleted_at IS NULL"
                                 " ORDER BY bm25 (item_fts, 10.0, 5.0, 1.0, 1.0) LIMIT ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, limit ? (int) limit : 50);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (ids->len == 0 || id != g_array_index (ids, gint64, 0))
        g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      _stw_set_sqlite_error (error, _stw_workspace_get_db (self), rc, _("Could not search the workspace"));
      return NULL;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(StwItem) item = _stw_item_load (self, g_array_index (ids, gint64, i), FALSE, error);

      if (item == NULL)
        return NULL;
      g_list_store_append (results, item);
    }

  return G_LIST_MODEL (g_steal_pointer (&results));
}
