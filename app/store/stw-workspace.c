/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-workspace.c: opening, creating and changing a workspace file.
 *
 * Every write runs in one transaction together with its history entry.
 * Opening is careful: the file's header is read and checked before SQLite
 * touches it, so a file that is not ours, is damaged or truncated, is
 * read-only or comes from a newer Steward is reported and left untouched.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/stat.h>

#include "stw-controls.h"
#include "stw-corrective.h"
#include "stw-evidence.h"
#include "stw-recurrence.h"
#include "stw-item-model-private.h"
#include "stw-item-private.h"
#include "stw-workspace-private.h"

/* Beyond this many item changes in one transaction, listeners get one
 * "item-changed" with item id 0 per workstream ("reload everything"). */
#define MANY_CHANGES 32

/* Board positions are spaced so a card can be dropped between two others
 * without renumbering the column. */
#define POSITION_GAP 1024

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

  GListStore  *people;
  GListStore  *workstreams;

  guint        write_depth;
  GArray      *pending;      /* ChangedItem, flushed when the outermost write ends */
};

typedef struct {
  gint64 item_id;
  gint64 workstream_id;
} ChangedItem;

G_DEFINE_FINAL_TYPE (StwWorkspace, stw_workspace, G_TYPE_OBJECT)

enum {
  ITEM_CHANGED,
  PEOPLE_CHANGED,
  ORGANISATION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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

static const char *
column_text_or_null (sqlite3_stmt *stmt,
                     int           col)
{
  return (const char *) sqlite3_column_text (stmt, col);
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           idx,
                   const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, idx);
  else
    sqlite3_bind_text (stmt, idx, text, -1, SQLITE_TRANSIENT);
}

static void
bind_id_or_null (sqlite3_stmt *stmt,
                 int           idx,
                 gint64        id)
{
  if (id <= 0)
    sqlite3_bind_null (stmt, idx);
  else
    sqlite3_bind_int64 (stmt, idx, id);
}

/* Runs a prepared statement expected to return no rows. */
static gboolean
step_done (StwWorkspace  *self,
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

/* ------------------------------------------------------------------ */
/* Transactions                                                        */

static void
flush_pending (StwWorkspace *self)
{
  g_autoptr(GArray) pending = g_steal_pointer (&self->pending);
  g_autoptr(GHashTable) streams = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) stream_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  self->pending = g_array_new (FALSE, FALSE, sizeof (ChangedItem));
  if (pending->len == 0)
    return;

  for (guint i = 0; i < pending->len; i++)
    {
      ChangedItem *c = &g_array_index (pending, ChangedItem, i);

      if (!g_hash_table_contains (streams, &c->workstream_id))
        {
          g_array_append_val (stream_ids, c->workstream_id);
          g_hash_table_add (streams, &g_array_index (stream_ids, gint64, stream_ids->len - 1));
        }
    }
  /* stream_ids may have reallocated: rebuild nothing from the hash below. */

  for (guint i = 0; i < stream_ids->len; i++)
    {
      gint64 ws_id = g_array_index (stream_ids, gint64, i);
      StwWorkstream *ws = stw_workspace_find_workstream (self, ws_id);
      guint open_count = 0, overdue_count = 0;

      if (ws != NULL && stw_workspace_count_items (self, ws_id, &open_count, &overdue_count, NULL))
        _stw_workstream_set_counts (ws, open_count, overdue_count);
    }

  if (pending->len > MANY_CHANGES)
    {
      for (guint i = 0; i < stream_ids->len; i++)
        g_signal_emit (self, signals[ITEM_CHANGED], 0, (gint64) 0, g_array_index (stream_ids, gint64, i));
      return;
    }

  for (guint i = 0; i < pending->len; i++)
    {
      ChangedItem *c = &g_array_index (pending, ChangedItem, i);
      g_signal_emit (self, signals[ITEM_CHANGED], 0, c->item_id, c->workstream_id);
    }
}

void
_stw_workspace_note_item_changed (StwWorkspace *self,
                   gint64        item_id,
                   gint64        workstream_id)
{
  ChangedItem c = { item_id, workstream_id };

  g_array_append_val (self->pending, c);
}

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
    }
  else if (!_stw_exec (self->db, "SAVEPOINT stw_write", error))
    return FALSE;

  self->write_depth++;
  return TRUE;
}

static void reload_people (StwWorkspace *self);
static gboolean reload_profile (StwWorkspace *self, GError **error);

gboolean
_stw_workspace_write_end (StwWorkspace  *self,
           gboolean       ok,
           GError       **error)
{
  g_return_val_if_fail (self->write_depth > 0, FALSE);

  self->write_depth--;
  if (ok)
    {
      if (!_stw_exec (self->db, self->write_depth == 0 ? "COMMIT" : "RELEASE stw_write", error))
        {
          /* A failed COMMIT (disk full) leaves the transaction open. */
          if (self->write_depth == 0)
            sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          ok = FALSE;
        }
    }
  else if (self->write_depth == 0)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  else
    sqlite3_exec (self->db, "ROLLBACK TO stw_write; RELEASE stw_write", NULL, NULL, NULL);

  if (self->write_depth == 0)
    {
      if (!ok)
        {
          /* Cached objects may hold what was rolled back. */
          reload_people (self);
          reload_profile (self, NULL);
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
/* Loading cached records                                              */

static int
compare_people (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  /* g_ptr_array_sort_with_data() passes pointers to the elements. */
  return g_utf8_collate (stw_person_get_name (*(StwPerson * const *) a),
                         stw_person_get_name (*(StwPerson * const *) b));
}

static void
reload_people (StwWorkspace *self)
{
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;

  stmt = _stw_workspace_prepare (self, "SELECT id, name, role, email, active FROM person", NULL);
  if (stmt == NULL)
    return;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (people,
                     stw_person_new (sqlite3_column_int64 (stmt, 0),
                                     column_text_or_null (stmt, 1),
                                     column_text_or_null (stmt, 2),
                                     column_text_or_null (stmt, 3),
                                     sqlite3_column_int (stmt, 4)));
  sqlite3_reset (stmt);

  g_ptr_array_sort_with_data (people, compare_people, NULL);
  g_list_store_splice (self->people, 0, g_list_model_get_n_items (G_LIST_MODEL (self->people)),
                       people->pdata, people->len);
  g_signal_emit (self, signals[PEOPLE_CHANGED], 0);
}

static gboolean
reload_profile (StwWorkspace  *self,
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
  self->org_name = g_strdup (column_text_or_null (stmt, 0));
  g_free (self->scope);
  self->scope = g_strdup (column_text_or_null (stmt, 1));
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

  return TRUE;
}

static gboolean
load_workstreams (StwWorkspace  *self,
                  GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _stw_workspace_prepare (self,
                                 "SELECT id, kind, name, prefix, coalesce(owner_id, 0), colour, require_evidence"
                                 " FROM workstream"
                                 " WHERE archived_at IS NULL ORDER BY position, id", error);
  if (stmt == NULL)
    return FALSE;

  g_list_store_remove_all (self->workstreams);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(StwWorkstream) ws = NULL;
      StwWorkstreamKind kind = STW_WORKSTREAM_CUSTOM;

      stw_workstream_kind_from_key (column_text_or_null (stmt, 1), &kind);
      ws = _stw_workstream_new (sqlite3_column_int64 (stmt, 0), kind,
                                column_text_or_null (stmt, 2),
                                column_text_or_null (stmt, 3),
                                sqlite3_column_int64 (stmt, 4));
      _stw_workstream_set_details (ws, column_text_or_null (stmt, 5), sqlite3_column_int (stmt, 6));
      g_list_store_append (self->workstreams, ws);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _stw_set_sqlite_error (error, self->db, rc, _("Could not read the workstreams"));
      return FALSE;
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->workstreams)); i++)
    {
      g_autoptr(StwWorkstream) ws = g_list_model_get_item (G_LIST_MODEL (self->workstreams), i);
      guint open_count, overdue_count;

      if (!stw_workspace_count_items (self, stw_workstream_get_id (ws), &open_count, &overdue_count, error))
        return FALSE;
      _stw_workstream_set_counts (ws, open_count, overdue_count);
    }

  return TRUE;
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
  g_free (self->path);
  g_free (self->today);
  g_free (self->org_name);
  g_free (self->scope);
  g_clear_object (&self->people);
  g_clear_object (&self->workstreams);
  g_clear_pointer (&self->pending, g_array_unref);

  G_OBJECT_CLASS (stw_workspace_parent_class)->finalize (object);
}

