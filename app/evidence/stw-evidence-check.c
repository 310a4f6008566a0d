/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-evidence-check.c: keeping the stored evidence sound: the check that
 * ties every attachment to the file its history recorded, the clean-up of
 * what crashed imports left, giving space back, and the evidence domain's
 * hooks.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gnutls/crypto.h>
#include <stdlib.h>
#include <string.h>

#include "stw-evidence.h"
#include "stw-evidence-private.h"
#include "stw-importer.h"
#include "stw-item-store.h"
#include "stw-risk-register.h"
#include "stw-workspace-private.h"

/* A pending blob not touched for this long was left by a crash. */
#define PENDING_STALE_SECONDS (10 * 60)
/* Older workspaces holding up to this much are converted to auto-vacuum
 * when opened (see enable_auto_vacuum()). */
#define STW_VACUUM_AT_OPEN_MAX ((gint64) 64 * 1024 * 1024)

typedef struct {
  gnutls_hash_hd_t hash;
  guint64          size;
} Rehash;

static gboolean
hash_chunk (const void  *data,
            gsize        len,
            gpointer     user_data,
            GError     **error)
{
  Rehash *r = user_data;

  gnutls_hash (r->hash, data, len);
  r->size += len;
  return TRUE;
}

/* What an "attach" history entry recorded: the file's name and SHA-256. */
typedef struct {
  char *file_name;
  char *sha256;
} Recorded;

static void
recorded_free (gpointer data)
{
  Recorded *r = data;

  g_free (r->file_name);
  g_free (r->sha256);
  g_free (r);
}

static void
queue_free (gpointer data)
{
  g_queue_free_full (data, recorded_free);
}

/* The new value of @field in a change set ({"field": [old, new]}), or NULL. */
static char *
recorded_value (JsonObject *changes,
                const char *field)
{
  JsonNode *node = json_object_get_member (changes, field);
  JsonArray *pair;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  pair = json_node_get_array (node);
  if (json_array_get_length (pair) != 2 || !JSON_NODE_HOLDS_VALUE (json_array_get_element (pair, 1)))
    return NULL;
  return g_strdup (json_array_get_string_element (pair, 1));
}

/* Every "attach" entry of the history, per record ("item:12"), oldest
 * first. Each attach writes its attachment row and its entry in one
 * transaction, so the n-th attachment of a record (by id, removed ones
 * included) is the n-th attach entry of that record. */
static GHashTable *
load_recorded_attaches (sqlite3  *db,
                        GError  **error)
{
  g_autoptr(GHashTable) by_record = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, queue_free);
  g_autoptr(JsonParser) parser = json_parser_new ();
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT entity, entity_id, changes FROM history WHERE action = 'attach' ORDER BY seq",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _stw_set_sqlite_error (error, db, rc, _("Could not read the history"));
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *key = g_strdup_printf ("%s:%lld", _stw_column_text (stmt, 0),
                                              (long long) sqlite3_column_int64 (stmt, 1));
      Recorded *r = g_new0 (Recorded, 1);
      GQueue *queue;
      JsonNode *root;

      /* A change set that does not parse records nothing: the attachment
       * is then reported as not matching its entry. */
      if (json_parser_load_from_data (parser, _stw_column_text (stmt, 2), -1, NULL)
          && (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root))
        {
          r->file_name = recorded_value (json_node_get_object (root), "evidence");
          r->sha256 = recorded_value (json_node_get_object (root), "sha256");
        }
      queue = g_hash_table_lookup (by_record, key);
      if (queue == NULL)
        {
          queue = g_queue_new ();
          g_hash_table_insert (by_record, g_steal_pointer (&key), queue);
        }
      g_queue_push_tail (queue, r);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _stw_set_sqlite_error (error, db, rc, _("Could not read the history"));
      return NULL;
    }
  return g_steal_pointer (&by_record);
}

