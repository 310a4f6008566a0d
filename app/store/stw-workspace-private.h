/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-workspace-private.h: the store's API for its own files and for the
 * domains above it: the SQLite handle, prepared statements, error mapping,
 * write transactions, history appends, reference counters, and the hooks
 * through which a domain keeps its cached state, hears of its changed
 * records and adds checks, without the store knowing the domain.
 */
#pragma once

#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "stw-store.h"

G_BEGIN_DECLS

/* How long a write waits for another process's write to finish. */
#define STW_BUSY_TIMEOUT_MS 5000

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

/* The text of column @col, or NULL. */
const char   *_stw_column_text              (sqlite3_stmt  *stmt,
                                             int            col);
void          _stw_bind_text_or_null        (sqlite3_stmt  *stmt,
                                             int            idx,
                                             const char    *text);
/* Binds NULL for an id of 0 (no such record). */
void          _stw_bind_id_or_null          (sqlite3_stmt  *stmt,
                                             int            idx,
                                             gint64         id);
/* Runs a prepared statement expected to return no rows; resets it. */
gboolean      _stw_workspace_step_done      (StwWorkspace  *self,
                                             sqlite3_stmt  *stmt,
                                             const char    *what,
                                             GError       **error);

/* The object of @model whose @get_id is @id, or NULL. For the few cached
 * records a domain keeps (people, workstreams): a walk is fine, and the
 * model keeps the object alive. */
gpointer      _stw_find_by_id               (GListModel    *model,
                                             gint64         id,
                                             gint64       (*get_id) (gpointer object));

/* A domain's data slot: the list model it caches its records in, kept on
 * the workspace as qdata under the quark of @domain and created empty (of
 * @item_type) on first use. The store never looks inside. */
GListStore   *_stw_workspace_get_cache      (StwWorkspace  *self,
                                             const char    *domain,
                                             GType          item_type);

/* Every change runs between these: the outermost pair is one
 * BEGIN IMMEDIATE … COMMIT, inner pairs are savepoints. Listeners hear of
 * the changed records when the outermost transaction ends. */
gboolean      _stw_workspace_write_begin    (StwWorkspace  *self,
                                             GError       **error);
/* Commits (@ok) or rolls back; returns FALSE if @ok was FALSE or the
 * commit failed. */
gboolean      _stw_workspace_write_end      (StwWorkspace  *self,
                                             gboolean       ok,
                                             GError       **error);

/* A record the current transaction changed: @entity names the domain (as
 * in history entries, "item"), @group what the domain groups it by (an
 * item's workstream). Handed to that domain's changed hook when the
 * outermost transaction ends, committed or not. */
typedef struct {
  GQuark  entity;
  gint64  id;
  gint64  group;
} StwChange;

void          _stw_workspace_note_change    (StwWorkspace  *self,
                                             const char    *entity,
                                             gint64         id,
                                             gint64         group);

/* What a domain asks of the store. A domain keeps its cached state (the
 * people, the workstreams) on the workspace as qdata under its own GQuark,
 * so the store never sees its type. Every hook may be NULL. */
typedef struct {
  /* The entity its changes are noted under. */
  const char  *entity;
  /* After the file is opened, in the order the domains were added: load
   * what the domain caches. FALSE fails the open. */
  gboolean   (*opened)      (StwWorkspace  *self,
                             GError       **error);
  /* After the outermost transaction rolled back: cached objects may hold
   * what was rolled back. */
  void       (*rolled_back) (StwWorkspace  *self);
  /* After the outermost transaction ended: the StwChange entries noted for
   * this domain's entity, in order (possibly none). */
  void       (*changed)     (StwWorkspace  *self,
                             GArray        *changes);
  /* Another connection (a command line attach, a second window) committed
   * since the workspace last looked (stw_workspace_refresh()): re-read what
   * the domain caches and emit its change signals. @entries are the
   * StwHistoryEntry appended since, oldest first; NULL when they could not
   * be read, which means anything may have changed. */
  void       (*reloaded)    (StwWorkspace  *self,
                             GPtrArray     *entries);
} StwDomain;

/* Adds @domain (static storage); adding it again does nothing. Done once
 * by stw_core_init(), before any workspace is opened. */
void          _stw_workspace_add_domain     (const StwDomain *domain);

/* One check of the workspace check: appends its findings to @report and
 * clears @intact when something is wrong. Returns FALSE with @error only
 * when it could not run at all, which ends the check. */
typedef gboolean (*StwCheckFunc) (StwWorkspace  *self,
                                  GString       *report,
                                  gboolean      *intact,
                                  GError       **error);

/* Appends @check to the workspace check, after the store's own and those
 * added before; adding it again does nothing. */
void          _stw_workspace_add_check      (StwCheckFunc   check);

/* Opening and creating (the public calls are in stw-core.h). Opens the
 * file at @path, checked and migrated, reads the profile and runs the
 * domains' opened hooks. @read_only: see stw_workspace_open_read_only(). */
