/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stw-witness.c: a witness of the history's head, kept outside the file.
 *
 * A history rehashed from an edited entry on, or with its last entries cut
 * off, is a valid chain again: nothing inside the file can tell. So after
 * each committed write this computer notes the head (sequence and hash) in
 * the app's data folder, one small file per workspace path, and the check
 * reports when the workspace no longer contains the head it noted.
 *
 * The witness also holds the time of the workspace's first entry, which
 * no write changes: a different workspace later made at the same path is
 * not mistaken for this one with its history cut off.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "stw-workspace-private.h"

#define WITNESS_MAGIC "steward-witness-1"

/* The head noted last by this process, so a write that added no entry
 * writes no file. */
#define NOTED_KEY "stw-witness-noted"

typedef struct {
  gint64  seq;
  char   *hash;
  char   *origin;   /* "at" of entry 1 */
} Head;

static void
head_clear (Head *head)
{
  g_clear_pointer (&head->hash, g_free);
  g_clear_pointer (&head->origin, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Head, head_clear)

static char *
witness_path (StwWorkspace *self)
{
  g_autofree char *path = g_canonicalize_filename (stw_workspace_get_path (self), NULL);
  g_autofree char *key = g_compute_checksum_for_string (G_CHECKSUM_SHA256, path, -1);

  return g_build_filename (g_get_user_data_dir (), "steward", "witness", key, NULL);
}

/* The newest entry and the first entry's time; seq 0 for an empty log. */
static gboolean
read_head (StwWorkspace *self,
           Head         *head)
{
  sqlite3 *db = _stw_workspace_get_db (self);
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  ok = sqlite3_prepare_v2 (db,
                           "SELECT h.seq, h.hash, (SELECT at FROM history WHERE seq = 1)"
                           " FROM history h ORDER BY h.seq DESC LIMIT 1", -1, &stmt, NULL) == SQLITE_OK;
  if (ok)
    {
      int rc = sqlite3_step (stmt);

      if (rc == SQLITE_ROW)
        {
          head->seq = sqlite3_column_int64 (stmt, 0);
          head->hash = g_strdup (_stw_column_text (stmt, 1));
          head->origin = g_strdup (_stw_column_text (stmt, 2) ? _stw_column_text (stmt, 2) : "");
        }
      ok = rc == SQLITE_ROW || rc == SQLITE_DONE;
    }
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
read_witness (StwWorkspace *self,
              Head         *head)
{
  g_autofree char *path = witness_path (self);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  char *end = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return FALSE;
  lines = g_strsplit (contents, "\n", -1);
  if (g_strv_length (lines) < 4 || !g_str_equal (lines[0], WITNESS_MAGIC))
    return FALSE;
  head->origin = g_strdup (lines[1]);
  errno = 0;
  head->seq = g_ascii_strtoll (lines[2], &end, 10);
  if (errno != 0 || end == lines[2] || *end != '\0' || head->seq <= 0)
    return FALSE;
  head->hash = g_strdup (lines[3]);
  return TRUE;
}

void
_stw_witness_note (StwWorkspace *self)
{
  g_auto(Head) head = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gint64 noted = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (self), NOTED_KEY));

  if (!read_head (self, &head) || head.seq == 0 || head.seq == noted)
    return;

  path = witness_path (self);
  dir = g_path_get_dirname (path);
  contents = g_strdup_printf (WITNESS_MAGIC "\n%s\n%" G_GINT64_FORMAT "\n%s\n", head.origin, head.seq, head.hash);
  /* The write is committed whatever happens here: a witness that cannot be
   * written only makes a later check prove less. Temporary file then
   * rename, so a crash never leaves half a witness. */
  if (g_mkdir_with_parents (dir, 0700) != 0
      || !g_file_set_contents_full (path, contents, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    {
      g_debug ("Could not note the history head of %s: %s", stw_workspace_get_path (self),
               error ? error->message : g_strerror (errno));
      return;
    }
  g_object_set_data (G_OBJECT (self), NOTED_KEY, GSIZE_TO_POINTER ((gsize) head.seq));
}

gboolean
_stw_check_witness (StwWorkspace  *self,
                    GString       *report,
                    gboolean      *intact,
                    GError       **error)
{
  g_auto(Head) seen = { 0 };
  g_auto(Head) now = { 0 };
  sqlite3 *db = _stw_workspace_get_db (self);
  sqlite3_stmt *stmt = NULL;
  g_autofree char *hash = NULL;
  int rc;

  /* Never written from this computer: nothing to compare with. */
  if (!read_witness (self, &seen))
    return TRUE;
  if (!read_head (self, &now))
    {
      _stw_set_sqlite_error (error, db, sqlite3_errcode (db), _("Could not read the history"));
      return FALSE;
    }
  /* Another workspace at the same path since (its first entry is not the
   * one witnessed). An emptied history has no first entry: that is cut. */
  if (now.seq > 0 && g_strcmp0 (now.origin, seen.origin) != 0)
    return TRUE;

  rc = sqlite3_prepare_v2 (db, "SELECT hash FROM history WHERE seq = ?", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _stw_set_sqlite_error (error, db, rc, _("Could not read the history"));
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, seen.seq);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    hash = g_strdup (_stw_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  if (hash == NULL)
    {
      *intact = FALSE;
      g_string_append_printf (report,
                              _("History: entry %lld, the head this computer last saw, is gone: the history was cut off\n"),
                              (long long) seen.seq);
    }
  else if (strcmp (hash, seen.hash) != 0)
    {
      *intact = FALSE;
      g_string_append_printf (report,
                              _("History: entry %lld is not the head this computer last saw (%s): the history was rewritten\n"),
                              (long long) seen.seq, seen.hash);
    }
  else
    g_string_append_printf (report, _("History: contains entry %lld, the head this computer last saw\n"),
                            (long long) seen.seq);
  return TRUE;
}