/* "OP-2027-001" for an item, "R-001" for a risk, else "audit 3". */
static char *
record_label (sqlite3    *db,
              const char *entity,
              gint64      entity_id)
{
  sqlite3_stmt *stmt = NULL;
  char *label = NULL;
  const char *sql = g_str_equal (entity, "item") ? "SELECT ref FROM item WHERE id = ?"
                    : g_str_equal (entity, "risk") ? "SELECT ref FROM risk WHERE id = ?"
                    : g_str_equal (entity, "audit") ? "SELECT ref FROM audit WHERE id = ?"
                    : g_str_equal (entity, "finding") ? "SELECT ref FROM finding WHERE id = ?" : NULL;

  if (sql != NULL && sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, entity_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        label = g_strdup (_stw_column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);
  return label ? label : g_strdup_printf ("%s %lld", entity, (long long) entity_id);
}

/* Ties every live attachment to a complete stored file with the SHA-256
 * its attach entry recorded: the blob's own sha256 column could have been
 * changed together with its content, and a deleted or pending blob leaves
 * no file to hash. @ready holds the SHA-256 of every ready blob whose
 * content matched. Returns the number of broken attachments, -1 on error. */
static int
check_attachments (sqlite3     *db,
                   GHashTable  *ready,
                   GString     *report,
                   GError     **error)
{
  g_autoptr(GHashTable) recorded = load_recorded_attaches (db, error);
  sqlite3_stmt *stmt = NULL;
  int bad = 0;
  int rc;

  if (recorded == NULL)
    return -1;
  rc = sqlite3_prepare_v2 (db,
                           "SELECT entity, entity_id, sha256, file_name, removed_at IS NULL"
                           " FROM attachment ORDER BY id", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _stw_set_sqlite_error (error, db, rc, _("Could not read the evidence"));
      return -1;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *entity = _stw_column_text (stmt, 0);
      gint64 entity_id = sqlite3_column_int64 (stmt, 1);
      const char *sha = _stw_column_text (stmt, 2);
      const char *file_name = _stw_column_text (stmt, 3);
      gboolean live = sqlite3_column_int (stmt, 4);
      g_autofree char *key = g_strdup_printf ("%s:%lld", entity, (long long) entity_id);
      GQueue *queue = g_hash_table_lookup (recorded, key);
      Recorded *r = queue ? g_queue_pop_head (queue) : NULL;
      const char *why = NULL;

      if (!live)
        ;
      else if (r == NULL)
        why = _("no history entry records its attachment");
      else if (g_strcmp0 (r->sha256, sha) != 0 || g_strcmp0 (r->file_name, file_name) != 0)
        why = _("it is not the file whose SHA-256 the history recorded");
      else if (!g_hash_table_contains (ready, sha))
        why = _("its stored file is missing or incomplete");
      /* A ready blob whose content does not match was reported above. */

      if (why != NULL)
        {
          g_autofree char *label = record_label (db, entity, entity_id);

          /* Translators: %s: an item or risk reference, %s: a file name,
           * %s: what is wrong with it. */
          g_string_append_printf (report, _("Evidence: %s “%s”: %s\n"), label, file_name, why);
          bad++;
        }
      if (r != NULL)
        recorded_free (r);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _stw_set_sqlite_error (error, db, rc, _("Could not read the evidence"));
      return -1;
    }
  return bad;
}

gboolean
stw_workspace_verify_evidence (StwWorkspace  *self,
                               GString       *report,
                               guint         *n_checked,
                               GCancellable  *cancellable,
                               GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;
  g_autoptr(GPtrArray) shas = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (guint64));
  /* SHA-256 of every ready blob (the key owned by @shas) whose content is
   * still what it says. */
  g_autoptr(GHashTable) ready = g_hash_table_new (g_str_hash, g_str_equal);
  guint bad = 0, n_blobs_bad = 0;
  int broken;
  int rc;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  db = _stw_workspace_get_db (self);
  rc = sqlite3_prepare_v2 (db, "SELECT sha256, size FROM blob WHERE state = 'ready' ORDER BY id", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _stw_set_sqlite_error (error, db, rc, _("Could not read the evidence"));
      return FALSE;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      guint64 size = (guint64) sqlite3_column_int64 (stmt, 1);

      g_ptr_array_add (shas, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_array_append_val (sizes, size);
    }
  sqlite3_finalize (stmt);

  for (guint i = 0; i < shas->len; i++)
    {
      Rehash r = { NULL, 0 };
      guint8 digest[32];
      g_autofree char *hex = NULL;
      const char *sha = shas->pdata[i];

      if (gnutls_hash_init (&r.hash, GNUTLS_DIG_SHA256) < 0)
        {
          g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_FAILED, _("SHA-256 is not available"));
          return FALSE;
        }
      if (!_stw_evidence_for_each_chunk (_stw_workspace_get_db (self), sha, hash_chunk, &r, cancellable, error))
        {
          gnutls_hash_deinit (r.hash, NULL);
          return FALSE;
        }
      gnutls_hash_deinit (r.hash, digest);
      hex = _stw_evidence_hex_digest (digest);
      if (strcmp (hex, sha) != 0 || r.size != g_array_index (sizes, guint64, i))
        {
          g_autoptr(GString) names = g_string_new (NULL);

          rc = sqlite3_prepare_v2 (db, "SELECT file_name FROM attachment WHERE sha256 = ? AND removed_at IS NULL",
                                   -1, &stmt, NULL);
          if (rc == SQLITE_OK)
            {
              sqlite3_bind_text (stmt, 1, sha, -1, SQLITE_TRANSIENT);
              while (sqlite3_step (stmt) == SQLITE_ROW)
                g_string_append_printf (names, "%s%s", names->len ? ", " : "", sqlite3_column_text (stmt, 0));
            }
          sqlite3_finalize (stmt);
          bad++;
          g_string_append_printf (report, _("Evidence: %s (%s) does not match its SHA-256 any more\n"),
                                  names->len ? names->str : "?", sha);
        }
      /* Present, so not "missing": its mismatch is reported just above. */
      g_hash_table_add (ready, (gpointer) sha);
    }
  n_blobs_bad = bad;

  broken = check_attachments (db, ready, report, error);
  if (broken < 0)
    return FALSE;
  bad += broken;

  if (n_checked)
    *n_checked = shas->len;
  if (bad == 0)
    {
      g_string_append_printf (report, g_dngettext (GETTEXT_PACKAGE, "Evidence: %u file, every hash matches\n",
                                                   "Evidence: %u files, every hash matches\n", shas->len),
                              shas->len);
      return TRUE;
    }
  if (n_blobs_bad == bad)
    g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_CORRUPT,
                 g_dngettext (GETTEXT_PACKAGE, "%u evidence file does not match its hash",
                              "%u evidence files do not match their hashes", bad), bad);
  else
    g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_CORRUPT,
                 g_dngettext (GETTEXT_PACKAGE, "%u evidence file is missing or not the one attached",
                              "%u evidence files are missing or not the ones attached", bad), bad);
  return FALSE;
}

