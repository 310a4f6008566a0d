/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-evidence.c: evidence files stored in the workspace: content
 * addressing and de-duplication, export, removal, integrity checks, the
 * closure rule counting evidence, and every bad input (folder, empty,
 * missing, non-UTF-8 name, a file that shrinks while read, cancelling,
 * a full disk, a crash mid-import) leaving nothing half-stored.
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "stw-cli.h"
#include "stw-evidence.h"
#include "stw-risk-register.h"
#include "stw-workspace.h"
#include "stw-importer.h"
#include "test-util.h"

typedef struct {
  char         *dir;
  char         *path;
  StwWorkspace *ws;
  StwItem      *task;
  StwItem      *other;
} Fixture;

static char *tmp;
static guint counter;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("ev-%u", counter++);
  g_autoptr(StwWorkstream) tasks = NULL;

  f->dir = test_path (tmp, name);
  g_mkdir_with_parents (f->dir, 0700);
  f->path = g_build_filename (f->dir, "ws.steward", NULL);
  f->ws = stw_workspace_create (f->path, "Acme Ltd", "Ann", &error);
  g_assert_no_error (error);
  tasks = g_list_model_get_item (stw_workspace_get_workstreams (f->ws), 3);
  f->task = stw_item_new (stw_workstream_get_id (tasks));
  stw_item_set_title (f->task, "Nightly backup log");
  g_assert_true (stw_workspace_insert_item (f->ws, f->task, &error));
  f->other = stw_item_new (stw_workstream_get_id (tasks));
  stw_item_set_title (f->other, "Second item");
  g_assert_true (stw_workspace_insert_item (f->ws, f->other, &error));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->task);
  g_clear_object (&f->other);
  g_clear_object (&f->ws);
  g_free (f->path);
  g_free (f->dir);
}

static GFile *
write_file (Fixture    *f,
            const char *name,
            gsize       size,
            guint8      seed)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autofree guint8 *data = g_malloc (size ? size : 1);

  for (gsize i = 0; i < size; i++)
    data[i] = (guint8) (seed + i * 31 + i / 7);
  g_assert_true (g_file_set_contents (path, (const char *) data, size, NULL));
  return g_file_new_for_path (path);
}

static char *
sha_of (GFile *file)
{
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_load_contents (file, NULL, &contents, &len, NULL, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

static int
count_rows (Fixture    *f,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int n = -1;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static void
assert_nothing_stored (Fixture *f)
{
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM blob"), ==, 0);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM blob_chunk"), ==, 0);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM attachment"), ==, 0);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM history WHERE action = 'attach'"), ==, 0);
}

