/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-evidence.c: storing, listing, exporting and checking evidence files
 * (see stw-evidence.h).
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gnutls/crypto.h>
#include <stdlib.h>
#include <string.h>

#include "stw-audit-store.h"
#include "stw-evidence.h"
#include "stw-evidence-private.h"
#include "stw-importer.h"
#include "stw-item-store.h"
#include "stw-records-store.h"
#include "stw-risk-register.h"
#include "stw-workspace-private.h"

/* Chunks written per short transaction while streaming (16 MiB). */
#define CHUNKS_PER_COMMIT 16

/* ------------------------------------------------------------------ */
/* StwAttachment                                                       */

struct _StwAttachment
{
  GObject  parent_instance;
  gint64   id;
  char    *entity;
  gint64   entity_id;
  char    *sha256;
  char    *file_name;
  guint64  size;
  char    *media_type;
  char    *added_by;
  char    *added_at;
  char    *note;
  char    *effective_date;
  char    *expiry_date;
};

G_DEFINE_FINAL_TYPE (StwAttachment, stw_attachment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE_NAME,
  PROP_SHA256,
  PROP_SIZE,
  PROP_MEDIA_TYPE,
  PROP_ADDED_AT,
  PROP_ADDED_BY,
  PROP_EXPIRY_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
stw_attachment_finalize (GObject *object)
{
  StwAttachment *self = (StwAttachment *) object;

  g_free (self->entity);
  g_free (self->sha256);
  g_free (self->file_name);
  g_free (self->media_type);
  g_free (self->added_by);
  g_free (self->added_at);
  g_free (self->note);
  g_free (self->effective_date);
  g_free (self->expiry_date);

  G_OBJECT_CLASS (stw_attachment_parent_class)->finalize (object);
}

static void
stw_attachment_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  StwAttachment *self = STW_ATTACHMENT (object);

  switch (prop_id)
    {
    case PROP_FILE_NAME:   g_value_set_string (value, self->file_name); break;
    case PROP_SHA256:      g_value_set_string (value, self->sha256); break;
    case PROP_SIZE:        g_value_set_uint64 (value, self->size); break;
    case PROP_MEDIA_TYPE:  g_value_set_string (value, self->media_type); break;
    case PROP_ADDED_AT:    g_value_set_string (value, self->added_at); break;
    case PROP_ADDED_BY:    g_value_set_string (value, self->added_by); break;
    case PROP_EXPIRY_DATE: g_value_set_string (value, self->expiry_date); break;
    default:               G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stw_attachment_class_init (StwAttachmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = stw_attachment_finalize;
  object_class->get_property = stw_attachment_get_property;

  properties[PROP_FILE_NAME] = g_param_spec_string ("file-name", NULL, NULL, NULL, ro);
  properties[PROP_SHA256] = g_param_spec_string ("sha256", NULL, NULL, NULL, ro);
  properties[PROP_SIZE] = g_param_spec_uint64 ("size", NULL, NULL, 0, G_MAXUINT64, 0, ro);
  properties[PROP_MEDIA_TYPE] = g_param_spec_string ("media-type", NULL, NULL, NULL, ro);
  properties[PROP_ADDED_AT] = g_param_spec_string ("added-at", NULL, NULL, NULL, ro);
  properties[PROP_ADDED_BY] = g_param_spec_string ("added-by", NULL, NULL, NULL, ro);
  properties[PROP_EXPIRY_DATE] = g_param_spec_string ("expiry-date", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
stw_attachment_init (StwAttachment *self)
{
}

gint64      stw_attachment_get_id (StwAttachment *self) { g_return_val_if_fail (STW_IS_ATTACHMENT (self), 0); return self->id; }
const char *stw_attachment_get_entity (StwAttachment *self) { g_return_val_if_fail (STW_IS_ATTACHMENT (self), NULL); return self->entity; }
gint64      stw_attachment_get_entity_id (StwAttachment *self) { g_return_val_if_fail (STW_IS_ATTACHMENT (self), 0); return self->entity_id; }
const char *stw_attachment_get_sha256 (StwAttachment *self) { g_return_val_if_fail (STW_IS_ATTACHMENT (self), NULL); return self->sha256; }
const char *stw_attachment_get_file_name (StwAttachment *self) { g_return_val_if_fail (STW_IS_ATTACHMENT (self), NULL); return self->file_name; }
guint64     stw_attachment_get_size (StwAttachment *self) { g_return_val_if_fail (STW_IS_ATTACHMENT (self), 0); return self->size; }
const char *stw_attachment_get_media_type (StwAttachment *self) { g_return_val_if_fail (STW_IS_ATTACHMENT (self), NULL); return self->media_type; }
const char *stw_attachment_get_added_by (StwAttachment *self) { g_return_val_if_fail (STW_IS_ATTACHMENT (self), NULL); return self->added_by; }
const char *stw_attachment_get_added_at (StwAttachment *self) { g_return_val_if_fail (STW_IS_ATTACHMENT (self), NULL); return self->added_at; }
const char *stw_attachment_get_note (StwAttachment *self) { g_return_val_if_fail (STW_IS_ATTACHMENT (self), NULL); return self->note; }
const char *stw_attachment_get_effective_date (StwAttachment *self) { g_return_val_if_fail (STW_IS_ATTACHMENT (self), NULL); return self->effective_date; }
const char *stw_attachment_get_expiry_date (StwAttachment *self) { g_return_val_if_fail (STW_IS_ATTACHMENT (self), NULL); return self->expiry_date; }

gboolean
stw_attachment_is_expired (StwAttachment *self,
                           const char    *today)
{
  g_return_val_if_fail (STW_IS_ATTACHMENT (self), FALSE);
  return self->expiry_date != NULL && today != NULL && strcmp (self->expiry_date, today) < 0;
}

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

char *
_stw_evidence_hex_digest (const guint8 digest[32])
{
  char *hex = g_malloc (65);

  for (guint i = 0; i < 32; i++)
    g_snprintf (hex + 2 * i, 3, "%02x", digest[i]);
  return hex;
}

static gboolean
entity_exists (StwWorkspace  *self,
               const char    *entity,
               gint64         entity_id,
               GError       **error)
{
  if (g_strcmp0 (entity, "item") == 0)
    {
      g_autoptr(StwItem) item = stw_workspace_load_item (self, entity_id, error);
      return item != NULL;
    }
  if (g_strcmp0 (entity, "risk") == 0)
    {
      g_autoptr(StwRisk) risk = stw_workspace_load_risk (self, entity_id, error);
      return risk != NULL;
    }
  if (g_strcmp0 (entity, "measurement") == 0)
    {
      g_autoptr(StwMeasurement) m = stw_workspace_load_measurement (self, entity_id, error);
      return m != NULL;
    }
  if (g_strcmp0 (entity, "audit") == 0)
    {
      g_autoptr(StwAudit) a = stw_workspace_load_audit (self, entity_id, error);
      return a != NULL;
    }
  if (g_strcmp0 (entity, "finding") == 0)
    {
      g_autoptr(StwFinding) f = stw_workspace_load_finding (self, entity_id, error);
      return f != NULL;
    }
  g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
               _("Evidence can be attached to items, risks, KPI measurements, audits and findings"));
  return FALSE;
}

static gboolean
exec (sqlite3     *db,
      const char  *sql,
      GError     **error)
{
  return _stw_exec (db, sql, error);
}

/* Gives the pages that deleted chunks freed back to the file system
 * (workspaces are created with auto_vacuum = INCREMENTAL; see
 * enable_auto_vacuum() for older ones). Skipped inside a caller's
 * transaction, where it would only move pages that a rollback may need, and
 * when another process writes: opening or saving never waits for space,
 * and the next clean-up takes it. */
void
_stw_evidence_reclaim_space (sqlite3 *db)
{
  if (!sqlite3_get_autocommit (db))
    return;
  sqlite3_busy_timeout (db, 0);
  sqlite3_exec (db, "PRAGMA incremental_vacuum", NULL, NULL, NULL);
  sqlite3_busy_timeout (db, STW_BUSY_TIMEOUT_MS);
}

/* ------------------------------------------------------------------ */
/* Streaming (runs on its own connection, in any thread)               */

typedef struct {
  /* In */
  char             *path;       /* workspace file */
  sqlite3          *shared_db;  /* the workspace's own connection, when called inside its transaction */
  GFile            *file;
  StwProgressFunc   progress;
  gpointer          progress_data;
  GMainContext     *context;    /* where progress is reported */
  /* Out */
  gint64            blob_id;
  char             *sha256;
  guint64           size;
  char             *file_name;
  char             *media_type;
} Import;

static void
import_free (Import *import)
{
  g_free (import->path);
  g_clear_object (&import->file);
  g_clear_pointer (&import->context, g_main_context_unref);
  g_free (import->sha256);
  g_free (import->file_name);
  g_free (import->media_type);
  g_free (import);
}

typedef struct {
  StwProgressFunc func;
  gpointer        data;
  guint64         done;
  guint64         total;
} ProgressCall;

static gboolean
progress_idle_cb (gpointer user_data)
{
  ProgressCall *call = user_data;

  call->func (call->done, call->total, call->data);
  return G_SOURCE_REMOVE;
}

static void
report_progress (Import  *import,
                 guint64  done,
                 guint64  total)
{
  ProgressCall *call;

  if (import->progress == NULL)
    return;
  if (import->context == NULL)
    {
      import->progress (done, total, import->progress_data);
      return;
    }
  call = g_new (ProgressCall, 1);
  *call = (ProgressCall) { import->progress, import->progress_data, done, total };
  g_main_context_invoke_full (import->context, G_PRIORITY_DEFAULT, progress_idle_cb, call, g_free);
}

static void
drop_pending (sqlite3 *db,
              gint64   blob_id)
{
  sqlite3_stmt *stmt = NULL;

  if (blob_id == 0)
    return;
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  if (sqlite3_prepare_v2 (db, "DELETE FROM blob WHERE id = ? AND state = 'pending'", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, blob_id);
      sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  /* A cancelled import of a large file must not leave its size behind. */
  _stw_evidence_reclaim_space (db);
}

/* The ready blob with @sha256, 0 if none (or on error). */
static gint64
find_ready_blob (sqlite3    *db,
                 const char *sha256)
{
  sqlite3_stmt *stmt = NULL;
  gint64 id = 0;

  if (sqlite3_prepare_v2 (db, "SELECT id FROM blob WHERE sha256 = ? AND state = 'ready'", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        id = sqlite3_column_int64 (stmt, 0);
    }
  sqlite3_finalize (stmt);
  return id;
}

static gboolean
ready_blob_of_size (sqlite3 *db,
                    guint64  size)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  if (sqlite3_prepare_v2 (db, "SELECT 1 FROM blob WHERE size = ? AND state = 'ready' LIMIT 1", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, (gint64) size);
      found = sqlite3_step (stmt) == SQLITE_ROW;
    }
  sqlite3_finalize (stmt);
  return found;
}

/* The media type of a file from its name and first bytes. */
static void
guess_media_type (Import       *import,
                  const guint8 *data,
                  gsize         n)
{
  g_autofree char *type = NULL;

  if (import->media_type != NULL)
    return;
  type = g_content_type_guess (import->file_name, data, n, NULL);
  import->media_type = g_content_type_get_mime_type (type);
  if (import->media_type == NULL)
    import->media_type = g_strdup ("application/octet-stream");
}

/* A file the workspace may hold already (a ready blob has its size) is
 * hashed before anything is written: attaching the same file again then
 * writes no chunk at all. Returns TRUE with @duplicate set when the content
 * is stored; otherwise rewinds @in for streaming. Costs a second read only
 * when the size matches and the content does not. */
static gboolean
probe_duplicate (Import            *import,
                 sqlite3           *db,
                 GFileInputStream  *in,
                 guint64            expected,
                 guint8            *buffer,
                 GCancellable      *cancellable,
                 gboolean          *duplicate,
                 GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = g_file_get_parse_name (import->file);
  gnutls_hash_hd_t hash = NULL;
  guint8 digest[32];
  g_autofree char *sha256 = NULL;
  guint64 done = 0;

  *duplicate = FALSE;
  if (!ready_blob_of_size (db, expected))
    return TRUE;
  if (gnutls_hash_init (&hash, GNUTLS_DIG_SHA256) < 0)
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_FAILED, _("SHA-256 is not available"));
      return FALSE;
    }
  for (;;)
    {
      gsize n = 0;

      if (!g_input_stream_read_all (G_INPUT_STREAM (in), buffer, STW_EVIDENCE_CHUNK_SIZE, &n,
                                    cancellable, &local_error))
        {
          gnutls_hash_deinit (hash, NULL);
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_FAILED,
                         _("Reading “%s” failed: %s"), display, local_error->message);
          return FALSE;
        }
      if (n == 0)
        break;
      if (done == 0)
        guess_media_type (import, buffer, n);
      gnutls_hash (hash, buffer, n);
      done += n;
      report_progress (import, MIN (done, expected), expected);
    }
  gnutls_hash_deinit (hash, digest);
  sha256 = _stw_evidence_hex_digest (digest);

  if (done == expected && find_ready_blob (db, sha256) != 0)
    {
      import->sha256 = g_steal_pointer (&sha256);
      import->size = done;
      *duplicate = TRUE;
      return TRUE;
    }

  /* Not stored after all (or the file changed while read): stream it. */
  if (!g_seekable_seek (G_SEEKABLE (in), 0, G_SEEK_SET, cancellable, &local_error))
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_FAILED,
                   _("Reading “%s” failed: %s"), display, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* The file as a person reads it: its path shown as text (a local file
 * whose name is not UTF-8 would otherwise be shown as a file:// URI). */
static char *
dup_display_name (GFile *file)
{
  const char *path = g_file_peek_path (file);

  return path != NULL ? g_filename_display_name (path) : g_file_get_parse_name (file);
}

static gboolean
check_file (Import        *import,
            GFileInfo    **info_out,
            GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *basename = g_file_get_basename (import->file);
  g_autofree char *display = dup_display_name (import->file);
  g_autoptr(GError) local_error = NULL;

  info = g_file_query_info (import->file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_ACCESS_CAN_READ,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_FOUND,
                     _("“%s” does not exist (any more)"), display);
      else
        g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_FOUND,
                     _("Cannot read “%s”: %s"), display, local_error->message);
      return FALSE;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   _("“%s” is a folder; attach the files in it instead"), display);
      return FALSE;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   _("“%s” is not a regular file"), display);
      return FALSE;
    }
  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_ACCESS_CAN_READ) &&
      !g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_ACCESS_CAN_READ))
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_READ_ONLY,
                   _("You do not have permission to read “%s”"), display);
      return FALSE;
    }
  if (g_file_info_get_size (info) == 0)
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   _("“%s” is empty: there is nothing to keep as evidence"), display);
      return FALSE;
    }
  if (basename == NULL || !g_utf8_validate (basename, -1, NULL))
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   _("The name of “%s” is not valid text; rename the file and attach it again"), display);
      return FALSE;
    }
  import->file_name = g_steal_pointer (&basename);
  *info_out = g_steal_pointer (&info);
  return TRUE;
}