static void
stw_workspace_class_init (StwWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = stw_workspace_finalize;

  signals[ITEM_CHANGED] =
    g_signal_new ("item-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
  signals[PEOPLE_CHANGED] =
    g_signal_new ("people-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[ORGANISATION_CHANGED] =
    g_signal_new ("organisation-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
stw_workspace_init (StwWorkspace *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) sqlite3_finalize);
  self->people = g_list_store_new (STW_TYPE_PERSON);
  self->workstreams = g_list_store_new (STW_TYPE_WORKSTREAM);
  self->pending = g_array_new (FALSE, FALSE, sizeof (ChangedItem));
}

/* ------------------------------------------------------------------ */
/* Opening                                                             */

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* Checks the 100-byte SQLite header without SQLite, so nothing can write
 * to a file we are not sure of. Returns the schema version or -1. */
static int
check_header (const char  *path,
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
  if (valid_for == change_counter &&
      (guint64) st.st_size < (guint64) page_count * page_size)
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_CORRUPT,
                   _("The workspace “%s” is truncated: it should be %llu bytes but is %llu"),
                   display, (unsigned long long) page_count * page_size,
                   (unsigned long long) st.st_size);
      return -1;
    }
  if (st.st_size % page_size != 0)
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
  sqlite3_busy_timeout (db, 5000);
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

static StwWorkspace *
workspace_new (sqlite3    *db,
               const char *path)
{
  StwWorkspace *self = g_object_new (STW_TYPE_WORKSPACE, NULL);

  self->db = db;
  self->path = g_strdup (path);
  return self;
}

static gboolean
load_all (StwWorkspace  *self,
          GError       **error)
{
  if (!reload_profile (self, error))
    return FALSE;
  reload_people (self);
  return load_workstreams (self, error);
}

StwWorkspace *
stw_workspace_open (const char  *path,
                    GError     **error)
{
  g_autoptr(StwWorkspace) self = NULL;
  g_autofree char *display = NULL;
  sqlite3 *db = NULL;
  int version, app_id, rc, tables;

  g_return_val_if_fail (path != NULL, NULL);

  display = g_filename_display_name (path);

  if (check_header (path, error) < 0)
    return NULL;
  if (!check_writable (path, error))
    return NULL;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    {
      _stw_set_sqlite_error (error, db, rc, _("Cannot open the workspace"));
      sqlite3_close_v2 (db);
      return NULL;
    }

  /* Look before writing anything: query_only until the file is known good. */
  sqlite3_busy_timeout (db, 5000);
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
  if (version > STW_SCHEMA_VERSION)
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_TOO_NEW,
                   _("The workspace “%s” was saved by a newer version of Steward; update Steward to open it"),
                   display);
      sqlite3_close_v2 (db);
      return NULL;
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
  _stw_evidence_clean_pending (self);

  return g_steal_pointer (&self);
}

int
stw_workspace_peek_version (const char  *path,
                            GError     **error)
{
  return check_header (path, error);
}

static const struct {
  StwWorkstreamKind  kind;
  const char        *name;
  const char        *prefix;
} builtin_workstreams[] = {
  { STW_WORKSTREAM_PLAN,       N_("Operational plan"),   "OP" },
  { STW_WORKSTREAM_TREATMENT,  N_("Risk treatment"),     "RT" },
  { STW_WORKSTREAM_CORRECTIVE, N_("Corrective actions"), "CA" },
  { STW_WORKSTREAM_TASKS,      N_("ISMS tasks"),         "T" },
};

static sqlite3 *
create_file (const char  *path,
             GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *dir = g_path_get_dirname (path);
  GStatBuf st;
  sqlite3 *db = NULL;
  g_autofree char *pragma = NULL;
  int rc;

  if (g_stat (path, &st) == 0 && st.st_size > 0)
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_EXISTS,
                   _("“%s” already exists"), display);
      return NULL;
    }
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_FAILED,
                   _("Cannot create the folder for “%s”: %s"), display, g_strerror (saved));
      return NULL;
    }

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    {
      _stw_set_sqlite_error (error, db, rc, _("Cannot create the workspace"));
      sqlite3_close_v2 (db);
      return NULL;
    }

  pragma = g_strdup_printf ("PRAGMA application_id = %d", STW_APPLICATION_ID);
  if (!_stw_exec (db, pragma, error) || !configure_connection (db, error))
    {
      sqlite3_close_v2 (db);
      g_unlink (path);
      return NULL;
    }

  return db;
}

static void
remove_workspace_files (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

gboolean
_stw_workspace_create_at_version (const char  *path,
                                  int          version,
                                  GError     **error)
{
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (version >= 1 && version <= STW_SCHEMA_VERSION, FALSE);

  if (!(db = create_file (path, error)))
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
  sqlite3_close_v2 (db);
  if (!ok)
    remove_workspace_files (path);
  return ok;
}

StwWorkspace *
stw_workspace_create (const char  *path,
                      const char  *org_name,
                      const char  *me_name,
                      GError     **error)
{
  g_autoptr(StwWorkspace) self = NULL;
  g_autofree char *now = stw_timestamp_now ();
  g_autofree char *org = NULL;
  g_autofree char *me = NULL;
  sqlite3_stmt *stmt;
  sqlite3 *db;
  gint64 me_id;
  gboolean ok = FALSE;

  g_return_val_if_fail (path != NULL, NULL);

  org = g_strstrip (g_strdup (org_name ? org_name : ""));
  me = g_strstrip (g_strdup (me_name ? me_name : ""));
  if (org[0] == '\0')
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   _("The organisation needs a name"));
      return NULL;
    }
  if (me[0] == '\0')
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   _("Enter your name: every change records who made it"));
      return NULL;
    }

  if (!(db = create_file (path, error)))
    return NULL;

  self = workspace_new (db, path);

  if (!_stw_workspace_write_begin (self, error))
    goto out;
  if (!_stw_schema_migrate (db, 0, STW_SCHEMA_VERSION, error))
    goto end;

  /* The first person is inserted before there is an actor; the history
   * entries below are written once the actor is set. */
  stmt = _stw_workspace_prepare (self, "INSERT INTO person (name, created_at) VALUES (?, ?)", error);
  if (stmt == NULL)
    goto end;
  sqlite3_bind_text (stmt, 1, me, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  if (!step_done (self, stmt, _("Cannot create the workspace"), error))
    goto end;
  me_id = sqlite3_last_insert_rowid (db);

  stmt = _stw_workspace_prepare (self,
                                 "INSERT INTO organisation (id, name, isms_owner_id, created_at)"
                                 " VALUES (1, ?, ?, ?)", error);
  if (stmt == NULL)
    goto end;
  sqlite3_bind_text (stmt, 1, org, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, me_id);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  if (!step_done (self, stmt, _("Cannot create the workspace"), error))
    goto end;

  stmt = _stw_workspace_prepare (self, "INSERT INTO setting (key, value) VALUES ('actor_id', ?)", error);
  if (stmt == NULL)
    goto end;
  sqlite3_bind_int64 (stmt, 1, me_id);
  if (!step_done (self, stmt, _("Cannot create the workspace"), error))
    goto end;

  if (!reload_profile (self, error))
    goto end;
  reload_people (self);

  {
    g_autoptr(JsonBuilder) b = _stw_changes_new ();
    g_autofree char *changes = NULL;

    _stw_changes_add_text (b, "name", NULL, org);
    _stw_changes_add_text (b, "isms_owner", NULL, me);
    changes = _stw_changes_finish (b);
    if (!_stw_history_append (self, "organisation", 1, "create", changes, error))
      goto end;
  }
  {
    g_autoptr(JsonBuilder) b = _stw_changes_new ();
    g_autofree char *changes = NULL;

    _stw_changes_add_text (b, "name", NULL, me);
    changes = _stw_changes_finish (b);
    if (!_stw_history_append (self, "person", me_id, "create", changes, error))
      goto end;
  }

  for (guint i = 0; i < G_N_ELEMENTS (builtin_workstreams); i++)
    {
      g_autoptr(JsonBuilder) b = _stw_changes_new ();
      g_autofree char *changes = NULL;

      stmt = _stw_workspace_prepare (self,
                                     "INSERT INTO workstream (kind, name, prefix, owner_id, position, created_at)"
                                     " VALUES (?, ?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        goto end;
      sqlite3_bind_text (stmt, 1, stw_workstream_kind_to_key (builtin_workstreams[i].kind), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, _(builtin_workstreams[i].name), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, builtin_workstreams[i].prefix, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, me_id);
      sqlite3_bind_int (stmt, 5, (int) i);
      sqlite3_bind_text (stmt, 6, now, -1, SQLITE_TRANSIENT);
      if (!step_done (self, stmt, _("Cannot create the workspace"), error))
        goto end;

      _stw_changes_add_text (b, "name", NULL, _(builtin_workstreams[i].name));
      _stw_changes_add_text (b, "prefix", NULL, builtin_workstreams[i].prefix);
      _stw_changes_add_text (b, "owner", NULL, me);
      changes = _stw_changes_finish (b);
      if (!_stw_history_append (self, "workstream", sqlite3_last_insert_rowid (db), "create", changes, error))
        goto end;
    }

  ok = TRUE;

end:
  if (!_stw_workspace_write_end (self, ok, ok ? error : NULL))
    ok = FALSE;
  /* Bring the file's own header up to date (schema version), so tools
   * that read it without SQLite see a complete workspace at once. */
  if (ok)
    sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
out:
  if (!ok || !load_workstreams (self, ok ? error : NULL))
    {
      g_clear_object (&self);
      remove_workspace_files (path);
      return NULL;
    }

  return g_steal_pointer (&self);
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

static const char *
person_name (StwWorkspace *self,
             gint64        id)
{
  StwPerson *p = id > 0 ? stw_workspace_find_person (self, id) : NULL;

  return p ? stw_person_get_name (p) : NULL;
}

gboolean
stw_workspace_update_organisation (StwWorkspace  *self,
                                   const char    *name,
                                   const char    *scope,
                                   gint64         isms_owner_id,
                                   guint          cycle_start_month,
                                   guint          risk_threshold,
                                   GError       **error)
{
  g_autoptr(JsonBuilder) b = NULL;
  g_autofree char *changes = NULL;
  g_autofree char *clean_name = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);

  clean_name = g_strstrip (g_strdup (name ? name : ""));
  if (clean_name[0] == '\0')
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   _("The organisation needs a name"));
      return FALSE;
    }
  if (cycle_start_month < 1 || cycle_start_month > 12)
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   _("The ISMS year must start in a month from 1 to 12"));
      return FALSE;
    }
  if (risk_threshold < 1 || risk_threshold > 25)
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   _("The risk acceptance threshold must be a score from 1 to 25"));
      return FALSE;
    }
  if (isms_owner_id > 0 && stw_workspace_find_person (self, isms_owner_id) == NULL)
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_FOUND,
                   _("The ISMS owner is not a person of this workspace"));
      return FALSE;
    }

  b = _stw_changes_new ();
  if (g_strcmp0 (self->org_name, clean_name) != 0)
    _stw_changes_add_text (b, "name", self->org_name, clean_name);
  if (g_strcmp0 (self->scope, scope ? scope : "") != 0)
    _stw_changes_add_text (b, "scope", self->scope, scope ? scope : "");
  if (self->isms_owner_id != isms_owner_id)
    _stw_changes_add_text (b, "isms_owner", person_name (self, self->isms_owner_id), person_name (self, isms_owner_id));
  if (self->cycle_start_month != cycle_start_month)
    _stw_changes_add_int (b, "cycle_start_month", self->cycle_start_month, cycle_start_month);
  if (self->risk_threshold != risk_threshold)
    _stw_changes_add_int (b, "risk_threshold", self->risk_threshold, risk_threshold);
  changes = _stw_changes_finish (b);
  if (g_str_equal (changes, "{}"))
    return TRUE;

  if (!_stw_workspace_write_begin (self, error))
    return FALSE;
  stmt = _stw_workspace_prepare (self,
                                 "UPDATE organisation SET name = ?, scope = ?, isms_owner_id = ?,"
                                 " cycle_start_month = ?, risk_threshold = ? WHERE id = 1", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, clean_name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, scope ? scope : "", -1, SQLITE_TRANSIENT);
      bind_id_or_null (stmt, 3, isms_owner_id);
      sqlite3_bind_int (stmt, 4, (int) cycle_start_month);
      sqlite3_bind_int (stmt, 5, (int) risk_threshold);
      ok = step_done (self, stmt, _("Could not save the organisation profile"), error);
    }
  ok = ok && _stw_history_append (self, "organisation", 1, "update", changes, error);
  ok = _stw_workspace_write_end (self, ok, ok ? error : NULL) && ok;
  reload_profile (self, NULL);
  if (ok)
    g_signal_emit (self, signals[ORGANISATION_CHANGED], 0);
  return ok;
}