static void
test_attach_dedupe_export_remove (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = write_file (f, "backup-log.txt", 3 * STW_EVIDENCE_CHUNK_SIZE + 123, 7);
  g_autofree char *expected = sha_of (file);
  StwAttachOptions options = { "Nightly job output", "2027-03-01", "2027-03-10" };
  g_autoptr(StwAttachment) a = NULL, b = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GFile) out = NULL;
  g_autofree char *out_sha = NULL;

  a = stw_workspace_attach_file (f->ws, "item", stw_item_get_id (f->task), file, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stw_attachment_get_sha256 (a), ==, expected);
  g_assert_cmpuint (stw_attachment_get_size (a), ==, 3 * STW_EVIDENCE_CHUNK_SIZE + 123);
  g_assert_cmpstr (stw_attachment_get_file_name (a), ==, "backup-log.txt");
  g_assert_cmpstr (stw_attachment_get_note (a), ==, "Nightly job output");
  g_assert_cmpstr (stw_attachment_get_added_by (a), ==, "Ann");
  g_assert_nonnull (stw_attachment_get_media_type (a));
  /* Expired against the pinned today. */
  g_assert_true (stw_attachment_is_expired (a, TEST_TODAY));
  g_assert_cmpuint (stw_workspace_count_expired_attachments (f->ws, "item", stw_item_get_id (f->task)), ==, 1);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM blob_chunk"), ==, 4);

  /* The SHA-256 is in the item's history. */
  history = stw_workspace_list_history (f->ws, "item", stw_item_get_id (f->task), &error);
  g_assert_cmpstr (((StwHistoryEntry *) history->pdata[history->len - 1])->action, ==, "attach");
  g_assert_nonnull (strstr (((StwHistoryEntry *) history->pdata[history->len - 1])->changes, expected));

  /* The same content twice is stored once. */
  b = stw_workspace_attach_file (f->ws, "item", stw_item_get_id (f->other), file, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM blob"), ==, 1);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM blob_chunk"), ==, 4);
  g_assert_cmpuint (stw_workspace_count_attachments (f->ws, "item", stw_item_get_id (f->other)), ==, 1);

  list = stw_workspace_list_attachments (f->ws, "item", stw_item_get_id (f->task), &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);

  /* Save as: byte for byte. */
  {
    g_autofree char *dest = g_build_filename (f->dir, "saved.txt", NULL);
    out = g_file_new_for_path (dest);
  }
  g_assert_true (stw_workspace_export_attachment (f->ws, stw_attachment_get_id (a), out, NULL, &error));
  out_sha = sha_of (out);
  g_assert_cmpstr (out_sha, ==, expected);

  /* Removing one keeps the content for the other; removing both frees it. */
  g_assert_true (stw_workspace_remove_attachment (f->ws, stw_attachment_get_id (a), &error));
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM blob"), ==, 1);
  g_assert_true (stw_workspace_remove_attachment (f->ws, stw_attachment_get_id (b), &error));
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM blob"), ==, 0);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM blob_chunk"), ==, 0);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM history WHERE action = 'detach'"), ==, 2);
  g_assert_true (stw_workspace_verify_history (f->ws, NULL, NULL, &error));
}

static void
test_integrity (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = write_file (f, "policy.pdf", 200000, 3);
  g_autoptr(StwAttachment) a = stw_workspace_attach_file (f->ws, "item", stw_item_get_id (f->task), file,
                                                          NULL, NULL, NULL, NULL, &error);
  g_autoptr(GString) report = g_string_new (NULL);
  guint n = 0;
  sqlite3 *db = NULL;

  g_assert_no_error (error);
  g_assert_true (stw_workspace_verify_evidence (f->ws, report, &n, NULL, &error));
  g_assert_cmpuint (n, ==, 1);
  g_clear_object (&f->ws);

  /* Someone changes a byte of the stored file outside the app. */
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE blob_chunk SET data = zeroblob(length(data))", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  f->ws = stw_workspace_open (f->path, &error);
  g_string_truncate (report, 0);
  g_assert_false (stw_workspace_verify_evidence (f->ws, report, &n, NULL, &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (report->str, "policy.pdf"));
  g_clear_error (&error);
  g_string_truncate (report, 0);
  g_assert_false (stw_workspace_check (f->ws, report, &error));
  g_assert_nonnull (strstr (report->str, "policy.pdf"));
}

static void
check_refused (Fixture     *f,
               GFile       *file,
               int          code,
               const char  *why)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwAttachment) a = stw_workspace_attach_file (f->ws, "item", stw_item_get_id (f->task), file,
                                                          NULL, NULL, NULL, NULL, &error);

  g_assert_null (a);
  g_assert_error (error, STW_WORKSPACE_ERROR, code);
  g_test_message ("%s", error->message);
  if (why)
    g_assert_nonnull (strstr (error->message, why));
  assert_nothing_stored (f);
}

