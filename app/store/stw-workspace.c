/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-workspace.c: the store: opening and creating a workspace file, its
 * connection, write transactions, settings, the organisation profile and
 * the actor, and the hooks the domains use.
 *
 * Every write runs in one transaction together with its history entry.
 * Opening is careful: the file's header is read and checked before SQLite
 * touches it, so a file that is not ours, is damaged or truncated, is
 * read-only or comes from a newer Steward is reported and left untouched.
 *
 * The store names no domain: people, workstreams and items keep their
 * cached state as qdata on the workspace and hear of opens, rollbacks and
 * their changed records through the StwDomain hooks they added.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "stw-draft-private.h"
#include "stw-workspace-private.h"

struct _StwWorkspace
{
  GObject      parent_instance;

  sqlite3     *db;
  char        *path;
  GHashTable  *statements;   /* SQL text → sqlite3_stmt */
  char        *today;

  char        *org_name;
  char        *scope;
  gint64       isms_owner_id;
  guint        cycle_start_month;
  guint        risk_threshold;
  gint64       actor_id;
  char        *actor_name;

  /* While a new workspace is a draft: the descriptor holding its lock
   * (see "Drafts" below); -1 once it has its name. */
  int          draft_fd;

  /* Opened for reading only (stw_workspace_open_read_only()). */
  gboolean     read_only;

  /* The time history entries carry instead of now (the sample's made-up
   * past); NULL: now. Set only by _stw_workspace_set_clock(). */
  char        *clock;

  guint        write_depth;
  GArray      *pending;      /* StwChange, handed to the domains when the outermost write ends */

  /* How far this connection has caught up with the file: SQLite's
   * data_version when it last looked, and the newest history entry whose
   * change its listeners heard of (stw_workspace_refresh()). */
  gint64       data_version;
  gint64       seen_seq;
  /* Entries our own commits appended after seen_seq while another
   * connection had committed too (pairs: after, last): their listeners
   * heard of them at the commit, so a refresh leaves them out. */
  GArray      *own_ranges;
  gint64       own_from;     /* the newest entry when our outermost write began */
};

G_DEFINE_FINAL_TYPE (StwWorkspace, stw_workspace, G_TYPE_OBJECT)

enum {
  ORGANISATION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The domains added by stw_core_init(), in order: const StwDomain *. */
static GPtrArray *domains;

G_DEFINE_QUARK (stw-workspace-error-quark, stw_workspace_error)

/* ------------------------------------------------------------------ */
/* SQLite helpers                                                      */

void
_stw_set_sqlite_error (GError     **error,
                       sqlite3     *db,
                       int          rc,
                       const char  *what)
{
  int code;
  const char *detail = db ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      code = STW_WORKSPACE_ERROR_CORRUPT;
      detail = _("the file is damaged");
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      code = STW_WORKSPACE_ERROR_READ_ONLY;
      detail = _("the file cannot be written");
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = STW_WORKSPACE_ERROR_BUSY;
      detail = _("another program is using the workspace");
      break;
    case SQLITE_FULL:
      code = STW_WORKSPACE_ERROR_NO_SPACE;
      detail = _("the disk is full");
      break;
    case SQLITE_CANTOPEN:
      code = STW_WORKSPACE_ERROR_NOT_FOUND;
      break;
    case SQLITE_CONSTRAINT:
      code = STW_WORKSPACE_ERROR_INVALID;
      break;
    default:
      code = STW_WORKSPACE_ERROR_FAILED;
      break;
    }

  g_set_error (error, STW_WORKSPACE_ERROR, code, "%s: %s", what, detail);
}

gboolean
_stw_exec (sqlite3     *db,
           const char  *sql,
           GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _stw_set_sqlite_error (error, db, rc, _("The workspace could not be updated"));
      return FALSE;
    }
  return TRUE;
}

sqlite3 *
_stw_workspace_get_db (StwWorkspace *self)
{
  return self->db;
}

sqlite3_stmt *
_stw_workspace_prepare (StwWorkspace  *self,
                        const char    *sql,
                        GError       **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _stw_set_sqlite_error (error, self->db, rc, _("The workspace could not be read"));
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

const char *
_stw_workspace_today (StwWorkspace *self)
{
  g_autofree char *today = stw_date_today ();

  /* Refreshed on each use: the app may stay open past midnight. */
  if (g_strcmp0 (today, self->today) != 0)
    {
      g_free (self->today);
      self->today = g_steal_pointer (&today);
    }
  return self->today;
}

const char *
_stw_column_text (sqlite3_stmt *stmt,
                  int           col)
{
  return (const char *) sqlite3_column_text (stmt, col);
}

void
_stw_bind_text_or_null (sqlite3_stmt *stmt,
                        int           idx,
                        const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, idx);
  else
    sqlite3_bind_text (stmt, idx, text, -1, SQLITE_TRANSIENT);
}

void
_stw_bind_id_or_null (sqlite3_stmt *stmt,
                      int           idx,
                      gint64        id)
{
  if (id <= 0)
    sqlite3_bind_null (stmt, idx);
  else
    sqlite3_bind_int64 (stmt, idx, id);
}