gint64
stw_workspace_get_actor_id (StwWorkspace *self)
{
  g_return_val_if_fail (STW_IS_WORKSPACE (self), 0);
  return self->actor_id;
}

gboolean
stw_workspace_set_actor_id (StwWorkspace  *self,
                            gint64         person_id,
                            GError       **error)
{
  StwPerson *person;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);

  person = stw_workspace_find_person (self, person_id);
  if (person == NULL || !stw_person_get_active (person))
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   _("Only an active person of the workspace can make changes"));
      return FALSE;
    }
  if (person_id == self->actor_id)
    return TRUE;

  /* Who is at the keyboard is a local choice, not a change to the ISMS:
   * it is not a history entry, but every entry names that person. */
  if (!_stw_workspace_write_begin (self, error))
    return FALSE;
  stmt = _stw_workspace_prepare (self, "INSERT OR REPLACE INTO setting (key, value) VALUES ('actor_id', ?)", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, person_id);
      ok = step_done (self, stmt, _("Could not save who you are"), error);
    }
  ok = _stw_workspace_write_end (self, ok, ok ? error : NULL) && ok;
  if (ok)
    self->actor_id = person_id;
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
    value = g_strdup (column_text_or_null (stmt, 0));
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
      ok = step_done (self, stmt, _("Could not save the setting"), error);
    }
  return _stw_workspace_write_end (self, ok, ok ? error : NULL) && ok;
}

/* The object of @model whose id is @id, or NULL. People and workstreams
 * are few, so a walk is fine; the store keeps the object alive. */
static gpointer
find_by_id (GListModel *model,
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

static gint64
person_id_of (gpointer object)
{
  return stw_person_get_id (object);
}

static gint64
workstream_id_of (gpointer object)
{
  return stw_workstream_get_id (object);
}

/* ------------------------------------------------------------------ */
/* People                                                              */

GListModel *
stw_workspace_get_people (StwWorkspace *self)
{
  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);
  return G_LIST_MODEL (self->people);
}

StwPerson *
stw_workspace_find_person (StwWorkspace *self,
                           gint64        person_id)
{
  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);
  return find_by_id (G_LIST_MODEL (self->people), person_id, person_id_of);
}

static gboolean
validate_person (const char  *name,
                 const char  *email,
                 GError     **error)
{
  if (name == NULL || name[0] == '\0')
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   _("A person needs a name"));
      return FALSE;
    }
  if (email != NULL && email[0] != '\0' && strchr (email, '@') == NULL)
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   _("“%s” is not an email address"), email);
      return FALSE;
    }
  return TRUE;
}

static gint64
insert_person (StwWorkspace  *self,
               const char    *name,
               const char    *role,
               const char    *email,
               GError       **error)
{
  g_autofree char *now = stw_timestamp_now ();
  g_autoptr(JsonBuilder) b = _stw_changes_new ();
  g_autofree char *changes = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  stmt = _stw_workspace_prepare (self, "INSERT INTO person (name, role, email, created_at) VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, role ? role : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, email ? email : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  if (!step_done (self, stmt, _("Could not add the person"), error))
    return 0;
  id = sqlite3_last_insert_rowid (self->db);

  _stw_changes_add_text (b, "name", NULL, name);
  if (role && role[0])
    _stw_changes_add_text (b, "role", NULL, role);
  if (email && email[0])
    _stw_changes_add_text (b, "email", NULL, email);
  changes = _stw_changes_finish (b);
  if (!_stw_history_append (self, "person", id, "create", changes, error))
    return 0;
  return id;
}

StwPerson *
stw_workspace_add_person (StwWorkspace  *self,
                          const char    *name,
                          const char    *role,
                          const char    *email,
                          GError       **error)
{
  g_autofree char *clean = NULL;
  gint64 id;
  gboolean ok;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);

  clean = g_strstrip (g_strdup (name ? name : ""));
  if (!validate_person (clean, email, error))
    return NULL;

  if (!_stw_workspace_write_begin (self, error))
    return NULL;
  id = insert_person (self, clean, role, email, error);
  ok = _stw_workspace_write_end (self, id > 0, id > 0 ? error : NULL) && id > 0;
  if (!ok)
    return NULL;

  reload_people (self);
  return g_object_ref (stw_workspace_find_person (self, id));
}