static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GFile) folder = g_file_new_for_path (f->dir);
  g_autoptr(GFile) empty = write_file (f, "empty.txt", 0, 0);
  g_autofree char *missing_path = g_build_filename (f->dir, "gone.txt", NULL);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autofree char *bad_name = g_build_filename (f->dir, "r\xe9sum\xe9.txt", NULL);
  g_autoptr(GFile) bad_file = NULL;
  g_autofree char *fifo = g_build_filename (f->dir, "pipe", NULL);

  check_refused (f, folder, STW_WORKSPACE_ERROR_INVALID, "folder");
  check_refused (f, empty, STW_WORKSPACE_ERROR_INVALID, "empty");
  check_refused (f, missing, STW_WORKSPACE_ERROR_NOT_FOUND, "gone.txt");

  g_assert_true (g_file_set_contents (bad_name, "latin-1 name", -1, NULL));
  bad_file = g_file_new_for_path (bad_name);
  check_refused (f, bad_file, STW_WORKSPACE_ERROR_INVALID, "rename");

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  {
    g_autoptr(GFile) pipe = g_file_new_for_path (fifo);
    check_refused (f, pipe, STW_WORKSPACE_ERROR_INVALID, "regular");
  }

  if (geteuid () != 0)
    {
      g_autoptr(GFile) locked = write_file (f, "locked.txt", 100, 1);
      g_autofree char *p = g_file_get_path (locked);

      g_chmod (p, 0);
      check_refused (f, locked, STW_WORKSPACE_ERROR_READ_ONLY, "permission");
    }

  /* Evidence goes to items and risks that exist. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GFile) ok = write_file (f, "ok.txt", 10, 1);

    g_assert_null (stw_workspace_attach_file (f->ws, "item", 9999, ok, NULL, NULL, NULL, NULL, &error));
    g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_null (stw_workspace_attach_file (f->ws, "person", 1, ok, NULL, NULL, NULL, NULL, &error));
    g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID);
    assert_nothing_stored (f);
  }
}

typedef struct {
  GFile        *file;
  GCancellable *cancellable;
  gboolean      shrink;
  guint         calls;
} Meddler;

static void
meddle_cb (guint64  done,
           guint64  total,
           gpointer user_data)
{
  Meddler *m = user_data;

  m->calls++;
  if (done == 0 || m->calls != 2)
    return;
  if (m->shrink)
    {
      g_autofree char *path = g_file_get_path (m->file);
      g_assert_cmpint (truncate (path, (off_t) (total / 2)), ==, 0);
    }
  else
    g_cancellable_cancel (m->cancellable);
}

static void
test_changes_while_reading (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = write_file (f, "growing.log", 4 * STW_EVIDENCE_CHUNK_SIZE, 9);
  Meddler m = { file, NULL, TRUE, 0 };

  /* The file shrinks after the first chunk was read. */
  g_assert_null (stw_workspace_attach_file (f->ws, "item", stw_item_get_id (f->task), file, NULL, NULL,
                                            meddle_cb, &m, &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "changed while it was being read"));
  assert_nothing_stored (f);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = write_file (f, "big.bin", 4 * STW_EVIDENCE_CHUNK_SIZE, 5);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Meddler m = { file, cancellable, FALSE, 0 };

  g_assert_null (stw_workspace_attach_file (f->ws, "item", stw_item_get_id (f->task), file, NULL, cancellable,
                                            meddle_cb, &m, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_nothing_stored (f);
}

static void
test_disk_full (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = write_file (f, "scan.pdf", 3 * STW_EVIDENCE_CHUNK_SIZE, 11);
  int pages = count_rows (f, "PRAGMA page_count");
  g_autofree char *limit = g_strdup_printf ("%d", pages + 300);

  /* Room for about one chunk more than the workspace holds now. */
  g_setenv ("STEWARD_TEST_MAX_PAGES", limit, TRUE);
  g_assert_null (stw_workspace_attach_file (f->ws, "item", stw_item_get_id (f->task), file, NULL, NULL,
                                            NULL, NULL, &error));
  g_unsetenv ("STEWARD_TEST_MAX_PAGES");
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_NO_SPACE);
  g_test_message ("%s", error->message);
  assert_nothing_stored (f);

  /* With room again it works. */
  g_clear_error (&error);
  {
    g_autoptr(StwAttachment) a = stw_workspace_attach_file (f->ws, "item", stw_item_get_id (f->task), file,
                                                            NULL, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (a);
  }
}

static void
test_crash_leftovers (Fixture       *f,
                      gconstpointer  data)
{
  sqlite3 *db = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->ws);
  /* What a crash mid-import leaves: a pending blob with some chunks. */
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "PRAGMA foreign_keys = ON;"
                                 "INSERT INTO blob (id, state, created_at) VALUES (77, 'pending', '2020-01-01T00:00:00.000000Z');"
                                 "INSERT INTO blob_chunk (blob_id, seq, data) VALUES (77, 0, zeroblob(1000));",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  f->ws = stw_workspace_open (f->path, &error);
  g_assert_no_error (error);
  assert_nothing_stored (f);
}