/* Streams the file into a pending blob. On failure nothing stays. */
static gboolean
import_stream (Import        *import,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree guint8 *buffer = NULL;
  g_autofree char *display = dup_display_name (import->file);
  sqlite3 *db = NULL;
  sqlite3_stmt *insert = NULL, *touch = NULL;
  gnutls_hash_hd_t hash = NULL;
  guint64 expected, done = 0;
  guint8 digest[32];
  gboolean ok = FALSE, in_tx = FALSE;
  gint64 seq = 0;
  int rc;

  if (!check_file (import, &info, error))
    return FALSE;
  expected = g_file_info_get_size (info);

  in = g_file_read (import->file, cancellable, &local_error);
  if (in == NULL)
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_FAILED,
                   _("Cannot read “%s”: %s"), display, local_error->message);
      return FALSE;
    }

  if (import->shared_db != NULL)
    {
      /* Inside a bulk change (the sample, an import): the workspace holds
       * the write lock, so stream through its connection, in a savepoint
       * that a failure rolls back whole. */
      db = import->shared_db;
      if (!exec (db, "SAVEPOINT stw_import", error))
        return FALSE;
      goto streaming;
    }

  rc = sqlite3_open_v2 (import->path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    {
      _stw_set_sqlite_error (error, db, rc, _("Cannot open the workspace"));
      sqlite3_close_v2 (db);
      return FALSE;
    }
  sqlite3_busy_timeout (db, 10000);
  sqlite3_extended_result_codes (db, 1);
  /* Chunks of a pending blob need not be durable on their own: the final
   * commit (synchronous=FULL on the main connection) syncs the WAL they
   * are in. */
  if (!exec (db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;", error))
    goto out;
  {
    /* Tests simulate a full disk by capping the file's size in pages. */
    const char *limit = g_getenv ("STEWARD_TEST_MAX_PAGES");

    if (limit != NULL)
      {
        g_autofree char *pragma = g_strdup_printf ("PRAGMA max_page_count = %d", atoi (limit));
        sqlite3_exec (db, pragma, NULL, NULL, NULL);
      }
  }

streaming:
  buffer = g_malloc (STW_EVIDENCE_CHUNK_SIZE);
  report_progress (import, 0, expected);
  {
    gboolean duplicate = FALSE;

    if (!probe_duplicate (import, db, in, expected, buffer, cancellable, &duplicate, error))
      goto out;
    if (duplicate)
      {
        /* import_finish() attaches the stored copy; blob_id stays 0. */
        report_progress (import, expected, expected);
        ok = import->shared_db == NULL || exec (db, "RELEASE stw_import", error);
        goto out;
      }
  }

  {
    g_autofree char *now = stw_timestamp_now ();
    sqlite3_stmt *create = NULL;

    if (import->shared_db == NULL && !exec (db, "BEGIN IMMEDIATE", error))
      goto out;
    rc = sqlite3_prepare_v2 (db, "INSERT INTO blob (state, created_at) VALUES ('pending', ?)", -1, &create, NULL);
    if (rc == SQLITE_OK)
      {
        sqlite3_bind_text (create, 1, now, -1, SQLITE_TRANSIENT);
        rc = sqlite3_step (create);
      }
    sqlite3_finalize (create);
    if (rc == SQLITE_DONE)
      {
        /* Who imports, so that another process can tell a crash's
         * leftovers from this import while it runs (clean_pending). */
        gint64 blob_id = sqlite3_last_insert_rowid (db);
        g_autofree char *key = g_strdup_printf ("import:%" G_GINT64_FORMAT, blob_id);
        g_autofree char *owner = _stw_importer_self ();

        create = NULL;
        rc = sqlite3_prepare_v2 (db, "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", -1, &create, NULL);
        if (rc == SQLITE_OK)
          {
            sqlite3_bind_text (create, 1, key, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text (create, 2, owner, -1, SQLITE_TRANSIENT);
            rc = sqlite3_step (create);
          }
        sqlite3_finalize (create);
        if (rc == SQLITE_DONE)
          sqlite3_set_last_insert_rowid (db, blob_id);
      }
    if (rc != SQLITE_DONE)
      {
        _stw_set_sqlite_error (error, db, rc, _("Could not store the file"));
        if (import->shared_db == NULL)
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
        goto out;
      }
    import->blob_id = sqlite3_last_insert_rowid (db);
    if (import->shared_db == NULL && !exec (db, "COMMIT", error))
      {
        import->blob_id = 0;
        goto out;
      }
  }

  if (sqlite3_prepare_v2 (db, "INSERT INTO blob_chunk (blob_id, seq, data) VALUES (?, ?, ?)", -1, &insert, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "UPDATE blob SET created_at = ? WHERE id = ?", -1, &touch, NULL) != SQLITE_OK)
    {
      _stw_set_sqlite_error (error, db, sqlite3_errcode (db), _("Could not store the file"));
      goto out;
    }

  if (gnutls_hash_init (&hash, GNUTLS_DIG_SHA256) < 0)
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_FAILED, _("SHA-256 is not available"));
      goto out;
    }

  for (;;)
    {
      gsize n = 0;

      if (!g_input_stream_read_all (G_INPUT_STREAM (in), buffer, STW_EVIDENCE_CHUNK_SIZE, &n,
                                    cancellable, &local_error))
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_FAILED,
                         _("Reading “%s” failed: %s"), display, local_error->message);
          goto out;
        }
      if (n == 0)
        break;
      guess_media_type (import, buffer, n);
      gnutls_hash (hash, buffer, n);
      done += n;
      if (done > expected)
        break;

      if (!in_tx && import->shared_db == NULL)
        {
          if (!exec (db, "BEGIN IMMEDIATE", error))
            goto out;
          in_tx = TRUE;
        }
      sqlite3_bind_int64 (insert, 1, import->blob_id);
      sqlite3_bind_int64 (insert, 2, seq++);
      sqlite3_bind_blob64 (insert, 3, buffer, n, SQLITE_STATIC);
      rc = sqlite3_step (insert);
      sqlite3_reset (insert);
      sqlite3_clear_bindings (insert);
      if (rc != SQLITE_DONE)
        {
          _stw_set_sqlite_error (error, db, rc, _("Could not store the file"));
          goto out;
        }
      if (in_tx && seq % CHUNKS_PER_COMMIT == 0)
        {
          g_autofree char *now = stw_timestamp_now ();

          /* Touching the blob tells other processes the import is alive. */
          sqlite3_bind_text (touch, 1, now, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (touch, 2, import->blob_id);
          sqlite3_step (touch);
          sqlite3_reset (touch);
          if (!exec (db, "COMMIT", error))
            goto out;
          in_tx = FALSE;
        }
      report_progress (import, done, expected);
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;
    }

  if (done != expected)
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_FAILED,
                   _("“%s” changed while it was being read (expected %llu bytes, read %llu); "
                     "try again once it is complete"),
                   display, (unsigned long long) expected, (unsigned long long) done);
      goto out;
    }
  if (in_tx)
    {
      if (!exec (db, "COMMIT", error))
        goto out;
      in_tx = FALSE;
    }

  gnutls_hash_deinit (hash, digest);
  hash = NULL;
  import->sha256 = _stw_evidence_hex_digest (digest);
  import->size = done;
  report_progress (import, done, expected);
  ok = import->shared_db == NULL || exec (db, "RELEASE stw_import", error);