gboolean
_stw_workspace_step_done (StwWorkspace  *self,
                          sqlite3_stmt  *stmt,
                          const char    *what,
                          GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      _stw_set_sqlite_error (error, self->db, rc, what);
      return FALSE;
    }
  return TRUE;
}

gpointer
_stw_find_by_id (GListModel *model,
                 gint64      id,
                 gint64    (*get_id) (gpointer object))
{
  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (model, i);

      if (get_id (object) == id)
        return object;
    }
  return NULL;
}

/* ------------------------------------------------------------------ */
/* Domains                                                             */

void
_stw_workspace_add_domain (const StwDomain *domain)
{
  g_return_if_fail (domain != NULL && domain->entity != NULL);

  if (domains == NULL)
    domains = g_ptr_array_new ();
  if (!g_ptr_array_find (domains, domain, NULL))
    g_ptr_array_add (domains, (gpointer) domain);
}

static guint
n_domains (void)
{
  return domains ? domains->len : 0;
}

static const StwDomain *
domain_at (guint i)
{
  return g_ptr_array_index (domains, i);
}

GListStore *
_stw_workspace_get_cache (StwWorkspace *self,
                          const char   *domain,
                          GType         item_type)
{
  GQuark key = g_quark_from_string (domain);
  GListStore *cache = g_object_get_qdata (G_OBJECT (self), key);

  if (cache == NULL)
    {
      cache = g_list_store_new (item_type);
      g_object_set_qdata_full (G_OBJECT (self), key, cache, g_object_unref);
    }
  return cache;
}

/* Each domain gets the changes noted under its entity. */
static void
flush_pending (StwWorkspace *self)
{
  g_autoptr(GArray) pending = g_steal_pointer (&self->pending);

  self->pending = g_array_new (FALSE, FALSE, sizeof (StwChange));
  if (pending->len == 0)
    return;

  for (guint d = 0; d < n_domains (); d++)
    {
      const StwDomain *domain = domain_at (d);
      GQuark entity = g_quark_from_string (domain->entity);
      g_autoptr(GArray) changes = NULL;

      if (domain->changed == NULL)
        continue;
      changes = g_array_new (FALSE, FALSE, sizeof (StwChange));
      for (guint i = 0; i < pending->len; i++)
        {
          StwChange *c = &g_array_index (pending, StwChange, i);

          if (c->entity == entity)
            g_array_append_val (changes, *c);
        }
      domain->changed (self, changes);
    }
}

void
_stw_workspace_note_change (StwWorkspace *self,
                            const char   *entity,
                            gint64        id,
                            gint64        group)
{
  StwChange c = { g_quark_from_string (entity), id, group };

  g_array_append_val (self->pending, c);
}

/* ------------------------------------------------------------------ */
/* Other connections                                                   */

/* SQLite's count of commits by other connections, -1 on failure. */
static gint64
read_data_version (StwWorkspace  *self,
                   GError       **error)
{
  sqlite3_stmt *stmt = _stw_workspace_prepare (self, "PRAGMA data_version", error);
  gint64 version = -1;
  int rc;

  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  else
    _stw_set_sqlite_error (error, self->db, rc, _("Could not read the workspace"));
  sqlite3_reset (stmt);
  return version;
}

/* Called before loading what the domains cache: whatever another
 * connection commits from here on is news to the next refresh. */
static void
mark_caught_up (StwWorkspace *self)
{
  self->data_version = read_data_version (self, NULL);
  self->seen_seq = MAX (_stw_history_last_seq (self), 0);
  g_array_set_size (self->own_ranges, 0);
}

/* Inside our outermost write, before it commits (no one else can commit
 * meanwhile): the newest entry if no other connection committed since we
 * last caught up, so every entry up to it is ours and its listeners hear
 * of it; -1 otherwise, leaving the others' entries to the next refresh. */
static gint64
caught_up_seq (StwWorkspace *self)
{
  if (read_data_version (self, NULL) != self->data_version)
    return -1;
  return _stw_history_last_seq (self);
}

/* The entry with @seq was appended by one of our own commits. */
static gboolean
is_own_entry (StwWorkspace *self,
              gint64        seq)
{
  for (guint i = 0; i + 1 < self->own_ranges->len; i += 2)
    if (seq > g_array_index (self->own_ranges, gint64, i) && seq <= g_array_index (self->own_ranges, gint64, i + 1))
      return TRUE;
  return FALSE;
}