/* Space: what the workspace holds in pages, and how many of them are free. */
static int
used_pages (Fixture *f)
{
  return count_rows (f, "PRAGMA page_count") - count_rows (f, "PRAGMA freelist_count");
}

/* Attaching a file that is stored already writes none of it: the file
 * does not grow by its size, not even in free pages. */
static void
test_space_duplicate_attach (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = write_file (f, "audit-export.csv", 8 * STW_EVIDENCE_CHUNK_SIZE, 3);
  g_autoptr(GFile) same_size = write_file (f, "other-export.csv", 8 * STW_EVIDENCE_CHUNK_SIZE, 4);
  g_autoptr(StwAttachment) a = NULL, b = NULL, c = NULL;
  int file_pages, pages, used;

  a = stw_workspace_attach_file (f->ws, "item", stw_item_get_id (f->task), file, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  file_pages = 8 * STW_EVIDENCE_CHUNK_SIZE / count_rows (f, "PRAGMA page_size");
  pages = count_rows (f, "PRAGMA page_count");
  used = used_pages (f);

  b = stw_workspace_attach_file (f->ws, "item", stw_item_get_id (f->other), file, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stw_attachment_get_sha256 (b), ==, stw_attachment_get_sha256 (a));
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM blob_chunk"), ==, 8);
  g_test_message ("pages %d -> %d (free %d), the file is %d pages", pages, count_rows (f, "PRAGMA page_count"),
                  count_rows (f, "PRAGMA freelist_count"), file_pages);
  g_assert_cmpint (count_rows (f, "PRAGMA page_count"), <, pages + file_pages / 10);
  g_assert_cmpint (used_pages (f), <, used + file_pages / 10);
  g_assert_cmpint (count_rows (f, "PRAGMA freelist_count"), <, file_pages / 10);

  /* Same size, other content: read twice, stored once, attached right. */
  c = stw_workspace_attach_file (f->ws, "item", stw_item_get_id (f->other), same_size, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  {
    g_autofree char *want = sha_of (same_size);

    g_assert_cmpstr (stw_attachment_get_sha256 (c), ==, want);
  }
  g_assert_cmpstr (stw_attachment_get_media_type (c), ==, stw_attachment_get_media_type (a));
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM blob"), ==, 2);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM blob_chunk"), ==, 16);
  {
    g_autoptr(GString) report = g_string_new (NULL);

    g_assert_true (stw_workspace_verify_evidence (f->ws, report, NULL, NULL, &error));
    g_assert_no_error (error);
  }

  /* Removing the last attachment of a file gives its pages back. */
  g_assert_true (stw_workspace_remove_attachment (f->ws, stw_attachment_get_id (c), &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "PRAGMA freelist_count"), <, file_pages / 10);
  g_assert_cmpint (count_rows (f, "PRAGMA page_count"), <, pages + file_pages / 10);
}