gboolean
stw_workspace_update_person (StwWorkspace  *self,
                             gint64         person_id,
                             const char    *name,
                             const char    *role,
                             const char    *email,
                             gboolean       active,
                             GError       **error)
{
  StwPerson *old;
  g_autoptr(JsonBuilder) b = NULL;
  g_autofree char *changes = NULL;
  g_autofree char *clean = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);

  old = stw_workspace_find_person (self, person_id);
  if (old == NULL)
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_FOUND,
                   _("There is no such person in this workspace"));
      return FALSE;
    }
  clean = g_strstrip (g_strdup (name ? name : ""));
  if (!validate_person (clean, email, error))
    return FALSE;
  if (!active && person_id == self->actor_id)
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   _("You cannot deactivate yourself; choose someone else as the person making changes first"));
      return FALSE;
    }

  b = _stw_changes_new ();
  if (g_strcmp0 (stw_person_get_name (old), clean) != 0)
    _stw_changes_add_text (b, "name", stw_person_get_name (old), clean);
  if (g_strcmp0 (stw_person_get_role (old), role ? role : "") != 0)
    _stw_changes_add_text (b, "role", stw_person_get_role (old), role ? role : "");
  if (g_strcmp0 (stw_person_get_email (old), email ? email : "") != 0)
    _stw_changes_add_text (b, "email", stw_person_get_email (old), email ? email : "");
  if (stw_person_get_active (old) != !!active)
    _stw_changes_add_int (b, "active", stw_person_get_active (old), !!active);
  changes = _stw_changes_finish (b);
  if (g_str_equal (changes, "{}"))
    return TRUE;

  if (!_stw_workspace_write_begin (self, error))
    return FALSE;
  stmt = _stw_workspace_prepare (self, "UPDATE person SET name = ?, role = ?, email = ?, active = ? WHERE id = ?", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, role ? role : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, email ? email : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 4, !!active);
      sqlite3_bind_int64 (stmt, 5, person_id);
      ok = step_done (self, stmt, _("Could not save the person"), error);
    }
  ok = ok && _stw_history_append (self, "person", person_id, "update", changes, error);
  ok = _stw_workspace_write_end (self, ok, ok ? error : NULL) && ok;
  if (ok)
    reload_people (self);
  return ok;
}

/* ------------------------------------------------------------------ */
/* Workstreams                                                         */

GListModel *
stw_workspace_get_workstreams (StwWorkspace *self)
{
  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);
  return G_LIST_MODEL (self->workstreams);
}

StwWorkstream *
stw_workspace_find_workstream (StwWorkspace *self,
                               gint64        workstream_id)
{
  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);
  return find_by_id (G_LIST_MODEL (self->workstreams), workstream_id, workstream_id_of);
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
      bind_id_or_null (stmt, 3, owner_id);
      sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
      ok = step_done (self, stmt, _("Could not add the workstream"), error);
      if (!ok && error && *error && (*error)->code == STW_WORKSPACE_ERROR_INVALID)
        {
          g_clear_error (error);
          g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_EXISTS,
                       _("Another workstream already uses the prefix “%s”"), clean_prefix);
        }
    }
  if (ok)
    {
      id = sqlite3_last_insert_rowid (self->db);
      b = _stw_changes_new ();
      _stw_changes_add_text (b, "name", NULL, clean);
      _stw_changes_add_text (b, "prefix", NULL, clean_prefix);
      _stw_changes_add_text (b, "owner", NULL, person_name (self, owner_id));
      changes = _stw_changes_finish (b);
      ok = _stw_history_append (self, "workstream", id, "create", changes, error);
    }
  ok = _stw_workspace_write_end (self, ok, ok ? error : NULL) && ok;
  if (!ok || !load_workstreams (self, error))
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
    _stw_changes_add_text (b, "owner", person_name (self, stw_workstream_get_owner_id (ws)),
                           person_name (self, owner_id));
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
      bind_id_or_null (stmt, 2, owner_id);
      bind_text_or_null (stmt, 3, colour);
      sqlite3_bind_int (stmt, 4, !!require_evidence);
      sqlite3_bind_int64 (stmt, 5, workstream_id);
      ok = step_done (self, stmt, _("Could not save the workstream"), error);
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

