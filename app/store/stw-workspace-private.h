/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-workspace-private.h: what the store's own files share: the SQLite
 * handle, error mapping, schema migrations and history appends.
 */
#pragma once

#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "stw-workspace.h"

G_BEGIN_DECLS

sqlite3      *_stw_workspace_get_db         (StwWorkspace  *self);
/* Cached prepared statement for @sql (reset, bindings cleared). */
sqlite3_stmt *_stw_workspace_prepare        (StwWorkspace  *self,
                                             const char    *sql,
                                             GError       **error);
const char   *_stw_workspace_today          (StwWorkspace  *self);

/* Sets @error from SQLite's last error on @db, choosing the workspace error
 * code that tells the person what happened. @what says what was being done. */
void          _stw_set_sqlite_error         (GError       **error,
                                             sqlite3       *db,
                                             int            rc,
                                             const char    *what);
gboolean      _stw_exec                     (sqlite3       *db,
                                             const char    *sql,
                                             GError       **error);

/* Every change runs between these: the outermost pair is one
 * BEGIN IMMEDIATE … COMMIT, inner pairs are savepoints. Listeners hear of
 * the changed items when the outermost transaction ends. */
gboolean      _stw_workspace_write_begin    (StwWorkspace  *self,
                                             GError       **error);
/* Commits (@ok) or rolls back; returns FALSE if @ok was FALSE or the
 * commit failed. */
gboolean      _stw_workspace_write_end      (StwWorkspace  *self,
                                             gboolean       ok,
                                             GError       **error);
void          _stw_workspace_note_item_changed (StwWorkspace *self,
                                                gint64        item_id,
                                                gint64        workstream_id);

/* History change sets: a JSON object {"field": [old, new], …}. */
JsonBuilder  *_stw_changes_new              (void);
void          _stw_changes_add_text         (JsonBuilder   *b,
                                             const char    *field,
                                             const char    *old_value,
                                             const char    *new_value);
void          _stw_changes_add_int          (JsonBuilder   *b,
                                             const char    *field,
                                             gint64         old_value,
                                             gint64         new_value);
void          _stw_changes_add_strv         (JsonBuilder        *b,
                                             const char         *field,
                                             const char * const *old_value,
                                             const char * const *new_value);
char         *_stw_changes_finish           (JsonBuilder   *b);

/* Schema: applies migrations (from, to] on @db inside the caller's
 * transaction and sets user_version. */
gboolean      _stw_schema_migrate           (sqlite3       *db,
                                             int            from_version,
                                             int            to_version,
                                             GError       **error);

/* History: appends one entry chained to the previous one. Must run inside
 * the transaction of the change it records. @changes is a JSON object. */
gboolean      _stw_history_append           (StwWorkspace  *self,
                                             const char    *entity,
                                             gint64         entity_id,
                                             const char    *action,
                                             const char    *changes,
                                             GError       **error);
/* The canonical hash of an entry, hex, newly allocated. */
char         *_stw_history_hash             (const char    *prev_hash,
                                             gint64         seq,
                                             const char    *at,
                                             gint64         actor_id,
                                             const char    *actor_name,
                                             const char    *entity,
                                             gint64         entity_id,
                                             const char    *action,
                                             const char    *changes);

/* Loads the items with @ids (not deleted) in a few queries: @out gets one
 * entry per id, in order, NULL where an item is gone. */
gboolean      _stw_workspace_load_items     (StwWorkspace  *self,
                                             const gint64  *ids,
                                             guint          n,
                                             GPtrArray     *out,
                                             GError       **error);

/* The next number of a reference series ("T", "OP-2027", "R"); counters
 * only go up. 0 with @error on failure. */
gint64        _stw_workspace_next_number    (StwWorkspace  *self,
                                             const char    *series,
                                             GError       **error);
/* Repeating tasks: the occurrence of a series due on @due (0: none), and a
 * new occurrence like @baseline (same lead time) due on @due. */
gint64        _stw_workspace_find_occurrence (StwWorkspace *self,
                                              gint64        series_id,
                                              const char   *due);
gboolean      _stw_workspace_add_occurrence (StwWorkspace  *self,
                                             StwItem       *baseline,
                                             gint64         owner_id,
                                             const char    *due,
                                             GError       **error);

/* Evidence: removes blobs a crashed import left pending. */
void          _stw_evidence_clean_pending   (StwWorkspace  *self);

G_END_DECLS