static void
cancel_late_cb (guint64  done,
                guint64  total,
                gpointer user_data)
{
  /* Past the first commit of chunks, so some are on disk. */
  if (done >= 20 * STW_EVIDENCE_CHUNK_SIZE)
    g_cancellable_cancel (user_data);
}

/* A cancelled import leaves no free pages behind, nor does a crashed one
 * once the workspace is opened again. */
static void
test_space_cancel_and_crash (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = write_file (f, "mail-archive.mbox", 24 * STW_EVIDENCE_CHUNK_SIZE, 8);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  int chunk_pages = STW_EVIDENCE_CHUNK_SIZE / count_rows (f, "PRAGMA page_size");
  int pages = count_rows (f, "PRAGMA page_count");
  sqlite3 *db = NULL;

  g_assert_null (stw_workspace_attach_file (f->ws, "item", stw_item_get_id (f->task), file, NULL, cancellable,
                                            cancel_late_cb, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  assert_nothing_stored (f);
  g_test_message ("after cancel: pages %d -> %d, free %d", pages, count_rows (f, "PRAGMA page_count"),
                  count_rows (f, "PRAGMA freelist_count"));
  g_assert_cmpint (count_rows (f, "PRAGMA freelist_count"), <, chunk_pages);
  g_assert_cmpint (count_rows (f, "PRAGMA page_count"), <, pages + chunk_pages);

  /* A crash: chunks of a pending blob from long ago, cleaned at open. */
  g_clear_object (&f->ws);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "PRAGMA foreign_keys = ON;"
                                 "INSERT INTO blob (id, state, created_at) VALUES (78, 'pending', '2020-01-01T00:00:00.000000Z');"
                                 "WITH RECURSIVE n (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 7)"
                                 "  INSERT INTO blob_chunk (blob_id, seq, data) SELECT 78, i, zeroblob(1048576) FROM n;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (count_rows (f, "PRAGMA page_count"), >, pages + 7 * chunk_pages);

  f->ws = stw_workspace_open (f->path, &error);
  g_assert_no_error (error);
  assert_nothing_stored (f);
  g_assert_cmpint (count_rows (f, "PRAGMA freelist_count"), <, chunk_pages);
  g_assert_cmpint (count_rows (f, "PRAGMA page_count"), <, pages + chunk_pages);
}

static void
test_closure_counts_evidence (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StwRisk) risk = stw_risk_new ();
  g_autoptr(StwWorkstream) treatment = g_list_model_get_item (stw_workspace_get_workstreams (f->ws), 1);
  g_autoptr(StwItem) item = stw_item_new (stw_workstream_get_id (treatment));
  g_autoptr(GFile) file = write_file (f, "mfa-report.csv", 5000, 2);
  g_autoptr(StwAttachment) a = NULL;

  stw_risk_set_title (risk, "Account takeover");
  g_assert_true (stw_workspace_insert_risk (f->ws, risk, &error));
  stw_item_set_title (item, "Enforce MFA");
  stw_item_set_risk_id (item, stw_risk_get_id (risk));
  g_assert_true (stw_workspace_insert_item (f->ws, item, &error));

  stw_item_set_status (item, STW_STATUS_DONE);
  g_assert_false (stw_workspace_update_item (f->ws, item, &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);

  /* With evidence attached no reason is needed. */
  a = stw_workspace_attach_file (f->ws, "item", stw_item_get_id (item), file, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (stw_workspace_update_item (f->ws, item, &error));
  g_assert_no_error (error);

  /* Risks take evidence too. */
  {
    g_autoptr(StwAttachment) r = stw_workspace_attach_file (f->ws, "risk", stw_risk_get_id (risk), file,
                                                            NULL, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (stw_workspace_count_attachments (f->ws, "risk", stw_risk_get_id (risk)), ==, 1);
  }
}

typedef struct {
  gboolean       done;
  StwAttachment *attachment;
  GError        *error;
  guint          progress_calls;
  guint64        last_done;
} AsyncResult;

static void
async_progress_cb (guint64  done,
                   guint64  total,
                   gpointer user_data)
{
  AsyncResult *r = user_data;

  /* Called in the main context, in order. */
  g_assert_cmpuint (done, >=, r->last_done);
  r->last_done = done;
  r->progress_calls++;
}

static void
attached_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  AsyncResult *r = user_data;

  r->attachment = stw_workspace_attach_file_finish (STW_WORKSPACE (source), result, &r->error);
  r->done = TRUE;
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (f, "large.bin", 6 * STW_EVIDENCE_CHUNK_SIZE + 5, 13);
  g_autofree char *expected = sha_of (file);
  AsyncResult r = { 0 };

  stw_workspace_attach_file_async (f->ws, "item", stw_item_get_id (f->task), file, NULL, NULL,
                                   async_progress_cb, &r, attached_cb, &r);
  while (!r.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (r.error);
  g_assert_cmpstr (stw_attachment_get_sha256 (r.attachment), ==, expected);
  g_assert_cmpuint (r.last_done, ==, 6 * STW_EVIDENCE_CHUNK_SIZE + 5);
  g_assert_cmpuint (r.progress_calls, >=, 7);
  g_object_unref (r.attachment);
}

static void
test_cli_attach (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (f, "nightly.log", 4096, 21);
  g_autofree char *expected = sha_of (file);
  g_autofree char *file_path = g_file_get_path (file);
  const char *args[] = { "attach", f->path, file_path, "--to", stw_item_get_ref (f->task),
                         "--note", "From cron", NULL };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);
  g_autofree char *line = NULL;

  g_clear_object (&f->ws);
  g_assert_cmpint (stw_cli_run (args, out, err), ==, 0);
  line = g_strdup_printf ("%s  nightly.log\n", expected);
  g_assert_cmpstr (out->str, ==, line);

  /* A missing reference fails with a message and a non-zero status. */
  g_string_truncate (out, 0);
  args[4] = "T-999";
  g_assert_cmpint (stw_cli_run (args, out, err), !=, 0);
  g_assert_nonnull (strstr (err->str, "T-999"));
}

typedef struct {
  gboolean  done;
  gboolean  ok;
  GError   *error;
} Exported;

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Exported *e = user_data;

  e->ok = stw_workspace_export_attachment_finish (STW_WORKSPACE (source), result, &e->error);
  e->done = TRUE;
}

static void
test_export_async (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = write_file (f, "big-report.pdf", 3 * STW_EVIDENCE_CHUNK_SIZE + 17, 8);
  g_autofree char *expected = sha_of (file);
  g_autoptr(StwAttachment) a = stw_workspace_attach_file (f->ws, "item", stw_item_get_id (f->task), file,
                                                          NULL, NULL, NULL, NULL, &error);
  g_autofree char *dest_path = g_build_filename (f->dir, "copy.pdf", NULL);
  g_autoptr(GFile) dest = g_file_new_for_path (dest_path);
  g_autofree char *got = NULL;
  Exported e = { 0 };

  g_assert_no_error (error);
  stw_workspace_export_attachment_async (f->ws, stw_attachment_get_id (a), dest, NULL, exported_cb, &e);
  while (!e.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (e.error);
  g_assert_true (e.ok);
  got = sha_of (dest);
  g_assert_cmpstr (got, ==, expected);
}

static void
test_inside_bulk_change (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = write_file (f, "inside.bin", 2 * STW_EVIDENCE_CHUNK_SIZE + 1, 4);
  g_autoptr(GFile) empty = write_file (f, "nothing.txt", 0, 0);
  g_autoptr(StwAttachment) a = NULL;

  g_assert_true (stw_workspace_begin (f->ws, &error));
  a = stw_workspace_attach_file (f->ws, "item", stw_item_get_id (f->task), file, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (a);
  g_assert_null (stw_workspace_attach_file (f->ws, "item", stw_item_get_id (f->task), empty, NULL, NULL, NULL, NULL, &error));
  g_clear_error (&error);
  g_assert_true (stw_workspace_commit (f->ws, &error));
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM attachment"), ==, 1);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM blob WHERE state = 'ready'"), ==, 1);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM blob_chunk"), ==, 3);

  /* Rolled back with the bulk change, nothing stays. */
  g_assert_true (stw_workspace_begin (f->ws, &error));
  g_clear_object (&a);
  a = stw_workspace_attach_file (f->ws, "item", stw_item_get_id (f->other), file, NULL, NULL, NULL, NULL, &error);
  g_assert_nonnull (a);
  stw_workspace_rollback (f->ws);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM attachment"), ==, 1);
}

static void
exec_sql (Fixture    *f,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* Issue 9, point 4: the clean-up of crashed imports never deletes a blob
 * that an attachment names, even when its state says "pending". */
static void
test_cleanup_keeps_referenced (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = write_file (f, "access-review-q4.csv", 2 * STW_EVIDENCE_CHUNK_SIZE + 5, 3);
  g_autoptr(StwAttachment) a = NULL;

  a = stw_workspace_attach_file (f->ws, "item", stw_item_get_id (f->task), file, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&f->ws);

  /* Set back to pending and made old, as a tamper or a bug would leave it. */
  exec_sql (f, "UPDATE blob SET state = 'pending', created_at = '2000-01-01T00:00:00.000000Z'");
  f->ws = stw_workspace_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM blob"), ==, 1);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM blob_chunk"), ==, 3);
}

/* Issue 9, point 6 (a crash test's leftovers): a pending blob whose
 * importing process is gone goes at the next open however fresh it is;
 * one whose importer still runs stays, however old. */
static void
test_cleanup_by_importer (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *boot = NULL;
  g_autofree char *gone = NULL;
  g_autofree char *alive = NULL;
  g_autofree char *sql = NULL;

  g_assert_true (g_file_get_contents ("/proc/sys/kernel/random/boot_id", &boot, NULL, NULL));
  g_strstrip (boot);
  /* Above Linux's largest process id: no such process runs. */
  gone = g_strdup_printf ("%s %s 999999999 12345", g_get_host_name (), boot);
  alive = _stw_importer_self ();
  g_clear_object (&f->ws);

  sql = g_strdup_printf ("INSERT INTO blob (id, state, created_at) VALUES (101, 'pending', strftime('%%Y-%%m-%%dT%%H:%%M:%%fZ', 'now'));"
                         "INSERT INTO blob (id, state, created_at) VALUES (102, 'pending', '2000-01-01T00:00:00.000000Z');"
                         "INSERT INTO setting (key, value) VALUES ('import:101', '%s'), ('import:102', '%s');",
                         gone, alive);
  exec_sql (f, sql);
  f->ws = stw_workspace_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM blob WHERE id = 101"), ==, 0);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM setting WHERE key = 'import:101'"), ==, 0);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM blob WHERE id = 102"), ==, 1);
  g_assert_true (_stw_importer_gone (gone));
  g_assert_false (_stw_importer_gone (alive));
}