/* ------------------------------------------------------------------ */
/* Items                                                               */

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
    g_strv_builder_add (builder, column_text_or_null (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _stw_set_sqlite_error (error, self->db, rc, _("Could not read the item"));
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

  stw_ca_source_from_key (column_text_or_null (stmt, at + 0), &ca->source);
  stw_corrective_set_text (&ca->source_ref, column_text_or_null (stmt, at + 1));
  stw_ca_classification_from_key (column_text_or_null (stmt, at + 2), &ca->classification);
  stw_ca_type_from_key (column_text_or_null (stmt, at + 3), &ca->action_type);
  stw_corrective_set_text (&ca->correction, column_text_or_null (stmt, at + 4));
  stw_corrective_set_text (&ca->root_cause_method, column_text_or_null (stmt, at + 5));
  stw_corrective_set_text (&ca->root_cause, column_text_or_null (stmt, at + 6));
  stw_corrective_set_text (&ca->corrective_action, column_text_or_null (stmt, at + 7));
  g_strlcpy (ca->check_due, column_text_or_null (stmt, at + 8) ? column_text_or_null (stmt, at + 8) : "",
             sizeof ca->check_due);
  ca->checked_by = sqlite3_column_int64 (stmt, at + 9);
  stw_check_result_from_key (column_text_or_null (stmt, at + 10), &ca->check_result);
  stw_corrective_set_text (&ca->check_note, column_text_or_null (stmt, at + 11));
  g_strlcpy (ca->check_date, column_text_or_null (stmt, at + 12) ? column_text_or_null (stmt, at + 12) : "",
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
      _stw_set_sqlite_error (error, self->db, rc, _("Could not read the item"));
      return FALSE;
    }
  stw_item_set_corrective (item, ca);
  return TRUE;
}

static gboolean
write_corrective (StwWorkspace  *self,
                  StwItem       *item,
                  GError       **error)
{
  const StwCorrective *ca = stw_item_get_corrective (item);
  sqlite3_stmt *stmt;

  if (ca == NULL)
    {
      stmt = _stw_workspace_prepare (self, "DELETE FROM corrective WHERE item_id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, stw_item_get_id (item));
      return step_done (self, stmt, _("Could not save the item"), error);
    }

  stmt = _stw_workspace_prepare (self,
                                 "INSERT OR REPLACE INTO corrective (item_id, source, source_ref, classification,"
                                 " action_type, correction, root_cause_method, root_cause, corrective_action,"
                                 " check_due, checked_by, check_result, check_note, check_date)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, stw_item_get_id (item));
  sqlite3_bind_text (stmt, 2, stw_ca_source_to_key (ca->source), -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 3, ca->source_ref);
  sqlite3_bind_text (stmt, 4, stw_ca_classification_to_key (ca->classification), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, stw_ca_type_to_key (ca->action_type), -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 6, ca->correction);
  bind_text_or_null (stmt, 7, ca->root_cause_method);
  bind_text_or_null (stmt, 8, ca->root_cause);
  bind_text_or_null (stmt, 9, ca->corrective_action);
  bind_text_or_null (stmt, 10, ca->check_due[0] ? ca->check_due : NULL);
  bind_id_or_null (stmt, 11, ca->checked_by);
  sqlite3_bind_text (stmt, 12, stw_check_result_to_key (ca->check_result), -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 13, ca->check_note);
  bind_text_or_null (stmt, 14, ca->check_date[0] ? ca->check_date : NULL);
  return step_done (self, stmt, _("Could not save the item"), error);
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
                        column_text_or_null (stmt, 1),
                        column_text_or_null (stmt, 6),
                        column_text_or_null (stmt, 15),
                        column_text_or_null (stmt, 16));
  stw_item_set_title (item, column_text_or_null (stmt, 3));
  stw_item_set_description (item, column_text_or_null (stmt, 4));
  stw_item_set_owner_id (item, sqlite3_column_int64 (stmt, 5));
  stw_status_from_key (column_text_or_null (stmt, 7), &status);
  stw_item_set_status (item, status);
  stw_priority_from_key (column_text_or_null (stmt, 8), &priority);
  stw_item_set_priority (item, priority);
  stw_item_set_start_date (item, column_text_or_null (stmt, 9));
  stw_item_set_due_date (item, column_text_or_null (stmt, 10));
  stw_item_set_completed_date (item, column_text_or_null (stmt, 11));
  stw_item_set_closure_note (item, column_text_or_null (stmt, 12));
  stw_item_set_notes (item, column_text_or_null (stmt, 13));
  stw_item_set_position (item, sqlite3_column_int64 (stmt, 14));
  {
    StwRecurrence recurrence = { STW_REPEAT_NONE, 0, "" };

    if (stw_repeat_unit_from_key (column_text_or_null (stmt, 18), &recurrence.unit) &&
        recurrence.unit != STW_REPEAT_NONE)
      {
        recurrence.interval = sqlite3_column_int (stmt, 19);
        g_strlcpy (recurrence.anchor, column_text_or_null (stmt, 20) ? column_text_or_null (stmt, 20) : "",
                   sizeof recurrence.anchor);
      }
    stw_item_set_recurrence (item, &recurrence);
  }
  _stw_item_set_series_id (item, sqlite3_column_int64 (stmt, 21));
  stw_item_set_risk_id (item, sqlite3_column_int64 (stmt, 22));
  stw_item_set_no_evidence_reason (item, column_text_or_null (stmt, 23));
  return item;
}

/* Loads one item; @include_deleted for restore and history. */
static StwItem *
load_item (StwWorkspace  *self,
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
        _stw_set_sqlite_error (error, self->db, rc, _("Could not read the item"));
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
      _stw_set_sqlite_error (error, self->db, rc, _("Could not read the items"));
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
  g_ptr_array_add (values, g_strdup (column_text_or_null (stmt, 1)));
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
  return load_item (self, item_id, FALSE, error);
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
  return load_item (self, id, FALSE, error);
}

static gboolean
validate_clauses (const char * const  *clauses,
                  GError             **error)
{
  for (guint i = 0; clauses && clauses[i]; i++)
    if (!stw_clause_is_valid (clauses[i]))
      {
        g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                     _("“%s” is not a clause of ISO/IEC 27001 (use 4 to 10, such as “9.2”)"), clauses[i]);
        return FALSE;
      }
  return TRUE;
}

static gboolean
validate_controls (const char * const  *controls,
                   GError             **error)
{
  for (guint i = 0; controls && controls[i]; i++)
    {
      if (stw_controls_find (controls[i]) == NULL)
        {
          g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                       _("“%s” is not an Annex A control of ISO/IEC 27001:2022"), controls[i]);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
item_has_evidence (StwWorkspace *self,
                   StwItem      *item)
{
  return stw_item_get_id (item) != 0 &&
         stw_workspace_count_attachments (self, "item", stw_item_get_id (item)) > 0;
}

static gboolean
risk_exists (StwWorkspace *self,
             gint64        risk_id)
{
  sqlite3_stmt *stmt = _stw_workspace_prepare (self, "SELECT 1 FROM risk WHERE id = ? AND deleted_at IS NULL", NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, risk_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

/* The rules each kind of workstream adds (PRODUCT.md, "The four
 * workstreams"): a treatment item names its risk; a nonconformity closes
 * only with a root cause and an effective check; closing risk treatment,
 * corrective actions (or a workstream that asks for it) needs evidence or
 * a recorded reason. */
static gboolean
validate_kind_rules (StwWorkspace  *self,
                     StwItem       *item,
                     StwItem       *old,
                     GError       **error)
{
  StwWorkstream *ws = stw_workspace_find_workstream (self, stw_item_get_workstream_id (item));
  StwWorkstreamKind kind = stw_workstream_get_kind (ws);
  const StwCorrective *ca = stw_item_get_corrective (item);
  gboolean closing = stw_item_get_status (item) == STW_STATUS_DONE &&
                     (old == NULL || stw_item_get_status (old) != STW_STATUS_DONE);

  if (kind == STW_WORKSTREAM_TREATMENT)
    {
      if (stw_item_get_risk_id (item) == 0)
        {
          g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                       _("A risk-treatment item must name the risk it treats"));
          return FALSE;
        }
    }
  if (stw_item_get_risk_id (item) != 0 &&
      (old == NULL || stw_item_get_risk_id (old) != stw_item_get_risk_id (item)) &&
      !risk_exists (self, stw_item_get_risk_id (item)))
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_FOUND,
                   _("The risk this item treats is not in the risk register"));
      return FALSE;
    }

  if (ca != NULL)
    {
      const char *dates[] = { ca->check_due, ca->check_date };

      for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
        if (dates[i][0] && !stw_date_is_valid (dates[i]))
          {
            g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                         _("Dates are written as year-month-day, such as 2027-03-31"));
            return FALSE;
          }
      if (ca->checked_by != 0 && stw_workspace_find_person (self, ca->checked_by) == NULL)
        {
          g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_FOUND,
                       _("The person who checked the fix is not in this workspace"));
          return FALSE;
        }
    }

  if (!closing)
    return TRUE;

  if (kind == STW_WORKSTREAM_CORRECTIVE && stw_corrective_is_nonconformity (ca))
    {
      if (ca->root_cause == NULL || ca->root_cause[0] == '\0')
        {
          g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                       _("A nonconformity can only be closed once its root cause is recorded"));
          return FALSE;
        }
      if (ca->check_result != STW_CHECK_EFFECTIVE)
        {
          g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                       _("A nonconformity can only be closed once a check has found the fix effective"));
          return FALSE;
        }
    }

  if (stw_workstream_get_require_evidence (ws) && !item_has_evidence (self, item))
    {
      const char *reason = stw_item_get_no_evidence_reason (item);

      if (reason == NULL || reason[0] == '\0')
        {
          g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                       _("Attach evidence that this was done, or record why there is none"));
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
validate_item (StwWorkspace  *self,
               StwItem       *item,
               StwItem       *old,
               GError       **error)
{
  const char *start = stw_item_get_start_date (item);
  const char *due = stw_item_get_due_date (item);
  const char *done = stw_item_get_completed_date (item);
  gint64 owner_id = stw_item_get_owner_id (item);
  g_autofree char *title = g_strstrip (g_strdup (stw_item_get_title (item)));

  if (title[0] == '\0')
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   _("An item needs a title"));
      return FALSE;
    }
  if (stw_workspace_find_workstream (self, stw_item_get_workstream_id (item)) == NULL)
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_FOUND,
                   _("The workstream of this item does not exist"));
      return FALSE;
    }
  if ((start && !stw_date_is_valid (start)) || (due && !stw_date_is_valid (due)) ||
      (done && !stw_date_is_valid (done)))
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   _("Dates are written as year-month-day, such as 2027-03-31"));
      return FALSE;
    }
  if (start && due && strcmp (due, start) < 0)
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   _("The due date is before the start date"));
      return FALSE;
    }
  if (owner_id != 0 && (old == NULL || stw_item_get_owner_id (old) != owner_id))
    {
      StwPerson *owner = stw_workspace_find_person (self, owner_id);

      if (owner == NULL || !stw_person_get_active (owner))
        {
          g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                       _("The owner must be an active person of this workspace"));
          return FALSE;
        }
    }
  if (!validate_clauses (stw_item_get_clauses (item), error) ||
      !validate_controls (stw_item_get_controls (item), error) ||
      !stw_recurrence_validate (stw_item_get_recurrence (item), error))
    return FALSE;
  return validate_kind_rules (self, item, old, error);
}

/* Hands out the next reference of a series. Counters only go up, so a
 * reference is never given twice, even after its item is deleted. */
static char *
next_ref (StwWorkspace  *self,
          StwItem       *item,
          GError       **error)
{
  StwWorkstream *ws = stw_workspace_find_workstream (self, stw_item_get_workstream_id (item));
  g_autofree char *series = NULL;
  gint64 number;

  if (stw_workstream_get_kind (ws) == STW_WORKSTREAM_PLAN)
    {
      /* Operational-plan work is cited by year: OP-2027-014. */
      const char *date = stw_item_get_due_date (item);
      g_autofree char *today = stw_date_today ();

      series = g_strdup_printf ("%s-%.4s", stw_workstream_get_prefix (ws), date ? date : today);
    }
  else
    series = g_strdup (stw_workstream_get_prefix (ws));

  number = _stw_workspace_next_number (self, series, error);
  if (number == 0)
    return NULL;
  return g_strdup_printf ("%s-%03" G_GINT64_FORMAT, series, number);
}

gint64
_stw_workspace_next_number (StwWorkspace  *self,
                            const char    *series,
                            GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 number = 0;
  int rc;

  stmt = _stw_workspace_prepare (self,
                                 "INSERT INTO ref_counter (series, last) VALUES (?, 1)"
                                 " ON CONFLICT (series) DO UPDATE SET last = last + 1"
                                 " RETURNING last", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, series, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    number = sqlite3_column_int64 (stmt, 0);
  /* RETURNING: step to the end so the statement completes. */
  while (rc == SQLITE_ROW)
    rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE || number == 0)
    {
      _stw_set_sqlite_error (error, self->db, rc, _("Could not number the record"));
      return 0;
    }
  return number;
}

