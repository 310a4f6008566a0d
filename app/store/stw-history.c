/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-history.c: the append-only, hash-chained change log.
 *
 * Each entry's hash is SHA-256 over the previous entry's hash and a
 * canonical encoding of the entry (every field length-prefixed, so no two
 * different entries encode alike). The first entry chains to 64 zeros.
 * Editing, deleting or inserting a row outside the app breaks the chain at
 * that row; the head hash printed in reports pins the end of the log.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gnutls/crypto.h>
#include <string.h>

#include "stw-workspace-private.h"

#define GENESIS_HASH "0000000000000000000000000000000000000000000000000000000000000000"

static void
append_field (GString    *out,
              const char *value)
{
  if (value == NULL)
    value = "";
  g_string_append_printf (out, "%zu:", strlen (value));
  g_string_append (out, value);
  g_string_append_c (out, '\n');
}

static void
append_int_field (GString *out,
                  gint64   value)
{
  char buf[32];

  g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, value);
  append_field (out, buf);
}

char *
_stw_history_hash (const char *prev_hash,
                   gint64      seq,
                   const char *at,
                   gint64      actor_id,
                   const char *actor_name,
                   const char *entity,
                   gint64      entity_id,
                   const char *action,
                   const char *changes)
{
  g_autoptr(GString) canon = g_string_new ("steward-history-1\n");
  guint8 digest[32];
  char *hex;

  append_field (canon, prev_hash);
  append_int_field (canon, seq);
  append_field (canon, at);
  append_int_field (canon, actor_id);
  append_field (canon, actor_name);
  append_field (canon, entity);
  append_int_field (canon, entity_id);
  append_field (canon, action);
  append_field (canon, changes);

  if (gnutls_hash_fast (GNUTLS_DIG_SHA256, canon->str, canon->len, digest) < 0)
    g_error ("SHA-256 is not available from GnuTLS");

  hex = g_malloc (65);
  for (guint i = 0; i < 32; i++)
    g_snprintf (hex + 2 * i, 3, "%02x", digest[i]);
  return hex;
}

void
stw_history_entry_free (StwHistoryEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->actor_name);
  g_free (entry->entity);
  g_free (entry->action);
  g_free (entry->changes);
  g_free (entry->hash);
  g_free (entry);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  return text ? text : "";
}

gboolean
_stw_history_append (StwWorkspace  *self,
                     const char    *entity,
                     gint64         entity_id,
                     const char    *action,
                     const char    *changes,
                     GError       **error)
{
  sqlite3 *db = _stw_workspace_get_db (self);
  sqlite3_stmt *stmt;
  g_autofree char *prev_hash = NULL;
  const char *clock = _stw_workspace_get_clock (self);
  g_autofree char *at = clock ? g_strdup (clock) : stw_timestamp_now ();
  g_autofree char *hash = NULL;
  gint64 seq = 1;
  gint64 actor_id = stw_workspace_get_actor_id (self);
  const char *actor_name = _stw_workspace_get_actor_name (self);
  int rc;

  g_assert (!sqlite3_get_autocommit (db));

  stmt = _stw_workspace_prepare (self, "SELECT seq, hash, at FROM history ORDER BY seq DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      seq = sqlite3_column_int64 (stmt, 0) + 1;
      prev_hash = g_strdup (column_text (stmt, 1));
      /* A set clock may lag behind the entry before: never back in time. */
      if (clock != NULL && strcmp (at, column_text (stmt, 2)) < 0)
        {
          g_free (at);
          at = g_strdup (column_text (stmt, 2));
        }
    }
  else if (rc == SQLITE_DONE)
    prev_hash = g_strdup (GENESIS_HASH);
  else
    {
      _stw_set_sqlite_error (error, db, rc, _("Could not read the history"));
      return FALSE;
    }
  sqlite3_reset (stmt);

  if (changes == NULL)
    changes = "{}";
  hash = _stw_history_hash (prev_hash, seq, at, actor_id, actor_name,
                            entity, entity_id, action, changes);

  stmt = _stw_workspace_prepare (self,
                                 "INSERT INTO history (seq, at, actor_id, actor_name, entity,"
                                 " entity_id, action, changes, prev_hash, hash)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, seq);
  sqlite3_bind_text (stmt, 2, at, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, actor_id);
  sqlite3_bind_text (stmt, 4, actor_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, entity, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, entity_id);
  sqlite3_bind_text (stmt, 7, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, changes, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, prev_hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, hash, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      _stw_set_sqlite_error (error, db, rc, _("Could not write the history"));
      return FALSE;
    }

  return TRUE;
}

static StwHistoryEntry *
entry_from_row (sqlite3_stmt *stmt)
{
  StwHistoryEntry *e = g_new0 (StwHistoryEntry, 1);

  e->seq = sqlite3_column_int64 (stmt, 0);
  e->at = g_strdup (column_text (stmt, 1));
  e->actor_id = sqlite3_column_int64 (stmt, 2);
  e->actor_name = g_strdup (column_text (stmt, 3));
  e->entity = g_strdup (column_text (stmt, 4));
  e->entity_id = sqlite3_column_int64 (stmt, 5);
  e->action = g_strdup (column_text (stmt, 6));
  e->changes = g_strdup (column_text (stmt, 7));
  e->hash = g_strdup (column_text (stmt, 9));

  return e;
}

#define HISTORY_COLUMNS "seq, at, actor_id, actor_name, entity, entity_id, action, changes, prev_hash, hash"

/* Steps @stmt to its end, one entry per row; resets it. */
static GPtrArray *
collect_entries (sqlite3       *db,
                 sqlite3_stmt  *stmt,
                 GError       **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) stw_history_entry_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entries, entry_from_row (stmt));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_DONE)
    {
      _stw_set_sqlite_error (error, db, rc, _("Could not read the history"));
      return NULL;
    }

  return g_steal_pointer (&entries);
}