gboolean
stw_workspace_refresh (StwWorkspace  *self,
                       GError       **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) history_error = NULL;
  g_autofree char *old_name = NULL;
  g_autofree char *old_scope = NULL;
  gint64 version, old_owner;
  guint old_month, old_threshold;
  gboolean profile_changed;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);

  /* Mid-transaction our own view is not settled: the next call catches up. */
  if (self->write_depth > 0)
    return TRUE;
  version = read_data_version (self, error);
  if (version < 0)
    return FALSE;
  if (version == self->data_version)
    return TRUE;
  self->data_version = version;

  /* Without the entries every domain reloads everything (NULL). */
  entries = _stw_history_list_since (self, self->seen_seq, &history_error);
  if (entries == NULL)
    g_debug ("Reloading everything: %s", history_error->message);
  else if (entries->len > 0)
    {
      self->seen_seq = ((StwHistoryEntry *) g_ptr_array_index (entries, entries->len - 1))->seq;
      for (guint i = entries->len; i > 0; i--)
        if (is_own_entry (self, ((StwHistoryEntry *) g_ptr_array_index (entries, i - 1))->seq))
          g_ptr_array_remove_index (entries, i - 1);
      g_array_set_size (self->own_ranges, 0);
    }

  old_name = g_strdup (self->org_name);
  old_scope = g_strdup (self->scope);
  old_owner = self->isms_owner_id;
  old_month = self->cycle_start_month;
  old_threshold = self->risk_threshold;
  if (!_stw_workspace_reload_profile (self, error))
    return FALSE;
  profile_changed = g_strcmp0 (old_name, self->org_name) != 0
    || g_strcmp0 (old_scope, self->scope) != 0
    || old_owner != self->isms_owner_id
    || old_month != self->cycle_start_month
    || old_threshold != self->risk_threshold;

  for (guint d = 0; d < n_domains (); d++)
    if (domain_at (d)->reloaded != NULL)
      domain_at (d)->reloaded (self, entries);
  if (profile_changed)
    _stw_workspace_organisation_changed (self);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Transactions                                                        */

gboolean
_stw_workspace_write_begin (StwWorkspace  *self,
             GError       **error)
{
  /* IMMEDIATE takes the write lock up front, so a change never fails
   * half-way because another process wrote in between. */
  if (self->write_depth == 0)
    {
      if (!_stw_exec (self->db, "BEGIN IMMEDIATE", error))
        return FALSE;
      self->own_from = _stw_history_last_seq (self);
    }
  else if (!_stw_exec (self->db, "SAVEPOINT stw_write", error))
    return FALSE;

  self->write_depth++;
  return TRUE;
}

gboolean
_stw_workspace_write_end (StwWorkspace  *self,
           gboolean       ok,
           GError       **error)
{
  g_return_val_if_fail (self->write_depth > 0, FALSE);

  self->write_depth--;
  if (ok)
    {
      gint64 seen = self->write_depth == 0 ? caught_up_seq (self) : -1;
      gint64 own_to = self->write_depth == 0 && seen < 0 ? _stw_history_last_seq (self) : -1;

      if (!_stw_exec (self->db, self->write_depth == 0 ? "COMMIT" : "RELEASE stw_write", error))
        {
          /* A failed COMMIT (disk full) leaves the transaction open. */
          if (self->write_depth == 0)
            sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          ok = FALSE;
        }
      else if (seen >= 0)
        {
          /* Every entry after seen_seq is ours. */
          self->seen_seq = seen;
          g_array_set_size (self->own_ranges, 0);
        }
      else if (own_to > self->own_from && self->own_from >= 0)
        {
          g_array_append_val (self->own_ranges, self->own_from);
          g_array_append_val (self->own_ranges, own_to);
        }
    }
  else if (self->write_depth == 0)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  else
    sqlite3_exec (self->db, "ROLLBACK TO stw_write; RELEASE stw_write", NULL, NULL, NULL);

  if (self->write_depth == 0)
    {
      /* Committed: the head this computer has seen moves on. */
      if (ok)
        _stw_witness_note (self);
      if (!ok)
        {
          /* Cached objects may hold what was rolled back. */
          for (guint d = 0; d < n_domains (); d++)
            if (domain_at (d)->rolled_back != NULL)
              domain_at (d)->rolled_back (self);
          _stw_workspace_reload_profile (self, NULL);
        }
      flush_pending (self);
    }

  return ok;
}

gboolean
stw_workspace_begin (StwWorkspace  *self,
                     GError       **error)
{
  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);
  return _stw_workspace_write_begin (self, error);
}

gboolean
stw_workspace_commit (StwWorkspace  *self,
                      GError       **error)
{
  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);
  return _stw_workspace_write_end (self, TRUE, error);
}

void
stw_workspace_rollback (StwWorkspace *self)
{
  g_return_if_fail (STW_IS_WORKSPACE (self));
  _stw_workspace_write_end (self, FALSE, NULL);
}

/* ------------------------------------------------------------------ */
/* History change sets                                                 */

JsonBuilder *
_stw_changes_new (void)
{
  JsonBuilder *b = json_builder_new ();

  json_builder_begin_object (b);
  return b;
}

void
_stw_changes_add_text (JsonBuilder *b,
                  const char  *field,
                  const char  *old_value,
                  const char  *new_value)
{
  json_builder_set_member_name (b, field);
  json_builder_begin_array (b);
  if (old_value) json_builder_add_string_value (b, old_value); else json_builder_add_null_value (b);
  if (new_value) json_builder_add_string_value (b, new_value); else json_builder_add_null_value (b);
  json_builder_end_array (b);
}

