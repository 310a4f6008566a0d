/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-item-search.c: full-text search over items (SQLite FTS5), with
 * whatever the person typed taken as plain words; then, when the index
 * leaves room, the items whose owner, corrective record or evidence (file
 * names and notes) hold every word.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "stw-item-store-private.h"
#include "stw-search-private.h"
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

/* Lower case, accents removed, anything but letters and digits a space:
 * "Müller, T-003" → "muller  t 003". */
static char *
fold_text (const char *text)
{
  g_autofree char *lower = g_utf8_casefold (text, -1);
  g_autofree char *decomposed = g_utf8_normalize (lower, -1, G_NORMALIZE_NFD);
  GString *folded = g_string_sized_new (strlen (decomposed));

  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (folded, c);
      else if (!g_unichar_ismark (c))
        g_string_append_c (folded, ' ');
    }
  return g_string_free (folded, FALSE);
}

static void
fold_sql (sqlite3_context  *context,
          int               argc,
          sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      sqlite3_result_text (context, "", 0, SQLITE_STATIC);
      return;
    }
  sqlite3_result_text (context, fold_text (text), -1, g_free);
}

void
_stw_search_ensure_fold (StwWorkspace *self)
{
  if (g_object_get_data (G_OBJECT (self), "stw-search-fold") != NULL)
    return;
  sqlite3_create_function_v2 (_stw_workspace_get_db (self), "stw_fold", 1,
                              SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                              NULL, fold_sql, NULL, NULL, NULL);
  g_object_set_data (G_OBJECT (self), "stw-search-fold", GINT_TO_POINTER (1));
}

GPtrArray *
_stw_search_like_patterns (const char *text)
{
  GPtrArray *patterns = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *folded = fold_text (text != NULL ? text : "");
  GString *word = g_string_new (NULL);

  for (const char *p = folded;; p = g_utf8_next_char (p))
    {
      gunichar c = *p ? g_utf8_get_char (p) : 0;

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        {
          /* The start of a word, as the full-text index matches. */
          g_ptr_array_add (patterns, g_strdup_printf ("%% %s%%", word->str));
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
    }
  g_string_free (word, TRUE);
  return patterns;
}

char *
_stw_search_where_all (const char *expr,
                       guint       n_patterns)
{
  GString *where = g_string_new (NULL);

  /* Only letters and digits are in a pattern: no LIKE wildcard to escape. */
  for (guint i = 0; i < n_patterns; i++)
    g_string_append_printf (where, "%s' ' || stw_fold (%s) LIKE ?", i > 0 ? " AND " : "", expr);
  return g_string_free (where, FALSE);
}

/* Items not already in @ids whose owner, corrective record or live
 * evidence hold every word of @text, up to @limit in all. */
static gboolean
add_other_matches (StwWorkspace  *self,
                   const char    *text,
                   guint          limit,
                   GArray        *ids,
                   GError       **error)
{
  g_autoptr(GPtrArray) patterns = _stw_search_like_patterns (text);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (patterns->len == 0 || ids->len >= limit)
    return TRUE;
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (seen, &g_array_index (ids, gint64, i));

  _stw_search_ensure_fold (self);
  where = _stw_search_where_all ("t.words", patterns->len);
  /* Every word anywhere in the item's own text or what belongs to it, so
   * that "Priya backup" finds Priya's backup tasks. */
  sql = g_strdup_printf ("SELECT t.id FROM ("
                         " SELECT i.id, i.due_date,"
                         "  i.ref || ' ' || i.title || ' ' || coalesce (i.description, '') || ' ' ||"
                         "  coalesce (i.notes, '') || ' ' || coalesce (p.name, '') || ' ' ||"
                         "  coalesce ((SELECT coalesce (c.source_ref, '') || ' ' || coalesce (c.correction, '') || ' ' ||"
                         "             coalesce (c.root_cause, '') || ' ' || coalesce (c.corrective_action, '')"
                         "             FROM corrective c WHERE c.item_id = i.id), '') || ' ' ||"
                         "  coalesce ((SELECT group_concat (a.file_name || ' ' || coalesce (a.note, ''), ' ')"
                         "             FROM attachment a WHERE a.entity = 'item' AND a.entity_id = i.id"
                         "             AND a.removed_at IS NULL), '') AS words"
                         " FROM item i LEFT JOIN person p ON p.id = i.owner_id"
                         " WHERE i.deleted_at IS NULL) t"
                         " WHERE %s ORDER BY t.due_date IS NULL, t.due_date, t.id LIMIT ?", where);
  rc = sqlite3_prepare_v2 (_stw_workspace_get_db (self), sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      for (guint i = 0; i < patterns->len; i++)
        sqlite3_bind_text (stmt, (int) i + 1, patterns->pdata[i], -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, (int) patterns->len + 1, (int) (limit + ids->len));
      while (ids->len < limit && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          if (!g_hash_table_contains (seen, &id))
            g_array_append_val (ids, id);
        }
      if (rc == SQLITE_ROW)
        rc = SQLITE_DONE;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_OK)
    {
      _stw_set_sqlite_error (error, _stw_workspace_get_db (self), rc, _("Could not search the workspace"));
      return FALSE;
    }
  return TRUE;
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
  if (!add_other_matches (self, text, limit ? limit : 50, ids, error))
    return NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(StwItem) item = _stw_item_load (self, g_array_index (ids, gint64, i), FALSE, error);

      if (item == NULL)
        return NULL;
      g_list_store_append (results, item);
    }

  return G_LIST_MODEL (g_steal_pointer (&results));
}

/* See stw-search-private.h. */
GArray *
_stw_search_ids (StwWorkspace  *self,
                 const char    *table_sql,
                 const char    *text_expr,
                 const char    *text,
                 guint          limit,
                 GError       **error)
{
  g_autoptr(GPtrArray) patterns = _stw_search_like_patterns (text);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *ref = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (patterns->len == 0)
    return g_steal_pointer (&ids);
  _stw_search_ensure_fold (self);
  where = _stw_search_where_all (text_expr, patterns->len);
  /* @table_sql and @text_expr are ours; only the patterns are data. */
  sql = g_strdup_printf ("SELECT x.id %s AND %s ORDER BY x.ref = ? DESC, length(x.ref), x.ref LIMIT ?",
                              table_sql, where);
  ref = g_strstrip (g_utf8_strup (text, -1));
  rc = sqlite3_prepare_v2 (_stw_workspace_get_db (self), sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      for (guint i = 0; i < patterns->len; i++)
        sqlite3_bind_text (stmt, (int) i + 1, patterns->pdata[i], -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, (int) patterns->len + 1, ref, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, (int) patterns->len + 2, limit ? (int) limit : 50);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (ids, id);
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _stw_set_sqlite_error (error, _stw_workspace_get_db (self), rc, _("Could not search the workspace"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}