GPtrArray *
stw_workspace_list_history (StwWorkspace  *self,
                            const char    *entity,
                            gint64         entity_id,
                            GError       **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);

  db = _stw_workspace_get_db (self);
  if (entity != NULL)
    {
      stmt = _stw_workspace_prepare (self,
                                     "SELECT " HISTORY_COLUMNS " FROM history"
                                     " WHERE entity = ? AND entity_id = ? ORDER BY seq", error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, entity_id);
    }
  else
    {
      stmt = _stw_workspace_prepare (self, "SELECT " HISTORY_COLUMNS " FROM history ORDER BY seq", error);
      if (stmt == NULL)
        return NULL;
    }

  return collect_entries (db, stmt, error);
}

GPtrArray *
_stw_history_list_since (StwWorkspace  *self,
                         gint64         after_seq,
                         GError       **error)
{
  sqlite3_stmt *stmt;

  stmt = _stw_workspace_prepare (self, "SELECT " HISTORY_COLUMNS " FROM history WHERE seq > ? ORDER BY seq",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, after_seq);
  return collect_entries (_stw_workspace_get_db (self), stmt, error);
}

gboolean
_stw_history_mentions (GPtrArray  *entries,
                       const char *entity)
{
  if (entries == NULL)
    return TRUE;
  for (guint i = 0; i < entries->len; i++)
    if (g_strcmp0 (((StwHistoryEntry *) g_ptr_array_index (entries, i))->entity, entity) == 0)
      return TRUE;
  return FALSE;
}

gint64
_stw_history_last_seq (StwWorkspace *self)
{
  sqlite3_stmt *stmt;
  gint64 seq = 0;

  stmt = _stw_workspace_prepare (self, "SELECT coalesce(max(seq), 0) FROM history", NULL);
  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    seq = sqlite3_column_int64 (stmt, 0);
  else
    seq = -1;
  sqlite3_reset (stmt);
  return seq;
}

gboolean
stw_workspace_verify_history (StwWorkspace  *self,
                              gint64        *first_bad_seq,
                              gint64        *n_entries,
                              GError       **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *running = g_strdup (GENESIS_HASH);
  gint64 expected_seq = 1;
  gint64 count = 0;
  gint64 bad = 0;
  const char *why = NULL;
  int rc;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);

  if (first_bad_seq)
    *first_bad_seq = 0;

  db = _stw_workspace_get_db (self);
  /* Not cached: a verify walks the whole table once. */
  rc = sqlite3_prepare_v2 (db, "SELECT " HISTORY_COLUMNS " FROM history ORDER BY seq", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _stw_set_sqlite_error (error, db, rc, _("Could not read the history"));
      return FALSE;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 seq = sqlite3_column_int64 (stmt, 0);
      const char *prev_hash = column_text (stmt, 8);
      const char *stored = column_text (stmt, 9);
      g_autofree char *computed = NULL;

      count++;
      if (seq != expected_seq)
        {
          /* A gap means rows were removed; report the first row after it. */
          bad = seq;
          why = _("an entry is missing before it");
          break;
        }
      if (strcmp (prev_hash, running) != 0)
        {
          bad = seq;
          why = _("it does not follow the entry before it");
          break;
        }
      computed = _stw_history_hash (prev_hash, seq,
                                    column_text (stmt, 1),
                                    sqlite3_column_int64 (stmt, 2),
                                    column_text (stmt, 3),
                                    column_text (stmt, 4),
                                    sqlite3_column_int64 (stmt, 5),
                                    column_text (stmt, 6),
                                    column_text (stmt, 7));
      if (strcmp (computed, stored) != 0)
        {
          bad = seq;
          why = _("its content does not match its hash");
          break;
        }
      g_free (running);
      running = g_strdup (stored);
      expected_seq++;
    }

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _stw_set_sqlite_error (error, db, rc, _("Could not read the history"));
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);

  if (n_entries)
    *n_entries = count;

  if (bad != 0)
    {
      if (first_bad_seq)
        *first_bad_seq = bad;
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_HISTORY_BROKEN,
                   _("The history was changed outside Steward: entry %lld does not verify (%s)"),
                   (long long) bad, why);
      return FALSE;
    }

  return TRUE;
}

char *
stw_workspace_dup_history_head (StwWorkspace *self)
{
  sqlite3_stmt *stmt;
  char *head = NULL;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);

  stmt = _stw_workspace_prepare (self, "SELECT hash FROM history ORDER BY seq DESC LIMIT 1", NULL);
  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    head = g_strdup (column_text (stmt, 0));
  sqlite3_reset (stmt);
  return head;
}

gint64
stw_workspace_find_history_entry (StwWorkspace  *self,
                                  const char    *hash,
                                  GError       **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *lower = NULL;
  gint64 seq = 0;
  int rc;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), -1);
  g_return_val_if_fail (hash != NULL, -1);

  /* Hashes are written in lower case; one copied from a report may not be. */
  lower = g_ascii_strdown (hash, -1);
  stmt = _stw_workspace_prepare (self, "SELECT seq FROM history WHERE hash = ? ORDER BY seq LIMIT 1", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, lower, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    seq = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _stw_set_sqlite_error (error, _stw_workspace_get_db (self), rc, _("Could not read the history"));
      return -1;
    }
  return seq;
}