void
_stw_changes_add_int (JsonBuilder *b,
                 const char  *field,
                 gint64       old_value,
                 gint64       new_value)
{
  json_builder_set_member_name (b, field);
  json_builder_begin_array (b);
  json_builder_add_int_value (b, old_value);
  json_builder_add_int_value (b, new_value);
  json_builder_end_array (b);
}

void
_stw_changes_add_strv (JsonBuilder        *b,
                  const char         *field,
                  const char * const *old_value,
                  const char * const *new_value)
{
  const char * const *sides[2] = { old_value, new_value };

  json_builder_set_member_name (b, field);
  json_builder_begin_array (b);
  for (guint s = 0; s < 2; s++)
    {
      json_builder_begin_array (b);
      for (guint i = 0; sides[s] != NULL && sides[s][i] != NULL; i++)
        json_builder_add_string_value (b, sides[s][i]);
      json_builder_end_array (b);
    }
  json_builder_end_array (b);
}

char *
_stw_changes_finish (JsonBuilder *b)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

/* ------------------------------------------------------------------ */
/* Organisation profile and actor                                      */

gboolean
_stw_workspace_reload_profile (StwWorkspace  *self,
                               GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _stw_workspace_prepare (self,
                                 "SELECT name, scope, coalesce(isms_owner_id, 0), cycle_start_month,"
                                 " risk_threshold FROM organisation WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_CORRUPT,
                     _("The workspace has no organisation profile"));
      else
        _stw_set_sqlite_error (error, self->db, rc, _("Could not read the organisation profile"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  g_free (self->org_name);
  self->org_name = g_strdup (_stw_column_text (stmt, 0));
  g_free (self->scope);
  self->scope = g_strdup (_stw_column_text (stmt, 1));
  self->isms_owner_id = sqlite3_column_int64 (stmt, 2);
  self->cycle_start_month = sqlite3_column_int (stmt, 3);
  self->risk_threshold = sqlite3_column_int (stmt, 4);
  sqlite3_reset (stmt);

  stmt = _stw_workspace_prepare (self, "SELECT value FROM setting WHERE key = 'actor_id'", error);
  if (stmt == NULL)
    return FALSE;
  self->actor_id = 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    self->actor_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  _stw_workspace_reload_actor (self);

  return TRUE;
}

void
_stw_workspace_reload_actor (StwWorkspace *self)
{
  sqlite3_stmt *stmt;

  g_clear_pointer (&self->actor_name, g_free);
  stmt = _stw_workspace_prepare (self, "SELECT name FROM person WHERE id = ?", NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, self->actor_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    self->actor_name = g_strdup (_stw_column_text (stmt, 0));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

const char *
_stw_workspace_get_actor_name (StwWorkspace *self)
{
  return self->actor_name ? self->actor_name : "";
}

void
_stw_workspace_organisation_changed (StwWorkspace *self)
{
  g_signal_emit (self, signals[ORGANISATION_CHANGED], 0);
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
stw_workspace_finalize (GObject *object)
{
  StwWorkspace *self = (StwWorkspace *) object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  /* A draft never published is ours to remove, and only ours. */
  if (self->draft_fd >= 0)
    {
      _stw_draft_remove_with_side_files (self->path);
      close (self->draft_fd);
    }
  g_free (self->path);
  g_free (self->clock);
  g_free (self->today);
  g_free (self->org_name);
  g_free (self->scope);
  g_free (self->actor_name);
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->own_ranges, g_array_unref);

  G_OBJECT_CLASS (stw_workspace_parent_class)->finalize (object);
}

static void
stw_workspace_class_init (StwWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = stw_workspace_finalize;

  signals[ORGANISATION_CHANGED] =
    g_signal_new ("organisation-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
stw_workspace_init (StwWorkspace *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) sqlite3_finalize);
  self->pending = g_array_new (FALSE, FALSE, sizeof (StwChange));
  self->own_ranges = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->draft_fd = -1;
}

/* ------------------------------------------------------------------ */
/* Opening                                                             */

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* TRUE when a write-ahead log with frames lies beside @path: then the file
 * alone is not the whole workspace (the log holds the newest pages). */
static gboolean
has_wal_frames (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;

  /* 32 bytes of log header, then frames. */
  return g_stat (wal, &st) == 0 && S_ISREG (st.st_mode) && st.st_size > 32;
}

/* Checks the 100-byte SQLite header without SQLite, so nothing can write
 * to a file we are not sure of. Returns the schema version or -1.
 *
 * A file shorter than its header says is truncated, unless a write-ahead
 * log holds frames: a checkpoint writes page 1 (with the new page count)
 * before the pages after it, so a checkpoint cut short by a crash, or one
 * running in another process right now, leaves exactly that, and the log
 * still has every page. Then @size_doubtful is set and the caller asks
 * SQLite itself (quick_check) instead of refusing an intact workspace. */
static int
check_header (const char  *path,
              gboolean    *size_doubtful,
              GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  guint8 header[100];
  GStatBuf st;
  FILE *f;
  size_t n;
  guint32 page_size, page_count, change_counter, valid_for;
  guint32 app_id, version;

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      if (saved == ELOOP)
        g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_FOUND,
                     _("“%s” is a loop of symbolic links that leads to no file"), display);
      else
        g_set_error (error, STW_WORKSPACE_ERROR,
                     saved == ENOENT ? STW_WORKSPACE_ERROR_NOT_FOUND : STW_WORKSPACE_ERROR_FAILED,
                     _("Cannot open “%s”: %s"), display, g_strerror (saved));
      return -1;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_WORKSPACE,
                   _("“%s” is not a file"), display);
      return -1;
    }

  f = g_fopen (path, "rb");
  if (f == NULL)
    {
      int saved = errno;
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_FAILED,
                   _("Cannot open “%s”: %s"), display, g_strerror (saved));
      return -1;
    }
  n = fread (header, 1, sizeof header, f);
  fclose (f);

  if (n < sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_WORKSPACE,
                   _("“%s” is not a Steward workspace"), display);
      return -1;
    }

  page_size = ((guint32) header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  change_counter = read_be32 (header + 24);
  page_count = read_be32 (header + 28);
  valid_for = read_be32 (header + 92);
  version = read_be32 (header + 60);
  app_id = read_be32 (header + 68);

  if (app_id != STW_APPLICATION_ID)
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_WORKSPACE,
                   _("“%s” is a database, but not a Steward workspace"), display);
      return -1;
    }
  if (page_size < 512 || (page_size & (page_size - 1)) != 0)
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_CORRUPT,
                   _("The workspace “%s” is damaged"), display);
      return -1;
    }
  /* The page count in the header is only trusted when it was written by
   * the same change as the counter (SQLite's own rule). */
  if (((valid_for == change_counter && (guint64) st.st_size < (guint64) page_count * page_size) ||
       st.st_size % page_size != 0) &&
      size_doubtful != NULL && has_wal_frames (path))
    *size_doubtful = TRUE;
  else if (valid_for == change_counter &&
           (guint64) st.st_size < (guint64) page_count * page_size)
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_CORRUPT,
                   _("The workspace “%s” is truncated: it should be %llu bytes but is %llu"),
                   display, (unsigned long long) page_count * page_size,
                   (unsigned long long) st.st_size);
      return -1;
    }
  else if (st.st_size % page_size != 0)
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_CORRUPT,
                   _("The workspace “%s” is truncated"), display);
      return -1;
    }
  if (version > STW_SCHEMA_VERSION)
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_TOO_NEW,
                   _("The workspace “%s” was saved by a newer version of Steward; update Steward to open it"),
                   display);
      return -1;
    }

  return (int) version;
}