out:
  if (hash != NULL)
    gnutls_hash_deinit (hash, NULL);
  sqlite3_finalize (insert);
  sqlite3_finalize (touch);
  if (import->shared_db != NULL)
    {
      if (!ok)
        {
          sqlite3_exec (db, "ROLLBACK TO stw_import; RELEASE stw_import", NULL, NULL, NULL);
          import->blob_id = 0;
        }
      return ok;
    }
  if (!ok)
    {
      drop_pending (db, import->blob_id);
      import->blob_id = 0;
    }
  sqlite3_close_v2 (db);
  return ok;
}

/* ------------------------------------------------------------------ */
/* Finishing (main connection, with history)                           */

static StwAttachment *
load_attachment (StwWorkspace  *self,
                 gint64         id,
                 GError       **error);

static StwAttachment *
import_finish (StwWorkspace            *self,
               const char              *entity,
               gint64                   entity_id,
               Import                  *import,
               const StwAttachOptions  *options,
               GError                 **error)
{
  g_autofree char *now = stw_timestamp_now ();
  g_autoptr(JsonBuilder) b = NULL;
  g_autofree char *changes = NULL;
  sqlite3 *db = _stw_workspace_get_db (self);
  sqlite3_stmt *stmt;
  gint64 existing = 0, attachment_id = 0;
  gboolean ok;
  int rc;

  if (!_stw_workspace_write_begin (self, error))
    goto fail;

  /* The same content stored before: keep that copy, drop this one. */
  stmt = _stw_workspace_prepare (self, "SELECT id FROM blob WHERE sha256 = ? AND state = 'ready'", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, import->sha256, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        existing = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      if (import->blob_id == 0 && existing == 0)
        {
          /* Found stored before streaming, and removed since. */
          g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_FAILED,
                       _("The stored copy of “%s” was removed meanwhile; attach the file again"),
                       import->file_name);
          ok = FALSE;
        }
    }
  if (ok && import->blob_id != 0)
    {
      stmt = _stw_workspace_prepare (self,
                                     existing ? "DELETE FROM blob WHERE id = ? AND state = 'pending'"
                                              : "UPDATE blob SET state = 'ready', sha256 = ?2, size = ?3"
                                                " WHERE id = ?1 AND state = 'pending'",
                                     error);
      ok = stmt != NULL;
    }
  if (ok && import->blob_id != 0)
    {
      sqlite3_bind_int64 (stmt, 1, import->blob_id);
      if (!existing)
        {
          sqlite3_bind_text (stmt, 2, import->sha256, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (stmt, 3, (gint64) import->size);
        }
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      ok = rc == SQLITE_DONE && sqlite3_changes (db) == 1;
      if (!ok)
        {
          if (rc == SQLITE_DONE)
            g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_FAILED,
                         _("The stored file went missing before it could be attached"));
          else
            _stw_set_sqlite_error (error, db, rc, _("Could not store the file"));
        }
    }
  if (ok)
    {
      stmt = _stw_workspace_prepare (self,
                                     "INSERT INTO attachment (entity, entity_id, sha256, file_name, size, media_type,"
                                     " added_by, added_at, note, effective_date, expiry_date)"
                                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, entity_id);
      sqlite3_bind_text (stmt, 3, import->sha256, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, import->file_name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 5, (gint64) import->size);
      sqlite3_bind_text (stmt, 6, import->media_type, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 7, stw_workspace_get_actor_id (self));
      sqlite3_bind_text (stmt, 8, now, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 9, options && options->note && options->note[0] ? options->note : NULL, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 10, options ? options->effective_date : NULL, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 11, options ? options->expiry_date : NULL, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      ok = rc == SQLITE_DONE;
      if (!ok)
        _stw_set_sqlite_error (error, db, rc, _("Could not attach the file"));
      else
        attachment_id = sqlite3_last_insert_rowid (db);
    }
  if (ok)
    {
      b = _stw_changes_new ();
      _stw_changes_add_text (b, "evidence", NULL, import->file_name);
      _stw_changes_add_text (b, "sha256", NULL, import->sha256);
      _stw_changes_add_int (b, "size", 0, (gint64) import->size);
      if (options && options->expiry_date)
        _stw_changes_add_text (b, "expiry_date", NULL, options->expiry_date);
      changes = _stw_changes_finish (b);
      ok = _stw_history_append (self, entity, entity_id, "attach", changes, error);
    }
  if (ok && g_str_equal (entity, "item"))
    {
      g_autoptr(StwItem) item = stw_workspace_load_item (self, entity_id, NULL);

      if (item != NULL)
        _stw_workspace_note_change (self, "item", entity_id, stw_item_get_workstream_id (item));
    }
  ok = _stw_workspace_write_end (self, ok, ok ? error : NULL) && ok;
  if (ok)
    {
      /* Another import stored the same content meanwhile: this copy's
       * chunks were just deleted. */
      if (existing != 0 && import->blob_id != 0)
        _stw_evidence_reclaim_space (db);
      return load_attachment (self, attachment_id, error);
    }

fail:
  /* The pending blob must not outlive a failed attach, nor its space. */
  if (import->blob_id == 0)
    return NULL;
  stmt = _stw_workspace_prepare (self, "DELETE FROM blob WHERE id = ? AND state = 'pending'", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, import->blob_id);
      sqlite3_step (stmt);
      sqlite3_reset (stmt);
    }
  _stw_evidence_reclaim_space (db);
  return NULL;
}