static gboolean
write_strv (StwWorkspace        *self,
            const char          *delete_sql,
            const char          *insert_sql,
            gint64               item_id,
            const char * const  *values,
            GError             **error)
{
  sqlite3_stmt *stmt = _stw_workspace_prepare (self, delete_sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  if (!step_done (self, stmt, _("Could not save the item"), error))
    return FALSE;

  for (guint i = 0; values && values[i]; i++)
    {
      stmt = _stw_workspace_prepare (self, insert_sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, item_id);
      sqlite3_bind_text (stmt, 2, values[i], -1, SQLITE_TRANSIENT);
      if (!step_done (self, stmt, _("Could not save the item"), error))
        return FALSE;
    }
  return TRUE;
}

/* A repeating item starts a series named after its first occurrence;
 * later occurrences carry the same series id. */
static gboolean
settle_series (StwWorkspace  *self,
               StwItem       *item,
               GError       **error)
{
  sqlite3_stmt *stmt;

  if (stw_item_get_recurrence (item)->unit == STW_REPEAT_NONE || stw_item_get_series_id (item) != 0)
    return TRUE;

  stmt = _stw_workspace_prepare (self, "UPDATE item SET series_id = id WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, stw_item_get_id (item));
  if (!step_done (self, stmt, _("Could not save the item"), error))
    return FALSE;
  _stw_item_set_series_id (item, stw_item_get_id (item));
  return TRUE;
}

static gboolean
write_links (StwWorkspace  *self,
             StwItem       *item,
             GError       **error)
{
  gint64 id = stw_item_get_id (item);

  return write_strv (self, "DELETE FROM item_clause WHERE item_id = ?",
                     "INSERT INTO item_clause (item_id, clause) VALUES (?, ?)",
                     id, stw_item_get_clauses (item), error) &&
         write_strv (self, "DELETE FROM item_control WHERE item_id = ?",
                     "INSERT INTO item_control (item_id, control_id) VALUES (?, ?)",
                     id, stw_item_get_controls (item), error) &&
         write_corrective (self, item, error);
}

/* Keeps the completion date in step with the status: closing stamps today
 * unless a date was given, reopening clears it. A check that finds a
 * corrective action not effective reopens the item (clause 10.2). */
static void
settle_completion (StwWorkspace *self,
                   StwItem      *item,
                   StwItem      *old)
{
  const StwCorrective *ca = stw_item_get_corrective (item);
  const StwCorrective *old_ca = old ? stw_item_get_corrective (old) : NULL;

  if (ca != NULL && ca->check_result == STW_CHECK_NOT_EFFECTIVE &&
      (old_ca == NULL || old_ca->check_result != STW_CHECK_NOT_EFFECTIVE) &&
      (stw_item_get_status (item) == STW_STATUS_DONE || stw_item_get_status (item) == STW_STATUS_IN_REVIEW))
    stw_item_set_status (item, STW_STATUS_IN_PROGRESS);

  if (stw_status_is_open (stw_item_get_status (item)))
    stw_item_set_completed_date (item, NULL);
  else if (stw_item_get_completed_date (item) == NULL)
    stw_item_set_completed_date (item, _stw_workspace_today (self));
}

static char *
risk_ref (StwWorkspace *self,
          gint64        risk_id)
{
  sqlite3_stmt *stmt;
  char *ref = NULL;

  if (risk_id == 0)
    return NULL;
  stmt = _stw_workspace_prepare (self, "SELECT ref FROM risk WHERE id = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, risk_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    ref = g_strdup (column_text_or_null (stmt, 0));
  sqlite3_reset (stmt);
  return ref;
}

static void
corrective_changes (StwWorkspace        *self,
                    JsonBuilder         *b,
                    const StwCorrective *old,
                    const StwCorrective *ca)
{
  g_autoptr(StwCorrective) blank = NULL;

  if (ca == NULL || stw_corrective_equal (old, ca))
    return;
  if (old == NULL)
    old = blank = stw_corrective_new ();

#define CA_KEY(key, field, to_key) \
  if (blank != NULL || old->field != ca->field) \
    _stw_changes_add_text (b, key, blank ? NULL : to_key (old->field), to_key (ca->field));
#define CA_TEXT(key, field) \
  if (g_strcmp0 (old->field, ca->field) != 0) \
    _stw_changes_add_text (b, key, old->field, ca->field);
#define CA_DATE(key, field) \
  if (strcmp (old->field, ca->field) != 0) \
    _stw_changes_add_text (b, key, old->field[0] ? old->field : NULL, ca->field[0] ? ca->field : NULL);

  CA_KEY ("ca_source", source, stw_ca_source_to_key)
  CA_TEXT ("ca_source_ref", source_ref)
  CA_KEY ("ca_classification", classification, stw_ca_classification_to_key)
  CA_KEY ("ca_type", action_type, stw_ca_type_to_key)
  CA_TEXT ("ca_correction", correction)
  CA_TEXT ("ca_root_cause_method", root_cause_method)
  CA_TEXT ("ca_root_cause", root_cause)
  CA_TEXT ("ca_corrective_action", corrective_action)
  CA_DATE ("ca_check_due", check_due)
  if (old->checked_by != ca->checked_by)
    _stw_changes_add_text (b, "ca_checked_by", person_name (self, old->checked_by), person_name (self, ca->checked_by));
  CA_KEY ("ca_check_result", check_result, stw_check_result_to_key)
  CA_TEXT ("ca_check_note", check_note)
  CA_DATE ("ca_check_date", check_date)

#undef CA_KEY
#undef CA_TEXT
#undef CA_DATE
}

/* Records every field of @item that differs from @old (NULL: all set). */
static char *
item_changes (StwWorkspace *self,
              StwItem      *old,
              StwItem      *item)
{
  g_autoptr(JsonBuilder) b = _stw_changes_new ();
  g_autoptr(StwItem) blank = NULL;

  if (old == NULL)
    {
      /* The reference leads a creation entry: auditors search by it. */
      _stw_changes_add_text (b, "ref", NULL, stw_item_get_ref (item));
      old = blank = stw_item_new (0);
    }

#define TEXT_FIELD(key, getter) \
  if (g_strcmp0 (getter (old), getter (item)) != 0) \
    _stw_changes_add_text (b, key, blank ? NULL : getter (old), getter (item));

  if (stw_item_get_workstream_id (old) != stw_item_get_workstream_id (item))
    {
      StwWorkstream *from = stw_workspace_find_workstream (self, stw_item_get_workstream_id (old));
      StwWorkstream *to = stw_workspace_find_workstream (self, stw_item_get_workstream_id (item));

      _stw_changes_add_text (b, "workstream",
                        from ? stw_workstream_get_name (from) : NULL,
                        to ? stw_workstream_get_name (to) : NULL);
    }
  TEXT_FIELD ("title", stw_item_get_title)
  TEXT_FIELD ("description", stw_item_get_description)
  if (stw_item_get_owner_id (old) != stw_item_get_owner_id (item))
    {
      _stw_changes_add_text (b, "owner",
                        person_name (self, stw_item_get_owner_id (old)),
                        person_name (self, stw_item_get_owner_id (item)));
      _stw_changes_add_int (b, "owner_id", stw_item_get_owner_id (old), stw_item_get_owner_id (item));
    }
  if (blank != NULL || stw_item_get_status (old) != stw_item_get_status (item))
    _stw_changes_add_text (b, "status",
                      blank ? NULL : stw_status_to_key (stw_item_get_status (old)),
                      stw_status_to_key (stw_item_get_status (item)));
  if (blank != NULL || stw_item_get_priority (old) != stw_item_get_priority (item))
    _stw_changes_add_text (b, "priority",
                      blank ? NULL : stw_priority_to_key (stw_item_get_priority (old)),
                      stw_priority_to_key (stw_item_get_priority (item)));
  TEXT_FIELD ("start_date", stw_item_get_start_date)
  TEXT_FIELD ("due_date", stw_item_get_due_date)
  TEXT_FIELD ("completed_date", stw_item_get_completed_date)
  TEXT_FIELD ("closure_note", stw_item_get_closure_note)
  TEXT_FIELD ("notes", stw_item_get_notes)
  if (!g_strv_equal (stw_item_get_clauses (old), stw_item_get_clauses (item)))
    _stw_changes_add_strv (b, "clauses", stw_item_get_clauses (old), stw_item_get_clauses (item));
  if (!g_strv_equal (stw_item_get_controls (old), stw_item_get_controls (item)))
    _stw_changes_add_strv (b, "controls", stw_item_get_controls (old), stw_item_get_controls (item));
  if (blank == NULL && stw_item_get_position (old) != stw_item_get_position (item))
    _stw_changes_add_int (b, "position", stw_item_get_position (old), stw_item_get_position (item));
  {
    g_autofree char *was = stw_recurrence_to_string (stw_item_get_recurrence (old));
    g_autofree char *now = stw_recurrence_to_string (stw_item_get_recurrence (item));

    if (strcmp (was, now) != 0)
      _stw_changes_add_text (b, "recurrence", was[0] ? was : NULL, now[0] ? now : NULL);
  }
  if (stw_item_get_risk_id (old) != stw_item_get_risk_id (item))
    {
      g_autofree char *was = risk_ref (self, stw_item_get_risk_id (old));
      g_autofree char *now = risk_ref (self, stw_item_get_risk_id (item));

      _stw_changes_add_text (b, "risk", was, now);
    }
  TEXT_FIELD ("no_evidence_reason", stw_item_get_no_evidence_reason)
  corrective_changes (self, b, stw_item_get_corrective (old), stw_item_get_corrective (item));

#undef TEXT_FIELD

  return _stw_changes_finish (b);
}

static void
bind_item_fields (sqlite3_stmt *stmt,
                  StwItem      *item)
{
  g_autofree char *title = g_strstrip (g_strdup (stw_item_get_title (item)));

  sqlite3_bind_int64 (stmt, 1, stw_item_get_workstream_id (item));
  sqlite3_bind_text (stmt, 2, title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, stw_item_get_description (item), -1, SQLITE_TRANSIENT);
  bind_id_or_null (stmt, 4, stw_item_get_owner_id (item));
  sqlite3_bind_text (stmt, 5, stw_status_to_key (stw_item_get_status (item)), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, stw_priority_to_key (stw_item_get_priority (item)), -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 7, stw_item_get_start_date (item));
  bind_text_or_null (stmt, 8, stw_item_get_due_date (item));
  bind_text_or_null (stmt, 9, stw_item_get_completed_date (item));
  bind_text_or_null (stmt, 10, stw_item_get_closure_note (item));
  bind_text_or_null (stmt, 11, stw_item_get_notes (item));
  sqlite3_bind_int64 (stmt, 12, stw_item_get_position (item));
  {
    const StwRecurrence *r = stw_item_get_recurrence (item);

    sqlite3_bind_text (stmt, 13, stw_repeat_unit_to_key (r->unit), -1, SQLITE_STATIC);
    sqlite3_bind_int (stmt, 14, r->unit == STW_REPEAT_NONE ? 0 : (int) r->interval);
    bind_text_or_null (stmt, 15, r->unit == STW_REPEAT_NONE ? NULL : r->anchor);
  }
  bind_id_or_null (stmt, 16, stw_item_get_risk_id (item));
  bind_text_or_null (stmt, 17, stw_item_get_no_evidence_reason (item));
}

static void
refresh_stored (StwWorkspace *self,
                StwItem      *item)
{
  g_autoptr(StwItem) stored = load_item (self, stw_item_get_id (item), TRUE, NULL);

  if (stored != NULL)
    _stw_item_set_stored (item, stw_item_get_id (stored), stw_item_get_ref (stored),
                          stw_item_get_owner_name (stored),
                          stw_item_get_created_at (stored),
                          stw_item_get_updated_at (stored));
}

gboolean
stw_workspace_insert_item (StwWorkspace  *self,
                           StwItem       *item,
                           GError       **error)
{
  g_autofree char *now = stw_timestamp_now ();
  g_autofree char *ref = NULL;
  g_autofree char *changes = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (STW_IS_ITEM (item), FALSE);
  g_return_val_if_fail (stw_item_get_id (item) == 0, FALSE);

  settle_completion (self, item, NULL);
  if (!validate_item (self, item, NULL, error))
    return FALSE;

  if (!_stw_workspace_write_begin (self, error))
    return FALSE;

  ref = next_ref (self, item, error);
  ok = ref != NULL;
  if (ok && stw_item_get_position (item) == 0)
    {
      /* New items go to the end of their board column. */
      stmt = _stw_workspace_prepare (self,
                                     "SELECT coalesce(max(position), 0) + " G_STRINGIFY (POSITION_GAP) " FROM item"
                                     " WHERE workstream_id = ? AND status = ? AND deleted_at IS NULL", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, stw_item_get_workstream_id (item));
          sqlite3_bind_text (stmt, 2, stw_status_to_key (stw_item_get_status (item)), -1, SQLITE_STATIC);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            stw_item_set_position (item, sqlite3_column_int64 (stmt, 0));
          sqlite3_reset (stmt);
        }
    }
  if (ok)
    {
      stmt = _stw_workspace_prepare (self,
                                     "INSERT INTO item (workstream_id, title, description, owner_id, status,"
                                     " priority, start_date, due_date, completed_date, closure_note, notes,"
                                     " position, repeat_unit, repeat_interval, repeat_anchor, risk_id,"
                                     " no_evidence_reason, ref, created_at, updated_at, series_id)"
                                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,"
                                     " ?16, ?17, ?18, ?19, ?19, ?20)", error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      bind_item_fields (stmt, item);
      sqlite3_bind_text (stmt, 18, ref, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 19, now, -1, SQLITE_TRANSIENT);
      bind_id_or_null (stmt, 20, stw_item_get_series_id (item));
      ok = step_done (self, stmt, _("Could not save the item"), error);
    }
  if (ok)
    {
      id = sqlite3_last_insert_rowid (self->db);
      _stw_item_set_stored (item, id, ref, NULL, now, now);
      ok = write_links (self, item, error) && settle_series (self, item, error);
    }
  if (ok)
    {
      changes = item_changes (self, NULL, item);
      ok = _stw_history_append (self, "item", id, "create", changes, error);
    }
  if (ok)
    _stw_workspace_note_item_changed (self, id, stw_item_get_workstream_id (item));

  ok = _stw_workspace_write_end (self, ok, ok ? error : NULL) && ok;
  if (!ok)
    {
      _stw_item_set_stored (item, 0, NULL, NULL, NULL, NULL);
      return FALSE;
    }

  refresh_stored (self, item);
  return TRUE;
}

static gboolean set_deleted (StwWorkspace *self, gint64 item_id, gboolean deleted, GError **error);

gint64
_stw_workspace_find_occurrence (StwWorkspace *self,
                                gint64        series_id,
                                const char   *due)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  stmt = _stw_workspace_prepare (self,
                                 "SELECT id FROM item WHERE series_id = ? AND due_date = ? AND deleted_at IS NULL",
                                 NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, series_id);
  sqlite3_bind_text (stmt, 2, due, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return id;
}

gboolean
_stw_workspace_add_occurrence (StwWorkspace  *self,
                               StwItem       *baseline,
                               gint64         owner_id,
                               const char    *due,
                               GError       **error)
{
  g_autoptr(StwItem) item = stw_item_new (stw_item_get_workstream_id (baseline));
  const char *start = stw_item_get_start_date (baseline);
  const char *base_due = stw_item_get_due_date (baseline);

  stw_item_set_title (item, stw_item_get_title (baseline));
  stw_item_set_description (item, stw_item_get_description (baseline));
  stw_item_set_owner_id (item, owner_id);
  stw_item_set_priority (item, stw_item_get_priority (baseline));
  stw_item_set_clauses (item, stw_item_get_clauses (baseline));
  stw_item_set_controls (item, stw_item_get_controls (baseline));
  stw_item_set_risk_id (item, stw_item_get_risk_id (baseline));
  stw_item_set_recurrence (item, stw_item_get_recurrence (baseline));
  _stw_item_set_series_id (item, stw_item_get_series_id (baseline));
  stw_item_set_due_date (item, due);
  if (start != NULL && base_due != NULL)
    {
      /* Keep the lead time: work starts as long before the due date. */
      GDate a, b;
      g_autofree char *new_start = NULL;

      g_date_clear (&a, 1);
      g_date_clear (&b, 1);
      g_date_set_parse (&a, start);
      g_date_set_parse (&b, base_due);
      new_start = stw_date_add_days (due, -g_date_days_between (&a, &b));
      stw_item_set_start_date (item, new_start);
    }
  return stw_workspace_insert_item (self, item, error);
}

static gint64
history_count_for (StwWorkspace *self,
                   gint64        item_id)
{
  sqlite3_stmt *stmt;
  gint64 n = 0;

  stmt = _stw_workspace_prepare (self, "SELECT count(*) FROM history WHERE entity = 'item' AND entity_id = ?", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, item_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static char *
next_due (StwItem *item)
{
  const StwRecurrence *r = stw_item_get_recurrence (item);
  const char *due = stw_item_get_due_date (item);

  if (r->unit == STW_REPEAT_NONE)
    return NULL;
  return stw_recurrence_next_after (r, due ? due : r->anchor);
}

/* Completing an occurrence of a repeating task schedules the next one
 * (unless it is already there, say from the annual roll-forward).
 * Reopening withdraws that next occurrence again if nobody has touched it
 * since, so undoing a completion leaves no stray copy. */
static gboolean
follow_recurrence (StwWorkspace  *self,
                   StwItem       *old,
                   StwItem       *item,
                   GError       **error)
{
  gboolean was_done = stw_item_get_status (old) == STW_STATUS_DONE;
  gboolean is_done = stw_item_get_status (item) == STW_STATUS_DONE;
  g_autofree char *due = NULL;
  gint64 existing;

  if (was_done == is_done || stw_item_get_series_id (item) == 0)
    return TRUE;
  due = next_due (is_done ? item : old);
  if (due == NULL)
    return TRUE;
  existing = _stw_workspace_find_occurrence (self, stw_item_get_series_id (item), due);

  if (is_done)
    {
      StwPerson *owner = stw_workspace_find_person (self, stw_item_get_owner_id (item));

      if (existing != 0)
        return TRUE;
      return _stw_workspace_add_occurrence (self, item,
                                            owner && stw_person_get_active (owner) ? stw_person_get_id (owner) : 0,
                                            due, error);
    }

  /* Reopened: withdraw the next occurrence if it is as it was created. */
  if (existing != 0 && history_count_for (self, existing) == 1)
    return set_deleted (self, existing, TRUE, error);
  return TRUE;
}

gboolean
stw_workspace_update_item (StwWorkspace  *self,
                           StwItem       *item,
                           GError       **error)
{
  g_autoptr(StwItem) old = NULL;
  g_autofree char *changes = NULL;
  g_autofree char *now = stw_timestamp_now ();
  sqlite3_stmt *stmt;
  gint64 id;
  gboolean ok;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (STW_IS_ITEM (item), FALSE);

  id = stw_item_get_id (item);
  old = load_item (self, id, FALSE, error);
  if (old == NULL)
    return FALSE;

  settle_completion (self, item, old);
  if (!validate_item (self, item, old, error))
    return FALSE;

  changes = item_changes (self, old, item);
  if (g_str_equal (changes, "{}"))
    return TRUE;

  if (!_stw_workspace_write_begin (self, error))
    return FALSE;
  stmt = _stw_workspace_prepare (self,
                                 "UPDATE item SET workstream_id = ?1, title = ?2, description = ?3, owner_id = ?4,"
                                 " status = ?5, priority = ?6, start_date = ?7, due_date = ?8, completed_date = ?9,"
                                 " closure_note = ?10, notes = ?11, position = ?12, repeat_unit = ?13,"
                                 " repeat_interval = ?14, repeat_anchor = ?15, risk_id = ?16,"
                                 " no_evidence_reason = ?17, updated_at = ?18"
                                 " WHERE id = ?19 AND deleted_at IS NULL", error);
  ok = stmt != NULL;
  if (ok)
    {
      bind_item_fields (stmt, item);
      sqlite3_bind_text (stmt, 18, now, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 19, id);
      ok = step_done (self, stmt, _("Could not save the item"), error);
    }
  ok = ok && write_links (self, item, error) && settle_series (self, item, error);
  ok = ok && _stw_history_append (self, "item", id, "update", changes, error);
  ok = ok && follow_recurrence (self, old, item, error);
  if (ok)
    {
      _stw_workspace_note_item_changed (self, id, stw_item_get_workstream_id (item));
      if (stw_item_get_workstream_id (old) != stw_item_get_workstream_id (item))
        _stw_workspace_note_item_changed (self, id, stw_item_get_workstream_id (old));
    }
  ok = _stw_workspace_write_end (self, ok, ok ? error : NULL) && ok;
  if (ok)
    refresh_stored (self, item);
  return ok;
}

static gboolean
set_deleted (StwWorkspace  *self,
             gint64         item_id,
             gboolean       deleted,
             GError       **error)
{
  g_autoptr(StwItem) item = NULL;
  g_autoptr(JsonBuilder) b = NULL;
  g_autofree char *changes = NULL;
  g_autofree char *now = stw_timestamp_now ();
  sqlite3_stmt *stmt;
  gboolean ok;

  item = load_item (self, item_id, TRUE, error);
  if (item == NULL)
    return FALSE;

  if (!_stw_workspace_write_begin (self, error))
    return FALSE;
  stmt = _stw_workspace_prepare (self,
                                 deleted
                                 ? "UPDATE item SET deleted_at = ?, updated_at = ?1 WHERE id = ? AND deleted_at IS NULL"
                                 : "UPDATE item SET deleted_at = NULL, updated_at = ? WHERE id = ? AND deleted_at IS NOT NULL",
                                 error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, item_id);
      ok = step_done (self, stmt, _("Could not change the item"), error);
    }
  if (ok && sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_FOUND,
                   deleted ? _("The item was already deleted") : _("The item is not deleted"));
      ok = FALSE;
    }
  if (ok)
    {
      b = _stw_changes_new ();
      _stw_changes_add_text (b, "ref", stw_item_get_ref (item), stw_item_get_ref (item));
      _stw_changes_add_text (b, "title", stw_item_get_title (item), stw_item_get_title (item));
      changes = _stw_changes_finish (b);
      ok = _stw_history_append (self, "item", item_id, deleted ? "delete" : "restore", changes, error);
    }
  if (ok)
    _stw_workspace_note_item_changed (self, item_id, stw_item_get_workstream_id (item));
  return _stw_workspace_write_end (self, ok, ok ? error : NULL) && ok;
}

gboolean
stw_workspace_delete_item (StwWorkspace  *self,
                           gint64         item_id,
                           GError       **error)
{
  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);
  return set_deleted (self, item_id, TRUE, error);
}

gboolean
stw_workspace_restore_item (StwWorkspace  *self,
                            gint64         item_id,
                            GError       **error)
{
  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);
  return set_deleted (self, item_id, FALSE, error);
}

GListModel *
stw_workspace_list_items (StwWorkspace  *self,
                          gint64         workstream_id,
                          GError       **error)
{
  g_autoptr(StwItemModel) model = NULL;
  StwItemFilter filter;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);

  stw_item_filter_init (&filter, workstream_id);
  model = _stw_item_model_new (self, &filter);
  if (!_stw_item_model_reload (model, error))
    return NULL;
  return G_LIST_MODEL (g_steal_pointer (&model));
}