static gboolean
check_writable (const char  *path,
                GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *dir = g_path_get_dirname (path);
  GStatBuf st;

  /* The mode bits count too: root passes access(), but a file someone
   * marked read-only should stay that way. */
  if (g_access (path, W_OK) != 0 ||
      (g_stat (path, &st) == 0 && (st.st_mode & 0222) == 0))
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_READ_ONLY,
                   _("The workspace “%s” is read-only"), display);
      return FALSE;
    }
  /* WAL needs to create its side files next to the workspace. */
  if (g_access (dir, W_OK) != 0)
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_READ_ONLY,
                   _("The folder of the workspace “%s” is read-only"), display);
      return FALSE;
    }
  return TRUE;
}

/* Workspaces, their log and its index are for their owner alone (0600).
 * New ones are made so; one an older Steward made 0644 is tightened when
 * it is opened for writing, before SQLite makes a log with its mode. */
static void
tighten_modes (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      GStatBuf st;

      if (g_lstat (file, &st) == 0 && S_ISREG (st.st_mode) &&
          (st.st_mode & 077) != 0 && st.st_uid == getuid ())
        g_chmod (file, st.st_mode & 0700);
    }
}

static gboolean
configure_connection (sqlite3  *db,
                      GError  **error)
{
  /* WAL: readers (a second window, the command line) never block the
   * writer, and a crash mid-write leaves the last committed state.
   * synchronous=FULL: every COMMIT is on disk before the call returns, so a
   * power cut cannot lose a change the user saw saved. Changes are made by
   * hand, one at a time; the fsync per commit is not noticeable, and bulk
   * work (sample, import) runs in one transaction. */
  sqlite3_busy_timeout (db, STW_BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (db, 1);
  return _stw_exec (db,
                    "PRAGMA foreign_keys = ON;"
                    "PRAGMA journal_mode = WAL;"
                    "PRAGMA synchronous = FULL;",
                    error);
}

static int
query_int (sqlite3    *db,
           const char *sql,
           int        *rc_out)
{
  sqlite3_stmt *stmt = NULL;
  int value = -1;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          value = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  *rc_out = rc;
  return value;
}

/* SQLite's own quick check (structure, not every index entry): "ok" or
 * not, on the pages as the log makes them. */
static gboolean
quick_check_ok (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  return ok;
}

static StwWorkspace *
workspace_new (sqlite3    *db,
               const char *path)
{
  StwWorkspace *self = g_object_new (STW_TYPE_WORKSPACE, NULL);

  self->db = db;
  self->path = g_strdup (path);
  return self;
}

/* The profile, then what each domain caches, in the order the domains
 * were added (stw_core_init() fixes it). */
static gboolean
load_all (StwWorkspace  *self,
          GError       **error)
{
  mark_caught_up (self);
  if (!_stw_workspace_reload_profile (self, error))
    return FALSE;
  for (guint d = 0; d < n_domains (); d++)
    if (domain_at (d)->opened != NULL && !domain_at (d)->opened (self, error))
      return FALSE;
  return TRUE;
}

/* A connection for reading only. A file that is writable (it, and its
 * folder) is read as usual, beside any writer. One that is not cannot be
 * changed by anyone but its owner making it writable again: unless a log
 * holds pages of it, SQLite reads it as immutable, which writes nothing
 * beside it (no log, no index) and needs no writable folder. */
int
_stw_sqlite_open_read_only (const char  *path,
                            sqlite3    **db)
{
  g_autoptr(GString) uri = NULL;

  if (has_wal_frames (path) || check_writable (path, NULL))
    return sqlite3_open_v2 (path, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL);

  /* A URI names the file byte by byte, whatever its encoding. */
  uri = g_string_new ("file:");
  for (const char *p = path; *p; p++)
    {
      if (g_ascii_isalnum (*p) || strchr ("/-._~", *p) != NULL)
        g_string_append_c (uri, *p);
      else
        g_string_append_printf (uri, "%%%02X", (guint8) *p);
    }
  g_string_append (uri, "?immutable=1");
  return sqlite3_open_v2 (uri->str, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOFOLLOW, NULL);
}

StwWorkspace *
_stw_workspace_open_file (const char  *path,
                          gboolean     read_only,
                          GError     **error)
{
  g_autoptr(StwWorkspace) self = NULL;
  g_autofree char *display = NULL;
  sqlite3 *db = NULL;
  int version, app_id, rc, tables;
  gboolean size_doubtful = FALSE;

  g_return_val_if_fail (path != NULL, NULL);

  display = g_filename_display_name (path);

  if (check_header (path, &size_doubtful, error) < 0)
    return NULL;
  if (read_only)
    rc = _stw_sqlite_open_read_only (path, &db);
  else if (!check_writable (path, error))
    return NULL;
  else
    {
      tighten_modes (path);
      rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
    }
  if (rc != SQLITE_OK)
    {
      _stw_set_sqlite_error (error, db, rc, _("Cannot open the workspace"));
      sqlite3_close_v2 (db);
      return NULL;
    }

  /* Look before writing anything: query_only until the file is known good. */
  sqlite3_busy_timeout (db, STW_BUSY_TIMEOUT_MS);
  sqlite3_exec (db, "PRAGMA query_only = ON", NULL, NULL, NULL);
  app_id = query_int (db, "PRAGMA application_id", &rc);
  if (rc == SQLITE_OK)
    version = query_int (db, "PRAGMA user_version", &rc);
  if (rc == SQLITE_OK)
    tables = query_int (db, "SELECT count(*) FROM sqlite_master WHERE type = 'table'", &rc);
  if (rc != SQLITE_OK)
    {
      g_autofree char *what = g_strdup_printf (_("Cannot open the workspace “%s”"), display);
      _stw_set_sqlite_error (error, db, rc, what);
      sqlite3_close_v2 (db);
      return NULL;
    }
  if (app_id != STW_APPLICATION_ID || version < 1 || tables == 0)
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_WORKSPACE,
                   _("“%s” is not a Steward workspace"), display);
      sqlite3_close_v2 (db);
      return NULL;
    }
  /* The file is shorter than its header says but a log lies beside it:
   * SQLite, reading through the log, has the last word. */
  if (size_doubtful && !quick_check_ok (db))
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_CORRUPT,
                   _("The workspace “%s” is truncated"), display);
      sqlite3_close_v2 (db);
      return NULL;
    }
  if (version > STW_SCHEMA_VERSION)
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_TOO_NEW,
                   _("The workspace “%s” was saved by a newer version of Steward; update Steward to open it"),
                   display);
      sqlite3_close_v2 (db);
      return NULL;
    }

  if (read_only)
    {
      /* An older schema cannot be read without its migration. */
      if (version < STW_SCHEMA_VERSION)
        {
          sqlite3_close_v2 (db);
          if (check_writable (path, NULL))
            return _stw_workspace_open_file (path, FALSE, error);
          g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_READ_ONLY,
                       _("The workspace “%s” was saved by an older version of Steward and is "
                         "read-only; make it writable once so that it can be updated"),
                       display);
          return NULL;
        }
      /* query_only stays on: a domain's clean-up at open writes nothing. */
      sqlite3_extended_result_codes (db, 1);
      self = workspace_new (db, path);
      self->read_only = TRUE;
      if (!load_all (self, error))
        return NULL;
      return g_steal_pointer (&self);
    }

  sqlite3_exec (db, "PRAGMA query_only = OFF", NULL, NULL, NULL);
  if (!configure_connection (db, error))
    {
      sqlite3_close_v2 (db);
      return NULL;
    }

  self = workspace_new (db, path);

  if (version < STW_SCHEMA_VERSION)
    {
      gboolean ok;

      if (!_stw_workspace_write_begin (self, error))
        return NULL;
      ok = _stw_schema_migrate (db, version, STW_SCHEMA_VERSION, error);
      if (!_stw_workspace_write_end (self, ok, ok ? error : NULL))
        return NULL;
      sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
    }

  if (!load_all (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

int
stw_workspace_peek_version (const char  *path,
                            GError     **error)
{
  gboolean size_doubtful = FALSE;

  /* A doubtful size with a log beside it is for SQLite to judge when the
   * workspace is opened; the version stands either way. */
  return check_header (path, &size_doubtful, error);
}

/* Opens a new draft in the folder of @path and sets it up; @draft_path and
 * @lock_fd get the draft. */
static sqlite3 *
create_file (const char  *path,
             char       **draft_path,
             int         *lock_fd,
             GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *draft = NULL;
  sqlite3 *db = NULL;
  g_autofree char *pragma = NULL;
  int rc, fd = -1;

  /* Whether @path is taken is settled when the draft takes its name. */
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_FAILED,
                   _("Cannot create the folder for “%s”: %s"), display, g_strerror (saved));
      return NULL;
    }
  if (!(draft = _stw_draft_create (dir, &fd, error)))
    return NULL;

  /* SQLite gives the log and its index the mode of the file: 0600. */
  rc = sqlite3_open_v2 (draft, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    {
      _stw_set_sqlite_error (error, db, rc, _("Cannot create the workspace"));
      sqlite3_close_v2 (db);
      _stw_draft_remove_with_side_files (draft);
      close (fd);
      return NULL;
    }

  /* Space that deleted evidence frees goes back to the file system
   * (PRAGMA incremental_vacuum after each removal). SQLite takes this only
   * before the file's first page is written, so it comes first. */
  pragma = g_strdup_printf ("PRAGMA auto_vacuum = INCREMENTAL; PRAGMA application_id = %d", STW_APPLICATION_ID);
  if (!_stw_exec (db, pragma, error) || !configure_connection (db, error))
    {
      sqlite3_close_v2 (db);
      _stw_draft_remove_with_side_files (draft);
      close (fd);
      return NULL;
    }

  *draft_path = g_steal_pointer (&draft);
  *lock_fd = fd;
  return db;
}

gboolean
_stw_workspace_create_at_version (const char  *path,
                                  int          version,
                                  GError     **error)
{
  g_autofree char *draft = NULL;
  g_autofree char *published = NULL;
  sqlite3 *db;
  gboolean ok;
  int fd = -1;

  g_return_val_if_fail (version >= 1 && version <= STW_SCHEMA_VERSION, FALSE);

  if (!(db = create_file (path, &draft, &fd, error)))
    return FALSE;
  ok = _stw_exec (db, "BEGIN IMMEDIATE", error) &&
       _stw_schema_migrate (db, 0, version, error) &&
       _stw_exec (db,
                  "INSERT INTO person (id, name, created_at) VALUES (1, 'Test person', '2026-01-01T00:00:00.000000Z');"
                  "INSERT INTO organisation (id, name, created_at) VALUES (1, 'Older workspace', '2026-01-01T00:00:00.000000Z');"
                  "INSERT INTO setting (key, value) VALUES ('actor_id', '1');"
                  "INSERT INTO workstream (kind, name, prefix, owner_id, position, created_at)"
                  "  VALUES ('tasks', 'ISMS tasks', 'T', 1, 0, '2026-01-01T00:00:00.000000Z');"
                  "INSERT INTO ref_counter (series, last) VALUES ('T', 1);"
                  "INSERT INTO item (ref, workstream_id, title, owner_id, due_date, created_at, updated_at)"
                  "  VALUES ('T-001', 1, 'Zürich office access review', 1, '2026-02-01',"
                  "          '2026-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z');",
                  error) &&
       _stw_exec (db, "COMMIT", error);
  /* The last connection to close checkpoints and removes the log. */
  ok = sqlite3_close (db) == SQLITE_OK && ok;
  ok = ok && (published = _stw_draft_publish (draft, path, FALSE, error)) != NULL;
  if (!ok)
    _stw_draft_remove_with_side_files (draft);
  close (fd);
  return ok;
}

StwWorkspace *
_stw_workspace_create_file (const char  *path,
                            GError     **error)
{
  g_autoptr(StwWorkspace) self = NULL;
  g_autofree char *draft = NULL;
  sqlite3 *db;
  int fd = -1;

  g_return_val_if_fail (path != NULL, NULL);

  if (!(db = create_file (path, &draft, &fd, error)))
    return NULL;

  /* From here on, finalizing the draft removes its files. */
  self = workspace_new (db, draft);
  self->draft_fd = fd;

  if (!_stw_workspace_write_begin (self, error))
    return NULL;
  if (!_stw_schema_migrate (db, 0, STW_SCHEMA_VERSION, error))
    {
      _stw_workspace_write_end (self, FALSE, NULL);
      return NULL;
    }

  return g_steal_pointer (&self);
}

gboolean
_stw_workspace_create_end (StwWorkspace  *self,
                           gboolean       ok,
                           GError       **error)
{
  if (!_stw_workspace_write_end (self, ok, ok ? error : NULL))
    ok = FALSE;
  /* Bring the file's own header up to date (schema version), so tools
   * that read it without SQLite see a complete workspace at once. */
  if (ok)
    sqlite3_exec (self->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
  return ok;
}

char *
_stw_workspace_publish (StwWorkspace  *self,
                        const char    *path,
                        gboolean       next_free,
                        GError       **error)
{
  g_autofree char *published = NULL;
  int rc;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (self->draft_fd >= 0, NULL);
  g_return_val_if_fail (self->write_depth == 0, NULL);

  /* The connection knows the draft's name (its log is named after it):
   * close it, complete, before the file gets its own. */
  g_hash_table_remove_all (self->statements);
  rc = sqlite3_close (self->db);
  if (rc != SQLITE_OK)
    {
      _stw_set_sqlite_error (error, self->db, rc, _("Cannot create the workspace"));
      return NULL;
    }
  self->db = NULL;
  fsync (self->draft_fd);

  published = _stw_draft_publish (self->path, path, next_free, error);
  if (published == NULL)
    return NULL;
  _stw_draft_sync_folder (published);

  /* The file is no longer a draft: nothing removes it now. */
  close (self->draft_fd);
  self->draft_fd = -1;
  g_free (self->path);
  self->path = g_strdup (published);
  return g_steal_pointer (&published);
}

gboolean
_stw_workspace_is_read_only (StwWorkspace *self)
{
  return self->read_only;
}

void
_stw_workspace_set_clock (StwWorkspace *self,
                          const char   *timestamp)
{
  g_return_if_fail (STW_IS_WORKSPACE (self));

  g_free (self->clock);
  self->clock = g_strdup (timestamp);
}

const char *
_stw_workspace_get_clock (StwWorkspace *self)
{
  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);

  return self->clock;
}

const char *
stw_workspace_get_path (StwWorkspace *self)
{
  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);
  return self->path;
}