static gboolean
validate_options (const StwAttachOptions  *options,
                  GError                 **error)
{
  if (options == NULL)
    return TRUE;
  if ((options->effective_date && !stw_date_is_valid (options->effective_date)) ||
      (options->expiry_date && !stw_date_is_valid (options->expiry_date)))
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   _("Dates are written as year-month-day, such as 2027-03-31"));
      return FALSE;
    }
  if (options->effective_date && options->expiry_date &&
      strcmp (options->expiry_date, options->effective_date) < 0)
    {
      g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID,
                   _("The evidence expires before it takes effect"));
      return FALSE;
    }
  return TRUE;
}

static Import *
import_new (StwWorkspace    *self,
            GFile           *file,
            StwProgressFunc  progress,
            gpointer         progress_data)
{
  Import *import = g_new0 (Import, 1);

  import->path = g_strdup (stw_workspace_get_path (self));
  import->file = g_object_ref (file);
  import->progress = progress;
  import->progress_data = progress_data;
  return import;
}

StwAttachment *
stw_workspace_attach_file (StwWorkspace            *self,
                           const char              *entity,
                           gint64                   entity_id,
                           GFile                   *file,
                           const StwAttachOptions  *options,
                           GCancellable            *cancellable,
                           StwProgressFunc          progress,
                           gpointer                 progress_data,
                           GError                 **error)
{
  Import *import;
  StwAttachment *attachment = NULL;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!entity_exists (self, entity, entity_id, error) || !validate_options (options, error))
    return NULL;

  import = import_new (self, file, progress, progress_data);
  if (!sqlite3_get_autocommit (_stw_workspace_get_db (self)))
    import->shared_db = _stw_workspace_get_db (self);
  if (import_stream (import, cancellable, error))
    attachment = import_finish (self, entity, entity_id, import, options, error);
  import_free (import);
  return attachment;
}