/* Removes what a crashed import left behind. Called when a workspace is
 * opened, and only when no other process is writing: opening must not wait
 * for an import in another window (what is left is cleaned at a later
 * open). A pending blob goes when the process that imported it is known to
 * be gone, or, when that cannot be known (an older Steward, another
 * machine), once nothing has touched it for PENDING_STALE_SECONDS. Never a
 * blob that an attachment names, whatever its state says: the clean-up
 * must not delete evidence (the check reports the state). */
static void
clean_pending (StwWorkspace *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) stale = g_date_time_add_seconds (now, -PENDING_STALE_SECONDS);
  g_autofree char *cutoff = g_date_time_format (stale, "%Y-%m-%dT%H:%M:%S.%fZ");
  g_autoptr(GArray) leftovers = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3 *db = _stw_workspace_get_db (self);
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;

  sqlite3_busy_timeout (db, 0);
  if (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    goto out;

  stmt = _stw_workspace_prepare (self,
                                 "SELECT b.id, b.created_at < ?, s.value FROM blob b"
                                 " LEFT JOIN setting s ON s.key = 'import:' || b.id"
                                 " WHERE b.state = 'pending'"
                                 " AND (b.sha256 IS NULL OR b.sha256 NOT IN (SELECT sha256 FROM attachment))", NULL);
  if (stmt == NULL)
    ok = FALSE;
  else
    {
      sqlite3_bind_text (stmt, 1, cutoff, -1, SQLITE_TRANSIENT);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          gboolean old = sqlite3_column_int (stmt, 1) != 0;
          const char *owner = (const char *) sqlite3_column_text (stmt, 2);

          if (_stw_importer_gone (owner) || (old && (owner == NULL || !g_str_has_prefix (owner, g_get_host_name ()))))
            g_array_append_val (leftovers, id);
        }
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }

  for (guint i = 0; ok && i < leftovers->len; i++)
    {
      stmt = _stw_workspace_prepare (self, "DELETE FROM blob WHERE id = ? AND state = 'pending'", NULL);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, g_array_index (leftovers, gint64, i));
          ok = sqlite3_step (stmt) == SQLITE_DONE;
          sqlite3_reset (stmt);
          sqlite3_clear_bindings (stmt);
        }
    }
  /* The owners of imports that ended, however they ended. */
  ok = ok && sqlite3_exec (db,
                           "DELETE FROM setting WHERE key LIKE 'import:%' AND CAST (substr (key, 8) AS INTEGER)"
                           " NOT IN (SELECT id FROM blob WHERE state = 'pending')", NULL, NULL, NULL) == SQLITE_OK;
  sqlite3_exec (db, ok ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL);