/* ------------------------------------------------------------------ */
/* Organisation and actor                                              */

const char *
stw_workspace_get_org_name (StwWorkspace *self)
{
  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);
  return self->org_name;
}

const char *
stw_workspace_get_scope (StwWorkspace *self)
{
  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);
  return self->scope;
}

gint64
stw_workspace_get_isms_owner_id (StwWorkspace *self)
{
  g_return_val_if_fail (STW_IS_WORKSPACE (self), 0);
  return self->isms_owner_id;
}

guint
stw_workspace_get_cycle_start_month (StwWorkspace *self)
{
  g_return_val_if_fail (STW_IS_WORKSPACE (self), 1);
  return self->cycle_start_month;
}

guint
stw_workspace_get_risk_threshold (StwWorkspace *self)
{
  g_return_val_if_fail (STW_IS_WORKSPACE (self), 12);
  return self->risk_threshold;
}

gint64
stw_workspace_get_actor_id (StwWorkspace *self)
{
  g_return_val_if_fail (STW_IS_WORKSPACE (self), 0);
  return self->actor_id;
}

gboolean
_stw_workspace_set_actor (StwWorkspace  *self,
                          gint64         person_id,
                          GError       **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  /* Who is at the keyboard is a local choice, not a change to the ISMS:
   * it is not a history entry, but every entry names that person. */
  if (!_stw_workspace_write_begin (self, error))
    return FALSE;
  stmt = _stw_workspace_prepare (self, "INSERT OR REPLACE INTO setting (key, value) VALUES ('actor_id', ?)", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, person_id);
      ok = _stw_workspace_step_done (self, stmt, _("Could not save who you are"), error);
    }
  ok = _stw_workspace_write_end (self, ok, ok ? error : NULL) && ok;
  if (ok)
    {
      self->actor_id = person_id;
      _stw_workspace_reload_actor (self);
    }
  return ok;
}

char *
stw_workspace_dup_setting (StwWorkspace *self,
                           const char   *key)
{
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = _stw_workspace_prepare (self, "SELECT value FROM setting WHERE key = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup (_stw_column_text (stmt, 0));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return value;
}

gboolean
stw_workspace_set_setting (StwWorkspace  *self,
                           const char    *key,
                           const char    *value,
                           GError       **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  /* The actor has its own call, which checks the person. */
  if (g_str_equal (key, "actor_id"))
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   _("Use stw_workspace_set_actor_id() to choose who makes changes"));
      return FALSE;
    }

  if (!_stw_workspace_write_begin (self, error))
    return FALSE;
  stmt = _stw_workspace_prepare (self,
                                 value ? "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)"
                                       : "DELETE FROM setting WHERE key = ?", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
      if (value)
        sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
      ok = _stw_workspace_step_done (self, stmt, _("Could not save the setting"), error);
    }
  return _stw_workspace_write_end (self, ok, ok ? error : NULL) && ok;
}