typedef struct {
  Import           *import;
  char             *entity;
  gint64            entity_id;
  char             *note;
  char             *effective_date;
  char             *expiry_date;
} AsyncAttach;

static void
async_attach_free (AsyncAttach *data)
{
  import_free (data->import);
  g_free (data->entity);
  g_free (data->note);
  g_free (data->effective_date);
  g_free (data->expiry_date);
  g_free (data);
}

static void
attach_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  AsyncAttach *data = task_data;
  GError *error = NULL;

  if (import_stream (data->import, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
stw_workspace_attach_file_async (StwWorkspace            *self,
                                 const char              *entity,
                                 gint64                   entity_id,
                                 GFile                   *file,
                                 const StwAttachOptions  *options,
                                 GCancellable            *cancellable,
                                 StwProgressFunc          progress,
                                 gpointer                 progress_data,
                                 GAsyncReadyCallback      callback,
                                 gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  AsyncAttach *data;

  g_return_if_fail (STW_IS_WORKSPACE (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, stw_workspace_attach_file_async);
  if (!entity_exists (self, entity, entity_id, &error) || !validate_options (options, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  data = g_new0 (AsyncAttach, 1);
  data->import = import_new (self, file, progress, progress_data);
  data->import->context = g_main_context_ref_thread_default ();
  data->entity = g_strdup (entity);
  data->entity_id = entity_id;
  if (options)
    {
      data->note = g_strdup (options->note);
      data->effective_date = g_strdup (options->effective_date);
      data->expiry_date = g_strdup (options->expiry_date);
    }
  g_task_set_task_data (task, data, (GDestroyNotify) async_attach_free);
  g_task_run_in_thread (task, attach_thread);
}

StwAttachment *
stw_workspace_attach_file_finish (StwWorkspace  *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  AsyncAttach *data;
  StwAttachOptions options;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  /* The stream is stored; attaching it is quick and belongs to the main
   * connection, with the history entry. */
  data = g_task_get_task_data (G_TASK (result));
  options = (StwAttachOptions) { data->note, data->effective_date, data->expiry_date };
  return import_finish (self, data->entity, data->entity_id, data->import, &options, error);
}

/* ------------------------------------------------------------------ */
/* Listing, removing, exporting, checking                              */

#define ATTACHMENT_COLUMNS \
  "a.id, a.entity, a.entity_id, a.sha256, a.file_name, a.size, a.media_type, p.name, a.added_at," \
  " a.note, a.effective_date, a.expiry_date"

static StwAttachment *
attachment_from_row (sqlite3_stmt *stmt)
{
  StwAttachment *a = g_object_new (STW_TYPE_ATTACHMENT, NULL);

  a->id = sqlite3_column_int64 (stmt, 0);
  a->entity = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  a->entity_id = sqlite3_column_int64 (stmt, 2);
  a->sha256 = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  a->file_name = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  a->size = (guint64) sqlite3_column_int64 (stmt, 5);
  a->media_type = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  a->added_by = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
  a->added_at = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
  a->note = g_strdup ((const char *) sqlite3_column_text (stmt, 9));
  a->effective_date = g_strdup ((const char *) sqlite3_column_text (stmt, 10));
  a->expiry_date = g_strdup ((const char *) sqlite3_column_text (stmt, 11));
  return a;
}

static StwAttachment *
load_attachment (StwWorkspace  *self,
                 gint64         id,
                 GError       **error)
{
  sqlite3_stmt *stmt;
  StwAttachment *a = NULL;

  stmt = _stw_workspace_prepare (self,
                                 "SELECT " ATTACHMENT_COLUMNS " FROM attachment a"
                                 " LEFT JOIN person p ON p.id = a.added_by WHERE a.id = ? AND a.removed_at IS NULL",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    a = attachment_from_row (stmt);
  sqlite3_reset (stmt);
  if (a == NULL)
    g_set_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_FOUND,
                 _("The attachment no longer exists"));
  return a;
}

GListModel *
stw_workspace_list_attachments (StwWorkspace  *self,
                                const char    *entity,
                                gint64         entity_id,
                                GError       **error)
{
  g_autoptr(GListStore) store = g_list_store_new (STW_TYPE_ATTACHMENT);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), NULL);

  stmt = _stw_workspace_prepare (self,
                                 "SELECT " ATTACHMENT_COLUMNS " FROM attachment a"
                                 " LEFT JOIN person p ON p.id = a.added_by"
                                 " WHERE a.entity = ? AND a.entity_id = ? AND a.removed_at IS NULL"
                                 " ORDER BY a.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, entity_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(StwAttachment) a = attachment_from_row (stmt);
      g_list_store_append (store, a);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      _stw_set_sqlite_error (error, _stw_workspace_get_db (self), rc, _("Could not read the evidence"));
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

guint
stw_workspace_count_attachments (StwWorkspace *self,
                                 const char   *entity,
                                 gint64        entity_id)
{
  sqlite3_stmt *stmt;
  guint n = 0;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), 0);

  stmt = _stw_workspace_prepare (self,
                                 "SELECT count(*) FROM attachment WHERE entity = ? AND entity_id = ?"
                                 " AND removed_at IS NULL", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, entity_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return n;
}

guint
stw_workspace_count_expired_attachments (StwWorkspace *self,
                                         const char   *entity,
                                         gint64        entity_id)
{
  sqlite3_stmt *stmt;
  guint n = 0;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), 0);

  stmt = _stw_workspace_prepare (self,
                                 "SELECT count(*) FROM attachment WHERE entity = ? AND entity_id = ?"
                                 " AND removed_at IS NULL AND expiry_date < ?", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, entity_id);
  sqlite3_bind_text (stmt, 3, _stw_workspace_today (self), -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return n;
}

gboolean
stw_workspace_remove_attachment (StwWorkspace  *self,
                                 gint64         attachment_id,
                                 GError       **error)
{
  g_autoptr(StwAttachment) a = NULL;
  g_autoptr(JsonBuilder) b = NULL;
  g_autofree char *changes = NULL;
  g_autofree char *now = stw_timestamp_now ();
  sqlite3_stmt *stmt;
  gboolean ok;
  int rc;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);

  a = load_attachment (self, attachment_id, error);
  if (a == NULL)
    return FALSE;

  if (!_stw_workspace_write_begin (self, error))
    return FALSE;
  stmt = _stw_workspace_prepare (self, "UPDATE attachment SET removed_at = ? WHERE id = ?", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, attachment_id);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      ok = rc == SQLITE_DONE;
      if (!ok)
        _stw_set_sqlite_error (error, _stw_workspace_get_db (self), rc, _("Could not remove the evidence"));
    }
  if (ok)
    {
      /* Free the content once nothing refers to it any more. */
      stmt = _stw_workspace_prepare (self,
                                     "DELETE FROM blob WHERE sha256 = ?1 AND state = 'ready' AND NOT EXISTS"
                                     " (SELECT 1 FROM attachment WHERE sha256 = ?1 AND removed_at IS NULL)", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_text (stmt, 1, a->sha256, -1, SQLITE_TRANSIENT);
          rc = sqlite3_step (stmt);
          sqlite3_reset (stmt);
          sqlite3_clear_bindings (stmt);
          ok = rc == SQLITE_DONE;
          if (!ok)
            _stw_set_sqlite_error (error, _stw_workspace_get_db (self), rc, _("Could not remove the evidence"));
        }
    }
  if (ok)
    {
      b = _stw_changes_new ();
      _stw_changes_add_text (b, "evidence", a->file_name, NULL);
      _stw_changes_add_text (b, "sha256", a->sha256, NULL);
      changes = _stw_changes_finish (b);
      ok = _stw_history_append (self, a->entity, a->entity_id, "detach", changes, error);
    }
  if (ok && g_str_equal (a->entity, "item"))
    {
      g_autoptr(StwItem) item = stw_workspace_load_item (self, a->entity_id, NULL);

      if (item != NULL)
        _stw_workspace_note_change (self, "item", a->entity_id, stw_item_get_workstream_id (item));
    }
  ok = _stw_workspace_write_end (self, ok, ok ? error : NULL) && ok;
  /* The last attachment of a file took its chunks with it. */
  if (ok)
    _stw_evidence_reclaim_space (_stw_workspace_get_db (self));
  return ok;
}

/* Calls @func for each chunk of the ready blob with @sha256, in order. */
gboolean
_stw_evidence_for_each_chunk (sqlite3        *db,
                              const char     *sha256,
                              gboolean      (*func) (const void *data, gsize len,
                                                     gpointer user_data, GError **error),
                              gpointer        user_data,
                              GCancellable   *cancellable,
                              GError        **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;
  int rc;

  /* Not cached: it holds a read transaction while it runs. */
  rc = sqlite3_prepare_v2 (db,
                           "SELECT c.data FROM blob_chunk c JOIN blob b ON b.id = c.blob_id"
                           " WHERE b.sha256 = ? AND b.state = 'ready' ORDER BY c.seq", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _stw_set_sqlite_error (error, db, rc, _("Could not read the evidence"));
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ok = func (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0), user_data, error) &&
           !g_cancellable_set_error_if_cancelled (cancellable, error);
    }
  if (ok && rc != SQLITE_DONE)
    {
      _stw_set_sqlite_error (error, db, rc, _("Could not read the evidence"));
      ok = FALSE;
    }
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
write_chunk (const void  *data,
             gsize        len,
             gpointer     user_data,
             GError     **error)
{
  return g_output_stream_write_all (G_OUTPUT_STREAM (user_data), data, len, NULL, NULL, error);
}

gboolean
stw_workspace_export_attachment (StwWorkspace  *self,
                                 gint64         attachment_id,
                                 GFile         *destination,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  g_autoptr(StwAttachment) a = NULL;
  g_autoptr(GFileOutputStream) out = NULL;

  g_return_val_if_fail (STW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (destination), FALSE);

  a = load_attachment (self, attachment_id, error);
  if (a == NULL)
    return FALSE;
  out = g_file_replace (destination, NULL, FALSE, G_FILE_CREATE_PRIVATE, cancellable, error);
  if (out == NULL)
    return FALSE;
  if (!_stw_evidence_for_each_chunk (_stw_workspace_get_db (self), a->sha256, write_chunk, out, cancellable, error))
    {
      /* Do not leave half a file behind. */
      g_output_stream_close (G_OUTPUT_STREAM (out), NULL, NULL);
      g_file_delete (destination, NULL, NULL);
      return FALSE;
    }
  return g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, error);
}