StwWorkspace *_stw_workspace_open_file      (const char    *path,
                                             gboolean       read_only,
                                             GError       **error);
/* Opens a connection to the workspace file at @path that writes nothing
 * to it nor beside it where the file is read-only (an SQLite result code;
 * close @db whatever it is). */
int           _stw_sqlite_open_read_only    (const char    *path,
                                             sqlite3      **db);
/* Opened for reading only: every write fails (SQLITE_READONLY), so a
 * domain's opened hook should not try its clean-up. */
gboolean      _stw_workspace_is_read_only   (StwWorkspace  *self);

/* The time ("YYYY-MM-DDTHH:MM:SS.ffffffZ", UTC) that history entries carry
 * from now on instead of the current time; NULL goes back to the current
 * time. Only for the sample, whose made-up year of work happened in the
 * past; never reachable by a person. An entry dated by the set clock never
 * carries a time before the entry it follows: set in order, the log stays
 * in time order. */
void          _stw_workspace_set_clock      (StwWorkspace  *self,
                                             const char    *timestamp);
const char   *_stw_workspace_get_clock      (StwWorkspace  *self);
/* Creates a new workspace as a draft in the folder of @path (a hidden
 * name that no list shows, mode 0600) with the current schema and returns
 * it inside its first write transaction, for the caller to fill in. Fails
 * with STW_WORKSPACE_ERROR_EXISTS when @path is a workspace already.
 * Finalizing a draft that was never published removes its files. */
StwWorkspace *_stw_workspace_create_file    (const char    *path,
                                             GError       **error);
/* Ends that first transaction (commits if @ok) and brings the file's
 * header up to date. FALSE if @ok was FALSE or the commit failed. */
gboolean      _stw_workspace_create_end     (StwWorkspace  *self,
                                             gboolean       ok,
                                             GError       **error);
/* Closes the draft @self (outside any transaction) and gives it the name
 * @path, never replacing a file (an empty one excepted); with @next_free
 * takes the next free name ("acme-2.steward", …) when @path is taken,
 * else fails with STW_WORKSPACE_ERROR_EXISTS. Returns the path it got;
 * @self is then closed, for the caller to unref and open the path. */
char         *_stw_workspace_publish        (StwWorkspace  *self,
                                             const char    *path,
                                             gboolean       next_free,
                                             GError       **error);
/* Removes the drafts in @dir whose creator is gone (no one holds their
 * lock), with their side files. */
void          _stw_workspace_remove_stale_drafts (const char *dir);

/* Organisation profile and actor: re-reads them from the file. */
gboolean      _stw_workspace_reload_profile (StwWorkspace  *self,
                                             GError       **error);
/* Emits "organisation-changed". */
void          _stw_workspace_organisation_changed (StwWorkspace *self);
/* Re-reads the actor's name, recorded in every history entry (after the
 * people changed). */
void          _stw_workspace_reload_actor   (StwWorkspace  *self);
/* The actor's name as last read ("" when unknown). */
const char   *_stw_workspace_get_actor_name (StwWorkspace  *self);
/* Remembers @person_id as the actor; the caller checked the person. */
gboolean      _stw_workspace_set_actor      (StwWorkspace  *self,
                                             gint64         person_id,
                                             GError       **error);

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
/* The entries after @after_seq, oldest first (StwHistoryEntry). */
GPtrArray    *_stw_history_list_since       (StwWorkspace  *self,
                                             gint64         after_seq,
                                             GError       **error);
/* TRUE when @entries (StwHistoryEntry, as a reloaded hook gets them) hold
 * one about @entity, or are NULL (anything may have changed). */
gboolean      _stw_history_mentions         (GPtrArray     *entries,
                                             const char    *entity);
/* The newest entry's sequence number, 0 for an empty log, -1 on failure. */
gint64        _stw_history_last_seq         (StwWorkspace  *self);
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

/* Notes the history's head outside the file, in the app's data folder,
 * after a committed write (stw-witness.c). Never fails the write. */
void          _stw_witness_note             (StwWorkspace  *self);

/* The store's checks beyond the chain: the witnessed head is still in the
 * history (stw-witness.c); the triggers are the schema's; each record's
 * row is what its replayed history says, and every row has a history
 * (stw-replay.c). */
gboolean      _stw_check_witness            (StwWorkspace  *self,
                                             GString       *report,
                                             gboolean      *intact,
                                             GError       **error);
gboolean      _stw_check_guards             (StwWorkspace  *self,
                                             GString       *report,
                                             gboolean      *intact,
                                             GError       **error);
gboolean      _stw_check_records            (StwWorkspace  *self,
                                             GString       *report,
                                             gboolean      *intact,
                                             GError       **error);

/* The next number of a reference series ("T", "OP-2027", "R"); counters
 * only go up. 0 with @error on failure. */
gint64        _stw_workspace_next_number    (StwWorkspace  *self,
                                             const char    *series,
                                             GError       **error);

G_END_DECLS