out:
  sqlite3_busy_timeout (db, STW_BUSY_TIMEOUT_MS);
  _stw_evidence_reclaim_space (db);
}

static gint64
pragma_int (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* What _stw_evidence_set_free_space_for_test() set; -1: the real figure. */
static gint64 free_space_for_test = -1;

void
_stw_evidence_set_free_space_for_test (gint64 bytes)
{
  free_space_for_test = bytes;
}

/* Free bytes and the file system's id for the folder @dir; FALSE when the
 * file system does not say. */
static gboolean
query_free (const char  *dir,
            guint64     *free_bytes,
            char       **fs_id)
{
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  g_autoptr(GFileInfo) fs = NULL;
  g_autoptr(GFileInfo) info = NULL;

  if (free_space_for_test >= 0)
    {
      *free_bytes = (guint64) free_space_for_test;
      *fs_id = g_strdup ("test");
      return TRUE;
    }
  fs = g_file_query_filesystem_info (file, G_FILE_ATTRIBUTE_FILESYSTEM_FREE, NULL, NULL);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_ID_FILESYSTEM, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (fs == NULL || info == NULL || !g_file_info_has_attribute (fs, G_FILE_ATTRIBUTE_FILESYSTEM_FREE))
    return FALSE;
  *free_bytes = g_file_info_get_attribute_uint64 (fs, G_FILE_ATTRIBUTE_FILESYSTEM_FREE);
  *fs_id = g_strdup (g_file_info_get_attribute_string (info, G_FILE_ATTRIBUTE_ID_FILESYSTEM));
  return TRUE;
}

/* The folder where SQLite puts the copy that VACUUM builds: the first of
 * these that is a folder, as its Unix layer looks for one. */
static char *
sqlite_temp_dir (void)
{
  const char *candidates[] = { g_getenv ("SQLITE_TMPDIR"), g_getenv ("TMPDIR"), "/var/tmp", "/usr/tmp", "/tmp" };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (candidates[i] != NULL && g_file_test (candidates[i], G_FILE_TEST_IS_DIR))
      return g_strdup (candidates[i]);
  return g_strdup (".");
}

/* Whether rewriting @live bytes of the workspace at @path fits on disk:
 * VACUUM builds a copy in the temporary folder, then writes it back
 * through the log beside the workspace, so each folder needs the live
 * content once (twice when they share a file system), plus a margin. */
static gboolean
enough_disk (const char  *path,
             gint64       live,
             GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *tmp = sqlite_temp_dir ();
  g_autofree char *dir_fs = NULL;
  g_autofree char *tmp_fs = NULL;
  guint64 dir_free = 0, tmp_free = 0;
  guint64 once = (guint64) live + (guint64) live / 8 + 16 * 1024 * 1024;
  guint64 dir_needed, tmp_needed;

  if (!query_free (dir, &dir_free, &dir_fs) || !query_free (tmp, &tmp_free, &tmp_fs))
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_FAILED,
                   _("Could not find out how much disk space is free"));
      return FALSE;
    }
  if (g_strcmp0 (dir_fs, tmp_fs) == 0)
    dir_needed = tmp_needed = 2 * once;
  else
    dir_needed = tmp_needed = once;
  if (dir_free < dir_needed || tmp_free < tmp_needed)
    {
      gboolean short_here = dir_free < dir_needed;
      g_autofree char *needed = g_format_size (short_here ? dir_needed : tmp_needed);
      g_autofree char *available = g_format_size (short_here ? dir_free : tmp_free);

      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NO_SPACE,
                   /* Translators: the first %s is a folder, then two sizes ("2.1 GB"). */
                   _("Not enough free disk space in %s to convert the workspace: it needs %s, %s are free"),
                   short_here ? dir : tmp, needed, available);
      return FALSE;
    }
  return TRUE;
}

/* The live content: what a rewrite copies. */
static gint64
live_bytes (sqlite3 *db)
{
  return (pragma_int (db, "PRAGMA page_count") - pragma_int (db, "PRAGMA freelist_count")) *
         pragma_int (db, "PRAGMA page_size");
}

/* Turns on incremental auto-vacuum by rewriting the file (VACUUM). One
 * transaction: interrupted or failing, it leaves the file as it was. Never
 * waits for another writer. */