/* Issue 9, point 4: the check ties each live attachment to a complete
 * stored file with the SHA-256 its attach entry recorded. Attaches a file,
 * runs @sql on the closed workspace, and expects the check to name the
 * item and the file. */
static void
assert_tamper_found (Fixture    *f,
                     const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = write_file (f, "access-review-q4.csv", 2 * STW_EVIDENCE_CHUNK_SIZE + 5, 3);
  g_autoptr(GFile) intact = write_file (f, "policy.pdf", 1000, 9);
  g_autoptr(StwAttachment) a = NULL;
  g_autoptr(StwAttachment) b = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autofree char *line = NULL;

  a = stw_workspace_attach_file (f->ws, "item", stw_item_get_id (f->task), file, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  b = stw_workspace_attach_file (f->ws, "item", stw_item_get_id (f->other), intact, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (stw_workspace_check (f->ws, report, &error));
  g_assert_no_error (error);
  g_clear_object (&f->ws);

  exec_sql (f, sql);

  f->ws = stw_workspace_open (f->path, &error);
  g_assert_no_error (error);
  g_string_truncate (report, 0);
  g_assert_false (stw_workspace_check (f->ws, report, &error));
  g_assert_error (error, STW_WORKSPACE_ERROR, STW_WORKSPACE_ERROR_CORRUPT);
  g_test_message ("%s", report->str);
  g_assert_null (strstr (report->str, "every hash matches"));
  line = g_strdup_printf ("Evidence: %s “access-review-q4.csv”: ", stw_item_get_ref (f->task));
  g_assert_nonnull (strstr (report->str, line));
  /* The untouched file of the other item is not blamed. */
  g_assert_null (strstr (report->str, "policy.pdf"));
}

static void
test_check_blob_deleted (Fixture       *f,
                         gconstpointer  data)
{
  assert_tamper_found (f, "DELETE FROM blob_chunk WHERE blob_id IN (SELECT id FROM blob WHERE size > 1000);"
                          "DELETE FROM blob WHERE size > 1000");
}

static void
test_check_blob_pending (Fixture       *f,
                         gconstpointer  data)
{
  assert_tamper_found (f, "UPDATE blob SET state = 'pending' WHERE size > 1000");
}

/* The content replaced and every hash column set to the new content's:
 * only the attach entry still says what was attached. */
static void
test_check_blob_swapped (Fixture       *f,
                         gconstpointer  data)
{
  gsize size = 2 * STW_EVIDENCE_CHUNK_SIZE + 5;
  g_autofree guchar *zeros = g_malloc0 (size);
  g_autofree char *sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, zeros, size);
  g_autofree char *sql = g_strdup_printf ("UPDATE blob_chunk SET data = zeroblob(length(data))"
                                          "  WHERE blob_id = (SELECT id FROM blob WHERE size > 1000);"
                                          "UPDATE attachment SET sha256 = '%s' WHERE sha256 ="
                                          "  (SELECT sha256 FROM blob WHERE size > 1000);"
                                          "UPDATE blob SET sha256 = '%s' WHERE size > 1000;", sha, sha);

  assert_tamper_found (f, sql);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;

  g_test_init (&argc, &argv, NULL);
  data_home = test_setup_data_home ();
  tmp = data_home;

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/evidence/attach-dedupe-export-remove", test_attach_dedupe_export_remove);
  ADD ("/evidence/integrity", test_integrity);
  ADD ("/evidence/bad-input", test_bad_input);
  ADD ("/evidence/changes-while-reading", test_changes_while_reading);
  ADD ("/evidence/cancel", test_cancel);
  ADD ("/evidence/disk-full", test_disk_full);
  ADD ("/evidence/crash-leftovers", test_crash_leftovers);
  ADD ("/evidence/space/duplicate-attach", test_space_duplicate_attach);
  ADD ("/evidence/space/cancel-and-crash", test_space_cancel_and_crash);
  ADD ("/evidence/cleanup-keeps-referenced", test_cleanup_keeps_referenced);
  ADD ("/evidence/cleanup-by-importer", test_cleanup_by_importer);
  ADD ("/evidence/check-blob-deleted", test_check_blob_deleted);
  ADD ("/evidence/check-blob-pending", test_check_blob_pending);
  ADD ("/evidence/check-blob-swapped", test_check_blob_swapped);
  ADD ("/evidence/closure-counts-evidence", test_closure_counts_evidence);
  ADD ("/evidence/async", test_async);
  ADD ("/evidence/cli-attach", test_cli_attach);
  ADD ("/evidence/inside-bulk-change", test_inside_bulk_change);
  ADD ("/evidence/export-async", test_export_async);
#undef ADD

  return g_test_run ();
}