gboolean
stw_workspace_count_items (StwWorkspace  *self,
                           gint64         workstream_id,
                           guint         *open_count,
                           guint         *overdue_count,
                           GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);

  /* item_by_status covers this: no table rows are read. */
  stmt = _stw_workspace_prepare (self,
                                 "SELECT count(*), coalesce(sum(due_date < ?), 0) FROM item"
                                 " WHERE workstream_id = ? AND deleted_at IS NULL"
                                 " AND status IN ('todo', 'in_progress', 'in_review')", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, _stw_workspace_today (self), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, workstream_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (open_count)
        *open_count = sqlite3_column_int (stmt, 0);
      if (overdue_count)
        *overdue_count = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_ROW)
    {
      _stw_set_sqlite_error (error, self->db, rc, _("Could not count the items"));
      return FALSE;
    }
  return TRUE;
}

gboolean
stw_workspace_check (StwWorkspace  *self,
                     GString       *report,
                     GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean intact = TRUE;
  gint64 n_entries = 0, bad_seq = 0;
  int rc;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA integrity_check", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _stw_set_sqlite_error (error, self->db, rc, _("Could not check the workspace"));
      return FALSE;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = column_text_or_null (stmt, 0);

      if (g_strcmp0 (line, "ok") != 0)
        {
          intact = FALSE;
          g_string_append_printf (report, _("Database: %s\n"), line);
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      intact = FALSE;
      g_string_append_printf (report, _("Database: %s\n"), sqlite3_errstr (rc));
    }
  else if (intact)
    g_string_append (report, _("Database: intact\n"));

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA foreign_key_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          intact = FALSE;
          g_string_append_printf (report, _("Database: a row of “%s” refers to a missing row of “%s”\n"),
                                  column_text_or_null (stmt, 0), column_text_or_null (stmt, 2));
        }
      sqlite3_finalize (stmt);
    }

  if (stw_workspace_verify_history (self, &bad_seq, &n_entries, &local_error))
    {
      g_autofree char *head = stw_workspace_dup_history_head (self);

      g_string_append_printf (report, _("History: %lld entries, chain intact, head %s\n"),
                              (long long) n_entries, head ? head : "-");
    }
  else
    {
      intact = FALSE;
      g_string_append_printf (report, _("History: %s\n"), local_error->message);
    }

  {
    g_autoptr(GError) evidence_error = NULL;

    if (!stw_workspace_verify_evidence (self, report, NULL, NULL, &evidence_error))
      {
        intact = FALSE;
        if (evidence_error->code != STW_WORKSPACE_ERROR_CORRUPT)
          g_string_append_printf (report, _("Evidence: %s\n"), evidence_error->message);
      }
  }

  if (!intact)
    g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_CORRUPT,
                 _("The workspace “%s” failed its check"), self->path);
  return intact;
}

GListModel *
stw_workspace_filter_items (StwWorkspace         *self,
                            const StwItemFilter  *filter,
                            GError              **error)
{
  g_autoptr(StwItemModel) model = NULL;
  StwItemFilter all;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  stw_item_filter_init (&all, filter->workstream_id);
  model = _stw_item_model_new (self, &all);
  if (!stw_item_model_set_filter (model, filter, error))
    return NULL;
  return G_LIST_MODEL (g_steal_pointer (&model));
}

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
      _stw_set_sqlite_error (error, self->db, rc, _("Could not read the board"));
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
  return step_done (self, stmt, _("Could not reorder the board"), error);
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
          _stw_set_sqlite_error (error, self->db, rc, _("Could not read the board"));
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
      _stw_set_sqlite_error (error, self->db, rc, _("Could not read the board"));
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

  item = load_item (self, item_id, FALSE, error);
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
      _stw_set_sqlite_error (error, self->db, rc, _("Could not search the workspace"));
      return NULL;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(StwItem) item = load_item (self, g_array_index (ids, gint64, i), FALSE, error);

      if (item == NULL)
        return NULL;
      g_list_store_append (results, item);
    }

  return G_LIST_MODEL (g_steal_pointer (&results));
}