typedef struct {
  char  *path;      /* the workspace file */
  char  *sha256;
  GFile *destination;
} Export;

static void
export_free (Export *export)
{
  g_free (export->path);
  g_free (export->sha256);
  g_clear_object (&export->destination);
  g_free (export);
}

/* Writes the content to the destination on a read connection of its own,
 * so a large file does not hold up the window. */
static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Export *export = task_data;
  g_autoptr(GFileOutputStream) out = NULL;
  GError *error = NULL;
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (export->path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    {
      _stw_set_sqlite_error (&error, db, rc, _("Cannot open the workspace"));
      sqlite3_close_v2 (db);
      g_task_return_error (task, error);
      return;
    }
  sqlite3_busy_timeout (db, 10000);
  out = g_file_replace (export->destination, NULL, FALSE, G_FILE_CREATE_PRIVATE, cancellable, &error);
  if (out == NULL ||
      !_stw_evidence_for_each_chunk (db, export->sha256, write_chunk, out, cancellable, &error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, &error))
    {
      if (out != NULL)
        {
          g_output_stream_close (G_OUTPUT_STREAM (out), NULL, NULL);
          g_file_delete (export->destination, NULL, NULL);
        }
      sqlite3_close_v2 (db);
      g_task_return_error (task, error);
      return;
    }
  sqlite3_close_v2 (db);
  g_task_return_boolean (task, TRUE);
}

void
stw_workspace_export_attachment_async (StwWorkspace        *self,
                                       gint64               attachment_id,
                                       GFile               *destination,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(StwAttachment) a = NULL;
  GError *error = NULL;
  Export *export;

  g_return_if_fail (STW_IS_WORKSPACE (self));
  g_return_if_fail (G_IS_FILE (destination));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, stw_workspace_export_attachment_async);
  a = load_attachment (self, attachment_id, &error);
  if (a == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  export = g_new0 (Export, 1);
  export->path = g_strdup (stw_workspace_get_path (self));
  export->sha256 = g_strdup (a->sha256);
  export->destination = g_object_ref (destination);
  g_task_set_task_data (task, export, (GDestroyNotify) export_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
stw_workspace_export_attachment_finish (StwWorkspace  *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