static gboolean
convert (StwWorkspace  *self,
         gint64         live,
         GError       **error)
{
  sqlite3 *db = _stw_workspace_get_db (self);
  int rc;

  if (!enough_disk (stw_workspace_get_path (self), live, error))
    return FALSE;
  sqlite3_busy_timeout (db, 0);
  rc = sqlite3_exec (db, "PRAGMA auto_vacuum = INCREMENTAL; VACUUM;", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
  else if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
    g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_BUSY,
                 _("Another program is using the workspace; try again when it is closed"));
  else
    _stw_set_sqlite_error (error, db, rc, _("Could not convert the workspace"));
  sqlite3_busy_timeout (db, STW_BUSY_TIMEOUT_MS);
  /* A failed VACUUM leaves the setting asked for but not in effect. */
  return rc == SQLITE_OK && pragma_int (db, "PRAGMA auto_vacuum") == 2;
}

/* Workspaces made before version 5 have no auto-vacuum, so the space of
 * deleted chunks never went back. Turning it on means rewriting the whole
 * file (VACUUM): time in proportion to the live content, and free disk for
 * a second copy plus, in WAL mode, as much again for the log. Measured: a
 * workspace with 1 GiB of evidence took 137 s on a busy two-core test
 * machine, and the log grew to 1.08 GB. Opening must stay quick, so this
 * runs at open only up to STW_VACUUM_AT_OPEN_MAX of live content (about a
 * second), only when no other process writes and only when the disk has
 * room; anything else is left as it is, quietly. A larger file is
 * converted by `steward check` (stw_workspace_convert_space()), where a
 * person waits for a long job and is told what happened. */
static void
enable_auto_vacuum (StwWorkspace *self)
{
  sqlite3 *db = _stw_workspace_get_db (self);
  gint64 live;

  if (pragma_int (db, "PRAGMA auto_vacuum") != 0 || !sqlite3_get_autocommit (db)
      || _stw_workspace_is_read_only (self))
    return;
  live = live_bytes (db);
  if (live < 0 || live > STW_VACUUM_AT_OPEN_MAX)
    return;
  convert (self, live, NULL);
}

static gboolean
evidence_opened (StwWorkspace  *self,
                 GError       **error)
{
  clean_pending (self);
  enable_auto_vacuum (self);
  return TRUE;
}

/* The evidence part of the workspace check: a file that no longer matches
 * its hash is listed by stw_workspace_verify_evidence() itself. */
static gboolean
check_evidence (StwWorkspace  *self,
                GString       *report,
                gboolean      *intact,
                GError       **error)
{
  g_autoptr(GError) evidence_error = NULL;

  if (!stw_workspace_verify_evidence (self, report, NULL, NULL, &evidence_error))
    {
      *intact = FALSE;
      if (evidence_error->code != STW_WORKSPACE_ERROR_CORRUPT)
        g_string_append_printf (report, _("Evidence: %s\n"), evidence_error->message);
    }
  return TRUE;
}

static const StwDomain evidence_domain = {
  .entity = "attachment",
  .opened = evidence_opened,
};

void
_stw_evidence_init (void)
{
  _stw_workspace_add_domain (&evidence_domain);
  _stw_workspace_add_check (check_evidence);
}

gboolean
stw_workspace_gives_space_back (StwWorkspace *self)
{
  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);

  return pragma_int (_stw_workspace_get_db (self), "PRAGMA auto_vacuum") != 0;
}

gboolean
stw_workspace_convert_space (StwWorkspace  *self,
                             GString       *report,
                             GError       **error)
{
  sqlite3 *db;
  gint64 live;
  g_autofree char *size = NULL;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  db = _stw_workspace_get_db (self);
  if (stw_workspace_gives_space_back (self))
    goto done;
  if (_stw_workspace_is_read_only (self))
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_READ_ONLY,
                   _("The workspace is read-only"));
      return FALSE;
    }
  if (!sqlite3_get_autocommit (db))
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_FAILED,
                   _("The workspace is in the middle of a change"));
      return FALSE;
    }
  live = live_bytes (db);
  if (!convert (self, live, error))
    return FALSE;

done:
  size = g_format_size ((guint64) pragma_int (db, "PRAGMA page_count") * (guint64) pragma_int (db, "PRAGMA page_size"));
  g_string_append_printf (report, _("Space: converted to give the space of removed evidence back; the file is now %s\n"),
                          size);
  return TRUE;
}
